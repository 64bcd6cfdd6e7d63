package dk.rammearkitektur.clients.beskedfordeler;

import java.sql.Connection;
import java.util.Optional;

/**
 * Remembers which messages were handled, so a message the Beskedfordeler delivers again (it redelivers whatever was
 * not acknowledged) is handled once. Every instance of a fagsystem that consumes one dueslag shares one store.
 *
 * <p>An id counts as handled only when its work returned normally; work that throws leaves no trace, so the message
 * is handled again when it comes back. Implementations must make {@link #runOnce} atomic across everything sharing
 * the store: while one caller runs work for an id, another caller with the same id waits and then returns false (or
 * runs the work itself if the first failed).
 *
 * <p>Two stores come with the SDK: {@link InMemoryDeduplication} for a fagsystem that runs as one instance, and
 * {@link JdbcDeduplication} for several instances sharing a database, whose work writes in the same transaction as
 * the id.
 */
public interface Deduplication {

    /**
     * Runs {@code work} unless {@code messageId} was handled before.
     *
     * @param messageId the message id ({@code BeskedId}), as the envelope gives it
     * @param work what handling the message means
     * @return true when the work ran now, false when the id had been handled before
     * @throws Exception whatever the work threw (the id is then not recorded)
     */
    boolean runOnce(String messageId, Work work) throws Exception;

    /** The handling of one message, given the store's transaction when the store has one. */
    @FunctionalInterface
    interface Work {
        /**
         * Handles the message.
         *
         * @param transaction the database transaction that records the id; whatever the work writes through it is
         *     committed together with the id, or rolled back with it. Empty for stores without one.
         * @throws Exception any failure; the id is then not recorded
         */
        void run(Optional<Connection> transaction) throws Exception;
    }
}

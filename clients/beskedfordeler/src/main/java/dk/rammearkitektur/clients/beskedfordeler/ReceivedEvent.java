package dk.rammearkitektur.clients.beskedfordeler;

import dk.rammearkitektur.clients.common.events.EventMessage;
import java.sql.Connection;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One event as the Beskedfordeler delivered it to the application's {@link EventHandler}.
 *
 * @param message the event (Hændelsesbesked)
 * @param dueslag the dueslag (queue) it came from; empty when the Beskedfordeler pushed it (BeskedFåTilsendt)
 * @param redelivered true when the broker delivered it before (to this or another consumer) without an
 *     acknowledgement (always false when pushed: a push does not say); the {@link Deduplication} has already made sure it was not handled to the end before
 * @param transaction the {@link Deduplication} store's transaction, when it has one (see {@link JdbcDeduplication}):
 *     what the handler writes through it is committed together with the record that the event was handled
 */
public record ReceivedEvent(EventMessage message, Optional<UUID> dueslag, boolean redelivered,
        Optional<Connection> transaction) {

    /** Checks that every field is given. */
    public ReceivedEvent {
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(dueslag, "dueslag == null");
        Objects.requireNonNull(transaction, "transaction == null");
    }
}

package dk.rammearkitektur.clients.beskedfordeler.internal;

import dk.rammearkitektur.clients.beskedfordeler.Deduplication;
import dk.rammearkitektur.clients.beskedfordeler.EventHandler;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.clients.beskedfordeler.UnreadableMessage;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.core.PersonalData;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What pull and push do with a message alike: a readable event goes to the application's handler once per message id
 * through the deduplication store; an unreadable one to the application's unreadable-message handler, whose own
 * failure is logged, never passed on.
 *
 * @param handler the application's handler
 * @param deduplication the store of handled message ids
 * @param onUnreadable told of each unreadable message
 */
public record EventDispatch(EventHandler handler, Deduplication deduplication,
        Consumer<UnreadableMessage> onUnreadable) {
    private static final Logger LOG = LoggerFactory.getLogger("dk.rammearkitektur.clients.beskedfordeler");

    /**
     * Hands {@code message} to the handler unless its id was handled before.
     *
     * @return true when the handler ran now, false for a message handled before
     * @throws Exception what the handler or the store threw (an interrupt is kept on the thread)
     */
    public boolean handle(EventMessage message, Optional<UUID> dueslag, boolean redelivered) throws Exception {
        try {
            return deduplication.runOnce(message.messageId(),
                    tx -> handler.handle(new ReceivedEvent(message, dueslag, redelivered, tx)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    /** Tells the unreadable-message handler; a failure of it is logged (CPR numbers masked). */
    public void unreadable(UnreadableMessage message) {
        try {
            onUnreadable.accept(message);
        } catch (RuntimeException e) {
            LOG.error("the unreadable-message handler failed: {}", PersonalData.maskCprNumbers(e.toString()));
        }
    }
}

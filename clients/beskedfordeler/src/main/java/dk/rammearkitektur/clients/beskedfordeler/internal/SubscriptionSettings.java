package dk.rammearkitektur.clients.beskedfordeler.internal;

import dk.rammearkitektur.clients.beskedfordeler.Deduplication;
import dk.rammearkitektur.clients.beskedfordeler.EventHandler;
import dk.rammearkitektur.clients.beskedfordeler.UnreadableMessage;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A subscription's checked settings.
 *
 * @param dueslag the queue
 * @param handler the application's handler
 * @param deduplication the store of handled message ids
 * @param prefetch unacknowledged messages per channel
 * @param concurrency channels (each handles its messages one at a time)
 * @param maxAttempts handler attempts per message before it goes to the error queue
 * @param retryDelay the pause before a failed message is given back
 * @param backoffMin the first pause before reconnecting
 * @param backoffMax the longest pause before reconnecting
 * @param closeTimeout how long closing waits for handlers in progress
 * @param onUnreadable told of each unreadable message before it is rejected
 */
public record SubscriptionSettings(UUID dueslag, EventHandler handler, Deduplication deduplication, int prefetch,
        int concurrency, int maxAttempts, Duration retryDelay, Duration backoffMin, Duration backoffMax,
        Duration closeTimeout, Consumer<UnreadableMessage> onUnreadable) {
}

package dk.rammearkitektur.clients.beskedfordeler;

import dk.rammearkitektur.clients.beskedfordeler.internal.SubscriptionLoop;
import dk.rammearkitektur.clients.beskedfordeler.internal.SubscriptionSettings;
import dk.rammearkitektur.core.Violations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * A running subscription to one dueslag (the application's queue at the Beskedfordeler, SF1461 BeskedHent): it
 * consumes over AMQP with the system certificate and an STS token, hands each event to the {@link EventHandler}
 * through the {@link Deduplication} store, and acknowledges it only after the handler returned. It reconnects by
 * itself, with backoff, when the connection drops or the broker refuses it, and before the token runs out.
 * {@link #close()} stops it cleanly: no new messages are taken, the handlers in progress finish, unhandled messages
 * stay at the Beskedfordeler.
 *
 * <p>What the SDK decides, not the platform: a message whose handler fails is given back after
 * {@link Builder#retryDelay(Duration)} and, after {@link Builder#maxAttempts(int)} attempts, rejected without requeue
 * (to the dueslag's error queue, fejlkø), logged with its message id; an unreadable message is rejected at once,
 * after the {@link Builder#onUnreadable(Consumer)} handler has seen it. KOMBIT's sample rejects a message without
 * {@code BeskedId} without requeue (research note {@code services-breadth.md}, section 3).
 */
public final class EventSubscription implements AutoCloseable {

    /** Where a subscription is. */
    public enum State {
        /** Connecting for the first time. */
        CONNECTING,
        /** Connected and taking messages. */
        CONSUMING,
        /** Connecting again after a dropped or refused connection, or to renew the token. */
        RECONNECTING,
        /** Closed; it takes no more messages. */
        CLOSED
    }

    /**
     * What a subscription has done so far.
     *
     * @param handled events the handler handled to the end
     * @param duplicates events delivered again after they had been handled (acknowledged without the handler)
     * @param unreadable messages rejected because they were not readable events
     * @param failures handler failures (each given back or, at the last attempt, rejected)
     * @param deadLettered events rejected after the last failed attempt
     * @param connections connections made (the first and every reconnection)
     */
    public record Counts(long handled, long duplicates, long unreadable, long failures, long deadLettered,
            long connections) {
    }

    private final UUID dueslag;
    private final SubscriptionLoop loop;

    EventSubscription(UUID dueslag, SubscriptionLoop loop) {
        this.dueslag = dueslag;
        this.loop = loop;
    }

    /** The dueslag consumed. */
    public UUID dueslag() {
        return dueslag;
    }

    /** Where it is now. */
    public State state() {
        return State.valueOf(loop.phase().name());
    }

    /** The counts so far. */
    public Counts counts() {
        long[] c = loop.counts();
        return new Counts(c[0], c[1], c[2], c[3], c[4], c[5]);
    }

    /** Why the last attempt to connect failed; empty once connected again. */
    public Optional<Throwable> lastFailure() {
        return Optional.ofNullable(loop.lastFailure());
    }

    /**
     * Waits until it is consuming.
     *
     * @return true when consuming, false when the time ran out or it was closed
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean awaitConsuming(Duration timeout) throws InterruptedException {
        return loop.awaitConsuming(Objects.requireNonNull(timeout, "timeout == null"));
    }

    /** Stops taking messages, lets the handlers in progress finish (up to the close timeout) and disconnects. */
    @Override
    public void close() {
        loop.close();
    }

    @Override
    public String toString() {
        return "EventSubscription[" + dueslag + ", " + state() + "]";
    }

    /** The settings of a subscription; {@link BeskedfordelerClient#subscription(UUID)} makes one. */
    public static final class Builder {
        private final BeskedfordelerClient client;
        private final UUID dueslag;
        private EventHandler handler;
        private Deduplication deduplication;
        private int prefetch = 10;
        private int concurrency = 1;
        private int maxAttempts = 5;
        private Duration retryDelay = Duration.ofSeconds(1);
        private Duration backoffMin = Duration.ofMillis(500);
        private Duration backoffMax = Duration.ofMinutes(1);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private Consumer<UnreadableMessage> onUnreadable = m -> { };

        Builder(BeskedfordelerClient client, UUID dueslag) {
            this.client = client;
            this.dueslag = dueslag;
        }

        /** What to do with each event. Required. */
        public Builder handler(EventHandler handler) {
            this.handler = handler;
            return this;
        }

        /**
         * Where handled message ids are remembered (default: a new {@link InMemoryDeduplication}, which forgets on
         * restart; use a {@link JdbcDeduplication} when the application runs in several instances or must not handle
         * an event twice across restarts).
         */
        public Builder deduplication(Deduplication deduplication) {
            this.deduplication = deduplication;
            return this;
        }

        /** Messages the broker sends ahead per channel before they are acknowledged; 1 to 1000 (default 10). */
        public Builder prefetch(int prefetch) {
            this.prefetch = prefetch;
            return this;
        }

        /** Channels consuming in parallel, each handling its messages one at a time; 1 to 64 (default 1). */
        public Builder concurrency(int concurrency) {
            this.concurrency = concurrency;
            return this;
        }

        /** Handler attempts per message before it is rejected to the error queue; 1 to 100 (default 5). */
        public Builder maxAttempts(int maxAttempts) {
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The pause before a message whose handler failed is given back; 0 to 10 minutes (default 1 second). */
        public Builder retryDelay(Duration retryDelay) {
            this.retryDelay = retryDelay;
            return this;
        }

        /**
         * The pauses before reconnecting: the first, doubled after each failure up to the longest (defaults 500 ms
         * and 1 minute); a pause gets up to 20% added at random so many instances do not reconnect in step.
         */
        public Builder reconnectBackoff(Duration first, Duration longest) {
            this.backoffMin = first;
            this.backoffMax = longest;
            return this;
        }

        /** How long {@link EventSubscription#close()} waits for handlers in progress; up to 10 minutes (default 30 s). */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
            return this;
        }

        /** Told of each unreadable message before it is rejected to the error queue (default: only logged). */
        public Builder onUnreadable(Consumer<UnreadableMessage> onUnreadable) {
            this.onUnreadable = onUnreadable;
            return this;
        }

        /**
         * Checks the settings and starts consuming in the background.
         *
         * @throws dk.rammearkitektur.core.ValidationException naming each bad setting
         */
        public EventSubscription start() {
            Violations v = Violations.at("subscription");
            v.require(handler != null, "handler", "must be set");
            v.require(prefetch >= 1 && prefetch <= 1000, "prefetch", "must be between 1 and 1000");
            v.require(concurrency >= 1 && concurrency <= 64, "concurrency", "must be between 1 and 64");
            v.require(maxAttempts >= 1 && maxAttempts <= 100, "maxAttempts", "must be between 1 and 100");
            v.require(within(retryDelay, Duration.ofMinutes(10)), "retryDelay", "must be between 0 and 10 minutes");
            v.require(within(closeTimeout, Duration.ofMinutes(10)), "closeTimeout",
                    "must be between 0 and 10 minutes");
            v.require(within(backoffMin, Duration.ofHours(1)) && !backoffMin.isZero(), "reconnectBackoff.first",
                    "must be more than 0 and at most 1 hour");
            v.require(within(backoffMax, Duration.ofHours(1)) && backoffMin != null
                    && backoffMax.compareTo(backoffMin) >= 0, "reconnectBackoff.longest",
                    "must be at least the first and at most 1 hour");
            v.require(onUnreadable != null, "onUnreadable", "must not be null");
            v.throwIfAny();
            Deduplication store = deduplication != null ? deduplication : InMemoryDeduplication.create();
            return client.start(new SubscriptionSettings(dueslag, handler, store, prefetch, concurrency, maxAttempts,
                    retryDelay, backoffMin, backoffMax, closeTimeout, onUnreadable));
        }

        private static boolean within(Duration d, Duration max) {
            return d != null && !d.isNegative() && d.compareTo(max) <= 0;
        }
    }
}

package dk.rammearkitektur.clients.beskedfordeler.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import dk.rammearkitektur.clients.beskedfordeler.UnreadableMessage;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.internal.IssuedToken;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one subscription consuming: connects with a fresh token, consumes the dueslag on its channels, hands each
 * message to the handler through the deduplication store and acknowledges it only after that returned; reconnects
 * with backoff when the connection drops or fails, and before the token runs out (its expiry less the renewal
 * margin); on close stops taking messages, lets the handlers in progress finish and closes the connection.
 */
public final class SubscriptionLoop {
    private static final Logger LOG = LoggerFactory.getLogger("dk.rammearkitektur.clients.beskedfordeler");
    /** How often a wait re-reads the (injected) clock, so a token's renewal time is noticed. */
    private static final long CLOCK_POLL_MILLIS = 500;
    /** Failed message ids remembered for counting attempts; beyond this the counts start over. */
    private static final int MAX_TRACKED_FAILURES = 10_000;

    /** Where the loop is. */
    public enum Phase { CONNECTING, CONSUMING, RECONNECTING, CLOSED }

    private enum Wake { CLOSED, LOST, RENEW }

    private final SubscriptionSettings settings;
    private final EventDispatch dispatch;
    private final AmqpConnector connector;
    private final Supplier<IssuedToken> tokens;
    private final Runnable forgetTokens;
    private final Duration renewalMargin;
    private final Clock clock;
    private final Object lock = new Object();
    private final Thread thread;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private final AtomicLong handled = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong unreadable = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private volatile Phase phase = Phase.CONNECTING;
    private volatile Throwable lastFailure;
    private boolean closing;
    private boolean lost;

    /**
     * Creates the loop; {@link #start()} starts it.
     *
     * @param tokens a token valid for at least the renewal margin (from the client's token cache)
     * @param forgetTokens drops cached tokens, after the broker refused one
     */
    public SubscriptionLoop(SubscriptionSettings settings, AmqpConnector connector, Supplier<IssuedToken> tokens,
            Runnable forgetTokens, Duration renewalMargin, Clock clock) {
        this.settings = settings;
        this.dispatch = new EventDispatch(settings.handler(), settings.deduplication(), settings.onUnreadable());
        this.connector = connector;
        this.tokens = tokens;
        this.forgetTokens = forgetTokens;
        this.renewalMargin = renewalMargin;
        this.clock = clock;
        this.thread = new Thread(this::run, "beskedfordeler-subscription-" + settings.dueslag());
        thread.setDaemon(true);
    }

    /** Starts consuming in the background. */
    public void start() {
        thread.start();
    }

    /** Where the loop is now. */
    public Phase phase() {
        return phase;
    }

    /** The last connection failure, or null after a successful connection. */
    public Throwable lastFailure() {
        return lastFailure;
    }

    /** The counts, in the order handled, duplicates, unreadable, failures, dead-lettered, connections. */
    public long[] counts() {
        return new long[] {handled.get(), duplicates.get(), unreadable.get(), failures.get(), deadLettered.get(),
            connections.get()};
    }

    /** Waits until the loop is consuming (true) or closed, or the time is up (false). */
    public boolean awaitConsuming(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (phase != Phase.CONSUMING && phase != Phase.CLOSED) {
                long left = end - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return phase == Phase.CONSUMING;
        }
    }

    /** Stops taking messages, waits for the handlers in progress (up to the close timeout) and disconnects. */
    public void close() {
        synchronized (lock) {
            closing = true;
            lock.notifyAll();
        }
        if (Thread.currentThread() == thread) {
            return;
        }
        try {
            thread.join(settings.closeTimeout().plusSeconds(5).toMillis());
            if (thread.isAlive()) {
                thread.interrupt();
                thread.join(5_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        Duration backoff = settings.backoffMin();
        while (!closing()) {
            setPhase(connections.get() == 0 ? Phase.CONNECTING : Phase.RECONNECTING);
            Connection connection = null;
            try {
                IssuedToken token = tokens.get();
                synchronized (lock) {
                    lost = false;
                }
                connection = connector.open(token, "rammearkitektur " + settings.dueslag());
                connection.addShutdownListener(cause -> {
                    if (!cause.isInitiatedByApplication()) {
                        LOG.warn("Beskedfordeler connection for dueslag {} lost: {}", settings.dueslag(),
                                PersonalData.maskCprNumbers(String.valueOf(cause.getMessage())));
                        markLost();
                    }
                });
                List<Consuming> channels = consume(connection);
                connections.incrementAndGet();
                lastFailure = null;
                backoff = settings.backoffMin();
                setPhase(Phase.CONSUMING);
                LOG.info("Consuming dueslag {} on {} channel(s); token renewed at {}", settings.dueslag(),
                        channels.size(), renewalTime(token));
                Wake wake = waitFor(renewalTime(token), System.nanoTime() + settings.backoffMin().toNanos());
                drain(connection, channels);
                connection = null;
                if (wake == Wake.LOST) {
                    setPhase(Phase.RECONNECTING);
                    pause(backoff);
                    backoff = next(backoff);
                }
            } catch (RuntimeException | IOException | java.util.concurrent.TimeoutException e) {
                lastFailure = e;
                if (e instanceof PossibleAuthenticationFailureException) {
                    forgetTokens.run();
                }
                LOG.warn("Beskedfordeler dueslag {}: cannot consume ({}); trying again in {} ms", settings.dueslag(),
                        describe(e), backoff.toMillis());
                closeQuietly(connection);
                setPhase(Phase.RECONNECTING);
                pause(backoff);
                backoff = next(backoff);
            }
        }
        setPhase(Phase.CLOSED);
    }

    /** The failure and its cause (the RabbitMQ client wraps the broker's refusal in a bare IOException). */
    private static String describe(Exception e) {
        Throwable cause = e.getCause();
        String text = cause == null || cause == e ? e.toString() : e + " caused by " + cause;
        return PersonalData.maskCprNumbers(text);
    }

    private List<Consuming> consume(Connection connection) throws IOException {
        List<Consuming> channels = new ArrayList<>();
        for (int i = 0; i < settings.concurrency(); i++) {
            Channel channel = connection.createChannel();
            if (channel == null) {
                throw new IOException("the broker allows no more channels");
            }
            channel.basicQos(settings.prefetch());
            String tag = channel.basicConsume(settings.dueslag().toString(), false, new Delivery(channel));
            channels.add(new Consuming(channel, tag));
        }
        return channels;
    }

    private Instant renewalTime(IssuedToken token) {
        return token.expires().minus(renewalMargin);
    }

    /**
     * Waits until closed, the connection is lost, or the token's renewal time has come; never renews before
     * {@code earliestRenewal} (a {@link System#nanoTime()}), so a token that is due at once (a clock far ahead of the
     * STS's) does not make the loop reconnect without pause.
     */
    private Wake waitFor(Instant renewAt, long earliestRenewal) {
        synchronized (lock) {
            while (!closing && !lost) {
                long left = Math.max(Duration.between(clock.instant(), renewAt).toMillis(),
                        (earliestRenewal - System.nanoTime()) / 1_000_000);
                if (left <= 0) {
                    return Wake.RENEW;
                }
                try {
                    lock.wait(Math.min(left, CLOCK_POLL_MILLIS));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closing = true;
                }
            }
            return closing ? Wake.CLOSED : Wake.LOST;
        }
    }

    /** Cancels the consumers, lets the handlers in progress finish (up to the close timeout), closes. */
    private void drain(Connection connection, List<Consuming> channels) {
        for (Consuming c : channels) {
            try {
                if (c.channel().isOpen()) {
                    c.channel().basicCancel(c.consumerTag());
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("cancel on a closing channel: {}", e.toString());
            }
        }
        long end = System.nanoTime() + settings.closeTimeout().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() < end) {
            sleepQuietly(10);
        }
        if (inFlight.get() > 0) {
            LOG.warn("Beskedfordeler dueslag {}: {} handler(s) still running after {}; their messages will come again",
                    settings.dueslag(), inFlight.get(), settings.closeTimeout());
        }
        closeQuietly(connection);
    }

    private void closeQuietly(Connection connection) {
        if (connection == null) {
            return;
        }
        try {
            connection.close((int) Math.min(Integer.MAX_VALUE, settings.closeTimeout().toMillis()));
        } catch (IOException | RuntimeException e) {
            connection.abort();
        }
    }

    private void markLost() {
        synchronized (lock) {
            lost = true;
            lock.notifyAll();
        }
    }

    private boolean closing() {
        synchronized (lock) {
            return closing;
        }
    }

    private void setPhase(Phase p) {
        synchronized (lock) {
            if (phase != Phase.CLOSED) {
                phase = p;
            }
            lock.notifyAll();
        }
    }

    /** Waits {@code d} with up to 20% jitter, or until closed. */
    private void pause(Duration d) {
        long millis = d.toMillis() + ThreadLocalRandom.current().nextLong(d.toMillis() / 5 + 1);
        long end = System.nanoTime() + millis * 1_000_000;
        synchronized (lock) {
            while (!closing) {
                long left = (end - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    return;
                }
                try {
                    lock.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closing = true;
                }
            }
        }
    }

    private Duration next(Duration backoff) {
        Duration doubled = backoff.multipliedBy(2);
        return doubled.compareTo(settings.backoffMax()) > 0 ? settings.backoffMax() : doubled;
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Handles one channel's deliveries, one at a time (the client calls it on the channel's dispatch thread). */
    private final class Delivery extends DefaultConsumer {
        Delivery(Channel channel) {
            super(channel);
        }

        @Override
        public void handleDelivery(String consumerTag, Envelope envelope, AMQP.BasicProperties properties,
                byte[] body) {
            if (!getChannel().isOpen()) {
                // buffered before the connection was lost: it cannot be acknowledged, so handling it would only
                // repeat the work when the broker delivers it again
                LOG.debug("Beskedfordeler dueslag {}: delivery {} skipped, its channel is closed", settings.dueslag(),
                        envelope.getDeliveryTag());
                return;
            }
            inFlight.incrementAndGet();
            try {
                EventMessage message;
                try {
                    message = EventMessage.parse(body);
                } catch (RammearkitekturException e) {
                    unreadable(envelope, properties, body, e);
                    return;
                }
                handle(envelope, message);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        private void unreadable(Envelope envelope, AMQP.BasicProperties properties, byte[] body,
                RammearkitekturException e) {
            unreadable.incrementAndGet();
            UnreadableMessage m = new UnreadableMessage(Optional.of(settings.dueslag()), properties.getMessageId(), body,
                    PersonalData.maskCprNumbers(e.getMessage()));
            LOG.error("Beskedfordeler dueslag {}: unreadable message rejected to the error queue: {}",
                    settings.dueslag(), m);
            dispatch.unreadable(m);
            settle(envelope, Settle.REJECT);
        }

        private void handle(Envelope envelope, EventMessage message) {
            String id = message.messageId();
            try {
                boolean ran = dispatch.handle(message, Optional.of(settings.dueslag()), envelope.isRedeliver());
                (ran ? handled : duplicates).incrementAndGet();
                attempts.remove(id);
                settle(envelope, Settle.ACK);
            } catch (Exception e) {
                failed(envelope, id, e);
            }
        }

        private void failed(Envelope envelope, String id, Exception e) {
            failures.incrementAndGet();
            if (attempts.size() > MAX_TRACKED_FAILURES) {
                attempts.clear();
            }
            int attempt = attempts.merge(id, 1, Integer::sum);
            String why = PersonalData.maskCprNumbers(e.toString());
            if (attempt >= settings.maxAttempts()) {
                attempts.remove(id);
                deadLettered.incrementAndGet();
                LOG.error("Beskedfordeler dueslag {}: message {} failed {} time(s), rejected to the error queue: {}",
                        settings.dueslag(), id, attempt, why);
                settle(envelope, Settle.REJECT);
            } else {
                LOG.warn("Beskedfordeler dueslag {}: message {} failed (attempt {} of {}), given back: {}",
                        settings.dueslag(), id, attempt, settings.maxAttempts(), why);
                pause(settings.retryDelay());
                settle(envelope, Settle.REQUEUE);
            }
        }

        private void settle(Envelope envelope, Settle how) {
            Channel c = getChannel();
            try {
                switch (how) {
                    case ACK -> c.basicAck(envelope.getDeliveryTag(), false);
                    case REJECT -> c.basicReject(envelope.getDeliveryTag(), false);
                    case REQUEUE -> c.basicNack(envelope.getDeliveryTag(), false, true);
                    default -> throw new IllegalStateException(how.name());
                }
            } catch (IOException | RuntimeException e) {
                LOG.info("Beskedfordeler dueslag {}: could not {} delivery {} ({}); the broker will deliver it again",
                        settings.dueslag(), how, envelope.getDeliveryTag(), e.toString());
            }
        }
    }

    private enum Settle { ACK, REJECT, REQUEUE }

    private record Consuming(Channel channel, String consumerTag) {
    }
}

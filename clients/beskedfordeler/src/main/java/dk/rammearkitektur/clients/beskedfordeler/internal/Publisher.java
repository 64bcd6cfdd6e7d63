package dk.rammearkitektur.clients.beskedfordeler.internal;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import dk.rammearkitektur.clients.common.internal.IssuedToken;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import dk.rammearkitektur.clients.common.internal.ClientObservations;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

/**
 * Publishes events to the Beskedfordeler (SF1462) as KOMBIT's sample {@code AfsendBesked.java} does: to the exchange
 * {@value #EXCHANGE} with routing key "", {@code mandatory}, publisher confirms, the token in the {@code token}
 * header, a correlation id and direct reply-to; the reply's {@code StandardRetur} status 20 is success, 41 (token
 * expired) is answered by one resend with a new token (and a new connection), anything else is a
 * {@link ServiceFaultException} with the status as its code and {@code FejlbeskedTekst} as its text.
 *
 * <p>One connection (authenticated with the sending token) is shared by all publishes and opened again when it has
 * dropped or its token is due for renewal; each publish has its own channel, which the direct reply-to requires.
 */
public final class Publisher implements AutoCloseable {
    /** The exchange events are published to. */
    public static final String EXCHANGE = "AFSEND_BESKED_EXCHANGE";
    /** RabbitMQ's direct reply-to pseudo-queue. */
    static final String REPLY_TO = "amq.rabbitmq.reply-to";

    private final AmqpConnector connector;
    private final Supplier<IssuedToken> tokens;
    private final Runnable forgetTokens;
    private final Duration renewalMargin;
    private final Clock clock;
    private final Timeouts timeouts;
    private final ObservationRegistry observations;
    private Connection connection;
    private IssuedToken connectionToken;

    /** Creates the publisher; it connects on the first publish; {@code observations} sees one observation each. */
    public Publisher(AmqpConnector connector, Supplier<IssuedToken> tokens, Runnable forgetTokens,
            Duration renewalMargin, Clock clock, ObservationRegistry observations) {
        this.observations = observations;
        this.connector = connector;
        this.tokens = tokens;
        this.forgetTokens = forgetTokens;
        this.renewalMargin = renewalMargin;
        this.clock = clock;
        this.timeouts = connector.timeouts();
    }

    /** The outcome of an accepted publish: the reply's text and the attempts it took. */
    public record Accepted(String correlationId, String statusText, int attempts) {
    }

    /**
     * Publishes one event and waits for the Beskedfordeler's reply.
     *
     * @param body the Haendelsesbesked, UTF-8 XML
     * @param messageId the event's message id (the AMQP message id)
     * @throws ServiceFaultException when the Beskedfordeler refuses it
     * @throws ConnectionFailedException, CallTimeoutException, MalformedReplyException when no reply settles it
     */
    public Accepted publish(byte[] body, String messageId) {
        ServiceCall call = ServiceCall.write("SF1462", "AfsendBesked", UUID.randomUUID().toString(), null);
        Observation observation = ClientObservations.startCall(observations, call);
        try (Observation.Scope scope = ClientObservations.scope(observation)) {
            return publish(call, body, messageId);
        } catch (RuntimeException | Error e) {
            ClientObservations.failed(observation, e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    private Accepted publish(ServiceCall call, byte[] body, String messageId) {
        StandardRetur reply = attempt(call, body, messageId);
        int attempts = 1;
        if (reply.status() == 41) {
            forgetTokens.run();
            reset();
            reply = attempt(call, body, messageId);
            attempts = 2;
        }
        if (reply.status() != 20) {
            throw new ServiceFaultException(call, Integer.toString(reply.status()),
                    reply.text() == null ? "refused" : reply.text());
        }
        return new Accepted(call.correlationId(), reply.text(), attempts);
    }

    private StandardRetur attempt(ServiceCall call, byte[] body, String messageId) {
        Channel channel = null;
        try {
            IssuedToken token = tokens.get();
            channel = channel(token);
            BlockingQueue<byte[]> replies = new ArrayBlockingQueue<>(1);
            AtomicReference<String> returned = new AtomicReference<>();
            String correlationId = call.correlationId();
            channel.basicConsume(REPLY_TO, true, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties props, byte[] reply) {
                    if (correlationId.equals(props.getCorrelationId())) {
                        replies.offer(reply);
                    }
                }
            });
            channel.addReturnListener(r -> returned.set(r.getReplyCode() + " " + r.getReplyText()));
            channel.confirmSelect();
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().correlationId(correlationId)
                    .replyTo(REPLY_TO).messageId(messageId).contentType("application/xml").contentEncoding("UTF-8")
                    .deliveryMode(2).headers(Map.of("token", AmqpConnector.saslToken(token))).build();
            channel.basicPublish(EXCHANGE, "", true, props, body);
            long deadline = System.nanoTime() + timeouts.total().toNanos();
            channel.waitForConfirmsOrDie(remainingMillis(deadline));
            if (returned.get() != null) {
                throw new ServiceFaultException(call, "UNROUTABLE", "the Beskedfordeler could not route it: "
                        + returned.get());
            }
            byte[] reply = replies.poll(remainingMillis(deadline), TimeUnit.MILLISECONDS);
            if (reply == null) {
                throw new CallTimeoutException(call, "no reply within " + timeouts.total(), true, null);
            }
            return reply(call, reply);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallTimeoutException(call, "interrupted while waiting for the reply", true, e);
        } catch (TimeoutException e) {
            throw new CallTimeoutException(call, "the broker did not confirm the message", true, e);
        } catch (IOException | com.rabbitmq.client.ShutdownSignalException e) {
            reset();
            throw new ConnectionFailedException(call, "cannot publish to the Beskedfordeler: " + e.getMessage(),
                    channel != null, e);
        } finally {
            closeQuietly(channel);
        }
    }

    private synchronized Channel channel(IssuedToken token) throws IOException, TimeoutException {
        boolean renew = connectionToken != null
                && !clock.instant().plus(renewalMargin).isBefore(connectionToken.expires());
        if (connection == null || !connection.isOpen() || renew) {
            reset();
            connection = connector.open(token, "rammearkitektur publisher");
            connectionToken = token;
        }
        Channel c = connection.createChannel();
        if (c == null) {
            throw new IOException("the broker allows no more channels");
        }
        return c;
    }

    private synchronized void reset() {
        if (connection != null) {
            try {
                connection.close((int) timeouts.connect().toMillis());
            } catch (IOException | RuntimeException e) {
                connection.abort();
            }
        }
        connection = null;
        connectionToken = null;
    }

    private static void closeQuietly(Channel channel) {
        if (channel == null || !channel.isOpen()) {
            return;
        }
        try {
            channel.close();
        } catch (IOException | TimeoutException | RuntimeException ignored) {
            // the channel is gone either way; the connection stays for the next publish
        }
    }

    /** What is left of the total timeout, which bounds the confirm and the reply together; at least 1 ms. */
    private static long remainingMillis(long deadline) {
        return Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    }

    private static StandardRetur reply(ServiceCall call, byte[] body) {
        try {
            return StandardRetur.of(SecureXml.parse(new ByteArrayInputStream(body)).getDocumentElement());
        } catch (ReplyShapeException e) {
            throw e.forCall(call);
        } catch (RammearkitekturException e) {
            throw new MalformedReplyException(call, "the reply is not readable XML", e);
        }
    }

    /** Closes the shared connection. */
    @Override
    public void close() {
        reset();
    }
}

package dk.rammearkitektur.testkit.beskedfordeler;

import dk.rammearkitektur.testkit.beskedfordeler.internal.EmbeddedBroker;
import dk.rammearkitektur.testkit.beskedfordeler.internal.TokenGate;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Fault injection for a {@link BeskedfordelerSimulator}; get it from {@link BeskedfordelerSimulator#faults()}. */
public final class BeskedfordelerFaults {
    /** What {@link #deliverMalformed(UUID)} puts on the queue: not well-formed XML. */
    static final byte[] MALFORMED = "<Haendelsesbesked xmlns=\"urn:oio:besked:kuvert:1.0\"><BeskedId>"
            .getBytes(StandardCharsets.UTF_8);

    private final BeskedfordelerSimulator simulator;
    private final EmbeddedBroker broker;
    private final TokenGate gate;

    BeskedfordelerFaults(BeskedfordelerSimulator simulator, EmbeddedBroker broker, TokenGate gate) {
        this.simulator = simulator;
        this.broker = broker;
        this.gate = gate;
    }

    /**
     * Closes every client connection now, from the broker side: clients see a connection.close with reply code 320
     * (CONNECTION_FORCED); unacknowledged deliveries go back to their queues. Returns how many connections were closed.
     */
    public int dropConnections() {
        return broker.dropConnections();
    }

    /** Puts the same message (same message id and body) on the dueslag twice, as an at-least-once redelivery would. */
    public void deliverTwice(UUID dueslag, String messageId, byte[] envelopeXml) {
        simulator.deliver(dueslag, messageId, envelopeXml);
        simulator.deliver(dueslag, messageId, envelopeXml);
    }

    /** Puts a message whose body is not well-formed XML on the dueslag; returns its message id. */
    public String deliverMalformed(UUID dueslag) {
        String id = UUID.randomUUID().toString();
        simulator.deliver(dueslag, id, MALFORMED);
        return id;
    }

    /**
     * While on, every token (on new connections and in publish {@code token} headers) counts as expired: connections
     * are refused and publishes answered with status 41. Connections already open stay open.
     */
    public BeskedfordelerFaults expireTokens(boolean on) {
        gate.expireAll(on);
        return this;
    }

    /** Refuses the next {@code count} connection attempts (an authentication failure) whatever they present. */
    public BeskedfordelerFaults refuseNextConnections(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
        gate.refuseNext(count);
        return this;
    }

    /**
     * Answers the next {@code count} publishes whose token is valid with status 41 (token expired), as the platform
     * does when a token runs out while its connection stays open; the connections are not affected.
     */
    public BeskedfordelerFaults expireNextPublishTokens(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count < 0");
        }
        gate.expireNextPublishes(count);
        return this;
    }

    /** Switches the token and connection faults off. */
    public void clear() {
        gate.expireAll(false);
        gate.refuseNext(0);
        gate.expireNextPublishes(0);
    }
}

package dk.rammearkitektur.testkit.beskedfordeler.internal;

import java.util.Map;
import org.apache.qpid.server.plugin.ConnectionPropertyEnricher;
import org.apache.qpid.server.protocol.v0_8.AMQPConnection_0_8Impl;
import org.apache.qpid.server.transport.AMQPConnection;

/**
 * Lets a connection's {@code connection.start-ok} be larger than 4096 bytes: the STS token travels in it (the SASL
 * response) and is several kilobytes, which Broker-J refuses, as it enforces AMQP's pre-tune minimum frame size until
 * {@code tune-ok}. So does stock RabbitMQ ({@code initial_frame_max}, default 4096); a RabbitMQ that takes tokens so,
 * as the real Beskedfordeler must, raises it ({@code .ci/services.sh} sets 65536). Broker-J asks the enrichers for the
 * {@code connection.start} properties just before sending it, so this one (changing no property) raises the
 * connection's frame limit to {@value #PRE_TUNE_FRAME_MAX} there; {@code tune-ok} then sets the negotiated size.
 */
public final class PreTuneFrameSize implements ConnectionPropertyEnricher {
    /** The enricher's type name in the port's {@code qpid.port.connection_property_enrichers}. */
    public static final String TYPE = "BfoPreTuneFrameSize";
    /** The pre-tune limit: RabbitMQ's default {@code frame_max} (128 KiB). */
    static final int PRE_TUNE_FRAME_MAX = 131_072;

    /** Broker-J's service loader calls this. */
    public PreTuneFrameSize() {
    }

    @Override
    public Map<String, Object> addConnectionProperties(AMQPConnection<?> connection, Map<String, Object> existing) {
        if (connection instanceof AMQPConnection_0_8Impl c) {
            c.setMaxFrameSize(PRE_TUNE_FRAME_MAX);
        }
        return existing;
    }

    @Override
    public String getType() {
        return TYPE;
    }
}

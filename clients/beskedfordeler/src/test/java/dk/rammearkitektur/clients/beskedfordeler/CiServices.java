package dk.rammearkitektur.clients.beskedfordeler;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Optional;

/**
 * The real services {@code .ci/services.sh start} runs (PostgreSQL, RabbitMQ), read from the environment variables
 * it writes to {@code services.env}. A test that needs one calls {@link #postgresUrl()} or {@link #rabbitMq()}, which
 * skip the test (a JUnit assumption) with a message saying how to run it when the variables are unset.
 */
final class CiServices {
    private static final String HOW = " is not set: run `.ci/services.sh start` and source the services.env it prints";

    private CiServices() {
    }

    /** The PostgreSQL JDBC URL including the user ({@code RAMMEARKITEKTUR_PG_URL}), or the test is skipped. */
    static String postgresUrl() {
        return require("RAMMEARKITEKTUR_PG_URL");
    }

    /** Whether {@code RAMMEARKITEKTUR_PG_URL} is set. */
    static boolean hasPostgres() {
        return env("RAMMEARKITEKTUR_PG_URL").isPresent();
    }

    /** The RabbitMQ broker's facts ({@code RAMMEARKITEKTUR_RABBITMQ_*}), or the test is skipped. */
    static RabbitMq rabbitMq() {
        return new RabbitMq(require("RAMMEARKITEKTUR_RABBITMQ_HOST"),
                Integer.parseInt(require("RAMMEARKITEKTUR_RABBITMQ_AMQP_PORT")),
                Integer.parseInt(require("RAMMEARKITEKTUR_RABBITMQ_AMQPS_PORT")),
                require("RAMMEARKITEKTUR_RABBITMQ_VHOST"),
                require("RAMMEARKITEKTUR_RABBITMQ_USER"),
                require("RAMMEARKITEKTUR_RABBITMQ_PASSWORD"),
                Path.of(require("RAMMEARKITEKTUR_RABBITMQ_CA_PEM")),
                Path.of(require("RAMMEARKITEKTUR_RABBITMQ_CLIENT_P12")),
                require("RAMMEARKITEKTUR_RABBITMQ_CLIENT_P12_PASSWORD"));
    }

    /**
     * A RabbitMQ node: plain AMQP with PLAIN ({@code user}/{@code password}) on {@code amqpPort}, AMQPS requiring a
     * client certificate (EXTERNAL, the certificate's CN is the user) on {@code amqpsPort}; the server certificate is
     * issued by the CA in {@code caPem}, the client's key and certificate are in {@code clientP12}.
     */
    record RabbitMq(String host, int amqpPort, int amqpsPort, String vhost, String user, String password, Path caPem,
            Path clientP12, String clientP12Password) {
    }

    private static String require(String name) {
        Optional<String> value = env(name);
        assumeTrue(value.isPresent(), () -> name + HOW);
        return value.get();
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}

package dk.rammearkitektur.clients.common.testkeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The real services {@code .ci/services.sh start} runs (PostgreSQL, RabbitMQ), read from the environment variables
 * it writes to {@code services.env}. A test that needs one calls {@link #postgresUrl()} or {@link #rabbitMq()}, which
 * skip the test (a JUnit assumption) with a message saying how to run it when the variables are unset. Shared by the
 * client modules' tests and the testkit's (this test jar).
 */
public final class CiServices {
    private static final String HOW = " is not set: run `.ci/services.sh start` and source the services.env it prints";

    private CiServices() {
    }

    /** The PostgreSQL JDBC URL including the user ({@code RAMMEARKITEKTUR_PG_URL}), or the test is skipped. */
    public static String postgresUrl() {
        return require("RAMMEARKITEKTUR_PG_URL");
    }

    /** Whether {@code RAMMEARKITEKTUR_PG_URL} is set. */
    public static boolean hasPostgres() {
        return env("RAMMEARKITEKTUR_PG_URL").isPresent();
    }

    /** The RabbitMQ broker's facts ({@code RAMMEARKITEKTUR_RABBITMQ_*}), or the test is skipped. */
    public static RabbitMq rabbitMq() {
        return new RabbitMq(require("RAMMEARKITEKTUR_RABBITMQ_HOST"),
                Integer.parseInt(require("RAMMEARKITEKTUR_RABBITMQ_AMQP_PORT")),
                Integer.parseInt(require("RAMMEARKITEKTUR_RABBITMQ_AMQPS_PORT")),
                require("RAMMEARKITEKTUR_RABBITMQ_VHOST"),
                require("RAMMEARKITEKTUR_RABBITMQ_USER"),
                require("RAMMEARKITEKTUR_RABBITMQ_PASSWORD"),
                Path.of(require("RAMMEARKITEKTUR_RABBITMQ_CA_PEM")),
                Path.of(require("RAMMEARKITEKTUR_RABBITMQ_CLIENT_P12")),
                require("RAMMEARKITEKTUR_RABBITMQ_CLIENT_P12_PASSWORD"),
                env("RAMMEARKITEKTUR_RABBITMQ_CLOSE_CONNECTIONS").orElse(null));
    }

    /**
     * A RabbitMQ node: plain AMQP with PLAIN ({@code user}/{@code password}) on {@code amqpPort}, AMQPS requiring a
     * client certificate (EXTERNAL, the certificate's CN is the user) on {@code amqpsPort}; the server certificate is
     * issued by the CA in {@code caPem}, the client's key and certificate are in {@code clientP12};
     * {@code closeConnections} is the command that closes every client connection of the node (null when not given).
     */
    public record RabbitMq(String host, int amqpPort, int amqpsPort, String vhost, String user, String password,
            Path caPem, Path clientP12, String clientP12Password, String closeConnections) {

        /** The CA that issued the node's server certificate and the client certificate. */
        public X509Certificate ca() {
            try (InputStream pem = Files.newInputStream(caPem)) {
                return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read " + caPem, e);
            }
        }

        /** The client key store ({@code clientP12}, loaded with {@code clientP12Password}). */
        public KeyStore clientKeyStore() {
            try (InputStream p12 = Files.newInputStream(clientP12)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(p12, clientP12Password.toCharArray());
                return store;
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalStateException("cannot read " + clientP12, e);
            }
        }

        /** The client certificate (the key entry's leaf). */
        public X509Certificate clientCertificate() {
            try {
                KeyStore store = clientKeyStore();
                for (String alias : java.util.Collections.list(store.aliases())) {
                    if (store.isKeyEntry(alias)) {
                        return (X509Certificate) store.getCertificate(alias);
                    }
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot read " + clientP12, e);
            }
            throw new IllegalStateException("no key entry in " + clientP12);
        }

        /**
         * Closes every client connection of the node (as a broker restart would), waiting at most 60 s; the test is
         * skipped when services.env names no command for it.
         */
        public void closeAllConnections() throws IOException, InterruptedException {
            assumeTrue(closeConnections != null, () -> "RAMMEARKITEKTUR_RABBITMQ_CLOSE_CONNECTIONS" + HOW);
            List<String> command = new ArrayList<>(Arrays.asList(closeConnections.trim().split("\\s+")));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not end within 60 s");
            }
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), () -> command + " failed: " + output);
        }
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

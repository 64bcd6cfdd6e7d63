package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.clients.common.testkeys.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ConnectionFailedException;
import dk.rammearkitektur.core.ValidationException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Whatever a caller passes, a lookup either is refused before anything is sent (ValidationException naming the
 * field, never echoing the value) or is sent; here nothing listens, so a sent call ends as ConnectionFailedException.
 */
class InputValidationPropertyTest {
    private static ServiceplatformClient client;

    @BeforeContainer
    static void client() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        client = ServiceplatformClient.builder()
                .environment(Environment.custom(URI.create("https://127.0.0.1:" + port + "/")))
                .systemCertificate(TestKeys.systemP12(), TestKeys.PASSWORD)
                .trustAnchors(List.of(TestKeys.anchor()))
                .invocationContext(UUID.randomUUID(), UUID.randomUUID())
                .serviceAgreement(PersonBaseDataExtendedService.INSTANCE, UUID.randomUUID())
                .serviceAgreement(CvrOnlineService.INSTANCE, UUID.randomUUID())
                .timeouts(Timeouts.of(Duration.ofMillis(500), Duration.ofMillis(500), Duration.ofSeconds(1)))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @AfterContainer
    static void close() {
        client.close();
    }

    @Property(tries = 150)
    void cprIsRefusedOrSent(@ForAll String input) {
        String digits = input.trim().length() == 11 && input.trim().charAt(6) == '-'
                ? input.trim().substring(0, 6) + input.trim().substring(7) : input.trim();
        boolean valid = digits.matches("[0-9]{10}");
        if (valid) {
            assertThrows(ConnectionFailedException.class, () -> client.lookupPerson(input));
        } else {
            ValidationException e = assertThrows(ValidationException.class, () -> client.lookupPerson(input));
            assertEquals("cpr", e.violations().get(0).path());
            assertEquals("cpr: must be 10 digits", e.getMessage(), "the message never echoes the input");
        }
    }

    @Property(tries = 100)
    void cvrIsRefusedOrSent(@ForAll String input) {
        if (input.trim().matches("[0-9]{8}")) {
            assertThrows(ConnectionFailedException.class, () -> client.lookupCompany(input));
        } else {
            assertEquals("cvr", assertThrows(ValidationException.class, () -> client.lookupCompany(input))
                    .violations().get(0).path());
        }
    }
}

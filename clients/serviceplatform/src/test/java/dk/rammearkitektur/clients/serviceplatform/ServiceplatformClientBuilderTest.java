package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.clients.common.testkeys.TestKeys;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dk.rammearkitektur.clients.common.StsProtocol;

class ServiceplatformClientBuilderTest {

    private static ServiceplatformClient.Builder valid() {
        return ServiceplatformClient.builder()
                .environment(Environment.TEST)
                .systemCertificate(TestKeys.systemP12(), TestKeys.PASSWORD)
                .trustAnchors(List.of(TestKeys.anchor()))
                .invocationContext(UUID.randomUUID(), UUID.randomUUID());
    }

    private static List<String> paths(ValidationException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toList());
    }

    @Test
    void validConfigurationBuilds() {
        try (ServiceplatformClient c = valid().build()) {
            assertEquals(Environment.TEST, c.environment());
            assertEquals("CN=Test System, O=rammearkitektur-java test, C=DK", c.systemCertificate().getSubjectX500Principal().getName(
                    javax.security.auth.x500.X500Principal.RFC2253).replace(",", ", "));
        }
    }

    @Test
    void everyMissingSettingIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> ServiceplatformClient.builder().build());
        assertEquals(List.of("serviceplatformClient.environment", "serviceplatformClient.trustAnchors",
                "serviceplatformClient.authModel", "serviceplatformClient.systemCertificate"), paths(e));
    }

    @Test
    void halfAnInvocationContextIsNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid().invocationContext(UUID.randomUUID(), null).build());
        assertEquals(List.of("serviceplatformClient.invocationContext.userUuid"), paths(e));
    }

    @Test
    void invocationContextTextsLongerThanTheContractAllowsAreNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid().accountingInfo("a".repeat(256)).onBehalfOfUser("o".repeat(300)).build());
        assertEquals(List.of("serviceplatformClient.invocationContext.accountingInfo",
                "serviceplatformClient.invocationContext.onBehalfOfUser"), paths(e));
        assertTrue(e.getMessage().contains("at most 255 characters"), e.getMessage());
        try (ServiceplatformClient c = valid().accountingInfo("a".repeat(255)).onBehalfOfUser("o".repeat(255)).build()) {
            assertEquals(Environment.TEST, c.environment());
        }
    }

    @Test
    void bothAuthModelsAreRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> valid().stsToken("12345678").build());
        assertEquals(List.of("serviceplatformClient.authModel"), paths(e));
    }

    @Test
    void stsSettingsAreNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> valid().invocationContext(null, null)
                .stsToken("1234").tokenRenewalMargin(Duration.ofHours(2)).stsFaultBackoff(Duration.ZERO).build());
        assertEquals(List.of("serviceplatformClient.stsToken.cvr", "serviceplatformClient.stsCertificates",
                "serviceplatformClient.tokenRenewalMargin", "serviceplatformClient.stsFaultBackoff"), paths(e));
        try (ServiceplatformClient c = valid().invocationContext(null, null).stsToken("12345678")
                .stsCertificates(List.of(TestKeys.anchor())).stsProtocol(StsProtocol.REST).build()) {
            assertEquals(Environment.TEST, c.environment());
        }
    }

    @Test
    void addressingChoicesBuildWithTheirAuthModel() {
        try (ServiceplatformClient c = valid().addressingOnInvocationContext(false).build()) {
            assertEquals(Environment.TEST, c.environment());
        }
        try (ServiceplatformClient c = valid().invocationContext(null, null).stsToken("12345678")
                .stsCertificates(List.of(TestKeys.anchor())).mustUnderstandAddressing(true)
                .addressingOnInvocationContext(true).build()) {
            assertEquals(Environment.TEST, c.environment());
        }
    }

    @Test
    void mustUnderstandWithTheInvocationContextModelIsNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid().mustUnderstandAddressing(true).build());
        assertEquals(List.of("serviceplatformClient.mustUnderstandAddressing"), paths(e));
        assertTrue(e.getMessage().contains("applies to stsToken calls only"), e.getMessage());
    }

    @Test
    void noAddressingWithTheTokenModelIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> valid().invocationContext(null, null)
                .stsToken("12345678").stsCertificates(List.of(TestKeys.anchor()))
                .addressingOnInvocationContext(false).build());
        assertEquals(List.of("serviceplatformClient.addressingOnInvocationContext"), paths(e));
        assertTrue(e.getMessage().contains("token policy signs the WS-Addressing headers"), e.getMessage());
    }

    @Test
    void badNumbersAreNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid().poolSize(0).clockSkew(Duration.ofHours(1)).build());
        assertEquals(List.of("serviceplatformClient.poolSize", "serviceplatformClient.clockSkew"), paths(e));
        assertTrue(e.getMessage().contains("poolSize: must be between 1 and 1000"), e.getMessage());
    }

    @Test
    void wrongPasswordIsNamedWithoutLeakingIt() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid().systemCertificate(TestKeys.systemP12(), "wrong-secret".toCharArray()).build());
        assertEquals(List.of("serviceplatformClient.systemCertificate"), paths(e));
        assertFalse(e.getMessage().contains("wrong-secret"));
    }

    @Test
    void expiredCertificateIsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid().systemCertificate(TestKeys.expiredP12(), TestKeys.PASSWORD).build());
        assertTrue(e.getMessage().startsWith("serviceplatformClient.systemCertificate: must be valid now"), e.getMessage());
    }

    @Test
    void notPkcs12IsRefused() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid().systemCertificate(new byte[] {1, 2, 3}, TestKeys.PASSWORD).build());
        assertEquals(List.of("serviceplatformClient.systemCertificate"), paths(e));
    }

    @Test
    void certificateFromFile(@TempDir Path dir) throws Exception {
        Path p = dir.resolve("system.p12");
        Files.write(p, TestKeys.systemP12());
        try (ServiceplatformClient c = valid().systemCertificate(p, TestKeys.PASSWORD).build()) {
            assertTrue(c.systemCertificate().getSubjectX500Principal().getName().contains("Test System"));
        }
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid().systemCertificate(dir.resolve("missing.p12"), TestKeys.PASSWORD).build());
        assertEquals(List.of("serviceplatformClient.systemCertificate"), paths(e));
    }

    @Test
    void invalidTimeoutsFailInCore() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid().timeouts(Timeouts.of(Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(1))).build());
        assertEquals("timeouts.connect", e.violations().get(0).path());
    }

    @Test
    void aNullObservationRegistryIsNamedAndTheNoopOneBuilds() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> valid().observationRegistry(null).build());
        assertEquals(List.of("serviceplatformClient.observationRegistry"), paths(e));
        try (ServiceplatformClient c = valid().observationRegistry(io.micrometer.observation.ObservationRegistry.NOOP)
                .build()) {
            assertEquals(Environment.TEST, c.environment());
        }
    }
}

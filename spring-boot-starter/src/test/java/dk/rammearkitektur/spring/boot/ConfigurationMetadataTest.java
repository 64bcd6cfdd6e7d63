package dk.rammearkitektur.spring.boot;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The annotation processor's metadata (IDE completion) and the registration files are in the jar. */
class ConfigurationMetadataTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = RammearkitekturProperties.class.getClassLoader().getResourceAsStream(name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void metadataListsTheKeysWithTheirJavadocAsDescriptions() throws IOException {
        String json = resource("META-INF/spring-configuration-metadata.json");
        for (String key : List.of("rammearkitektur.environment", "rammearkitektur.auth",
                "rammearkitektur.certificate.file", "rammearkitektur.certificate.password",
                "rammearkitektur.certificate.key-store", "rammearkitektur.certificate.key-store-type",
                "rammearkitektur.certificate.alias", "rammearkitektur.trust-anchors", "rammearkitektur.sts.cvr",
                "rammearkitektur.sts.certificates", "rammearkitektur.timeouts.connect", "rammearkitektur.timeouts.read",
                "rammearkitektur.timeouts.total", "rammearkitektur.retry.max-attempts",
                "rammearkitektur.serviceplatform.user-system-uuid", "rammearkitektur.serviceplatform.agreements",
                "rammearkitektur.klassifikation.enabled", "rammearkitektur.organisation.entity-id",
                "rammearkitektur.digital-post.environment", "rammearkitektur.digital-post.authority-cvr",
                "rammearkitektur.case-index.owner-uuid", "rammearkitektur.benefit-index.it-system-name",
                "rammearkitektur.health.certificate-expiry-warning", "rammearkitektur.beskedfordeler.environment",
                "rammearkitektur.health.sts-interval", "rammearkitektur.health.sts-timeout",
                "management.health.rammearkitektur-certificate.enabled",
                "management.health.rammearkitektur-calls.enabled", "management.health.rammearkitektur-sts.enabled",
                "rammearkitektur.sso.entity-id", "rammearkitektur.sso.assertion-consumer-service",
                "rammearkitektur.sso.keystore", "rammearkitektur.sso.keystore-password", "rammearkitektur.sso.idp-metadata",
                "rammearkitektur.sso.idp-metadata-signer", "rammearkitektur.sso.profile")) {
            assertTrue(json.contains("\"name\": \"" + key + "\""), key);
        }
        assertTrue(json.contains("Attempts in all, the first included; 1 means no retries."), json);
        assertTrue(json.contains("PEM certificate the IdP metadata's signature must verify with"), json);
        assertTrue(json.contains("How long the STS health check's verdict is reused before the STS is asked for a token"
                + " again"), json);
    }

    @Test
    void autoConfigurationAndFailureAnalyserAreRegistered() throws IOException {
        assertTrue(resource("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
                .contains(RammearkitekturAutoConfiguration.class.getName()));
        assertTrue(resource("META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports")
                .contains(RammearkitekturSsoAutoConfiguration.class.getName()));
        Properties factories = new Properties();
        factories.load(new java.io.StringReader(resource("META-INF/spring.factories")));
        assertTrue(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer")
                .contains("dk.rammearkitektur.spring.boot.internal.ValidationFailureAnalyzer"));
    }
}

package dk.rammearkitektur.clients.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Bad settings get a {@link ValidationException} naming each field path. */
class BeskedfordelerClientValidationTest {

    private static Set<String> paths(ValidationException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toSet());
    }

    @Test
    void buildNamesEveryMissingOrBadSetting() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> BeskedfordelerClient.builder().authorityCvr("1234").stsProtocol(null).build());
        Set<String> p = paths(e);
        for (String field : List.of("environment", "authorityCvr", "stsProtocol", "trustAnchors", "stsCertificates",
                "systemCertificate")) {
            assertTrue(p.contains("beskedfordelerClient." + field), field + " in " + p);
        }
    }

    @Test
    void environmentNamesEachBadField() {
        ValidationException e = assertThrows(ValidationException.class, () -> new BeskedfordelerEnvironment(" ",
                "host name", 0, "", URI.create("http://example.org/x"), URI.create("relative"),
                BeskedfordelerEnvironment.TEST.stsRest()));
        assertEquals(Set.of("environment.name", "environment.amqpHost", "environment.amqpPort",
                "environment.virtualHost", "environment.vaerdiliste", "environment.stsSoap"), paths(e));
    }

    @Test
    void customEnvironmentPlacesTheServicesUnderTheirBases() {
        BeskedfordelerEnvironment env = BeskedfordelerEnvironment.custom("127.0.0.1", 5671,
                URI.create("https://127.0.0.1:8443"), URI.create("https://127.0.0.1:9443/"));
        assertEquals("BF", env.virtualHost());
        assertEquals(URI.create("https://127.0.0.1:8443/sts-bf-soap/StsbeskedfordelerImpl"), env.vaerdiliste());
        assertEquals(URI.create("https://127.0.0.1:9443/runtime/services/kombittrust/14/certificatemixed"),
                env.stsSoap());
        assertEquals(5671, BeskedfordelerEnvironment.TEST.amqpPort());
    }

    @Test
    void parseTakesThePresetsOrAHostAndPortWithABase() {
        URI base = URI.create("https://127.0.0.1:8443/");
        assertEquals(BeskedfordelerEnvironment.TEST, BeskedfordelerEnvironment.parse(" test ", null));
        assertEquals(BeskedfordelerEnvironment.PRODUCTION, BeskedfordelerEnvironment.parse("prod", null));
        BeskedfordelerEnvironment custom = BeskedfordelerEnvironment.parse("127.0.0.1:5671", base);
        assertEquals("127.0.0.1", custom.amqpHost());
        assertEquals(5671, custom.amqpPort());
        assertEquals(URI.create("https://127.0.0.1:8443/runtime/api/rest/wstrust/v1/issue"), custom.stsRest());
        for (String bad : List.of("127.0.0.1", "127.0.0.1:0", "127.0.0.1:65536", "host:port", ":5671")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> BeskedfordelerEnvironment.parse(bad, base), bad);
            assertEquals(Set.of("environment"), paths(e), bad);
        }
        assertEquals(Set.of("environment"), paths(assertThrows(ValidationException.class,
                () -> BeskedfordelerEnvironment.parse("127.0.0.1:5671", null))));
    }

    @Test
    void aNullObservationRegistryIsNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> BeskedfordelerClient.builder().observationRegistry(null).build());
        assertTrue(paths(e).contains("beskedfordelerClient.observationRegistry"), paths(e).toString());
        ValidationException noop = assertThrows(ValidationException.class,
                () -> BeskedfordelerClient.builder()
                        .observationRegistry(io.micrometer.observation.ObservationRegistry.NOOP).build());
        assertTrue(!paths(noop).contains("beskedfordelerClient.observationRegistry"), paths(noop).toString());
    }
}

package dk.rammearkitektur.clients.stoettesystemer;

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

/** Bad settings and bad input get a {@link ValidationException} naming each field path. */
class KlassifikationClientValidationTest {

    private static Set<String> paths(ValidationException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toSet());
    }

    @Test
    void buildNamesEveryMissingOrBadSetting() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> KlassifikationClient.builder().authorityCvr("1234").poolSize(0).entityId(" ").build());
        Set<String> p = paths(e);
        for (String field : List.of("environment", "poolSize", "authorityCvr", "entityId", "trustAnchors",
                "stsCertificates", "systemCertificate")) {
            assertTrue(p.contains("klassifikationClient." + field), field + " in " + p);
        }
    }

    @Test
    void environmentNamesItsBadUrls() {
        ValidationException e = assertThrows(ValidationException.class, () -> new StoettesystemerEnvironment("x",
                URI.create("http://example.org/klasse/7"), URI.create("https://example.org/no-slash"),
                StoettesystemerEnvironment.TEST.sagDokumentIndeks(), URI.create("https://example.org/ydi"),
                URI.create("relative"),
                StoettesystemerEnvironment.TEST.stsRest()));
        assertEquals(Set.of("environment.klassifikation", "environment.organisationBase",
                "environment.ydelsesIndeksBase", "environment.stsSoap"), paths(e));
        assertEquals(URI.create("https://127.0.0.1:8443/ydelsesindeks/bevillingindeks/6/"),
                StoettesystemerEnvironment.parse("https://127.0.0.1:8443").ydelsesIndeks("bevillingindeks"));
        assertEquals(URI.create("https://ydelsesindeks.eksterntest-stoettesystemerne.dk/ydelseindeks/6/"),
                StoettesystemerEnvironment.TEST.ydelsesIndeks("ydelseindeks"));
        assertEquals(URI.create("https://127.0.0.1:8443/organisation/bruger/6/"),
                StoettesystemerEnvironment.parse("https://127.0.0.1:8443").organisation("bruger"));
        assertEquals(URI.create("https://127.0.0.1:8443/sts-soap-sagdok/sagdokumentindeks/6/"),
                StoettesystemerEnvironment.parse("https://127.0.0.1:8443").sagDokumentIndeks());
        assertEquals(URI.create("https://127.0.0.1:8443/klassifikation/klasse/7/"),
                StoettesystemerEnvironment.parse("https://127.0.0.1:8443").klassifikation());
        assertEquals(StoettesystemerEnvironment.TEST, StoettesystemerEnvironment.parse("test"));
    }

    @Test
    void classificationValidity() {
        java.time.Instant t = java.time.Instant.parse("2020-01-01T00:00:00Z");
        Classification c = new Classification(java.util.UUID.randomUUID(), "G01", "", null, t, t.plusSeconds(10));
        assertTrue(c.validAt(t));
        assertTrue(!c.validAt(t.plusSeconds(10)));
        assertTrue(c.facet().isEmpty());
    }

    @Test
    void aNullObservationRegistryIsNamed() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> KlassifikationClient.builder().observationRegistry(null).build());
        assertTrue(paths(e).contains("klassifikationClient.observationRegistry"), paths(e).toString());
        ValidationException defaults = assertThrows(ValidationException.class, () -> KlassifikationClient.builder().build());
        assertTrue(!paths(defaults).contains("klassifikationClient.observationRegistry"), paths(defaults).toString());
    }
}

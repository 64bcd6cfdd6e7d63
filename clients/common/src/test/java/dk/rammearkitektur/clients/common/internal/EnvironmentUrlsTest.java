package dk.rammearkitektur.clients.common.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EnvironmentUrlsTest {

    private static List<String> rules(Violations v) {
        return v.list().stream().map(x -> x.path() + ": " + x.rule()).collect(Collectors.toList());
    }

    @Test
    void httpsOrLoopbackHttpOnly() {
        Violations v = Violations.at("e");
        assertTrue(EnvironmentUrls.absolute(v, "a", URI.create("https://x.dk/")));
        assertTrue(EnvironmentUrls.secure(v, "a", URI.create("https://x.dk/")));
        assertTrue(EnvironmentUrls.secure(v, "a", URI.create("http://127.0.0.1:8080/")));
        assertTrue(EnvironmentUrls.secure(v, "a", URI.create("http://LOCALHOST/")));
        assertTrue(v.isEmpty());
        assertFalse(EnvironmentUrls.secure(v, "b", URI.create("http://x.dk/")));
        assertFalse(EnvironmentUrls.absolute(v, "c", URI.create("relative/path")));
        assertFalse(EnvironmentUrls.absolute(v, "d", null));
        EnvironmentUrls.endsWithSlash(v, "f", URI.create("https://x.dk/base"));
        assertEquals(List.of("e.b: must use https", "e.c: must be an absolute URL with a host", "e.d: must be set",
                "e.f: must end with /"), rules(v));
    }

    @Test
    void parseNamesPresetsAndMakesCustomOtherwise() {
        assertEquals("T", EnvironmentUrls.parse("TeSt", "T", "P", URI::toString));
        assertEquals("P", EnvironmentUrls.parse("prod", "T", "P", URI::toString));
        assertEquals("P", EnvironmentUrls.parse("PRODUCTION", "T", "P", URI::toString));
        assertEquals("https://sim/", EnvironmentUrls.parse("https://sim/", "T", "P", URI::toString));
        ValidationException e = assertThrows(ValidationException.class,
                () -> EnvironmentUrls.parse("not a url", "T", "P", URI::toString));
        assertEquals("environment", e.violations().get(0).path());
        assertEquals("https://a/b/", EnvironmentUrls.withSlash(URI.create("https://a/b")));
        assertEquals("https://a/b/", EnvironmentUrls.withSlash(URI.create("https://a/b/")));
    }
}

package dk.rammearkitektur.sso.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class WebPathsTest {
    private static final URI APP = URI.create("https://fagsystem.example/app/page");

    /** Strings built from the characters that matter for open redirects. */
    @Provide
    Arbitrary<String> redirectLike() {
        return Arbitraries.strings().withChars('/', '\\', ':', '.', 'a', 'e', '%', '?', '#', '@', ' ', '\t', '\n',
                'h', 't', 'p', 's', '\u00e6').ofMinLength(0).ofMaxLength(24);
    }

    @Property(tries = 3000)
    void anAcceptedReturnUrlStaysOnTheSameOrigin(@ForAll("redirectLike") String candidate) {
        Optional<String> safe = WebPaths.sameOriginPath(candidate);
        if (safe.isEmpty()) {
            return;
        }
        assertEquals(candidate, safe.get());
        assertTrue(candidate.startsWith("/") && !candidate.startsWith("//") && !candidate.startsWith("/\\"), candidate);
        assertTrue(candidate.chars().allMatch(c -> c > 0x20 && c < 0x7f && c != '\\'), candidate);
        URI resolved;
        try {
            resolved = APP.resolve(candidate);
        } catch (IllegalArgumentException notAUri) {
            return; // e.g. a stray %: not a URI, but a browser still reads it as a path here
        }
        assertEquals("fagsystem.example", resolved.getHost(), candidate);
        assertEquals("https", resolved.getScheme(), candidate);
    }

    @Property(tries = 500)
    void anythingLongerThanTheLimitIsRefused(@ForAll("redirectLike") String tail) {
        assertTrue(WebPaths.sameOriginPath("/" + "a".repeat(WebPaths.MAX_RETURN_URL) + tail).isEmpty());
    }

    @Test
    void knownOpenRedirectShapesAreRefused() {
        for (String s : List.of("//evil.example", "/\\evil.example", "\\/evil.example", "https://evil.example/",
                "javascript:alert(1)", "/\t/evil.example", " /x", "/x y", "", "x/y", "/\u00e6")) {
            assertTrue(WebPaths.sameOriginPath(s).isEmpty(), s);
        }
        assertTrue(WebPaths.sameOriginPath(null).isEmpty());
        assertEquals(Optional.of("/"), WebPaths.sameOriginPath("/"));
        assertEquals(Optional.of("/sager/1?fane=dok#top"), WebPaths.sameOriginPath("/sager/1?fane=dok#top"));
    }

    @Test
    void patternsMatchLikeServletMappings() {
        assertTrue(WebPaths.matches("/*", "/anything/at/all"));
        assertTrue(WebPaths.matches("/sager/*", "/sager"));
        assertTrue(WebPaths.matches("/sager/*", "/sager/1"));
        assertFalse(WebPaths.matches("/sager/*", "/sagerx"));
        assertTrue(WebPaths.matches("/me", "/me"));
        assertFalse(WebPaths.matches("/me", "/me/x"));
        assertEquals("/*", WebPaths.pattern("/*", "p"));
        for (String bad : List.of("sager", "/sager*", "/*/x", "//x/*", "/x?y", "*", "/a b")) {
            ValidationException e = assertThrows(ValidationException.class, () -> WebPaths.pattern(bad, "p[3]"), bad);
            assertEquals("p[3]", e.violations().get(0).path());
        }
        assertThrows(ValidationException.class, () -> WebPaths.pattern(null, "p"));
    }

    @Test
    void theAcsPathIsReadFromTheMetadata() {
        String md = "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"x\">"
                + "<md:SPSSODescriptor><md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:"
                + "HTTP-Artifact\" Location=\"https://a.example/art\" index=\"1\"/><md:AssertionConsumerService Binding="
                + "\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\"https://a.example/ctx/saml/acs\""
                + " index=\"0\"/></md:SPSSODescriptor></md:EntityDescriptor>";
        assertEquals("/ctx/saml/acs", WebPaths.acsPath(md));
        ValidationException none = assertThrows(ValidationException.class, () -> WebPaths.acsPath(
                "<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:2.0:metadata\"/>"));
        assertEquals("metadata.AssertionConsumerService", none.violations().get(0).path());
    }

    @Test
    void pagesEscapeEveryValue() {
        String page = WebPages.page("<t>", "a&b", "\"r\"", "/x?a=1&b='2'");
        assertTrue(page.contains("<title>&lt;t&gt;</title>"), page);
        assertTrue(page.contains("<p>a&amp;b</p>"), page);
        assertTrue(page.contains("&quot;r&quot;"), page);
        assertTrue(page.contains("href=\"/x?a=1&amp;b=&#39;2&#39;\""), page);
        assertFalse(WebPages.page("t", "x", null, null).contains("reason"));
    }
}

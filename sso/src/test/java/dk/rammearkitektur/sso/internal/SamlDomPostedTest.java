package dk.rammearkitektur.sso.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.sso.sp.SsoRefusedException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** {@link SamlDom#parsePosted}: the one reader of a posted SAMLResponse or SAMLRequest form field. */
class SamlDomPostedTest {

    private static String message(String root, String id) {
        return "<samlp:" + root + " xmlns:samlp=\"" + SamlDom.SAMLP + "\" ID=\"" + id + "\" Version=\"2.0\"/>";
    }

    /** Plain or MIME-wrapped base64, with surrounding white space: the message comes back with its root and ID. */
    @Property(tries = 200)
    void decodesAndParsesWhateverTheBase64Wrapping(@ForAll("ids") String id, @ForAll boolean mime,
            @ForAll boolean padded) {
        byte[] xml = message("LogoutResponse", id).getBytes(StandardCharsets.UTF_8);
        String field = (mime ? Base64.getMimeEncoder() : Base64.getEncoder()).encodeToString(xml);
        Element root = SamlDom.parsePosted(padded ? "\n " + field + "\r\n" : field, "SAMLResponse", "LogoutResponse");
        assertEquals("LogoutResponse", root.getLocalName());
        assertEquals(id, root.getAttribute("ID"));
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.strings().alpha().numeric().withChars('_', '-').ofMinLength(1).ofMaxLength(60).map(s -> "_" + s);
    }

    /** Anything that is not a well-formed message of the expected root is refused as malformed, naming the field. */
    @Property(tries = 200)
    void refusesOtherInputAsMalformedNamingTheField(@ForAll("junk") String value) {
        SsoRefusedException e = assertThrows(SsoRefusedException.class,
                () -> SamlDom.parsePosted(value, "SAMLRequest", "LogoutRequest"));
        assertEquals(SsoRefusedException.MALFORMED, e.reason());
        assertTrue(e.getMessage().startsWith("SAMLRequest: "), e.getMessage());
    }

    @Provide
    Arbitrary<String> junk() {
        Base64.Encoder b64 = Base64.getEncoder();
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("<>&!*~ ").ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().ofMaxLength(40).map(s -> b64.encodeToString(s.getBytes(StandardCharsets.UTF_8))),
                Arbitraries.of(message("LogoutResponse", "_x"), message("AuthnRequest", "_y"))
                        .map(s -> b64.encodeToString(s.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void refusesMissingAndOverlongFieldsAndADoctype() {
        for (String blank : new String[] {null, "", "  \n"}) {
            assertEquals("SAMLResponse: is required", assertThrows(SsoRefusedException.class,
                    () -> SamlDom.parsePosted(blank, "SAMLResponse", "Response")).getMessage());
        }
        String longest = "A".repeat(SamlDom.MAX_POSTED + 1);
        SsoRefusedException tooLong = assertThrows(SsoRefusedException.class,
                () -> SamlDom.parsePosted(longest, "SAMLResponse", "Response"));
        assertEquals(SsoRefusedException.MALFORMED, tooLong.reason());
        assertEquals("SAMLResponse: longer than " + SamlDom.MAX_POSTED + " characters", tooLong.getMessage());
        String doctype = "<!DOCTYPE samlp:Response [<!ENTITY x \"y\">]>" + message("Response", "_z");
        SsoRefusedException dtd = assertThrows(SsoRefusedException.class, () -> SamlDom.parsePosted(
                Base64.getEncoder().encodeToString(doctype.getBytes(StandardCharsets.UTF_8)), "SAMLResponse",
                "Response"));
        assertEquals(SsoRefusedException.MALFORMED, dtd.reason());
        assertTrue(dtd.getMessage().contains("DOCTYPE"), dtd.getMessage());
    }
}

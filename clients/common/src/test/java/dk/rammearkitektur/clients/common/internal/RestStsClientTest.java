package dk.rammearkitektur.clients.common.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import org.junit.jupiter.api.Test;

class RestStsClientTest {

    @Property(tries = 200)
    void assertionIsReadAsXmlOrAsBase64EncodedXml(@ForAll @AlphaChars String text) {
        String xml = "<saml:Assertion xmlns:saml=\"urn:oasis:names:tc:SAML:2.0:assertion\">" + text + "</saml:Assertion>";
        assertEquals(xml, RestStsClient.assertionXml(xml));
        assertEquals(xml, RestStsClient.assertionXml("  " + xml + "\n"));
        String b64 = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
        assertEquals(xml, RestStsClient.assertionXml(b64));
        assertEquals(xml, RestStsClient.assertionXml(Base64.getMimeEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void neitherXmlNorBase64IsABadReplyShape() {
        assertThrows(ReplyShapeException.class, () -> RestStsClient.assertionXml("not base64 at all!"));
    }
}

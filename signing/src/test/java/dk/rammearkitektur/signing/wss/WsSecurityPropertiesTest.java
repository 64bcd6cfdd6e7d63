package dk.rammearkitektur.signing.wss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.w3c.dom.Document;

class WsSecurityPropertiesTest {
    private static final SamlAssertion TOKEN = WsSecurityTest.token(WsSecurityTest.T0, WsSecurityTest.AUDIENCE);
    private static final WsSecuritySigner SIGNER = WsSecuritySigner.builder(WsSecurityTest.CLIENT.credential())
            .samlAssertion(TOKEN).clock(WsSecurityTest.AT_T0).build();
    private static final WsSecurityVerifier VERIFIER = WsSecurityTest.verifier(WsSecurityTest.T0).build();

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', 'æ', '<', '&').ofMinLength(1).ofMaxLength(30);
    }

    @Property(tries = 40)
    void signThenVerifyAndAnyTitleChangeIsDetected(@ForAll("titles") String title, @ForAll("titles") String other,
            @ForAll boolean soap12) {
        SoapVersion v = soap12 ? SoapVersion.SOAP_12 : SoapVersion.SOAP_11;
        Document doc = SecureXml.parse(WsSecurityTest.envelope(v));
        doc.getElementsByTagNameNS("urn:sag", "Titel").item(0).setTextContent(title);
        SIGNER.sign(doc);
        Document received = WsSecurityTest.reparse(doc);
        VerifiedMessage m = VERIFIER.verify(received);
        assertEquals(title, m.payload().getTextContent());
        if (!other.equals(title)) {
            received.getElementsByTagNameNS("urn:sag", "Titel").item(0).setTextContent(other);
            assertThrows(RammearkitekturException.class, () -> VERIFIER.verify(received));
        }
    }
}

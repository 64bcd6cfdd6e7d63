package dk.rammearkitektur.signing.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** SAML core 2.5.1.4: every AudienceRestriction is a condition of its own; the relying party must be in each. */
class SamlAudienceRestrictionTest {
    private static final TestPki PKI = TestPki.generateFast(1);
    private static final TestIdentity STS = PKI.oces3Organisation();
    private static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");
    private static final String A = "http://entityid.kombit.dk/service/a/1";
    private static final String B = "http://entityid.kombit.dk/service/b/1";

    /** A signed assertion for audience A plus a second AudienceRestriction naming {@code second}. */
    private static Element assertion(String second) {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element a = SamlAssertion.builder().issuer("https://sts.test").subject("CN=client").holderOfKey(PKI.oces3Employee().certificate())
                .audience(A).validity(T0, T0.plus(Duration.ofHours(8))).toElement(doc);
        doc.appendChild(a);
        Element conditions = SamlAssertion.children(a, "Conditions").get(0);
        Element restriction = doc.createElementNS(SamlAssertion.NS, "saml:AudienceRestriction");
        Element audience = doc.createElementNS(SamlAssertion.NS, "saml:Audience");
        audience.setTextContent(second);
        restriction.appendChild(audience);
        conditions.appendChild(restriction);
        Element issuer = SamlAssertion.children(a, "Issuer").get(0);
        XmlSigner.builder(STS.credential()).build().signEnveloped(a, issuer.getNextSibling());
        return SecureXml.parse(SecureXml.toString(doc)).getDocumentElement();
    }

    private static SamlAssertionVerifier verifierFor(String audience) {
        return SamlAssertionVerifier.builder(TrustedIssuer.pinned("https://sts.test", STS.certificate())).audience(audience)
                .clock(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).build();
    }

    @Test
    void aTokenForAAndBTogetherIsNotATokenForB() {
        Element token = assertion(B);
        TokenException e = assertThrows(TokenException.class, () -> verifierFor(B).verify(token));
        assertEquals(TokenException.AUDIENCE, e.reason());
        assertThrows(TokenException.class, () -> verifierFor(A).verify(token));
    }

    @Test
    void anAudienceNamedInEveryRestrictionIsAccepted() {
        Element token = assertion(A);
        assertEquals(A, verifierFor(A).verify(token).audiences().get(0));
    }
}

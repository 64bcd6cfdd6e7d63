package dk.rammearkitektur.signing.wss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The signer inserts its own copy of the SAML token and reuses the token's STR digest for envelopes whose ancestors of
 * the token are alike: whatever the envelope declares (also prefixes the token uses, bound elsewhere, and default
 * namespaces), the digest equals the one computed independently from the received bytes, and the request verifies.
 */
class WsSecurityTokenReuseTest {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final SamlAssertion TOKEN = WsSecurityTest.token(WsSecurityTest.T0, WsSecurityTest.AUDIENCE);
    /** One signer for every try, so that tries with different envelopes share (and evict) its remembered digests. */
    private static final WsSecuritySigner SIGNER = WsSecuritySigner.builder(WsSecurityTest.CLIENT.credential())
            .samlAssertion(TOKEN).clock(WsSecurityTest.AT_T0).build();
    private static final WsSecurityVerifier VERIFIER = WsSecurityTest.verifier(WsSecurityTest.T0.plusSeconds(30))
            .requireTokenProtection().build();
    private static final String[] PREFIXES = {"saml", "ds", "xs", "xsi", "wsse", "wsu", "x"};
    private static final String[] URIS = {SAML, DS, "urn:other", "http://www.w3.org/2001/XMLSchema",
        "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"};

    /** Namespace declarations for the Envelope or the Header: " xmlns:p='uri'" pairs, maybe a default namespace. */
    @Provide
    Arbitrary<String> declarations() {
        Arbitrary<String> one = Combinators.combine(Arbitraries.of(PREFIXES), Arbitraries.of(URIS))
                .as((p, u) -> " xmlns:" + p + "='" + u + "'");
        Arbitrary<String> dflt = Arbitraries.of("", " xmlns='urn:default'", " xmlns=''");
        return Combinators.combine(one.list().ofMaxSize(3).uniqueElements(s -> s.substring(0, s.indexOf('='))), dflt)
                .as((list, d) -> String.join("", list) + d);
    }

    @Property(tries = 60)
    void theStrDigestIsTheReceivedTokensWhateverTheEnvelopeDeclares(@ForAll("declarations") String onEnvelope,
            @ForAll("declarations") String onHeader, @ForAll boolean soap12) throws Exception {
        SoapVersion v = soap12 ? SoapVersion.SOAP_12 : SoapVersion.SOAP_11;
        String xml = WsSecurityTest.envelope(v).replaceFirst("<soap:Envelope ", "<soap:Envelope" + onEnvelope + " ")
                .replace("<soap:Header>", "<soap:Header" + onHeader + ">");
        String first = null;
        for (int i = 0; i < 2; i++) { // the second time in the same context, the digest is the remembered one
            Document doc = SecureXml.parse(xml);
            SIGNER.sign(doc);
            Document received = WsSecurityTest.reparse(doc);
            String digest = strDigest(received);
            assertEquals(independentDigest(received), digest, "digest over the received assertion");
            VerifiedMessage m = VERIFIER.verify(received);
            assertTrue(m.signature().protectsToken(m.assertion().orElseThrow().element()));
            if (first == null) {
                first = digest;
            } else {
                assertEquals(first, digest, "the same context gives the same digest");
            }
        }
    }

    @Test
    void theInsertedTokenIsACopyAndLaterChangesToTheCallersAssertionDoNotReachIt() throws Exception {
        SamlAssertion token = WsSecurityTest.token(WsSecurityTest.T0, WsSecurityTest.AUDIENCE);
        WsSecuritySigner signer = WsSecuritySigner.builder(WsSecurityTest.CLIENT.credential()).samlAssertion(token)
                .clock(WsSecurityTest.AT_T0).build();
        Document before = SecureXml.parse(WsSecurityTest.envelope(SoapVersion.SOAP_11));
        signer.sign(before);
        Element issuer = (Element) token.element().getElementsByTagNameNS(SAML, "Issuer").item(0);
        issuer.setTextContent("https://changed.example");
        Document after = SecureXml.parse(WsSecurityTest.envelope(SoapVersion.SOAP_11));
        signer.sign(after);
        Element inserted = (Element) after.getElementsByTagNameNS(SAML, "Assertion").item(0);
        assertNotSame(token.element(), inserted);
        assertEquals("https://sts.test", inserted.getElementsByTagNameNS(SAML, "Issuer").item(0).getTextContent(),
                "the signer's copy was taken when it was built");
        assertEquals(strDigest(before), strDigest(after));
        Document received = WsSecurityTest.reparse(after);
        assertEquals(independentDigest(received), strDigest(received));
        VERIFIER.verify(received);
    }

    private static String strDigest(Document doc) {
        NodeList refs = doc.getElementsByTagNameNS(DS, "Reference");
        for (int i = 0; i < refs.getLength(); i++) {
            Element r = (Element) refs.item(i);
            Element t = (Element) r.getElementsByTagNameNS(DS, "Transform").item(0);
            if (AlgorithmPolicy.STR_TRANSFORM.equals(t.getAttribute("Algorithm"))) {
                return r.getElementsByTagNameNS(DS, "DigestValue").item(0).getTextContent();
            }
        }
        throw new AssertionError("no STR-Transform reference");
    }

    /** SHA-256 of Santuario's exclusive canonical form of the (only) assertion in {@code doc}. */
    private static String independentDigest(Document doc) throws Exception {
        List<Element> assertions = List.of((Element) doc.getElementsByTagNameNS(SAML, "Assertion").item(0));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(assertions.get(0), out);
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(out.toByteArray()));
    }
}

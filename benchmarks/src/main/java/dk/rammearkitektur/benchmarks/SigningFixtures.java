package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.saml.SamlAssertionVerifier;
import dk.rammearkitektur.signing.saml.TrustedIssuer;
import dk.rammearkitektur.signing.wss.WsSecuritySigner;
import dk.rammearkitektur.signing.wss.WsSecurityVerifier;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The SOAP request, SAML token, signer and verifier shared by the signing benchmarks (RSA-2048 keys throughout). */
final class SigningFixtures {
    static final TestPki PKI = TestPki.generateFast(1);
    static final TestIdentity STS = PKI.oces3Organisation();
    static final TestIdentity CLIENT = PKI.oces3Employee();
    static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");
    static final Clock AT_T0 = Clock.fixed(T0, ZoneOffset.UTC);
    static final String AUDIENCE = "http://entityid.kombit.dk/service/sagdokumentindeks/6";

    private SigningFixtures() {
    }

    /** An unsigned SOAP 1.1 request with WS-Addressing To, Action, MessageID and ReplyTo and a small payload. */
    static Document unsignedRequest() {
        return SecureXml.parse("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\">"
                + "<soap:Header><wsa:Action>http://serviceplatformen.dk/xml/wsdl/soap11/Sag/1/Soeg</wsa:Action>"
                + "<wsa:MessageID>urn:uuid:0b7a2c1e-0a5b-4c36-9d3b-8a2f4f6f0a11</wsa:MessageID>"
                + "<wsa:To>https://exttest.serviceplatformen.dk/service/Sag/1</wsa:To>"
                + "<wsa:ReplyTo><wsa:Address>http://www.w3.org/2005/08/addressing/anonymous</wsa:Address></wsa:ReplyTo>"
                + "</soap:Header><soap:Body><s:Soeg xmlns:s=\"urn:sag\"><s:Titel>Byggesag</s:Titel>"
                + "<s:Kle>02.34.02</s:Kle><s:Fra>2026-01-01</s:Fra><s:Til>2026-12-31</s:Til></s:Soeg></soap:Body>"
                + "</soap:Envelope>");
    }

    /** A holder-of-key SAML token for the client, signed by the STS identity. */
    static SamlAssertion token() {
        return SamlAssertion.builder().issuer("https://sts.test")
                .subject(CLIENT.certificate().getSubjectX500Principal().getName())
                .holderOfKey(CLIENT.certificate()).audience(AUDIENCE).validity(T0, T0.plus(Duration.ofHours(8)))
                .attribute(SamlAssertion.CVR_ATTRIBUTE, PKI.cvr()).sign(XmlSigner.builder(STS.credential()).build());
    }

    static WsSecuritySigner signer(SamlAssertion token) {
        return WsSecuritySigner.builder(CLIENT.credential()).samlAssertion(token).clock(AT_T0).build();
    }

    static WsSecurityVerifier verifier() {
        return verifier(true);
    }

    /** The verifier, with or without the SAML verifier's verified-token cache. */
    static WsSecurityVerifier verifier(boolean tokenCache) {
        Clock clock = Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC);
        SamlAssertionVerifier.Builder tokens = SamlAssertionVerifier.builder(TrustedIssuer.pinned("https://sts.test",
                STS.certificate())).audience(AUDIENCE).clock(clock);
        if (!tokenCache) {
            tokens.noVerifiedTokenCache();
        }
        return WsSecurityVerifier.builder().clock(clock)
                .samlTokens(tokens.build())
                .allowReplays() // the benchmark verifies one request again and again
                .build();
    }

    /**
     * The message the raw RSA verification baselines sign and verify: the serialised first ds:SignedInfo of a signed
     * request (the token's, which precedes the message signature in the header).
     */
    static byte[] baselineMessage(Document signed) {
        Element si = (Element) signed.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "SignedInfo").item(0);
        return SecureXml.toString(si).getBytes(StandardCharsets.UTF_8);
    }

    /** A signed request as a receiver sees it: signed, serialised and parsed again. */
    static Document signedRequest() {
        Document d = unsignedRequest();
        signer(token()).sign(d);
        return SecureXml.parse(SecureXml.toString(d));
    }
}

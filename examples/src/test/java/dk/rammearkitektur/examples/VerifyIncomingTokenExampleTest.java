package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.wss.WsSecuritySigner;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import dk.rammearkitektur.signing.Pem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** {@link VerifyIncomingTokenExample}: a request signed by the token's holder is accepted, anything else refused. */
class VerifyIncomingTokenExampleTest {
    private static final TestPki PKI = TestPki.generateFast(1);
    private static final TestIdentity STS = PKI.oces3OtherOrganisation();
    private static final TestIdentity CALLER = PKI.oces3Organisation();
    private static final String AUDIENCE = "http://entityid.vendor.example/service/sagsindsigt/1";
    private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final String ISSUER = "https://sts.test";
    private static final VerifyIncomingTokenExample SERVICE = service(CLOCK);

    private static VerifyIncomingTokenExample service(Clock clock) {
        return new VerifyIncomingTokenExample(ISSUER, List.of(STS.certificate()), AUDIENCE, clock, Duration.ofMinutes(5));
    }

    private static SamlAssertion token(TestIdentity issuer, String audience) {
        return SamlAssertion.builder().issuer(ISSUER).subject(CALLER.certificate().getSubjectX500Principal()
                        .getName()).holderOfKey(CALLER.certificate()).audience(audience)
                .validity(NOW.minusSeconds(60), NOW.plus(Duration.ofHours(8)))
                .attribute(SamlAssertion.CVR_ATTRIBUTE, PKI.cvr()).sign(XmlSigner.builder(issuer.credential()).build());
    }

    private static String request(SamlAssertion token, TestIdentity signer) {
        Document doc = SecureXml.parse("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:wsa=\"http://www.w3.org/2005/08/addressing\"><soap:Header>"
                + "<wsa:Action>http://vendor.example/sagsindsigt/1/HentSag</wsa:Action>"
                + "<wsa:MessageID>urn:uuid:6f1c2a9e-3b4d-4c5e-8f70-9a1b2c3d4e5f</wsa:MessageID>"
                + "<wsa:To>https://vendor.example/service/sagsindsigt/1</wsa:To></soap:Header>"
                + "<soap:Body><s:HentSag xmlns:s=\"urn:vendor:sag\"><s:Sagsnummer>2026-1</s:Sagsnummer></s:HentSag>"
                + "</soap:Body></soap:Envelope>");
        WsSecuritySigner.builder(signer.credential()).samlAssertion(token).clock(CLOCK).build().sign(doc);
        return SecureXml.toString(doc);
    }

    private static VerifyIncomingTokenExample.Caller verify(String request) {
        return SERVICE.verify(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void acceptsARequestSignedByTheTokensHolder() {
        VerifyIncomingTokenExample.Caller caller = verify(request(token(STS, AUDIENCE), CALLER));
        assertEquals(PKI.cvr(), caller.cvr());
        assertEquals(CALLER.certificate(), caller.certificate());
        assertEquals("HentSag", caller.payload().getLocalName());
    }

    @Test
    void readsItsTrustFromTheConfiguration(@TempDir Path dir) throws IOException {
        Path pem = Files.writeString(dir.resolve("sts.pem"), Pem.encode(STS.certificate()));
        Path file = Files.write(dir.resolve("service.properties"),
                List.of("service.entity-id=" + AUDIENCE, "sts.issuer=" + ISSUER, "sts.certificates=" + pem));
        VerifyIncomingTokenExample configured = VerifyIncomingTokenExample.fromConfig(
                ExampleConfig.load(file, Map.of()), CLOCK);
        String request = request(token(STS, AUDIENCE), CALLER);
        assertEquals(PKI.cvr(), configured.verify(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)))
                .cvr());
        VerifyIncomingTokenExample other = VerifyIncomingTokenExample.fromConfig(ExampleConfig.load(file,
                Map.of("RAMMEARKITEKTUR_SERVICE_ENTITY_ID", "urn:other")), CLOCK);
        TokenException e = assertThrows(TokenException.class,
                () -> other.verify(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8))));
        assertEquals(TokenException.AUDIENCE, e.reason());
        ValidationException missing = assertThrows(ValidationException.class,
                () -> VerifyIncomingTokenExample.fromConfig(ExampleConfig.fromEnvironment(Map.of()), CLOCK));
        assertEquals("config.sts.issuer", missing.violations().get(0).path());
    }

    @Test
    void refusesATamperedBody() {
        String tampered = request(token(STS, AUDIENCE), CALLER).replace(">2026-1<", ">2026-2<");
        SecurityCheckException e = assertThrows(SecurityCheckException.class, () -> verify(tampered));
        assertTrue(e.reason().startsWith("signature."), e.reason());
    }

    @Test
    void refusesATokenForAnotherService() {
        TokenException e = assertThrows(TokenException.class,
                () -> verify(request(token(STS, "http://entityid.kombit.dk/service/other/1"), CALLER)));
        assertEquals(TokenException.AUDIENCE, e.reason());
    }

    @Test
    void refusesATokenFromAnUntrustedIssuer() {
        SecurityCheckException e = assertThrows(SecurityCheckException.class, () -> verify(request(token(CALLER, AUDIENCE), CALLER)));
        assertTrue(e.reason().startsWith("signature.") || e.reason().startsWith("token."), e.reason());
    }

    @Test
    void theSdkWillNotSignWithSomeoneElsesToken() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> WsSecuritySigner.builder(PKI.oces3Employee().credential()).samlAssertion(token(STS, AUDIENCE)));
        assertTrue(e.getMessage().contains("holder"), e.getMessage());
    }

    @Test
    void refusesAStaleRequest() {
        String request = request(token(STS, AUDIENCE), CALLER);
        VerifyIncomingTokenExample later = service(Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        SecurityCheckException e = assertThrows(SecurityCheckException.class,
                () -> later.verify(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8))));
        assertTrue(e.reason().startsWith("wss.timestamp"), e.reason());
    }

    @Test
    void refusesTheSameRequestTwice() {
        VerifyIncomingTokenExample service = service(CLOCK);
        String request = request(token(STS, AUDIENCE), CALLER);
        service.verify(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)));
        SecurityCheckException e = assertThrows(SecurityCheckException.class,
                () -> service.verify(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8))));
        assertEquals("wss.replay", e.reason());
    }

    @Test
    void refusesATokenNamingAnotherIssuer() {
        SamlAssertion foreign = SamlAssertion.builder().issuer("https://another-sts.test")
                .subject(CALLER.certificate().getSubjectX500Principal().getName()).holderOfKey(CALLER.certificate())
                .audience(AUDIENCE).validity(NOW.minusSeconds(60), NOW.plus(Duration.ofHours(8)))
                .attribute(SamlAssertion.CVR_ATTRIBUTE, PKI.cvr()).sign(XmlSigner.builder(STS.credential()).build());
        TokenException e = assertThrows(TokenException.class, () -> verify(request(foreign, CALLER)));
        assertEquals(TokenException.ISSUER, e.reason());
    }
}

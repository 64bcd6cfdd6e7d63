package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.clients.common.internal.ReplySignatures;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.wss.WsSecurityException;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;

/** Service reply signatures: verified when the service certificates are configured, refused when missing or wrong. */
@ExtendWith(LogCapture.class)
class ReplySignatureTest {
    private static ServiceplatformSimulator signing;
    private static ServiceplatformSimulator unsigned;
    private static final List<byte[]> replies = new ArrayList<>();

    @BeforeAll
    static void start() {
        signing = ServiceplatformSimulator.builder().signReplies(true).build().start();
        signing.wireTap = (k, b) -> {
            if (k.endsWith(" reply")) {
                synchronized (replies) {
                    replies.add(b);
                }
            }
        };
        unsigned = ServiceplatformSimulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        signing.close();
        unsigned.close();
    }

    @Test
    void signedRepliesAreVerifiedInBothAuthModels() {
        try (ServiceplatformClient c = SimulatorClients.stsToken(signing, StsProtocol.SOAP)
                .serviceCertificates(List.of(signing.serviceSigningCertificate())).build()) {
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent());
            assertEquals(4, c.readOrganisation(signing.municipalityCvr()).units().size(), "SOAP 1.2 reply too");
        }
        try (ServiceplatformClient c = SimulatorClients.invocationContext(signing)
                .serviceCertificates(List.of(signing.serviceSigningCertificate())).build()) {
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent());
        }
        assertEquals("no violations", signing.conformanceReport());
    }

    @Test
    void unsignedRepliesAreRefusedWhenCertificatesAreConfigured() {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(unsigned)
                .serviceCertificates(List.of(unsigned.serviceSigningCertificate())).build()) {
            SecurityCheckException e = assertThrows(SecurityCheckException.class, () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
            assertEquals(WsSecurityException.HEADER_MISSING, e.reason());
        }
        try (ServiceplatformClient c = SimulatorClients.invocationContext(unsigned).build()) {
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent(), "not configured: not checked");
        }
    }

    @Test
    void repliesSignedByAnotherKeyAreRefused() {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(signing)
                .serviceCertificates(List.of(signing.stsCertificate())).build()) {
            SecurityCheckException e = assertThrows(SecurityCheckException.class, () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
            assertTrue(e.reason().startsWith("wss.token") || e.reason().startsWith("signature"), e.reason());
        }
    }

    @Test
    void aChangedSignedReplyIsRefused() {
        try (ServiceplatformClient c = SimulatorClients.invocationContext(signing).build()) {
            c.lookupCompany(SimulatorData.CVR_ACTIVE);
        }
        byte[] reply;
        synchronized (replies) {
            reply = replies.get(replies.size() - 1);
        }
        Consumer<Document> check = ReplySignatures.verifier(List.of(signing.serviceSigningCertificate()),
                Clock.systemUTC(), Duration.ofMinutes(5));
        check.accept(SecureXml.parse(new ByteArrayInputStream(reply)));
        Document changed = SecureXml.parse(new ByteArrayInputStream(reply));
        changed.getElementsByTagNameNS("*", "LegalUnitName").item(0).setTextContent("Someone Else ApS");
        SecurityCheckException e = assertThrows(SecurityCheckException.class, () -> check.accept(changed));
        assertTrue(e.reason().startsWith("signature"), e.reason());
    }

    @Test
    void nullServiceCertificateIsAValidationError() {
        List<java.security.cert.X509Certificate> withNull = new ArrayList<>();
        withNull.add(null);
        ValidationException e = assertThrows(ValidationException.class,
                () -> SimulatorClients.invocationContext(unsigned).serviceCertificates(withNull).build());
        assertEquals("serviceplatformClient.serviceCertificates", e.violations().get(0).path());
        e = assertThrows(ValidationException.class,
                () -> SimulatorClients.invocationContext(unsigned).serviceCertificates(null).build());
        assertEquals("serviceplatformClient.serviceCertificates", e.violations().get(0).path());
    }
}

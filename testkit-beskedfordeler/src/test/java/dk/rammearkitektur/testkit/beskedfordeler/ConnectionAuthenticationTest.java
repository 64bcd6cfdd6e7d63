package dk.rammearkitektur.testkit.beskedfordeler;

import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.connect;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.ssl;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.token;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.serviceplatform.Fault;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.time.Instant;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The connection-level token check (SASL EXTERNAL with the STS token) and the TLS client certificate. */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class ConnectionAuthenticationTest {
    private final BeskedfordelerSimulator bf;
    private final ServiceplatformSimulator sts;
    private final SSLContext system;

    ConnectionAuthenticationTest(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) throws Exception {
        this.bf = bf;
        this.sts = sts;
        this.system = ssl(sts.systemIdentity(), bf.tlsTrustAnchor());
    }

    @AfterEach
    void clearFaults() {
        bf.faults().clear();
        sts.faults().clear();
    }

    @Test
    void receiveAndSendTokensOfTheCertificateHolderConnect() throws Exception {
        for (String audience : new String[] {ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID,
                ServiceplatformSimulator.BFO_SEND_ENTITY_ID}) {
            try (Connection c = connect(bf, system, token(sts, sts.systemIdentity(), audience))) {
                assertTrue(c.createChannel().isOpen(), audience);
            }
        }
    }

    @Test
    void expiredTokenIsRefused() throws Exception {
        sts.faults().next(Fault.expiredToken());
        String expired = token(sts, sts.systemIdentity(), ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID);
        assertThrows(PossibleAuthenticationFailureException.class, () -> connect(bf, system, expired).close());
    }

    @Test
    void expireTokensFaultRefusesValidTokensUntilCleared() throws Exception {
        String valid = token(sts, sts.systemIdentity(), ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID);
        bf.faults().expireTokens(true);
        assertThrows(PossibleAuthenticationFailureException.class, () -> connect(bf, system, valid).close());
        bf.faults().expireTokens(false);
        try (Connection c = connect(bf, system, valid)) {
            assertTrue(c.isOpen());
        }
    }

    @Test
    void tokenForAnotherServiceIsRefused() throws Exception {
        String other = token(sts, sts.systemIdentity(), ServiceplatformSimulator.SF1470_ENTITY_ID);
        assertThrows(PossibleAuthenticationFailureException.class, () -> connect(bf, system, other).close());
    }

    @Test
    void tokenOfAnotherCertificateIsRefused() throws Exception {
        TestIdentity other = sts.pki().oces3OtherOrganisation();
        sts.authorise(sts.municipalityCvr(), other.certificate());
        String othersToken = token(sts, other, ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID);
        // the token is good for its holder ...
        try (Connection c = connect(bf, ssl(other, bf.tlsTrustAnchor()), othersToken)) {
            assertTrue(c.isOpen());
        }
        // ... but not over another certificate's TLS connection (holder-of-key)
        assertThrows(PossibleAuthenticationFailureException.class, () -> connect(bf, system, othersToken).close());
    }

    @Test
    void noClientCertificateIsRefused() throws Exception {
        String valid = token(sts, sts.systemIdentity(), ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID);
        SSLContext anonymous = ssl(null, bf.tlsTrustAnchor());
        assertThrows(IOException.class, () -> connect(bf, anonymous, valid).close());
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        TestIdentity system = sts.systemIdentity();
        Instant now = Instant.now();
        // everything as the STS issues it, but signed with the system's own key instead of the STS's
        SamlAssertion forged = SamlAssertion.builder().issuer(sts.stsIssuer())
                .subject(system.certificate().getSubjectX500Principal().getName()).holderOfKey(system.certificate())
                .recipient(ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID)
                .audience(ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID).issueInstant(now)
                .validity(now.minusSeconds(60), now.plusSeconds(3600))
                .attribute(SamlAssertion.CVR_ATTRIBUTE, sts.municipalityCvr())
                .sign(XmlSigner.builder(system.credential()).build());
        String token = SecureXml.toString(forged.element());
        assertThrows(PossibleAuthenticationFailureException.class, () -> connect(bf, this.system, token).close());
    }

    @Test
    void garbageTokenIsRefused() {
        assertThrows(PossibleAuthenticationFailureException.class, () -> connect(bf, system, "<not-a-token/>").close());
    }

    @Test
    void refuseNextConnectionsRefusesThatMany() throws Exception {
        String valid = token(sts, sts.systemIdentity(), ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID);
        bf.faults().refuseNextConnections(1);
        assertThrows(PossibleAuthenticationFailureException.class, () -> connect(bf, system, valid).close());
        try (Connection c = connect(bf, system, valid)) {
            assertTrue(c.isOpen());
        }
    }
}

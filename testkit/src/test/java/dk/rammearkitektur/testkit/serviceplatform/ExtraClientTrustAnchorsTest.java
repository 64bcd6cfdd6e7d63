package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link ServiceplatformSimulator.Builder#extraClientTrustAnchors}: a system certificate of another CA (here the
 * organisation certificate of a second test PKI) is accepted in the TLS handshake and gets tokens once authorised;
 * unauthorised it is refused by the STS, and without the extra anchor the handshake fails.
 */
class ExtraClientTrustAnchorsTest {
    private static final TestPki OTHER = TestPki.generateFast(2);
    private static final char[] PW = "pw".toCharArray();
    private ServiceplatformSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private ServiceplatformClient client(StsProtocol protocol) {
        TestIdentity vendor = OTHER.oces3Organisation();
        return SimulatorClients.stsToken(sim, protocol).systemCertificate(vendor.pkcs12(PW), PW).build();
    }

    @ParameterizedTest
    @EnumSource(StsProtocol.class)
    void certificateOfAnExtraAnchorGetsTokensOnceAuthorised(StsProtocol protocol) {
        sim = ServiceplatformSimulator.builder().extraClientTrustAnchors(OTHER.trustAnchors()).build().start();
        try (ServiceplatformClient c = client(protocol)) {
            StsRefusedException refused = assertThrows(StsRefusedException.class,
                    () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
            assertTrue(String.valueOf(refused.getMessage()).contains("may not act for this CVR")
                    || refused.toString().contains(PlatformFaults.STS_REFUSED), refused.toString());
        }
        sim.authorise(sim.municipalityCvr(), OTHER.oces3Organisation().certificate());
        try (ServiceplatformClient c = client(protocol)) {
            assertEquals("Simuleret ApS", c.lookupCompany(SimulatorData.CVR_ACTIVE).orElseThrow().name());
        }
    }

    @ParameterizedTest
    @EnumSource(StsProtocol.class)
    void withoutTheExtraAnchorTheHandshakeFails(StsProtocol protocol) {
        sim = ServiceplatformSimulator.builder().build().start();
        sim.authorise(sim.municipalityCvr(), OTHER.oces3Organisation().certificate());
        try (ServiceplatformClient c = client(protocol)) {
            RammearkitekturException e = assertThrows(RammearkitekturException.class,
                    () -> c.lookupCompany(SimulatorData.CVR_ACTIVE));
            assertTrue(!(e instanceof StsRefusedException), "refused in the handshake, not by the STS: " + e);
        }
        assertEquals(0, sim.requestCount("STS"));
    }

    @org.junit.jupiter.api.Test
    void anEndEntityCertificateIsNoAnchor() {
        assertThrows(IllegalArgumentException.class, () -> ServiceplatformSimulator.builder()
                .extraClientTrustAnchors(List.of(OTHER.oces3Organisation().certificate())));
    }
}

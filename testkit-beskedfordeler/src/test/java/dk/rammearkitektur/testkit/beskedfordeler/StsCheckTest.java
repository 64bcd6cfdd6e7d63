package dk.rammearkitektur.testkit.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.testkit.serviceplatform.Fault;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BeskedfordelerClient#checkSts()}: one token request to the STS each time, past the token cache. */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class StsCheckTest {
    private final BeskedfordelerSimulator bf;
    private final ServiceplatformSimulator sts;

    StsCheckTest(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) {
        this.bf = bf;
        this.sts = sts;
    }

    @AfterEach
    void clearFaults() {
        sts.faults().clear();
    }

    private BeskedfordelerClient client() {
        return BeskedfordelerClient.builder()
                .environment(BeskedfordelerEnvironment.custom(bf.host(), bf.port(), sts.baseUri(), sts.baseUri()))
                .systemCertificate(sts.systemIdentity().pkcs12("pw".toCharArray()), "pw".toCharArray())
                .trustAnchors(List.of(bf.tlsTrustAnchor(), sts.tlsTrustAnchor()))
                .stsCertificates(List.of(sts.stsCertificate())).authorityCvr(sts.municipalityCvr()).build();
    }

    private int stsRequests() {
        return sts.requestCounts().entrySet().stream().filter(e -> e.getKey().toLowerCase().contains("sts"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    @Test
    void everyCheckAsksTheStsAndReturnsTheNewTokensExpiry() {
        try (BeskedfordelerClient client = client()) {
            int before = stsRequests();
            Instant first = client.checkSts();
            Instant second = client.checkSts();
            assertEquals(before + 2, stsRequests(), sts.requestCounts().toString());
            assertTrue(first.isAfter(Instant.now()), first.toString());
            assertTrue(!second.isBefore(first), first + " then " + second);
        }
    }

    @Test
    void aRefusalIsTheStsRefusal() {
        try (BeskedfordelerClient client = client()) {
            sts.faults().next(Fault.soapFault("STS.REQUEST_REFUSED"));
            StsRefusedException e = assertThrows(StsRefusedException.class, client::checkSts);
            assertTrue(e.getMessage().contains("STS.REQUEST_REFUSED"), e.getMessage());
            assertTrue(client.checkSts().isAfter(Instant.now()), "the refusal is not remembered");
        }
    }
}

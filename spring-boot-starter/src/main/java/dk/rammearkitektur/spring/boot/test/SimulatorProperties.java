package dk.rammearkitektur.spring.boot.test;

import dk.rammearkitektur.signing.Pem;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The shared {@code rammearkitektur.*} properties that point the auto-configured clients at a running
 * {@link ServiceplatformSimulator}: its base URL, its system certificate (PKCS#12, password
 * {@link SimulatorClients#PASSWORD}), TLS trust anchor, STS certificate and municipality CVR, timeouts of 2 s connect,
 * 5 s read, 10 s total and no retries. No client section is set.
 */
public final class SimulatorProperties {
    private SimulatorProperties() {
    }

    /** The properties for {@code sim}, its certificate files written into {@code dir}. */
    public static Map<String, String> of(ServiceplatformSimulator sim, Path dir) {
        try {
            char[] pw = SimulatorClients.PASSWORD.toCharArray();
            Path p12 = Files.write(dir.resolve("system.p12"), sim.systemIdentity().pkcs12(pw));
            Path anchors = Files.writeString(dir.resolve("trust-anchors.pem"), Pem.encode(sim.tlsTrustAnchor()),
                    StandardCharsets.US_ASCII);
            Path sts = Files.writeString(dir.resolve("sts.pem"), Pem.encode(sim.stsCertificate()),
                    StandardCharsets.US_ASCII);
            Map<String, String> p = new LinkedHashMap<>();
            p.put("rammearkitektur.environment", sim.baseUri().toString());
            p.put("rammearkitektur.certificate.file", p12.toString());
            p.put("rammearkitektur.certificate.password", SimulatorClients.PASSWORD);
            p.put("rammearkitektur.trust-anchors", anchors.toString());
            p.put("rammearkitektur.sts.cvr", sim.municipalityCvr());
            p.put("rammearkitektur.sts.certificates", sts.toString());
            p.put("rammearkitektur.timeouts.connect", "2s");
            p.put("rammearkitektur.timeouts.read", "5s");
            p.put("rammearkitektur.timeouts.total", "10s");
            p.put("rammearkitektur.retry.max-attempts", "1");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code rammearkitektur.digital-post.*} properties for a running {@link DigitalPostSimulator} (its base URL,
     * authority CVR, TLS trust anchor and STS certificate, written into {@code dir}); the system certificate is the
     * shared one of {@link #of}, which the Digital Post simulator accepts when both use the same test PKI (the
     * default).
     */
    public static Map<String, String> digitalPost(DigitalPostSimulator dp, Path dir) {
        try {
            Path anchors = Files.writeString(dir.resolve("digital-post-trust-anchors.pem"),
                    Pem.encode(dp.tlsTrustAnchor()), StandardCharsets.US_ASCII);
            Path sts = Files.writeString(dir.resolve("digital-post-sts.pem"), Pem.encode(dp.stsCertificate()),
                    StandardCharsets.US_ASCII);
            Map<String, String> p = new LinkedHashMap<>();
            p.put("rammearkitektur.digital-post.environment", dp.baseUri().toString());
            p.put("rammearkitektur.digital-post.authority-cvr", dp.authorityCvr());
            p.put("rammearkitektur.digital-post.trust-anchors", anchors.toString());
            p.put("rammearkitektur.digital-post.sts-certificates", sts.toString());
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code rammearkitektur.case-index.*} and {@code rammearkitektur.benefit-index.*} owner and IT system for
     * {@code sim}: the organisation of its municipality CVR and its seeded master IT system, which both indexes know.
     */
    public static Map<String, String> indexes(ServiceplatformSimulator sim) {
        SimulatorData.Organisation org = sim.data().organisation(sim.municipalityCvr()).orElseThrow(
                () -> new IllegalStateException("the simulator has no organisation for its municipality CVR"));
        UUID master = SagDokumentIndeksData.SEEDED_MASTER_SYSTEM;
        String masterName = sim.sagDokumentIndeks().itSystem(master).orElseThrow().name();
        Map<String, String> p = new LinkedHashMap<>();
        for (String section : new String[] {"case-index", "benefit-index"}) {
            String k = "rammearkitektur." + section + ".";
            p.put(k + "owner-uuid", org.uuid().toString());
            p.put(k + "owner-name", org.name());
            p.put(k + "it-system-uuid", master.toString());
            p.put(k + "it-system-name", masterName);
        }
        return p;
    }
}

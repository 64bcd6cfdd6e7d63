package dk.rammearkitektur.spring.boot;

import dk.rammearkitektur.signing.Pem;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a running simulator's certificate files into a folder and gives the rammearkitektur.* properties for it. */
final class SimulatorFiles {
    private SimulatorFiles() {
    }

    /** The shared properties (no client section) pointing at {@code sim}, files written into {@code dir}. */
    static List<String> properties(ServiceplatformSimulator sim, Path dir) {
        try {
            char[] pw = SimulatorClients.PASSWORD.toCharArray();
            Path p12 = Files.write(dir.resolve("system.p12"), sim.systemIdentity().pkcs12(pw));
            Path anchors = Files.writeString(dir.resolve("trust-anchors.pem"), Pem.encode(sim.tlsTrustAnchor()),
                    StandardCharsets.US_ASCII);
            Path sts = Files.writeString(dir.resolve("sts.pem"), Pem.encode(sim.stsCertificate()),
                    StandardCharsets.US_ASCII);
            List<String> p = new ArrayList<>();
            p.add("rammearkitektur.environment=" + sim.baseUri());
            p.add("rammearkitektur.certificate.file=" + p12);
            p.add("rammearkitektur.certificate.password=" + SimulatorClients.PASSWORD);
            p.add("rammearkitektur.trust-anchors=" + anchors);
            p.add("rammearkitektur.sts.cvr=" + sim.municipalityCvr());
            p.add("rammearkitektur.sts.certificates=" + sts);
            p.add("rammearkitektur.timeouts.connect=2s");
            p.add("rammearkitektur.timeouts.read=5s");
            p.add("rammearkitektur.timeouts.total=10s");
            p.add("rammearkitektur.retry.max-attempts=1");
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

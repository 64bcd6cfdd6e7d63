package dk.rammearkitektur.examples;

import dk.rammearkitektur.signing.Pem;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the configuration files an example reads, pointing at running simulators, as a vendor would by hand. */
final class SimulatorConfig {
    static final String PASSWORD = "example-secret";

    private SimulatorConfig() {
    }

    /** A properties file for {@code sp} (may be null) and {@code dp} (may be null) with the auth model {@code auth}. */
    static Path write(Path dir, ServiceplatformSimulator sp, DigitalPostSimulator dp, String auth) throws IOException {
        List<String> lines = new ArrayList<>();
        Path p12 = dir.resolve("system.p12");
        if (sp != null) {
            Files.write(p12, sp.systemIdentity().pkcs12(PASSWORD.toCharArray()));
            lines.add("environment=" + sp.baseUri());
            lines.add("trust.anchors=" + pem(dir, "sp-tls.pem", sp.tlsTrustAnchorPem()));
            lines.add("auth=" + auth);
            lines.add("user-system.uuid=" + sp.userSystemUuid());
            lines.add("user.uuid=" + sp.userUuid());
            for (String id : List.of("SF1520", "SF1530")) {
                lines.add("agreement." + id + "=" + sp.serviceAgreement(id));
            }
            lines.add("sts.cvr=" + sp.municipalityCvr());
            lines.add("sts.certificates=" + pem(dir, "sp-sts.pem", Pem.encode(sp.stsCertificate())));
            SimulatorData.Organisation org = sp.data().organisation(sp.municipalityCvr()).orElseThrow();
            lines.add("index.owner.uuid=" + org.uuid());
            lines.add("index.owner.name=" + org.name());
            lines.add("index.itsystem.uuid=" + SagDokumentIndeksData.SEEDED_MASTER_SYSTEM);
            lines.add("index.itsystem.name=Simuleret fagsystem");
        }
        if (dp != null) {
            Files.write(p12, dp.pki().oces3Organisation().pkcs12(PASSWORD.toCharArray()));
            lines.add("digitalpost.environment=" + dp.baseUri());
            lines.add("digitalpost.trust.anchors=" + pem(dir, "dp-tls.pem", Pem.encode(dp.tlsTrustAnchor())));
            lines.add("digitalpost.sts.certificates=" + pem(dir, "dp-sts.pem", Pem.encode(dp.stsCertificate())));
            lines.add("digitalpost.authority-cvr=" + dp.authorityCvr());
            lines.add("digitalpost.sender-name=Testkommune");
        }
        lines.add("certificate.file=" + p12);
        lines.add("certificate.password=" + PASSWORD);
        Path file = dir.resolve("example-" + auth + ".properties");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static String pem(Path dir, String name, String pem) throws IOException {
        return Files.writeString(dir.resolve(name), pem, StandardCharsets.US_ASCII).toString();
    }
}

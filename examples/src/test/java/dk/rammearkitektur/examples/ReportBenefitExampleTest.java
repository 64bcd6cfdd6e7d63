package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.IndexedGrant;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.testkit.model.CaseHistories;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ReportBenefitExample} against the simulator, configured from a properties file as a vendor would. */
class ReportBenefitExampleTest {
    @TempDir
    static Path dir;
    private static ServiceplatformSimulator sim;

    @BeforeAll
    static void start() {
        sim = ServiceplatformSimulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void reportsTheGrantThenALaterPaymentAndShowsTheCitizensBenefits() throws Exception {
        ExampleConfig config = ExampleConfig.load(SimulatorConfig.write(dir, sim, null, "sts-soap"), Map.of());
        CaseHistories.Setup setup = CaseHistories.forSimulator(sim.data(), sim.municipalityCvr(), CaseId.random());
        Instant start = Instant.parse("2024-03-04T08:00:00Z");
        History<Case> one = CaseHistories.grantedBenefit(setup, start, 1);
        History<Case> two = CaseHistories.grantedBenefit(setup, start, 2);
        BenefitId benefit = CaseHistories.benefitId(setup);
        try (KlassifikationClient k = config.klassifikationClient().build()) {
            BenefitIndexClient index = config.benefitIndexClient(k).build();
            IndexedGrant g = ReportBenefitExample.report(index, one, benefit);
            assertEquals(benefit, g.id());
            assertEquals(1, index.findPayments(benefit).size());
            ReportBenefitExample.report(index, two, benefit);
            List<String> lines = ReportBenefitExample.overview(index, Cpr.parse(SimulatorData.CPR_ACTIVE_1900S));
            assertEquals(List.of("Sygedagpenge  from 2024-02-19  DKK 4955.00  (Ydelsesmodtager)",
                    "  paid for 2024-02-19..2024-02-25 on 2024-02-29: DKK 4955.00 gross",
                    "  paid for 2024-02-26..2024-03-03 on 2024-03-07: DKK 4955.00 gross"),
                    sorted(lines));
            assertFalse(String.join("\n", lines).contains(SimulatorData.CPR_ACTIVE_1900S));
        }
        assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
    }

    /** The grant line first, then its payment lines by period (the index returns payments in no set order). */
    private static List<String> sorted(List<String> lines) {
        List<String> payments = lines.subList(1, lines.size()).stream().sorted().toList();
        return java.util.stream.Stream.concat(lines.stream().limit(1), payments.stream()).toList();
    }
}

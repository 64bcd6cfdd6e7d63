package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.IndexedCase;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.Validity;
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

/** {@link IndexCaseExample} against the simulator, configured from a properties file as a vendor would. */
class IndexCaseExampleTest {
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
    void indexesTheCaseThenItsChangeAndShowsTheCitizensCases() throws Exception {
        ExampleConfig config = ExampleConfig.load(SimulatorConfig.write(dir, sim, null, "sts-soap"), Map.of());
        CaseId id = CaseId.random();
        History<Case> h = CaseHistories.closedCase(CaseHistories.forSimulator(sim.data(), sim.municipalityCvr(), id),
                Instant.parse("2022-01-03T08:00:00Z"), 2, 2, Instant.parse("2024-06-01T00:00:00Z"));
        try (KlassifikationClient k = config.klassifikationClient().build()) {
            CaseIndexClient index = config.caseIndexClient(k).build();
            IndexedCase first = IndexCaseExample.index(index, h);
            assertEquals(CaseStatus.CLOSED, first.status().orElseThrow());
            List<Effect<Case>> effects = h.latest().orElseThrow().effects();
            Instant reopened = Instant.parse("2024-07-01T00:00:00Z");
            History<Case> later = h.register(reopened, "fagsystem", "genoptaget", List.of(Effect.of(
                    Validity.from(reopened), effects.get(effects.size() - 1).value().reopen("ny oplysning"))));
            assertEquals(CaseStatus.IN_PROGRESS, IndexCaseExample.index(index, later).status().orElseThrow());
            List<String> lines = IndexCaseExample.overview(index, Cpr.parse(SimulatorData.CPR_ACTIVE_1900S));
            assertEquals(1, lines.size());
            assertTrue(lines.get(0).matches("2021-32\\.18\\.02-\\S+  Sygedagpenge  IN_PROGRESS since "
                    + "2024-07-01T00:00:00Z  \\(Primær part\\)"), lines.get(0));
        }
        assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
    }
}

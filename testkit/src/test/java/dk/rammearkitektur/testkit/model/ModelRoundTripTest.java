package dk.rammearkitektur.testkit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.Registration;
import dk.rammearkitektur.model.json.RammearkitekturJson;
import dk.rammearkitektur.model.xml.ModelXml;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The model's serialisations are lossless for every generated case graph, history included. */
class ModelRoundTripTest {
    @Provide
    Arbitrary<History<Case>> caseHistories() {
        return ModelArbitraries.caseHistories();
    }

    @Provide
    Arbitrary<Case> cases() {
        return ModelArbitraries.cases();
    }

    @Provide
    Arbitrary<History<Party>> partyHistories() {
        return ModelArbitraries.histories(ModelArbitraries.parties());
    }

    @Property(tries = 200)
    void partyHistoriesAndPartiesRoundTrip(@ForAll("partyHistories") History<Party> history) {
        assertEquals(history, RammearkitekturJson.readHistory(RammearkitekturJson.write(history), Party.class));
        assertEquals(history, ModelXml.readHistory(ModelXml.write(history), Party.class));
        for (Registration<Party> r : history.registrations()) {
            for (Effect<Party> e : r.effects()) {
                assertEquals(e.value(), RammearkitekturJson.read(RammearkitekturJson.write(e.value()), Party.class));
                assertEquals(e.value(), ModelXml.read(ModelXml.write(e.value()), Party.class));
            }
        }
    }

    @Property(tries = 1000)
    void jsonRoundTripOfCaseHistories(@ForAll("caseHistories") History<Case> history) {
        Statistics.label("registrations").collect(history.registrations().size());
        boolean benefits = history.registrations().stream().flatMap(r -> r.effects().stream())
                .anyMatch(e -> !e.value().benefits().isEmpty() && !e.value().documents().isEmpty());
        Statistics.label("a case with documents and benefits").collect(benefits);
        Statistics.label("a benefit with payments").collect(history.registrations().stream()
                .flatMap(r -> r.effects().stream()).flatMap(e -> e.value().benefits().stream())
                .anyMatch(b -> !b.payments().isEmpty()));
        Statistics.label("a benefit not in DKK").collect(history.registrations().stream()
                .flatMap(r -> r.effects().stream()).flatMap(e -> e.value().benefits().stream())
                .anyMatch(b -> !b.currency().getCurrencyCode().equals("DKK")));
        String json = RammearkitekturJson.write(history);
        History<Case> back = RammearkitekturJson.readHistory(json, Case.class);
        assertEquals(history, back);
        assertEquals(json, RammearkitekturJson.write(back));
    }

    @Property(tries = 1000)
    void xmlRoundTripOfCaseHistories(@ForAll("caseHistories") History<Case> history) {
        byte[] xml = ModelXml.write(history);
        assertEquals(history, ModelXml.readHistory(xml, Case.class));
    }

    @Property(tries = 200)
    void jsonRoundTripOfCasesAlone(@ForAll("cases") Case c) {
        assertEquals(c, RammearkitekturJson.read(RammearkitekturJson.write(c), Case.class));
    }

    @Property(tries = 200)
    void xmlRoundTripOfCasesAlone(@ForAll("cases") Case c) {
        assertEquals(c, ModelXml.read(ModelXml.write(c), Case.class));
    }
}

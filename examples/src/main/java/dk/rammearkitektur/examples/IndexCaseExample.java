package dk.rammearkitektur.examples;

import dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.clients.stoettesystemer.IndexedCase;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Keeps a case in the fælleskommunale Sags- og Dokumentindeks (SF1470) and shows a citizen's cases from every
 * system, as a fagsystem does after each change: import the first time, send the whole current picture afterwards.
 * See {@code docs/indexes.md} for what is sent and {@link ExampleConfig} for the keys.
 *
 * <pre>
 * java -cp ... dk.rammearkitektur.examples.IndexCaseExample client.properties case-history.json
 * </pre>
 */
public final class IndexCaseExample {
    private IndexCaseExample() {
    }

    /**
     * Sends {@code history} to the index: {@code importer} when the index does not hold the case, else
     * {@code opdater}. After an unknown outcome (a timeout), calling this again is safe: it finds the case if the
     * import landed and updates it.
     *
     * @return the case as the index now holds it
     * @throws dk.rammearkitektur.core.ValidationException naming what the index would refuse, before anything is sent
     * @throws dk.rammearkitektur.core.ServiceFaultException when the index refuses (status code and text)
     */
    public static IndexedCase index(CaseIndexClient index, History<Case> history) {
        Objects.requireNonNull(index, "index == null");
        List<Effect<Case>> effects = history.latest().orElseThrow().effects();
        Case current = effects.get(effects.size() - 1).value();
        index.sync(history);
        return index.find(current.id()).orElseThrow(() -> new IllegalStateException("the index lost the case"));
    }

    /** One line per case the index holds on {@code cpr}: number, title, status, since when, the person's role. */
    public static List<String> overview(CaseIndexClient index, Cpr cpr) {
        List<String> lines = new ArrayList<>();
        for (IndexedCase c : index.findByCpr(cpr)) {
            String since = c.progress().isEmpty() ? "?"
                    : c.progress().get(c.progress().size() - 1).validity().start().toString();
            String role = c.relations().stream().filter(r -> r.reference().endsWith(":" + cpr.value()))
                    .map(IndexRelation::roleName).filter(Objects::nonNull).findFirst().orElse("part");
            lines.add(c.caseNumber() + "  " + c.title() + "  " + c.status().map(Enum::name).orElse("?") + " since "
                    + since + "  (" + role + ")");
        }
        return lines;
    }

    /**
     * Usage: {@code IndexCaseExample <config.properties> <history.json>}: indexes the case history (the model's JSON)
     * and prints the primary party's cases.
     *
     * @param args the configuration file and the history file
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: IndexCaseExample <config.properties> <history.json>");
            System.exit(2);
        }
        ExampleConfig config = ExampleConfig.load(Path.of(args[0]));
        History<Case> history = ExampleConfig.caseHistory(Path.of(args[1]));
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        try (KlassifikationClient k = config.klassifikationClient().build()) {
            CaseIndexClient index = config.caseIndexClient(k).build();
            IndexedCase c = index(index, history);
            out.println("indexed " + c.caseNumber() + " (" + c.relations().size() + " relations)");
            List<Effect<Case>> effects = history.latest().orElseThrow().effects();
            effects.get(effects.size() - 1).value().primaryParty()
                    .filter(p -> p instanceof dk.rammearkitektur.model.Person)
                    .map(p -> ((dk.rammearkitektur.model.Person) p).cpr())
                    .ifPresent(cpr -> {
                        out.println("cases on " + PersonalData.maskCpr(cpr.value()) + ":");
                        overview(index, cpr).forEach(l -> out.println("  " + l));
                    });
        }
    }
}

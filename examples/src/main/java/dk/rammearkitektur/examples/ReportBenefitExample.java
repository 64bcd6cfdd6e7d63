package dk.rammearkitektur.examples;

import dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.clients.stoettesystemer.IndexedGrant;
import dk.rammearkitektur.clients.stoettesystemer.IndexedPayment;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.Person;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Reports a granted benefit (bevilling) and its payments (økonomiske effektueringer) to the fælleskommunale
 * Ydelsesindeks, as a benefit-granting fagsystem does after each change, and shows what a citizen receives from every
 * system. See {@code docs/indexes.md} for what is sent and {@link ExampleConfig} for the keys.
 *
 * <pre>
 * java -cp ... dk.rammearkitektur.examples.ReportBenefitExample client.properties case-history.json [benefit-id]
 * </pre>
 */
public final class ReportBenefitExample {
    private ReportBenefitExample() {
    }

    /**
     * Brings the index up to date with the benefit {@code benefit} of the case in {@code history}: the grant and every
     * payment the index lacks are imported, the others updated. Calling it again after an unknown outcome (a timeout)
     * is safe: it looks up what landed first.
     *
     * @return the grant as the index now holds it
     * @throws dk.rammearkitektur.core.ValidationException naming what the index would refuse, before anything is sent
     * @throws dk.rammearkitektur.core.ServiceFaultException when the index refuses (status code and text)
     */
    public static IndexedGrant report(BenefitIndexClient index, History<Case> history, BenefitId benefit) {
        Objects.requireNonNull(index, "index == null");
        index.sync(history, benefit);
        return index.findGrant(benefit).orElseThrow(() -> new IllegalStateException("the index lost the grant"));
    }

    /**
     * One line per grant the index lets this authority see on {@code cpr}: benefit, period, amount, the person's role,
     * then one indented line per payment of it: period, disposition date, gross amount. Another system's free text
     * is shown with CPR numbers masked.
     */
    public static List<String> overview(BenefitIndexClient index, Cpr cpr) {
        List<String> lines = new ArrayList<>();
        for (IndexedGrant g : index.findByCpr(cpr)) {
            String role = g.relations().stream().filter(r -> r.reference().endsWith(":" + cpr.value()))
                    .map(IndexRelation::roleName).filter(Objects::nonNull).findFirst().orElse("part");
            lines.add(PersonalData.maskCprNumbers(g.benefitName()) + "  from " + g.start() + (g.end() == null ? "" : " to " + g.end()) + "  "
                    + (g.amount() == null ? "?" : "DKK " + g.amount().toPlainString()) + "  (" + role + ")");
            for (IndexedPayment p : index.findPayments(g.id())) {
                lines.add("  paid for " + p.periodStart() + ".." + p.periodEnd() + " on " + p.dispositionDate()
                        + ": " + (p.gross() == null ? "?" : "DKK " + p.gross().toPlainString()) + " gross");
            }
        }
        return lines;
    }

    /**
     * Usage: {@code ReportBenefitExample <config.properties> <history.json> [benefit-id]}: reports the benefit (the
     * case's first when no id is given) and prints the recipient's benefits.
     *
     * @param args the configuration file, the history file and optionally the benefit's id
     */
    public static void main(String[] args) {
        if (args.length < 2 || args.length > 3) {
            System.err.println("usage: ReportBenefitExample <config.properties> <history.json> [benefit-id]");
            System.exit(2);
        }
        ExampleConfig config = ExampleConfig.load(Path.of(args[0]));
        History<Case> history = ExampleConfig.caseHistory(Path.of(args[1]));
        List<Effect<Case>> effects = history.latest().orElseThrow().effects();
        Case current = effects.get(effects.size() - 1).value();
        Benefit benefit = args.length == 3
                ? current.benefits().stream().filter(b -> b.id().equals(BenefitId.parse(args[2]))).findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("the case has no benefit " + args[2]))
                : current.benefits().stream().findFirst()
                        .orElseThrow(() -> new IllegalArgumentException("the case has no benefit"));
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        try (KlassifikationClient k = config.klassifikationClient().build()) {
            BenefitIndexClient index = config.benefitIndexClient(k).build();
            IndexedGrant g = report(index, history, benefit.id());
            out.println("reported " + g.benefitName() + " " + g.id() + " with " + benefit.payments().size()
                    + " payment(s)");
            current.party(benefit.recipient()).filter(p -> p instanceof Person).map(p -> ((Person) p).cpr())
                    .ifPresent(cpr -> {
                        out.println("benefits of " + PersonalData.maskCpr(cpr.value()) + ":");
                        overview(index, cpr).forEach(l -> out.println("  " + l));
                    });
        }
    }
}

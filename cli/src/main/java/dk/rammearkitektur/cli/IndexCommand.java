package dk.rammearkitektur.cli;

import dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.BenefitSync;
import dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.clients.stoettesystemer.IndexedCase;
import dk.rammearkitektur.clients.stoettesystemer.IndexedGrant;
import dk.rammearkitektur.clients.stoettesystemer.IndexedPayment;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.Validity;
import dk.rammearkitektur.model.json.RammearkitekturJson;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur index case <case.json>}, {@code rammearkitektur index benefit <case.json>} and
 * {@code rammearkitektur index search --cpr <cpr>}: keep a case in the Sags- og Dokumentindeks (SF1470) and a granted
 * benefit with its payments in the Ydelsesindeks, and find a citizen's cases and benefits there. Uses the
 * configuration of {@code klasse} plus {@code index.owner.uuid}, {@code index.owner.name} (the authority's
 * Organisation; its CVR is {@code sts.cvr}), {@code index.itsystem.uuid} and {@code index.itsystem.name}.
 */
@Command(name = "index", description = "Cases in the Sags- og Dokumentindeks (SF1470), benefits in the Ydelsesindeks.",
        subcommands = {IndexCommand.CaseCommand.class, IndexCommand.BenefitCommand.class,
            IndexCommand.SearchCommand.class})
final class IndexCommand {

    static CaseIndexClient client(CprLookupCommand.Config config, KlassifikationClient klassifikation) {
        Identity id = Identity.of(config);
        return CaseIndexClient.builder().klassifikation(klassifikation).owner(id.owner, id.cvr, id.ownerName)
                .itSystem(id.itSystem, id.itSystemName).build();
    }

    static BenefitIndexClient benefitClient(CprLookupCommand.Config config, KlassifikationClient klassifikation) {
        Identity id = Identity.of(config);
        return BenefitIndexClient.builder().klassifikation(klassifikation).owner(id.owner, id.cvr, id.ownerName)
                .itSystem(id.itSystem, id.itSystemName).build();
    }

    /** The owning authority and the IT system both indexes name, from the {@code index.*} keys and {@code sts.cvr}. */
    private record Identity(UUID owner, String cvr, String ownerName, UUID itSystem, String itSystemName) {
        static Identity of(CprLookupCommand.Config config) {
            Properties p = KlasseCommand.properties(config);
            return new Identity(uuid(config.required(p, "index.owner.uuid"), "index.owner.uuid"),
                    config.required(p, "sts.cvr"), config.required(p, "index.owner.name"),
                    uuid(config.required(p, "index.itsystem.uuid"), "index.itsystem.uuid"),
                    config.required(p, "index.itsystem.name"));
        }
    }

    private static UUID uuid(String text, String field) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new ValidationException("config." + field, "must be a UUID");
        }
    }

    /**
     * {@code index case <case.json>}: the file holds a case history ({@code History<Case>}) or one case (then one
     * effect from now, so the case must be CREATED) in the model's JSON; a case the index holds is updated
     * ({@code opdater}), another imported ({@code importer}). Exit 0 when done, 2 for invalid input, 1 when the index
     * refuses.
     */
    @Command(name = "case", description = "Import or update a case (the model's JSON: a history or one case).")
    static final class CaseCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        CprLookupCommand.Config config = new CprLookupCommand.Config();

        @CommandLine.Parameters(index = "0", paramLabel = "<case.json>", description = "The case or its history.")
        Path file;

        @Override
        public Integer call() {
            History<Case> history = read(file);
            Case current = history.latest().orElseThrow().effects().get(history.latest().orElseThrow().effects()
                    .size() - 1).value();
            PrintWriter out = spec.commandLine().getOut();
            try (KlassifikationClient k = KlasseCommand.client(config)) {
                CaseIndexClient index = client(config, k);
                boolean known = !index.sync(history);
                IndexedCase back = index.find(current.id()).orElseThrow(() -> new IllegalStateException(
                        "the index does not return the case it accepted"));
                out.println((known ? "updated:  " : "imported: ") + back.id() + "  " + back.caseNumber() + "  "
                        + back.title() + "  " + back.status().map(Enum::name).orElse("?") + "  "
                        + back.relations().size() + " relations, "
                        + history.latest().orElseThrow().effects().stream().mapToLong(e -> e.value().documents()
                        .size()).max().orElse(0) + " documents");
            }
            out.flush();
            return ExitCodes.OK;
        }

        static History<Case> read(Path file) {
            String json;
            try {
                json = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new ValidationException("case", "could not be read: " + e.getMessage());
            }
            if (json.contains("\"registrations\"")) {
                return RammearkitekturJson.readHistory(json, Case.class);
            }
            Case c = RammearkitekturJson.read(json, Case.class);
            Instant now = Instant.now();
            return History.start(now, "rammearkitektur-cli", "index case", List.of(Effect.of(Validity.from(now), c)));
        }
    }

    /**
     * {@code index benefit <case.json>}: the file holds a case history or one case in the model's JSON (a benefit is
     * reported with its case: owning unit, KLE subject and parties come from it); the granted benefit ({@code --benefit}
     * when the case has several) and its payments are imported into the Ydelsesindeks or updated there. Exit 0 when
     * done, 2 for invalid input, 1 when the index refuses.
     */
    @Command(name = "benefit", description = "Report a granted benefit and its payments (the model's JSON: a case "
            + "history or one case).")
    static final class BenefitCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        CprLookupCommand.Config config = new CprLookupCommand.Config();

        @CommandLine.Parameters(index = "0", paramLabel = "<case.json>", description = "The case or its history.")
        Path file;

        @CommandLine.Option(names = "--benefit", paramLabel = "<uuid>",
                description = "The benefit to report when the case has more than one granted.")
        String benefit;

        @Override
        public Integer call() {
            History<Case> history = CaseCommand.read(file);
            List<Effect<Case>> effects = history.latest().orElseThrow().effects();
            Case current = effects.get(effects.size() - 1).value();
            BenefitId id = chosen(current);
            PrintWriter out = spec.commandLine().getOut();
            try (KlassifikationClient k = KlasseCommand.client(config)) {
                BenefitIndexClient index = benefitClient(config, k);
                BenefitSync done = index.sync(history, id);
                IndexedGrant back = index.findGrant(id).orElseThrow(() -> new IllegalStateException(
                        "the index does not return the grant it accepted"));
                out.println((done.grantImported() ? "imported: " : "updated:  ") + back.id() + "  "
                        + PersonalData.maskCprNumbers(back.benefitName()) + "  from " + back.start() + (back.end() == null ? "" : " to " + back.end())
                        + "  " + (back.amount() == null ? "?" : "DKK " + back.amount().toPlainString()));
                out.println("payments: " + done.paymentsImported().size() + " imported, "
                        + done.paymentsUpdated().size() + " updated, " + done.paymentsRemoved().size()
                        + " removed, " + index.findPayments(id).size() + " in the index");
            }
            out.flush();
            return ExitCodes.OK;
        }

        private BenefitId chosen(Case current) {
            if (benefit != null) {
                BenefitId id;
                try {
                    id = BenefitId.parse(benefit.trim());
                } catch (RuntimeException e) {
                    throw new ValidationException("benefit", "must be a UUID");
                }
                return id;
            }
            List<Benefit> granted = current.benefits().stream()
                    .filter(b -> b.status() == BenefitStatus.GRANTED || b.status() == BenefitStatus.ENDED).toList();
            if (granted.size() != 1) {
                throw new ValidationException("benefit", "the case has " + granted.size()
                        + " granted or ended benefits; name one with --benefit <uuid>");
            }
            return granted.get(0).id();
        }
    }

    /**
     * {@code index search --cpr <cpr>}: the cases the Sags- og Dokumentindeks holds with this person as a party, then
     * the grants the Ydelsesindeks holds with her as a party, one line each (the CPR number masked). When the
     * Ydelsesindeks cannot be searched, the cases are still listed and a line says why. Exit 0 when some are found, 4
     * when none, 1 when none were found and the Ydelsesindeks could not be searched, 2 for invalid input.
     */
    @Command(name = "search", description = "Find the cases and benefits the indexes hold on a citizen.")
    static final class SearchCommand implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Mixin
        CprLookupCommand.Config config = new CprLookupCommand.Config();

        @CommandLine.Option(names = "--cpr", required = true, paramLabel = "<cpr>", description = "The citizen.")
        String cpr;

        @Override
        public Integer call() {
            Cpr person = Cpr.parse(cpr);
            PrintWriter out = spec.commandLine().getOut();
            List<IndexedCase> found;
            List<IndexedGrant> grants = List.of();
            List<List<IndexedPayment>> payments = new java.util.ArrayList<>();
            String benefitsUnavailable = null;
            try (KlassifikationClient k = KlasseCommand.client(config)) {
                found = client(config, k).findByCpr(person);
                try {
                    BenefitIndexClient benefits = benefitClient(config, k);
                    grants = benefits.findByCpr(person);
                    for (IndexedGrant g : grants) {
                        payments.add(benefits.findPayments(g.id()));
                    }
                } catch (dk.rammearkitektur.core.ServiceCallException e) {
                    benefitsUnavailable = e.getMessage(); // the cases found still count
                    grants = List.of();
                }
            }
            for (IndexedCase c : found) {
                out.println(c.id() + "  " + PersonalData.maskCprNumbers(c.caseNumber()) + "  "
                        + PersonalData.maskCprNumbers(c.title()) + "  " + c.status().map(Enum::name).orElse("?") + "  "
                        + role(c.relations(), person));
            }
            out.println(found.size() + " case(s) for " + PersonalData.maskCpr(person.value()));
            if (benefitsUnavailable != null) {
                out.println("benefits: the Ydelsesindeks could not be searched: " + benefitsUnavailable);
                out.flush();
                return found.isEmpty() ? ExitCodes.ERROR : ExitCodes.OK; // no answer on benefits: not "none found"
            }
            for (int i = 0; i < grants.size(); i++) {
                IndexedGrant g = grants.get(i);
                out.println(g.id() + "  " + PersonalData.maskCprNumbers(g.benefitName()) + "  from " + g.start()
                        + (g.end() == null ? "" : " to " + g.end()) + "  "
                        + (g.amount() == null ? "?" : "DKK " + g.amount().toPlainString()) + "  "
                        + role(g.relations(), person) + "  " + payments.get(i).size() + " payment(s)");
            }
            out.println(grants.size() + " benefit(s) for " + PersonalData.maskCpr(person.value()));
            out.flush();
            return found.isEmpty() && grants.isEmpty() ? ExitCodes.NOT_FOUND : ExitCodes.OK;
        }

        private static String role(List<IndexRelation> relations, Cpr person) {
            return relations.stream().filter(r -> r.reference().endsWith(person.value()))
                    .map(IndexRelation::roleName).filter(java.util.Objects::nonNull).findFirst().orElse("part");
        }
    }
}

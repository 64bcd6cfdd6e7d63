package dk.rammearkitektur.cli;

import dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.clients.stoettesystemer.IndexedCase;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
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
 * {@code rammearkitektur index case <case.json>} and {@code rammearkitektur index search --cpr <cpr>}: keep a case in
 * the Sags- og Dokumentindeks (SF1470) and find a citizen's cases there. Uses the configuration of {@code klasse}
 * plus {@code index.owner.uuid}, {@code index.owner.name} (the authority's Organisation; its CVR is {@code sts.cvr}),
 * {@code index.itsystem.uuid} and {@code index.itsystem.name}.
 */
@Command(name = "index", description = "Cases in the Sags- og Dokumentindeks (SF1470).",
        subcommands = {IndexCommand.CaseCommand.class, IndexCommand.SearchCommand.class})
final class IndexCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return Main.EXIT_INVALID;
    }

    static CaseIndexClient client(CprLookupCommand.Config config, KlassifikationClient klassifikation) {
        Properties p = KlasseCommand.properties(config);
        return CaseIndexClient.builder().klassifikation(klassifikation)
                .owner(uuid(config.required(p, "index.owner.uuid"), "index.owner.uuid"), config.required(p, "sts.cvr"),
                        config.required(p, "index.owner.name"))
                .itSystem(uuid(config.required(p, "index.itsystem.uuid"), "index.itsystem.uuid"),
                        config.required(p, "index.itsystem.name"))
                .build();
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
            return 0;
        }

        private static History<Case> read(Path file) {
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
     * {@code index search --cpr <cpr>}: the cases the index holds with this person as a party, one line each (the CPR
     * number masked). Exit 0 when some are found, 4 when none, 2 for invalid input.
     */
    @Command(name = "search", description = "Find the cases the index holds on a citizen.")
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
            try (KlassifikationClient k = KlasseCommand.client(config)) {
                found = client(config, k).findByCpr(person);
            }
            for (IndexedCase c : found) {
                String role = c.relations().stream().filter(r -> r.reference().endsWith(person.value()))
                        .map(IndexRelation::roleName).filter(java.util.Objects::nonNull).findFirst().orElse("part");
                out.println(c.id() + "  " + c.caseNumber() + "  " + c.title() + "  "
                        + c.status().map(Enum::name).orElse("?") + "  " + role);
            }
            out.println(found.size() + " case(s) for " + PersonalData.maskCpr(person.value()));
            out.flush();
            return found.isEmpty() ? CprLookupCommand.EXIT_NOT_FOUND : 0;
        }
    }
}

package dk.rammearkitektur.clients.stoettesystemer.internal;

import dk.rammearkitektur.clients.stoettesystemer.Classification;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentDirection;
import dk.rammearkitektur.model.DocumentId;
import dk.rammearkitektur.model.DocumentPart;
import dk.rammearkitektur.model.DocumentRole;
import dk.rammearkitektur.model.DocumentType;
import dk.rammearkitektur.model.DocumentVariant;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.JournalEntry;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Validity;
import dk.rammearkitektur.model.VariantKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Case histories and a mapping context for the index tests. */
final class IndexCases {
    static final Instant T0 = Instant.parse("2021-03-01T08:00:00Z");
    static final UUID OWNER = UUID.fromString("11111111-1111-4111-8111-111111111111");
    static final UUID IT_SYSTEM = UUID.fromString("22222222-2222-4222-8222-222222222222");
    static final UUID SUBJECT = UUID.fromString("33333333-3333-4333-8333-333333333333");
    static final UUID FACET = UUID.fromString("44444444-4444-4444-8444-444444444444");
    static final Person CITIZEN = Person.builder().id(PartyId.random()).cpr(Cpr.parse("0101801234"))
            .name("Anna Jensen").build();
    static final Company EMPLOYER = Company.builder().id(PartyId.random()).cvr(Cvr.parse("29189846"))
            .name("Aarhus Tømrer ApS").build();

    private IndexCases() {
    }

    static CaseIndexMapping.Context context() {
        return new CaseIndexMapping.Context(OWNER, "Aarhus Kommune", "55133018", IT_SYSTEM, "Fagsystem",
                k -> k.number().equals("32.18.02") ? Optional.of(new Classification(SUBJECT, "32.18.02",
                        "Sygedagpenge", null, null, null)) : Optional.empty(),
                f -> f.equals("G01") ? Optional.of(new Classification(FACET, "G01", "Generelle sager", null, null,
                        null)) : Optional.empty());
    }

    static Map<String, UUID> classes() {
        Map<String, UUID> m = new java.util.LinkedHashMap<>();
        int i = 0;
        for (String key : dk.rammearkitektur.clients.stoettesystemer.IndexClasses.ROLES) {
            m.put(key, UUID.nameUUIDFromBytes(("role" + i++ + key).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        for (String key : dk.rammearkitektur.clients.stoettesystemer.IndexClasses.OBJECT_TYPES) {
            m.put(key, UUID.nameUUIDFromBytes(("type" + i++ + key).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        return m;
    }

    static Case base(CaseId id) {
        return Case.builder().id(id).caseNumber("2021-32.18.02-0042").title("Sygedagpenge")
                .classification(KleNumber.parse("32.18.02 G01"))
                .caseworker(Caseworker.of(UUID.fromString("55555555-5555-4555-8555-555555555555"), "Bo Hansen"))
                .owningUnit(OrganisationUnit.of(PartyId.of(UUID.fromString("66666666-6666-4666-8666-666666666666")),
                        "Jobcenter"))
                .addParty(CITIZEN, PartyRole.PRIMARY_PARTY).build();
    }

    static Document document(int n) {
        byte[] content = ("document " + n).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return Document.builder().id(DocumentId.of(UUID.nameUUIDFromBytes(("doc" + n).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8))))
                .title("Dokument " + n).letterDate(LocalDate.of(2021, 3, 1).plusDays(n))
                .type(DocumentType.LETTER).direction(n % 2 == 0 ? DocumentDirection.INCOMING
                        : DocumentDirection.OUTGOING)
                .addVariant(DocumentVariant.of(VariantKind.ARCHIVE, List.of(DocumentPart.of("d" + n + ".pdf",
                        "application/pdf", content.length, "0".repeat(64)))))
                .build();
    }

    /**
     * A case over {@code years}: created at T0, in progress after a week, a caseworker change and an employer as
     * secondary party in between, decided, closed at the end; {@code documents} journalised one per effect step.
     */
    static History<Case> history(int years, int documents) {
        CaseId id = CaseId.of(UUID.fromString("77777777-7777-4777-8777-777777777777"));
        Case c = base(id);
        List<Case> values = new ArrayList<>();
        values.add(c);
        c = c.withStatus(CaseStatus.IN_PROGRESS);
        values.add(c);
        c = c.toBuilder().addParty(EMPLOYER, PartyRole.SECONDARY_PARTY).build();
        values.add(c);
        for (int d = 0; d < documents; d++) {
            c = c.toBuilder().addDocument(JournalEntry.of(document(d), LocalDate.of(2021, 3, 2),
                    d == 0 ? DocumentRole.MAIN_DOCUMENT : DocumentRole.ATTACHMENT)).build();
            if (d == documents / 2) {
                c = c.toBuilder().caseworker(Caseworker.of(UUID.fromString("88888888-8888-4888-8888-888888888888"),
                        "Eva Lund")).build();
            }
            values.add(c);
        }
        c = c.toBuilder().parties(List.of(c.parties().get(0))).build().withStatus(CaseStatus.DECIDED);
        values.add(c);
        c = c.withStatus(CaseStatus.CLOSED);
        values.add(c);
        Duration step = Duration.ofDays(365L * years / values.size());
        List<Effect<Case>> effects = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            Instant from = T0.plus(step.multipliedBy(i));
            Instant to = i == values.size() - 1 ? null : T0.plus(step.multipliedBy(i + 1));
            effects.add(Effect.of(to == null ? Validity.from(from) : Validity.of(from, to), values.get(i)));
        }
        Instant registered = T0.plus(Duration.ofDays(365L * years)).atOffset(ZoneOffset.UTC).toInstant();
        return History.start(registered, "fagsystem", "imported", effects);
    }
}

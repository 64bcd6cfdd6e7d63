package dk.rammearkitektur.clients.stoettesystemer.internal;

import dk.rammearkitektur.clients.stoettesystemer.Classification;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.CaseProperties;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Dokument;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.IndexProperties;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Meta;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Period;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Relation;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.State;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseParty;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Confidentiality;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentRole;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.JournalEntry;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Registration;
import dk.rammearkitektur.model.Validity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Maps a case's bitemporal history ({@code History<Case>}) to what SF1470 needs, following KOMBIT's usage rules
 * ({@code anvisninger}, Sag and Dokument v1.7) and checking everything first, so that a case the index would refuse
 * fails with one {@link ValidationException} that names every problem and nothing is sent.
 *
 * <p>The case over time is {@link #timeline(History)}: the effects (virkning) as the history knows them now. They
 * must follow each other without gap or overlap, and only the last may be open-ended: the progress list (TilstandListe) carries the whole history from
 * Opstaaet (usage pattern AM-01). Every value that changes over the effects becomes a run of relations or properties
 * with its own virkning: a caseworker who took over, a party who left, a document journalised later. The mapping of
 * model values to the index's vocabulary is the SDK's choice and is listed in {@code docs/indexes.md}.
 */
public final class CaseIndexMapping {
    /** The most characters of Sagsnummer and BrugervendtNoegle (Sag.xsd, SagDokObjekt.xsd). */
    public static final int MAX_KEY = 50;
    /** The most characters of a Sag's or Dokument's Titel. */
    public static final int MAX_TITLE = 255;

    /** Who the SDK sends on behalf of, and how it looks up Klasse UUIDs. */
    public record Context(UUID owner, String ownerName, String ownerCvr, UUID itSystem, String itSystemName,
            Function<KleNumber, Optional<Classification>> subjects,
            Function<String, Optional<Classification>> actionFacets) {
        /** The URN the registration and every virkning name as actor: the IT system ({@code AktoerTypeKode} ItSystem). */
        public String actorUrn() {
            return "urn:oio:it-system-uuid:" + itSystem;
        }
    }

    private CaseIndexMapping() {
    }

    /**
     * The request for {@code history}, or a {@link ValidationException} whose paths start at {@code history} (the
     * effects) and {@code case} (the values of the latest effect).
     */
    public static IndexPlan.Request map(History<Case> history, Context context) {
        Violations v = Violations.at("history");
        if (history == null || history.latest().isEmpty()) {
            v.add("registrations", "must hold at least one registration");
            v.throwIfAny();
        }
        Registration<Case> registration = history.latest().orElseThrow();
        List<Effect<Case>> effects = timeline(history);
        checkTimeline(v, effects);
        v.throwIfAny();
        Case last = effects.get(effects.size() - 1).value();
        Violations c = Violations.at("case");
        checkValues(c, effects);
        Meta meta = new Meta(registration.registeredFrom(), context.actorUrn(), registration.note().orElse(null));
        List<Relation> relations = new ArrayList<>();
        Instant start = effects.get(0).validity().start();
        Period whole = new Period(start, null);
        relations.add(new Relation("Sagsaktoer", "Ejer", "Organisation", context.owner().toString(), null, whole,
                context.ownerName(), context.ownerCvr(), null, null, null));
        for (Run<Ref> r : runs(effects, k -> new Ref(k.owningUnit().id().value().toString(), "OrgEnhed",
                k.owningUnit().name()))) {
            relations.add(new Relation("Sagsaktoer", "Ansvarlig", "OrgEnhed", r.value.reference, null, r.period,
                    r.value.name, context.ownerCvr(), null, null, null));
        }
        for (Run<Ref> r : runs(effects, k -> new Ref(k.caseworker().id().toString(), "Bruger", k.caseworker().name()))) {
            relations.add(new Relation("Sagsaktoer", "Primær behandler", "Bruger", r.value.reference, null, r.period,
                    r.value.name, context.ownerCvr(), null, null, null));
        }
        for (Run<Ref> r : runs(effects, k -> k.primaryParty().filter(CaseIndexMapping::indexable)
                .map(CaseIndexMapping::partyRef).orElse(null))) {
            relations.add(party("Primær part", r.value, null, r.period));
        }
        Map<UUID, String> partyIndex = new LinkedHashMap<>();
        for (Effect<Case> e : effects) {
            for (CaseParty p : e.value().parties()) {
                if (p.role() != PartyRole.PRIMARY_PARTY && indexable(p.party())) {
                    partyIndex.putIfAbsent(p.party().id().value(), p.party().id().value().toString());
                }
            }
        }
        for (Map.Entry<UUID, String> id : partyIndex.entrySet()) {
            for (Run<Ref> r : runs(effects, k -> secondary(k, id.getKey()))) {
                relations.add(party("Sekundær part", r.value, id.getValue(), r.period));
            }
        }
        Map<String, Classification> subjects = new HashMap<>();
        Map<String, Classification> facets = new HashMap<>();
        for (Run<String> r : runs(effects, k -> k.classification().number())) {
            Classification cls = subjects.computeIfAbsent(r.value,
                    n -> context.subjects().apply(KleNumber.of(n, null)).orElse(null));
            if (cls == null) {
                c.add("classification", "KLE subject " + r.value + " is not in Klassifikation");
                continue;
            }
            relations.add(new Relation("Sagsklasse", "Primær klasse", "Klasse", cls.uuid().toString(), null,
                    r.period, null, null, r.value, cls.title(), null));
        }
        for (Run<String> r : runs(effects, k -> k.classification().facet().orElse(null))) {
            Classification cls = facets.computeIfAbsent(r.value, f -> context.actionFacets().apply(f).orElse(null));
            if (cls == null) {
                c.add("classification.facet", "action facet " + r.value + " is not in Klassifikation");
                continue;
            }
            relations.add(new Relation("Sagsklasse", "Handlingsklasse", "Klasse", cls.uuid().toString(), null,
                    r.period, null, null, r.value, cls.title(), null));
        }
        Map<UUID, String> documentIndex = new LinkedHashMap<>();
        Map<UUID, JournalEntry> latestEntry = new LinkedHashMap<>();
        Map<UUID, Instant> firstSeen = new HashMap<>();
        for (Effect<Case> e : effects) {
            for (JournalEntry j : e.value().documents()) {
                UUID id = j.document().id().value();
                documentIndex.putIfAbsent(id, id.toString());
                latestEntry.put(id, j);
                firstSeen.putIfAbsent(id, e.validity().start());
            }
        }
        for (Map.Entry<UUID, String> id : documentIndex.entrySet()) {
            for (Run<Ref> r : runs(effects, k -> entry(k, id.getKey()))) {
                relations.add(new Relation("Journalpost", r.value.type, "Dokument", r.value.reference,
                        id.getValue(), r.period, null, null, null, r.value.name, null));
            }
        }
        relations.add(itSystem("Master", context, whole));
        relations.add(itSystem("Afsender", context, whole));
        c.throwIfAny();

        List<CaseProperties> properties = new ArrayList<>();
        for (Run<List<String>> r : runs(effects, k -> List.of(k.caseNumber(), k.title()))) {
            properties.add(new CaseProperties(r.period, r.value.get(0), r.value.get(0), r.value.get(1)));
        }
        List<IndexProperties> indexProperties = new ArrayList<>();
        for (Run<List<String>> r : runs(effects, k -> List.of(sensitivity(k.confidentiality()), k.status().name()))) {
            indexProperties.add(new IndexProperties(r.period, r.value.get(0), r.value.get(1)));
        }
        List<State> states = new ArrayList<>();
        for (Run<String> r : runs(effects, k -> progress(k.status()))) {
            states.add(new State(r.period, r.value));
        }
        List<Dokument> documents = new ArrayList<>();
        for (Map.Entry<UUID, JournalEntry> e : latestEntry.entrySet()) {
            documents.add(document(e.getValue(), firstSeen.get(e.getKey()), effects, last, meta, context, subjects));
        }
        IndexPlan.Sag sag = new IndexPlan.Sag(last.id().value(), meta, properties, indexProperties, states, relations);
        return new IndexPlan.Request(documents, sag);
    }

    /**
     * The case over time as the history knows it now: the latest registration's effects, and before the earliest of
     * them what the newest older registration said, and so on back. A history that records each change as a new
     * registration holding the new value from then on (as the reference demo does) thus gives the whole progress;
     * one whose latest registration restates everything gives exactly that registration's effects.
     */
    public static List<Effect<Case>> timeline(History<Case> history) {
        List<Registration<Case>> registrations = history.registrations();
        List<Effect<Case>> timeline = new ArrayList<>();
        Instant covered = null;
        for (int r = registrations.size() - 1; r >= 0; r--) {
            List<Effect<Case>> effects = new ArrayList<>(registrations.get(r).effects());
            effects.sort(Comparator.comparing(e -> e.validity().start()));
            Instant earliest = covered;
            for (Effect<Case> e : effects) {
                Instant start = e.validity().start();
                if (covered != null && !start.isBefore(covered)) {
                    break;
                }
                Instant end = e.validity().end().orElse(null);
                if (covered != null && (end == null || end.isAfter(covered))) {
                    end = covered;
                }
                timeline.add(Effect.of(end == null ? Validity.from(start) : Validity.of(start, end), e.value()));
                earliest = earliest == null || start.isBefore(earliest) ? start : earliest;
            }
            covered = earliest;
        }
        timeline.sort(Comparator.comparing(e -> e.validity().start()));
        return timeline;
    }

    /** The KOMBIT progress code (FremdriftStatusKode) of a model status; ARCHIVED is still Afsluttet. */
    public static String progress(CaseStatus status) {
        return switch (status) {
            case CREATED -> "Opstaaet";
            case IN_PROGRESS -> "Oplyst";
            case DECIDED -> "Afgjort";
            case CLOSED, ARCHIVED -> "Afsluttet";
        };
    }

    /** The model status of a progress code, or null when the code is not one of the four. */
    public static CaseStatus status(String progress) {
        return switch (progress) {
            case "Opstaaet" -> CaseStatus.CREATED;
            case "Oplyst" -> CaseStatus.IN_PROGRESS;
            case "Afgjort" -> CaseStatus.DECIDED;
            case "Afsluttet" -> CaseStatus.CLOSED;
            default -> null;
        };
    }

    /** The index's sensitivity (Foelsomhed) for a model confidentiality. */
    public static String sensitivity(Confidentiality confidentiality) {
        return switch (confidentiality) {
            case NOT_CONFIDENTIAL -> "IKKE_FORTROLIGE_DATA";
            case CONFIDENTIAL -> "FORTROLIGE_PERSONOPLYSNINGER";
            case STRICTLY_CONFIDENTIAL -> "FOELSOMME_PERSONOPLYSNINGER";
        };
    }

    /** The party's URN for the index: CPR for a person, P-number or CVR for a company. */
    public static String partyUrn(Party party) {
        if (party instanceof Person p) {
            return "urn:oio:cpr-nr:" + p.cpr().value();
        }
        Company c = (Company) party;
        return c.pNumber().map(pn -> "urn:oio:pnr:" + pn.value()).orElse("urn:oio:cvr-nr:" + c.cvr().value());
    }

    /** Organisation units cannot be parties in the index (the rules allow only URNs of persons and companies). */
    private static boolean indexable(Party party) {
        return !(party instanceof OrganisationUnit);
    }

    private static void checkTimeline(Violations v, List<Effect<Case>> effects) {
        if (effects.isEmpty()) {
            v.add("effects", "must hold at least one effect");
            return;
        }
        UUID id = effects.get(0).value().id().value();
        for (int i = 0; i < effects.size(); i++) {
            Effect<Case> e = effects.get(i);
            String path = "effects[" + i + "]";
            if (!e.value().id().value().equals(id)) {
                v.add(path + ".value.id", "every effect must be of the same case");
            }
            Optional<Instant> end = e.validity().end();
            if (end.isPresent() && !millis(end.get()).isAfter(millis(e.validity().start()))) {
                v.add(path + ".validity", "must last at least a millisecond: the index's timestamps are milliseconds");
            }
            if (i < effects.size() - 1) {
                Instant next = effects.get(i + 1).validity().start();
                if (end.isEmpty()) {
                    v.add(path + ".validity", "only the last effect may be open-ended (the index's progress history)");
                } else if (end.get().isAfter(next)) {
                    v.add(path + ".validity", "overlaps the next effect");
                } else if (end.get().isBefore(next)) {
                    v.add(path + ".validity", "leaves a gap before the next effect; the index's progress history "
                            + "runs without gaps (AM-01)");
                }
            } else if (end.isPresent()) {
                v.add(path + ".validity", "the last effect must be open-ended: the index holds the current state");
            }
        }
        if (effects.get(0).value().status() != CaseStatus.CREATED) {
            v.add("effects[0].value.status",
                    "must be CREATED: the index needs the whole history from Opstaaet (AM-01)");
        }
    }

    private static Instant millis(Instant t) {
        return t.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    }

    private static void checkValues(Violations c, List<Effect<Case>> effects) {
        for (int i = 0; i < effects.size(); i++) {
            Case k = effects.get(i).value();
            String at = i == effects.size() - 1 ? "" : " (in effect " + i + ")";
            if (k.caseNumber().length() > MAX_KEY) {
                c.add("caseNumber", "the index takes at most " + MAX_KEY + " characters (Sagsnummer)" + at);
            }
            if (k.title().length() > MAX_TITLE) {
                c.add("title", "the index takes at most " + MAX_TITLE + " characters (Titel)" + at);
            }
            if (k.classification().level() != 3) {
                c.add("classification", "the index needs a KLE subject (emne, dd.dd.dd) as Primær klasse, not a group"
                        + at);
            }
            if (k.classification().facet().isEmpty()) {
                c.add("classification.facet", "the index needs an action facet (Handlingsklasse), e.g. 32.18.02 G01"
                        + at);
            }
            for (int j = 0; j < k.documents().size(); j++) {
                if (k.documents().get(j).document().title().length() > MAX_TITLE) {
                    c.add("documents[" + j + "].document.title", "the index takes at most " + MAX_TITLE
                            + " characters (Titel)" + at);
                }
            }
        }
    }

    /** What a relation points at and the values that go with it; runs split where any of them changes. */
    private record Ref(String reference, String type, String name) {
    }

    /** A person with name and address protection is sent without a name (FuldtNavn): the URN identifies them. */
    private static Ref partyRef(Party party) {
        boolean hidden = party instanceof Person p && p.addressProtected();
        return new Ref(partyUrn(party), party instanceof Person ? "Person" : "Virksomhed", hidden ? null : party.name());
    }

    private static Relation party(String role, Ref party, String index, Period period) {
        return new Relation("Sagspart", role, party.type, party.reference, index, period, party.name, null, null,
                null, null);
    }

    private static Relation itSystem(String role, Context context, Period period) {
        return new Relation("SagsitsystemRelation", role, "IT-system", context.itSystem().toString(), null, period,
                null, null, null, null, context.itSystemName());
    }

    private static Ref secondary(Case k, UUID id) {
        for (CaseParty p : k.parties()) {
            if (p.role() != PartyRole.PRIMARY_PARTY && p.party().id().value().equals(id)) {
                return partyRef(p.party());
            }
        }
        return null;
    }

    /** A journal entry as a run key: the document, its role (Tilakteret or Vedlagt) and its title. */
    private static Ref entry(Case k, UUID id) {
        for (JournalEntry j : k.documents()) {
            if (j.document().id().value().equals(id)) {
                String role = j.role() == DocumentRole.ATTACHMENT ? "Vedlagt" : "Tilakteret";
                return new Ref(id.toString(), role, j.document().title());
            }
        }
        return null;
    }

    /**
     * A Dokument from its latest journal entry. Its Ansvarlig and Primær klasse follow the case's owning unit and KLE
     * subject over time from when the document came to the case, so a later change adds a relation from then on.
     */
    private static Dokument document(JournalEntry entry, Instant from, List<Effect<Case>> effects, Case last,
            Meta meta, Context context, Map<String, Classification> subjects) {
        Document d = entry.document();
        Period period = new Period(from, null);
        List<Relation> relations = new ArrayList<>();
        relations.add(new Relation("Dokumentaktoer", "Ejer", "Organisation", context.owner().toString(), null, period,
                context.ownerName(), context.ownerCvr(), null, null, null));
        for (Run<Ref> r : from(runs(effects, k -> new Ref(k.owningUnit().id().value().toString(), "OrgEnhed",
                k.owningUnit().name())), from)) {
            relations.add(new Relation("Dokumentaktoer", "Ansvarlig", "OrgEnhed", r.value.reference, null, r.period,
                    r.value.name, null, null, null, null));
        }
        for (Run<String> r : from(runs(effects, k -> k.classification().number()), from)) {
            Classification cls = subjects.get(r.value);
            relations.add(new Relation("Dokumentklasse", "Primær klasse", "Klasse", cls.uuid().toString(), null,
                    r.period, null, null, r.value, cls.title(), null));
        }
        relations.add(new Relation("DokumentitsystemRelation", "Master", "IT-system", context.itSystem().toString(),
                null, period, null, null, null, null, context.itSystemName()));
        relations.add(new Relation("DokumentitsystemRelation", "Afsender", "IT-system", context.itSystem().toString(),
                null, period, null, null, null, null, context.itSystemName()));
        String type = switch (d.direction()) {
            case INCOMING -> "Brev, indgaaende";
            case OUTGOING -> "Brev, udgaaende";
            case INTERNAL -> "Internt Notat";
        };
        State state = new State(period, "Endeligt");
        return new Dokument(d.id().value(), meta, period, d.id().value().toString(), d.title(), d.letterDate(), type,
                sensitivity(last.confidentiality()), state, relations);
    }

    /** A value held over one period. */
    private record Run<T>(T value, Period period) {
    }

    /** The runs from {@code start} on: earlier ones left out, the one holding at {@code start} cut to begin there. */
    private static <T> List<Run<T>> from(List<Run<T>> runs, Instant start) {
        List<Run<T>> out = new ArrayList<>();
        for (Run<T> r : runs) {
            if (r.period.to() != null && !r.period.to().isAfter(start)) {
                continue;
            }
            Instant begin = r.period.from().isBefore(start) ? start : r.period.from();
            out.add(new Run<>(r.value, new Period(begin, r.period.to())));
        }
        return out;
    }

    /**
     * The runs of {@code key} over the contiguous effects: consecutive effects with equal keys merge; a null key is
     * no run (the value is absent then).
     */
    private static <T> List<Run<T>> runs(List<Effect<Case>> effects, Function<Case, T> key) {
        List<Run<T>> runs = new ArrayList<>();
        T current = null;
        Instant from = null;
        for (Effect<Case> e : effects) {
            T k = key.apply(e.value());
            if (!Objects.equals(k, current)) {
                if (current != null) {
                    runs.add(new Run<>(current, new Period(from, e.validity().start())));
                }
                current = k;
                from = e.validity().start();
            }
        }
        if (current != null) {
            runs.add(new Run<>(current, new Period(from, null)));
        }
        return runs;
    }
}

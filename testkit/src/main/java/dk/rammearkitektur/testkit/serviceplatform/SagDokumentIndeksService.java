package dk.rammearkitektur.testkit.serviceplatform;

import static dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksRules.AM01_HISTORY;
import static dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksRules.CVR_OWNER;
import static dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksRules.INDEKS;
import static dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksRules.INPUT;
import static dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksRules.NOT_FOUND_RULE;
import static dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksRules.OCCURS;
import static dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksRules.REF_RESOLVE;
import static dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksRules.REF_URN;
import static dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksRules.VIRKNING;

import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.MANY;
import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.instant;
import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.retur;
import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.role;
import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.unikId;
import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.uuid;

import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Caller;
import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Classified;
import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Problem;
import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Recorder;
import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Role;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.IndexObject;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Kind;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Registration;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Relation;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.State;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Virkning;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * The simulated Sags- og Dokumentindeks 6 (SF1470): {@code importer}, {@code opdater}, {@code fremsoeg} and
 * {@code fjern} over a {@link SagDokumentIndeksData}, with the rules of {@link SagDokumentIndeksRules}. Its own XML
 * reading and writing (DOM, the published XSDs' namespaces); nothing is shared with the client.
 *
 * <p>Simplifications (the simulator's choices): {@code fremsoeg} sees only objects whose Ejer is the token's
 * organisation, answers every matching object with all its registrations (Filter, Sortering and paging are not
 * applied), and matches a SoegSag/SoegDokument by the relations (type, ReferenceID, Rolle when given) valid now, the
 * non-empty Egenskaber fields and the current FremdriftStatusKode; AND/OR/NOT combine sets of object UUIDs. Every
 * registration has LivscyklusKode {@code Importeret}. {@code fjern} without {@code EfterladSagsloeseDokumenter=true}
 * also removes the documents that only the removed cases referred to (Journalpost).
 */
final class SagDokumentIndeksService {
    static final String SDI = "urn:oio:sts:sagdok:sagdokumentindeks:6";
    static final String SAG = "urn:oio:sts:sagdok:sag:6";
    static final String DI = "urn:oio:sts:sagdok:dokumentindeks:6";
    static final String SI = "urn:oio:sts:sagdok:sagindeks:6";
    static final String GD = "urn:oio:sts:generelledefinitioner:6";
    static final String SD = "urn:oio:sagdok:3.0.0";
    private static final String ACTION = "http://kombit.dk/sts/sagdokumentindeks/";
    /** The binding's SOAP actions by request element (SagDokumentIndeksService_6.wsdl, SOAP 1.1). */
    static final Map<String, String> ACTIONS = Map.of(
            "ImporterSagDokumentIndeksInput", ACTION + "importer",
            "OpdaterSagDokumentIndeksInput", ACTION + "opdater",
            "FremsoegSagDokumentIndeksInput", ACTION + "fremsoeg",
            "FjernSagDokumentIndeksInput", ACTION + "fjern");
    private static final Map<String, String> PREFIXES = Map.of(SDI, "sdi", SAG, "sag", DI, "di", SI, "si", GD, "gd",
            SD, "sd", "urn:oio:sts:generelleoperationer:6", "go");
    private static final List<String> SAG_STATES = List.of("Opstaaet", "Oplyst", "Afgjort", "Afsluttet");
    private static final String KLASSE = "Klasse";
    private static final String[] UNIT_OR_USER = {"OrgEnhed", "Bruger"};
    private static final String[] PARTY = {"Person", "Virksomhed"};
    /** The roles whose relations may end only where a successor starts (the anvisninger's TilTidspunkt rule). */
    private static final Set<String> GAPLESS = Set.of("Ejer", "Ansvarlig", "Primær behandler", "Primær klasse");

    /**
     * A kind's shape: its namespace, relation elements in XSD order, the relations of the RelationListe's
     * LokalUdvidelseListe (IT system, Sikkerhedsprofil) and their namespace, roles and reply type.
     */
    private record Spec(Kind kind, String ns, List<String> relationElements, List<String> extensions, String extensionNs,
            Map<String, Role> roles, String type) {
        Role role(String relationType, String name) {
            return roles.get(relationType + "/" + name);
        }
    }

    private static final Spec SAG_SPEC = new Spec(Kind.SAG, SAG, List.of("Sagsaktoer", "Sagsklasse", "Sagspart",
            "Sagsrelation", "Sagsgenstande", "Journalpost"), List.of("Sikkerhedsprofil", "SagsitsystemRelation"), SI,
            sagRoles(), "Sag");
    private static final Spec DOKUMENT_SPEC = new Spec(Kind.DOKUMENT, DI, List.of("Dokumentrelation",
            "Dokumentaktoer", "Dokumentpart", "Dokumentklasse"), List.of("Sikkerhedsprofil", "DokumentitsystemRelation"),
            DI, dokumentRoles(), "Dokument");

    private static Map<String, Role> sagRoles() {
        Map<String, Role> m = new LinkedHashMap<>();
        role(m, "Sagsaktoer", "Ejer", 1, 1, "Organisation");
        role(m, "Sagsaktoer", "Ansvarlig", 1, 1, "OrgEnhed");
        role(m, "Sagsaktoer", "Primær behandler", 0, 1, UNIT_OR_USER);
        role(m, "Sagsaktoer", "Andre behandlere", 0, MANY, UNIT_OR_USER);
        role(m, "Sagsaktoer", "Udlånt til", 0, 1, UNIT_OR_USER);
        role(m, "Sagsaktoer", "Bopælskommune", 0, 1, "Organisation");
        role(m, "Sagspart", "Primær part", 0, 1, PARTY);
        role(m, "Sagspart", "Sekundær part", 0, MANY, PARTY);
        role(m, "Sagspart", "Ydelsesmodtager", 0, 1, PARTY);
        role(m, "Sagsklasse", "Primær klasse", 1, 1, KLASSE);
        role(m, "Sagsklasse", "Handlingsklasse", 1, 1, KLASSE);
        for (String r : List.of("Opgaveklasse", "Kontoklasse", "Sikkerhedsklasse", "Følsomhedsklasse",
                "Indsatsklasse", "Ydelsesklasse", "Afgørelsesklasse")) {
            role(m, "Sagsklasse", r, 0, 1, KLASSE);
        }
        role(m, "Sagsklasse", "Kontroltemaklasse", 0, MANY, KLASSE);
        role(m, "Sagsklasse", "Visningsklasse", 0, MANY, KLASSE);
        role(m, "Sagsrelation", "Oversag", 0, 1, "Sag");
        role(m, "Sagsrelation", "Præcedens", 0, 1, "Sag");
        role(m, "Sagsrelation", "Andre sager", 0, MANY, "Sag");
        role(m, "Sagsgenstande", "Afgiftsobjekt", 0, 1, "Køretøj");
        role(m, "Sagsgenstande", "Ejendomsskat", 0, 1, "Ejendom");
        role(m, "Sagsgenstande", "Byggeri", 0, MANY, "Bygning", "Ejendom", "Enhed", "Matrikel", "Teknisk anlæg");
        role(m, "Sagsgenstande", "Fredning", 0, MANY, "Sted", "Adresse", "Navngiven vej", "Stednavn", "Jordstykke",
                "Geokode");
        for (String r : List.of("Tilakteret", "Vedlagt", "Journalnotat")) {
            role(m, "Journalpost", r, 0, MANY, "Dokument");
        }
        role(m, "SagsitsystemRelation", "Master", 1, 1, "IT-system");
        role(m, "SagsitsystemRelation", "Afsender", 1, 1, "IT-system");
        role(m, "Sikkerhedsprofil", "Adgang", 0, MANY, "Organisation", "OrgEnhed", "Bruger");
        return m;
    }

    private static Map<String, Role> dokumentRoles() {
        Map<String, Role> m = new LinkedHashMap<>();
        for (String r : List.of("Besvarelser", "Udgangspunkter", "Kommentarer", "Bilag", "Andre dokumenter")) {
            role(m, "Dokumentrelation", r, 0, MANY, "Dokument");
        }
        role(m, "Dokumentrelation", "NyRevision", 0, 1, "Dokument");
        role(m, "Dokumentaktoer", "Ejer", 1, 1, "Organisation");
        role(m, "Dokumentaktoer", "Ansvarlig", 1, 1, "Organisation", "OrgEnhed");
        role(m, "Dokumentaktoer", "Primær behandler", 0, 1, UNIT_OR_USER);
        role(m, "Dokumentaktoer", "Andre behandlere", 0, MANY, UNIT_OR_USER);
        role(m, "Dokumentaktoer", "Fordelt til", 0, 1, UNIT_OR_USER);
        role(m, "Dokumentpart", "Parter", 0, MANY, PARTY);
        role(m, "Dokumentpart", "Kopiparter", 0, MANY, PARTY);
        role(m, "Dokumentklasse", "Primær klasse", 1, 1, KLASSE);
        role(m, "Dokumentklasse", "Andre klasser", 0, MANY, KLASSE);
        role(m, "Dokumentklasse", "Visningsklasse", 0, MANY, KLASSE);
        role(m, "DokumentitsystemRelation", "Master", 1, 1, "IT-system");
        role(m, "DokumentitsystemRelation", "Afsender", 1, 1, "IT-system");
        role(m, "Sikkerhedsprofil", "Adgang", 0, MANY, "Organisation", "OrgEnhed", "Bruger");
        return m;
    }

    /** One object of a request, parsed, with what is wrong with it. */
    private static final class Incoming extends LoraIndexParts.CheckedObject<Spec> {
        Registration result;

        Incoming(UUID uuid, Spec spec, Element element) {
            super(uuid, spec, spec.type, element);
        }

        /** The object {@code e} (a case when named {@code sagName}) by its UUIDIdentifikator. */
        static Incoming of(Element e, String sagName) {
            Optional<UUID> id = LoraIndexParts.uuid(Xml.text(e, SD, "UUIDIdentifikator"));
            Incoming o = new Incoming(id.orElse(new UUID(0, 0)), sagName.equals(e.getLocalName()) ? SAG_SPEC
                    : DOKUMENT_SPEC, e);
            if (id.isEmpty()) {
                o.problems.add(new Problem(INPUT, "UUIDIdentifikator is not a UUID"));
            }
            return o;
        }
    }

    /** The call's context: the token's organisation (null when none), the time and the request's own objects. */
    private record Call(SimulatorData.Organisation org, String cvr, Instant now, Map<UUID, Kind> inRequest) {
        Caller caller() {
            return new Caller(org, cvr, now);
        }
    }

    private final SagDokumentIndeksData data;
    private final KlassifikationData klassifikation;
    private final SimulatorData registers;
    private final LoraIndexParts parts;
    private final LoraIndexSearch<IndexObject, Registration, Kind> indexSearch;

    SagDokumentIndeksService(SagDokumentIndeksData data, KlassifikationData klassifikation, SimulatorData registers) {
        this.parts = new LoraIndexParts("SDI", klassifikation);
        this.data = data;
        this.indexSearch = new LoraIndexSearch<>(data, SDI, "sdi", SagDokumentIndeksRules.OK,
                new LoraIndexSearch.Target<>(Kind.SAG, "SagUuid", "sager"),
                new LoraIndexSearch.Target<>(Kind.DOKUMENT, "DokumentUuid", "dokumenter"));
        this.klassifikation = klassifikation;
        this.registers = registers;
    }

    /**
     * Answers {@code input} into {@code body}: {@code status} (not null) replaces the answer with that StatusKode;
     * broken rules go to {@code recorder}.
     */
    void answer(Element body, Element input, String tokenCvr, Instant now, Fault status, String correlationId,
            Recorder recorder) {
        String op = input.getLocalName();
        Element out = LoraIndexParts.output(body, SDI, "sdi:" + op.replace("Input", "Output"), PREFIXES);
        if (status != null) {
            retur(out, "sd:StandardRetur", Integer.parseInt(status.code()), "simulated status " + status.code());
            return;
        }
        SimulatorData.Organisation org = tokenCvr == null ? null : registers.organisation(tokenCvr).orElse(null);
        Call call = new Call(org, tokenCvr, now, new LinkedHashMap<>());
        synchronized (data.lock()) {
            List<Incoming> objects = switch (op) {
                case "ImporterSagDokumentIndeksInput" -> importer(input, call);
                case "OpdaterSagDokumentIndeksInput" -> opdater(input, call);
                case "FjernSagDokumentIndeksInput" -> fjern(input, call);
                default -> null;
            };
            if (objects == null) {
                fremsoeg(out, input, call, correlationId, recorder);
                return;
            }
            parts.answerAtomically(out, objects, data::relaxed, recorder, correlationId,
                    () -> commit(op, objects, input));
        }
    }

    private void commit(String op, List<Incoming> objects, Element input) {
        if ("FjernSagDokumentIndeksInput".equals(op)) {
            String flag = Xml.text(input, SDI, "EfterladSagsloeseDokumenter");
            boolean leave = "true".equals(flag) || "1".equals(flag);
            Set<UUID> orphans = new LinkedHashSet<>();
            for (Incoming o : objects) {
                data.get(o.uuid).ifPresent(c -> c.current().relations().stream()
                        .filter(r -> "Journalpost".equals(r.relationType()))
                        .forEach(r -> uuid(r.reference()).ifPresent(orphans::add)));
                data.remove(o.uuid);
            }
            if (!leave) {
                for (IndexObject c : data.all()) {
                    c.current().relations().forEach(r -> uuid(r.reference()).ifPresent(orphans::remove));
                }
                orphans.stream().filter(d -> data.dokument(d).isPresent()).forEach(data::remove);
            }
            return;
        }
        for (Incoming o : objects) {
            data.register(o.uuid, o.spec.kind, o.result);
        }
    }

    // ---- importer

    private List<Incoming> importer(Element input, Call call) {
        List<Incoming> out = new ArrayList<>();
        for (Element e : Xml.kids(input)) {
            Incoming o = Incoming.of(e, "SagIndeks");
            out.add(o);
            if (o.problems.isEmpty()) {
                call.inRequest.put(o.uuid, o.spec.kind);
            }
        }
        for (Incoming o : out) {
            if (!o.problems.isEmpty()) {
                continue;
            }
            Optional<IndexObject> existing = data.get(o.uuid);
            if (existing.isPresent() && existing.get().kind() != o.spec.kind) {
                o.problems.add(new Problem(INPUT, o.uuid + " is a " + existing.get().kind() + " in the index"));
                continue;
            }
            existing.ifPresent(x -> owner(x, call, o.problems));
            List<Element> regs = Xml.kids(o.element).stream().filter(r -> "Registrering".equals(r.getLocalName()))
                    .toList();
            if (regs.isEmpty()) {
                o.problems.add(new Problem(INPUT, "no Registrering"));
                continue;
            }
            // the newest registration the system sends is the one indexed
            Element reg = regs.get(regs.size() - 1);
            Instant time = instant(Xml.text(reg, SD, "Tidspunkt"));
            String userRef = unikId(Xml.kid(reg, SD, "BrugerRef"));
            if (time == null || userRef == null || !"Importeret".equals(Xml.text(reg, SD, "LivscyklusKode"))) {
                o.problems.add(new Problem(SagDokumentIndeksRules.REGISTRATION, "an imported Registrering needs"
                        + " Tidspunkt, BrugerRef and LivscyklusKode Importeret"));
            }
            Element attributes = Xml.kid(reg, o.spec.ns, "AttributListe");
            properties(o.spec, attributes, true, o.problems);
            List<Relation> relations = relations(reg, o.spec, call, o.problems);
            List<State> states = states(reg, o.spec, o.problems);
            occurrences(o.spec, relations, true, o.problems);
            history(o.spec, states, true, o.problems);
            existing.ifPresent(x -> masterKept(x.current().relations(), relations, o.problems));
            o.result = new Registration(call.now, "importer", time, userRef, Xml.text(reg, SD, "NoteTekst"), states,
                    relations, attributes);
        }
        return out;
    }

    // ---- opdater

    private List<Incoming> opdater(Element input, Call call) {
        List<Incoming> out = new ArrayList<>();
        for (Element e : Xml.kids(input)) {
            Incoming o = Incoming.of(e, "OpdaterSagIndeks");
            out.add(o);
            Optional<IndexObject> existing = data.get(o.uuid).filter(x -> x.kind() == o.spec.kind);
            if (!o.problems.isEmpty() || existing.isEmpty()) {
                if (o.problems.isEmpty()) {
                    o.problems.add(new Problem(NOT_FOUND_RULE, "no " + o.spec.type + " " + o.uuid + " in the index"));
                }
                continue;
            }
            owner(existing.get(), call, o.problems);
            if (!o.problems.isEmpty()) {
                continue;
            }
            Registration current = existing.get().current();
            List<Relation> relations = merge(current.relations(), relations(e, o.spec, call, o.problems), o.problems);
            List<State> states = mergeStates(current.states(), states(e, o.spec, o.problems), o.problems);
            occurrences(o.spec, relations, false, o.problems);
            history(o.spec, states, false, o.problems);
            masterKept(current.relations(), relations, o.problems);
            Element attributes = Xml.kid(e, o.spec.ns, "AttributListe");
            boolean newAttributes = attributes != null && !Xml.kids(attributes).isEmpty();
            if (newAttributes) {
                properties(o.spec, attributes, false, o.problems);
            }
            o.result = new Registration(call.now, "opdater", instant(Xml.text(e, SDI, "Tidspunkt")), current.userRef(),
                    Xml.text(e, SD, "NoteTekst"), states, relations, newAttributes ? attributes : current.attributes());
        }
        return out;
    }

    /**
     * The relations after an opdater: a relation with the key (relationstype-rolle-indeks), ReferenceID and
     * FraTidspunkt of a stored one restates it (its TilTidspunkt may end it, AM-02; sending the same again changes
     * nothing, so a sender may send its whole picture, past relations included); otherwise, one whose key names a
     * relation valid to infinity with the same ReferenceID sets that relation's Virkning (AM-02); with another
     * ReferenceID it replaces it (AM-04: the old one ends where the new one starts); else it is added.
     */
    private static List<Relation> merge(List<Relation> current, List<Relation> changes, List<Problem> problems) {
        List<Relation> out = new ArrayList<>(current);
        for (Relation c : changes) {
            int same = -1;
            for (int i = 0; i < out.size() && c.virkning() != null; i++) {
                Relation x = out.get(i);
                if (x.key().equals(c.key()) && x.reference().equalsIgnoreCase(c.reference())
                        && x.virkning().from().equals(c.virkning().from())) {
                    same = i;
                }
            }
            if (same >= 0) {
                out.set(same, c);
                continue;
            }
            int live = -1;
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).key().equals(c.key()) && out.get(i).virkning().open()) {
                    live = i;
                }
            }
            if (live < 0) {
                out.add(c);
                continue;
            }
            Relation old = out.get(live);
            if (old.reference().equalsIgnoreCase(c.reference())) {
                out.set(live, c);
            } else if (c.virkning() != null && old.virkning().from().isBefore(c.virkning().from())) {
                out.set(live, old.withVirkning(new Virkning(old.virkning().from(), c.virkning().from())));
                out.add(c);
            } else {
                problems.add(new Problem(VIRKNING, c.key() + ": a replacing relation must start after the relation"
                        + " it replaces (" + old.virkning().from() + ")"));
            }
        }
        return out;
    }

    /** The states after an opdater: a state with an existing code and start replaces it, else the open one ends. */
    private static List<State> mergeStates(List<State> current, List<State> changes, List<Problem> problems) {
        List<State> out = new ArrayList<>(current);
        for (State s : changes) {
            int same = -1;
            int open = -1;
            for (int i = 0; i < out.size(); i++) {
                State x = out.get(i);
                if (x.code().equals(s.code()) && x.virkning().from().equals(s.virkning().from())) {
                    same = i;
                } else if (x.virkning().open()) {
                    open = i;
                }
            }
            if (same >= 0) {
                out.set(same, s);
                continue;
            }
            if (open >= 0) {
                State o = out.get(open);
                if (!o.virkning().from().isBefore(s.virkning().from())) {
                    problems.add(new Problem(AM01_HISTORY, s.code() + " must start after the current state "
                            + o.code() + " (" + o.virkning().from() + ")"));
                    continue;
                }
                out.set(open, new State(o.code(), new Virkning(o.virkning().from(), s.virkning().from())));
            }
            out.add(s);
        }
        return out;
    }

    // ---- fjern

    private List<Incoming> fjern(Element input, Call call) {
        List<Incoming> out = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        for (Element e : Xml.kids(input)) {
            if ("SagUuid".equals(e.getLocalName())) {
                Optional<UUID> id = uuid(unikId(e));
                if (id.isEmpty()) {
                    Incoming o = new Incoming(new UUID(0, 0), SAG_SPEC, e);
                    o.problems.add(new Problem(INPUT, "SagUuid is not a UUID"));
                    out.add(o);
                } else {
                    ids.add(id.get());
                }
            }
        }
        Element soeg = Xml.kid(input, SDI, "SoegUdtryk");
        if (ids.isEmpty() && soeg != null) {
            search(soeg, call).stream().filter(u -> data.sag(u).isPresent()).forEach(ids::add);
        }
        for (UUID id : ids) {
            Incoming o = new Incoming(id, SAG_SPEC, input);
            out.add(o);
            Optional<IndexObject> c = data.sag(id);
            if (c.isEmpty()) {
                o.problems.add(new Problem(NOT_FOUND_RULE, "no Sag " + id + " in the index"));
            } else {
                owner(c.get(), call, o.problems);
            }
        }
        return out;
    }

    // ---- fremsoeg

    private void fremsoeg(Element out, Element input, Call call, String correlationId, Recorder recorder) {
        Optional<LoraIndexSearch.Named> named = indexSearch.named(input, o -> ownedBy(o, call),
                e -> new Problem(INPUT, e.getLocalName() + " is not a UUID"), out, correlationId, recorder);
        if (named.isEmpty()) {
            return;
        }
        Set<UUID> found = named.get().found();
        Element soeg = Xml.kid(input, SDI, "SoegUdtryk");
        if (soeg != null) {
            found.addAll(search(soeg, call));
        }
        indexSearch.answer(out, found, o -> snapshot(out, "sdi:SagFiltreretOejebliksbillede", o, SAG_SPEC),
                o -> snapshot(out, "sdi:DokumentFiltreretOejebliksbillede", o, DOKUMENT_SPEC));
    }

    /** The UUIDs of the visible objects a SoegUdtryk finds. */
    private Set<UUID> search(Element expr, Call call) {
        return LoraIndexParts.search(expr, SDI, e -> switch (e.getLocalName()) {
            case "SoegSag" -> match(e, SAG_SPEC, call);
            case "SoegDokument" -> match(e, DOKUMENT_SPEC, call);
            case "SoegSagsloeseDokumenter" -> {
                Set<UUID> s = match(e, DOKUMENT_SPEC, call);
                data.all().stream().filter(c -> c.kind() == Kind.SAG).flatMap(c -> c.current().relations().stream())
                        .filter(r -> "Journalpost".equals(r.relationType()))
                        .forEach(r -> uuid(r.reference()).ifPresent(s::remove));
                yield s;
            }
            default -> null;
        }, () -> visible(null, call));
    }

    private Set<UUID> visible(Kind kind, Call call) {
        Set<UUID> out = new LinkedHashSet<>();
        for (IndexObject o : data.all()) {
            if ((kind == null || o.kind() == kind) && ownedBy(o, call)) {
                out.add(o.uuid());
            }
        }
        return out;
    }

    /** The visible objects of {@code spec}'s kind matching a SoegSag/SoegDokument. */
    private Set<UUID> match(Element soeg, Spec spec, Call call) {
        Set<UUID> out = new LinkedHashSet<>();
        for (UUID u : visible(spec.kind, call)) {
            Registration r = data.get(u).orElseThrow().current();
            if (matchesRelations(soeg, spec, r, call.now) && matchesAttributes(soeg, spec, r)
                    && matchesState(soeg, spec, r, call.now)) {
                out.add(u);
            }
        }
        return out;
    }

    private static boolean matchesRelations(Element soeg, Spec spec, Registration r, Instant now) {
        Element list = Xml.kid(soeg, spec.ns, "RelationListe");
        for (Element want : list == null ? List.<Element>of() : relationElements(list, spec)) {
            String ref = unikId(Xml.kid(want, GD, "ReferenceID"));
            String role = unikId(Xml.kid(want, GD, "Rolle"));
            boolean hit = r.relations().stream().anyMatch(x -> x.relationType().equals(want.getLocalName())
                    && x.virkning().contains(now) && (ref == null || x.reference().equalsIgnoreCase(ref))
                    && (role == null || x.role().toString().equalsIgnoreCase(role)));
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    private static boolean matchesAttributes(Element soeg, Spec spec, Registration r) {
        Element list = Xml.kid(soeg, spec.ns, "AttributListe");
        for (Element egenskaber : list == null ? List.<Element>of() : Xml.kids(list)) {
            for (Element field : Xml.kids(egenskaber)) {
                String want = field.getTextContent().trim();
                if ("Virkning".equals(field.getLocalName()) || want.isEmpty()) {
                    continue;
                }
                boolean hit = r.attributes() != null && Xml.kids(r.attributes()).stream().anyMatch(have ->
                        want.equals(Xml.text(have, field.getNamespaceURI(), field.getLocalName())));
                if (!hit) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matchesState(Element soeg, Spec spec, Registration r, Instant now) {
        Element list = Xml.kid(soeg, spec.ns, "TilstandListe");
        for (Element f : list == null ? List.<Element>of() : Xml.kids(list)) {
            String want = Xml.text(f, spec.ns, "FremdriftStatusKode");
            if (want != null && !want.equals(r.state(now).orElse(null))) {
                return false;
            }
        }
        return true;
    }

    // ---- reading and checking relations and states

    /** The relation elements of a RelationListe: the kind's own and those of its LokalUdvidelseListe. */
    private static List<Element> relationElements(Element list, Spec spec) {
        List<Element> out = new ArrayList<>();
        for (Element e : Xml.kids(list)) {
            if (spec.ns.equals(e.getNamespaceURI()) && spec.relationElements.contains(e.getLocalName())) {
                out.add(e);
            } else if ("LokalUdvidelseListe".equals(e.getLocalName())) {
                for (Element x : Xml.kids(e)) {
                    if (spec.extensionNs.equals(x.getNamespaceURI()) && spec.extensions.contains(x.getLocalName())) {
                        out.add(x);
                    }
                }
            }
        }
        return out;
    }

    /** Reads and checks the relations of a Registrering (or an opdater element); the unreadable ones are dropped. */
    private List<Relation> relations(Element reg, Spec spec, Call call, List<Problem> problems) {
        Element list = Xml.kid(reg, spec.ns, "RelationListe");
        List<Relation> out = new ArrayList<>();
        for (Element e : list == null ? List.<Element>of() : relationElements(list, spec)) {
            Relation r = relation(e, spec, call, problems);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private Relation relation(Element e, Spec spec, Call call, List<Problem> problems) {
        String type = e.getLocalName();
        Classified c = parts.classify(e, GD, type, spec.roles, problems);
        if (c == null) {
            return null;
        }
        Role role = c.role();
        String key = c.key();
        // Afgørelsesklasse: "skal indeks værdien angives af tekniske årsager" although it occurs at most once
        String indeks = parts.indeks(e, GD, c, role.max() > 1 || "Afgørelsesklasse".equals(role.name()), problems);
        Virkning v = parts.virkning(Xml.kid(e, GD, "Virkning"), key, problems);
        resolve(e, spec, c, call, problems);
        return v == null ? null : new Relation(type, c.roleId(), role.name(), c.typeId(), c.objectType(), indeks,
                c.reference(), v, e);
    }

    /** Checks that the ReferenceID resolves for its object type (see {@link SagDokumentIndeksRules#REF_RESOLVE}). */
    private void resolve(Element e, Spec spec, Classified c, Call call, List<Problem> problems) {
        Role role = c.role();
        String key = c.key();
        String ref = c.reference();
        Optional<UUID> id = uuid(ref);
        if ("Sikkerhedsprofil".equals(role.relationType()) && id.isEmpty()) {
            problems.add(new Problem(REF_URN, key + ": a Sikkerhedsprofil refers by UUID only"));
            return;
        }
        if (parts.resolveActor(c, key, call.caller(), problems)) {
            return;
        }
        switch (c.objectType()) {
            case KLASSE -> {
                UUID facet = spec.kind != Kind.SAG ? null : "Primær klasse".equals(role.name())
                        ? KlassifikationData.SUBJECT_FACET
                        : "Handlingsklasse".equals(role.name()) ? KlassifikationData.ACTION_FACET : null;
                Optional<KlassifikationData.Klasse> k = id.flatMap(klassifikation::get)
                        .filter(x -> facet == null || facet.equals(x.facet()));
                if (k.isEmpty()) {
                    problems.add(new Problem(REF_RESOLVE, key + ": no " + (facet == null ? "Klasse"
                            : facet.equals(KlassifikationData.SUBJECT_FACET) ? "KLE subject" : "action facet")
                            + " " + ref + " in Klassifikation"));
                } else if (facet != null && facet.equals(KlassifikationData.SUBJECT_FACET)) {
                    Element ext = Xml.kid(e, GD, "LokalUdvidelseListe");
                    Element kle = ext == null ? null : Xml.kid(ext, SI, "SagsklasseLokalUdvidelse");
                    if (kle == null || !k.get().key().equals(Xml.text(kle, SI, "BrugervendtNoegle"))) {
                        problems.add(new Problem(SagDokumentIndeksRules.OB1_KLE_KEY, key
                                + ": SagsklasseLokalUdvidelse/BrugervendtNoegle must be the KLE number "
                                + k.get().key()));
                    }
                }
            }
            case "Sag", "Dokument" -> {
                Kind kind = "Sag".equals(c.objectType()) ? Kind.SAG : Kind.DOKUMENT;
                boolean known = id.isPresent() && (kind == call.inRequest.get(id.get())
                        || data.get(id.get()).filter(o -> o.kind() == kind).isPresent());
                if ("Journalnotat".equals(role.name())) {
                    parts.urn(ref, "URN:Empty", key, problems);
                } else if (!known) {
                    problems.add(new Problem(REF_RESOLVE, key + ": no " + c.objectType() + " " + ref
                            + " in the index or the request"));
                }
            }
            case "IT-system" -> {
                if (id.flatMap(data::itSystem).isEmpty()) {
                    problems.add(new Problem(REF_RESOLVE, key + ": no IT system " + ref));
                }
                String name = Xml.text(e, spec.extensionNs, "SystemNavn");
                if (name == null || name.isEmpty()) {
                    problems.add(new Problem(SagDokumentIndeksRules.OB1_SYSTEM_NAME, key + ": SystemNavn is required"));
                }
            }
            default -> {
                // Sagsgenstande: objects of registers the simulator does not hold; any reference is accepted
            }
        }
    }

    private static boolean ownedBy(IndexObject o, Call call) {
        return call.caller().owns(o.current().relations());
    }

    private static void owner(IndexObject o, Call call, List<Problem> problems) {
        if (!ownedBy(o, call)) {
            problems.add(new Problem(CVR_OWNER, o.kind() + " " + o.uuid()
                    + " is not owned by the organisation of the token's CVR"));
        }
    }

    /** The OB1 Egenskaber (and at import the Foelsomhed) of an AttributListe, with their Virkning. */
    private void properties(Spec spec, Element attributes, boolean importing, List<Problem> problems) {
        List<Element> egenskaber = attributes == null ? List.of() : Xml.kids(attributes).stream()
                .filter(e -> "Egenskaber".equals(e.getLocalName())).toList();
        List<String> required = spec.kind == Kind.SAG ? List.of("BrugervendtNoegle", "Sagsnummer", "Titel")
                : List.of("BrugervendtNoegle", "Dokumentnummer", "Titel", "Type");
        if (importing && egenskaber.isEmpty()) {
            problems.add(new Problem(SagDokumentIndeksRules.OB1_PROPERTIES, "no Egenskaber (" + required + ")"));
        }
        for (Element e : egenskaber) {
            List<String> missing = required.stream().filter(n -> Xml.text(e, spec.ns, n) == null).toList();
            if (!missing.isEmpty()) {
                problems.add(new Problem(SagDokumentIndeksRules.OB1_PROPERTIES, "Egenskaber lack " + missing));
            }
            parts.virkning(Xml.kid(e, spec.ns, "Virkning"), "Egenskaber", problems);
        }
        if (!importing) {
            return;
        }
        boolean sensitivity;
        if (spec.kind == Kind.SAG) {
            Element ext = attributes == null ? null : Xml.kid(attributes, GD, "LokalUdvidelseListe");
            Element index = ext == null ? null : Xml.kid(ext, SI, "SagIndeksEgenskaber");
            sensitivity = index != null && Xml.text(index, SI, "Foelsomhed") != null;
        } else {
            sensitivity = egenskaber.stream().anyMatch(e -> Xml.text(e, DI, "Foelsomhed") != null);
        }
        if (!sensitivity) {
            problems.add(new Problem(SagDokumentIndeksRules.OB1_SENSITIVITY, spec.kind == Kind.SAG
                    ? "AttributListe/LokalUdvidelseListe/SagIndeksEgenskaber/Foelsomhed is required"
                    : "Egenskaber/Foelsomhed is required"));
        }
    }

    /** The Master IT system stays the one of {@code before} (see {@link SagDokumentIndeksRules#MASTER_FIXED}). */
    private void masterKept(List<Relation> before, List<Relation> after, List<Problem> problems) {
        parts.masterKept(master(before), master(after), problems);
    }

    private static String master(List<Relation> relations) {
        return relations.stream().filter(r -> "Master".equals(r.roleName()) && r.virkning().open())
                .map(Relation::reference).findFirst().orElse(null);
    }

    /** Occurrence limits; with {@code importing} each [OB1] role must be present, else must stay present. */
    private static void occurrences(Spec spec, List<Relation> relations, boolean importing, List<Problem> problems) {
        for (Role role : spec.roles.values()) {
            List<Relation> of = relations.stream().filter(r -> r.relationType().equals(role.relationType())
                    && r.roleName().equals(role.name())).toList();
            if (role.min() > 0 && of.stream().noneMatch(r -> r.virkning().open())) {
                problems.add(importing
                        ? new Problem(SagDokumentIndeksRules.mandatory(role.name()), "a " + spec.type + " must have"
                                + " a " + role.relationType() + " with the role '" + role.name() + "' valid to infinity")
                        : new Problem(SagDokumentIndeksRules.OB1_REMOVE, "the mandatory relation '" + role.name()
                                + "' may be replaced but not removed (AM-02)"));
            }
            if (GAPLESS.contains(role.name())) {
                for (Relation r : of) {
                    if (r.virkning().to() != null
                            && of.stream().noneMatch(x -> r.virkning().to().equals(x.virkning().from()))) {
                        problems.add(new Problem(SagDokumentIndeksRules.NO_GAP, "'" + role.name() + "' ends at "
                                + r.virkning().to() + " and no relation with the role starts there"));
                        break;
                    }
                }
            }
            for (int i = 0; i < of.size(); i++) {
                for (int j = i + 1; j < of.size(); j++) {
                    if (overlap(of.get(i).virkning(), of.get(j).virkning())) {
                        if (role.max() == 1) {
                            problems.add(new Problem(OCCURS, "at most one '" + role.name() + "' at a time"));
                            return;
                        } else if (of.get(i).key().equals(of.get(j).key())) {
                            problems.add(new Problem(INDEKS, of.get(i).key() + " is used twice at the same time"));
                            return;
                        }
                    }
                }
            }
        }
    }

    private static boolean overlap(Virkning a, Virkning b) {
        return (b.to() == null || a.from().isBefore(b.to())) && (a.to() == null || b.from().isBefore(a.to()));
    }

    private List<State> states(Element reg, Spec spec, List<Problem> problems) {
        Element list = Xml.kid(reg, spec.ns, "TilstandListe");
        List<State> out = new ArrayList<>();
        for (Element f : list == null ? List.<Element>of() : Xml.kids(list)) {
            String code = Xml.text(f, spec.ns, "FremdriftStatusKode");
            if (!"Fremdrift".equals(f.getLocalName()) || code == null) {
                continue;
            }
            Virkning v = parts.virkning(Xml.kid(f, spec.ns, "Virkning"), "Fremdrift " + code, problems);
            if (v != null) {
                out.add(new State(code, v));
            }
        }
        return out;
    }

    /** AM-01 (see {@link SagDokumentIndeksRules#AM01_HISTORY}). */
    private static void history(Spec spec, List<State> states, boolean importing, List<Problem> problems) {
        if (states.isEmpty()) {
            if (importing && spec.kind == Kind.SAG) {
                problems.add(new Problem(SagDokumentIndeksRules.OB1_FREMDRIFT, "an imported Sag needs its Fremdrift"));
            }
            return;
        }
        List<State> sorted = new ArrayList<>(states);
        sorted.sort(java.util.Comparator.comparing(s -> s.virkning().from()));
        boolean order = importing && spec.kind == Kind.SAG;
        if (order && !"Opstaaet".equals(sorted.get(0).code())) {
            problems.add(new Problem(AM01_HISTORY, "the history must start with Opstaaet, not " + sorted.get(0).code()));
        }
        for (int i = 0; i < sorted.size(); i++) {
            State s = sorted.get(i);
            if (i == sorted.size() - 1) {
                if (!s.virkning().open()) {
                    problems.add(new Problem(AM01_HISTORY, "the last state " + s.code() + " must be valid to infinity"));
                }
                break;
            }
            State next = sorted.get(i + 1);
            if (!next.virkning().from().equals(s.virkning().to())) {
                problems.add(new Problem(AM01_HISTORY, s.code() + " and " + next.code()
                        + " are not contiguous (a gap, an overlap or an open-ended state before the last)"));
            }
            if (order && SAG_STATES.indexOf(next.code()) <= SAG_STATES.indexOf(s.code())) {
                problems.add(new Problem(AM01_HISTORY, next.code() + " cannot follow " + s.code()
                        + " (Opstaaet, Oplyst, Afgjort, Afsluttet)"));
            }
        }
    }

    // ---- writing registrations

    private void snapshot(Element out, String name, IndexObject o, Spec spec) {
        Element snap = Xml.el(out, SDI, name, null);
        String p = PREFIXES.get(spec.ns) + ":";
        Xml.el(Xml.el(snap, spec.ns, p + "ObjektType", null), SD, "sd:UUIDIdentifikator", o.uuid());
        for (Registration r : o.registrations()) {
            Element reg = Xml.el(snap, spec.ns, p + "Registrering", null);
            LoraIndexParts.registrationHead(reg, r.note(), r.time(), r.userRef(), r.registered());
            if (r.attributes() != null) {
                LoraIndexParts.copy(r.attributes(), reg, PREFIXES);
            } else {
                Xml.el(reg, spec.ns, p + "AttributListe", null);
            }
            Element states = Xml.el(reg, spec.ns, p + "TilstandListe", null);
            for (State s : r.states()) {
                Element f = Xml.el(states, spec.ns, p + "Fremdrift", null);
                virkning(f, spec.ns, p + "Virkning", s.virkning(), null);
                Xml.el(f, spec.ns, p + "FremdriftStatusKode", s.code());
            }
            Element relations = Xml.el(reg, spec.ns, p + "RelationListe", null);
            for (String type : spec.relationElements) {
                r.relations().stream().filter(x -> x.relationType().equals(type))
                        .forEach(x -> relation(relations, spec.ns, p + type, x));
            }
            List<Relation> extended = r.relations().stream().filter(x -> spec.extensions.contains(x.relationType()))
                    .toList();
            if (!extended.isEmpty()) {
                Element ext = Xml.el(relations, GD, "gd:LokalUdvidelseListe", null);
                String sp = PREFIXES.get(spec.extensionNs) + ":";
                extended.forEach(x -> relation(ext, spec.extensionNs, sp + x.relationType(), x));
            }
        }
    }

    private static void relation(Element parent, String ns, String qname, Relation r) {
        Element e = Xml.el(parent, ns, qname, null);
        Element sent = Xml.kid(r.xml(), GD, "Virkning");
        virkning(e, GD, "gd:Virkning", r.virkning(), sent);
        for (Element kid : Xml.kids(r.xml())) {
            if (kid != sent) {
                LoraIndexParts.copy(kid, e, PREFIXES);
            }
        }
    }

    /** A Virkning from the stored interval, then what else the sent one held (AktoerRef, AktoerTypeKode, NoteTekst). */
    private static void virkning(Element parent, String ns, String qname, Virkning v, Element sent) {
        Element e = Xml.virkning(parent, ns, qname, v.from(), v.to());
        for (Element kid : sent == null ? List.<Element>of() : Xml.kids(sent)) {
            if (!"FraTidspunkt".equals(kid.getLocalName()) && !"TilTidspunkt".equals(kid.getLocalName())) {
                LoraIndexParts.copy(kid, e, PREFIXES);
            }
        }
    }
}

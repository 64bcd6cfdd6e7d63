package dk.rammearkitektur.testkit.serviceplatform;

import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.MANY;
import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.instant;
import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.retur;
import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.role;
import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.unikId;
import static dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.uuid;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.CVR_OWNER;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.GRANT_BENEFIT;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.GRANT_SCOPE;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.INPUT;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.NOT_FOUND_RULE;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.OCCURS;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.OEF_DELAF;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.OEF_GRANT_REF;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.OEF_PROPERTIES;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.OEF_TEXT;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.REF_RESOLVE;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.REF_URN;
import static dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksRules.REGISTRATION;

import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Caller;
import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Classified;
import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Problem;
import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Recorder;
import dk.rammearkitektur.testkit.serviceplatform.LoraIndexParts.Role;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Relation;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Virkning;
import dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksData.IndexObject;
import dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksData.Kind;
import dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksData.Registration;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The simulated Ydelsesindeks 6 (SF1490): {@code importer}, {@code opdater} and {@code fremsoeg} on the YdelseIndeks
 * port, {@code fjern} on the BevillingIndeks and OekonomiskEffektueringIndeks ports, over a {@link YdelsesIndeksData},
 * with the rules of {@link YdelsesIndeksRules}. Its own XML reading and writing (DOM, the published XSDs'
 * namespaces); nothing is shared with the client.
 *
 * <p>The simulator's choices where the contract and KOMBIT's documents are silent: {@code importer} of a UUID the index
 * holds is refused ({@code YDI-EXISTS}, 49: use opdater), and stores every Registrering it carries; {@code opdater}
 * replaces the lists it sends (AttributListe, RelationListe) and keeps those it leaves out, adding one registration
 * with {@code yi:Tidspunkt}; {@code fjern} of a grant that still has payments is refused ({@code YDI-HAS-PAYMENTS},
 * 49). {@code fremsoeg} sees only objects whose Ejer is the token's organisation; when any {@code BevillingUuid} or
 * {@code OekonomiskEffektueringUuid} is given it answers exactly those objects and ignores the SoegUdtryk; else a
 * SoegBevillingIndeks / SoegOekonomiskEffektueringIndeks matches the objects of its kind that have, for every relation
 * of its RelationListe, a relation of the same element with the same ReferenceID (Rolle and Type compared when given;
 * attributes are not compared), capped at its {@code MaksimalAntalKvantitet} (insertion order); AND (the default), OR
 * and NOT combine sets of UUIDs. Sortering and FoersteResultatReference are ignored; a Filter with no element answers
 * the objects without registrations ("an empty filter means that no data will be returned"), any other Filter is
 * ignored. Each object is answered with its newest registration and Antal for {@code bevillinger} and
 * {@code effektueringer}.
 */
final class YdelsesIndeksService {
    static final String YI = "urn:oio:sts:ydelse:ydelseindeks:6";
    static final String BI = "urn:oio:sts:ydelse:bevillingindeks:6";
    static final String OEF = "urn:oio:sts:ydelse:oekonomiskeffektueringindeks:6";
    static final String GD = LoraIndexParts.GD;
    static final String SD = LoraIndexParts.SD;
    private static final String GO = "urn:oio:sts:generelleoperationer:6";
    private static final String ACTION = "http://kombit.dk/sts/ydelseindeks/";
    /** The YdelseIndeks port's SOAP 1.2 actions by request element ({namespace}local; YdelseIndeks.wsdl). */
    static final Map<String, String> YI_ACTIONS = Map.of(
            "{" + YI + "}ImporterYdelseIndeksInput", ACTION + "importer",
            "{" + YI + "}FremsoegYdelseIndeksInput", ACTION + "fremsoeg",
            "{" + YI + "}OpdaterYdelseIndeksInput", ACTION + "opdater");
    /** The BevillingIndeks port's action (BevillingIndeks.wsdl): only {@code bi:FjernInput}. */
    static final Map<String, String> BI_ACTIONS = Map.of("{" + BI + "}FjernInput", ACTION + "bevillingindeks/fjern");
    /** The OekonomiskEffektueringIndeks port's action (capital E, OekonomiskEffektueringIndeks.wsdl). */
    static final Map<String, String> OEF_ACTIONS = Map.of("{" + OEF + "}FjernInput",
            ACTION + "oekonomiskEffektuering/fjern");
    private static final Map<String, String> PREFIXES = Map.of(YI, "yi", BI, "bi", OEF, "oef", GD, "gd", SD, "sd",
            GO, "go");
    private static final String KLE = "[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}";
    private static final String[] PARTY = {"Person", "Virksomhed"};
    private static final String IT_SYSTEM = "IT-system";
    private static final String KLASSE = "Klasse";

    /** A kind's shape: namespace, UnikRetur type, object element (inside the importer element) and roles. */
    private record Spec(Kind kind, String ns, String type, String objectElement, Map<String, Role> roles) {
        String prefix() {
            return PREFIXES.get(ns);
        }
    }

    private static final Spec GRANT = new Spec(Kind.BEVILLING, BI, "Bevilling", "BevillingIndeks", grantRoles());
    private static final Spec PAYMENT = new Spec(Kind.OEKONOMISK_EFFEKTUERING, OEF, "OekonomiskEffektuering",
            "OekonomiskEffektueringIndeks", paymentRoles());
    /** The relations without Virkning inside a BevilgetYdelse ([SDK] roles, the vocabulary agreement). */
    private static final Map<String, Role> BENEFIT_ROLES = benefitRoles();

    private static Map<String, Role> grantRoles() {
        Map<String, Role> m = new LinkedHashMap<>();
        role(m, "Bevillingssag", "Tilknyttet", 0, 1, "Sag");
        role(m, "Bevillingspart", "Ydelsesmodtager", 1, 1, PARTY);
        role(m, "Bevillingspart", "Bevillingsmodtager", 0, 1, PARTY);
        role(m, "Bevillingsaktoer", "Ejer", 1, 1, "Organisation");
        role(m, "Bevillingsaktoer", "Ansvarlig", 0, 1, "OrgEnhed");
        role(m, "Sikkerhedsprofil", "Adgang", 0, MANY, "Organisation", "OrgEnhed", "Bruger");
        return m;
    }

    private static Map<String, Role> benefitRoles() {
        Map<String, Role> m = new LinkedHashMap<>();
        role(m, "ItSystem", "Master", 1, 1, IT_SYSTEM);
        role(m, "ItSystem", "Afsender", 0, 1, IT_SYSTEM);
        role(m, "Ydelse", "Ydelsesklasse", 1, 1, KLASSE);
        role(m, "Klassifikation", "Primær klasse", 1, 1, KLASSE);
        return m;
    }

    private static Map<String, Role> paymentRoles() {
        Map<String, Role> m = new LinkedHashMap<>();
        role(m, "OekonomiskYdelseEffektueringRelation", "DelAf", 1, MANY, "Økonomisk Ydelseseffektuering");
        role(m, "Aktoer", "Ejer", 1, 1, "Organisation");
        role(m, "Aktoer", "Udbetalende enhed", 1, 1, "OrgEnhed");
        role(m, "ItSystem", "Master", 1, 1, IT_SYSTEM);
        role(m, "ItSystem", "Afsender", 1, 1, IT_SYSTEM);
        role(m, "OekonomiskEffektueringPart", "Effektueringsmodtager", 1, 1, PARTY);
        return m;
    }

    /** One object of an importer or opdater, parsed, with what is wrong with it. */
    private static final class Incoming extends LoraIndexParts.CheckedObject<Spec> {
        final List<Registration> result = new ArrayList<>();

        Incoming(UUID uuid, Spec spec, Element element) {
            super(uuid, spec, spec.type, element);
        }

        /** Where messages say the object is. */
        String where() {
            return spec.type + " " + uuid;
        }
    }

    /** The call: the token's organisation and time, the request document, the BevilgetYdelse Ids of its grants. */
    private record Call(Caller caller, Document doc, Map<UUID, List<String>> grantsInRequest) {
        /** True when {@code e} came with this request (a kept list of an earlier one is not checked again). */
        boolean fresh(Element e) {
            return e.getOwnerDocument() == doc;
        }
    }

    private final YdelsesIndeksData data;
    private final KlassifikationData klassifikation;
    private final SimulatorData registers;
    private final Function<UUID, Optional<SagDokumentIndeksData.ItSystem>> itSystems;
    private final LoraIndexParts parts;
    private final LoraIndexSearch<IndexObject, Registration, Kind> indexSearch;

    /** Over {@code data}; IT systems are looked up in {@code itSystems} (the register SF1470 uses as well). */
    YdelsesIndeksService(YdelsesIndeksData data, KlassifikationData klassifikation, SimulatorData registers,
            Function<UUID, Optional<SagDokumentIndeksData.ItSystem>> itSystems) {
        this.data = data;
        this.indexSearch = new LoraIndexSearch<>(data, YI, "yi", YdelsesIndeksRules.OK,
                new LoraIndexSearch.Target<>(Kind.BEVILLING, "BevillingUuid", "bevillinger"),
                new LoraIndexSearch.Target<>(Kind.OEKONOMISK_EFFEKTUERING, "OekonomiskEffektueringUuid",
                        "effektueringer"));
        this.klassifikation = klassifikation;
        this.registers = registers;
        this.itSystems = itSystems;
        this.parts = new LoraIndexParts("YDI", klassifikation);
    }

    /**
     * Answers {@code input} (any of the three ports' request elements) into {@code body}: {@code status} (not null)
     * replaces the answer with that StatusKode; broken rules go to {@code recorder}.
     */
    void answer(Element body, Element input, String tokenCvr, Instant now, Fault status, String correlationId,
            Recorder recorder) {
        String op = input.getLocalName();
        String ns = PREFIXES.containsKey(input.getNamespaceURI()) ? input.getNamespaceURI() : YI;
        Element out = LoraIndexParts.output(body, ns, PREFIXES.get(ns) + ":" + op.replace("Input", "Output"),
                PREFIXES);
        if (status != null) {
            retur(out, "sd:StandardRetur", Integer.parseInt(status.code()), "simulated status " + status.code());
            return;
        }
        SimulatorData.Organisation org = tokenCvr == null ? null : registers.organisation(tokenCvr).orElse(null);
        Call call = new Call(new Caller(org, tokenCvr, now), input.getOwnerDocument(), new LinkedHashMap<>());
        synchronized (data.lock()) {
            List<Incoming> objects;
            switch (op) {
                case "ImporterYdelseIndeksInput" -> objects = importer(input, call);
                case "OpdaterYdelseIndeksInput" -> objects = opdater(input, call);
                case "FremsoegYdelseIndeksInput" -> {
                    fremsoeg(out, input, call, correlationId, recorder);
                    return;
                }
                default -> {
                    fjern(out, input, OEF.equals(input.getNamespaceURI()) ? PAYMENT : GRANT, call, correlationId,
                            recorder);
                    return;
                }
            }
            parts.answerAtomically(out, objects, data::relaxed, recorder, correlationId,
                    () -> objects.forEach(o -> data.register(o.uuid, o.spec.kind, o.result)));
        }
    }

    /** The object {@code e} of {@code spec} by its UUIDIdentifikator. */
    private static Incoming incoming(Element e, Spec spec) {
        Optional<UUID> id = uuid(Xml.text(e, SD, "UUIDIdentifikator"));
        Incoming o = new Incoming(id.orElse(new UUID(0, 0)), spec, e);
        if (id.isEmpty()) {
            o.problems.add(new Problem(INPUT, spec.type + ": UUIDIdentifikator is not a UUID"));
        }
        return o;
    }

    // ---- importer

    private List<Incoming> importer(Element input, Call call) {
        List<Incoming> out = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Element e : Xml.kids(input)) {
            Spec spec = "BevillingIndeks".equals(e.getLocalName()) ? GRANT : PAYMENT;
            Element object = Xml.kid(e, spec.ns, spec.objectElement);
            Incoming o = incoming(object == null ? e : object, spec);
            out.add(o);
            if (o.problems.isEmpty() && !seen.add(o.uuid)) {
                o.problems.add(new Problem(INPUT, o.where() + " is twice in the request"));
            }
            List<Element> regs = registrations(o);
            if (spec == GRANT && o.problems.isEmpty() && !regs.isEmpty()) {
                call.grantsInRequest.put(o.uuid, benefitIds(Xml.kid(regs.get(regs.size() - 1), BI, "AttributListe")));
            }
        }
        for (Incoming o : out) {
            if (!o.problems.isEmpty()) {
                continue;
            }
            if (data.get(o.uuid).isPresent()) {
                o.problems.add(new Problem(YdelsesIndeksRules.EXISTS, o.where() + " is already imported (use opdater)"));
                continue;
            }
            List<Element> regs = registrations(o);
            String firstUser = null;
            for (int i = 0; i < regs.size(); i++) {
                Element reg = regs.get(i);
                String where = o.where() + " Registrering[" + (i + 1) + "]";
                Instant time = instant(Xml.text(reg, SD, "Tidspunkt"));
                String userRef = unikId(Xml.kid(reg, SD, "BrugerRef"));
                if (time == null || userRef == null || !"Importeret".equals(Xml.text(reg, SD, "LivscyklusKode"))) {
                    o.problems.add(new Problem(REGISTRATION, where + ": an imported Registrering needs sd:Tidspunkt,"
                            + " sd:BrugerRef and sd:LivscyklusKode Importeret"));
                    continue;
                }
                if (firstUser != null && !firstUser.equalsIgnoreCase(userRef)) {
                    o.problems.add(new Problem(REGISTRATION, where + ": sd:BrugerRef " + userRef
                            + " differs from the first registration's " + firstUser + " (it cannot change)"));
                }
                firstUser = firstUser == null ? userRef : firstUser;
                Registration r = check(o, Xml.kid(reg, o.spec.ns, "AttributListe"),
                        Xml.kid(reg, o.spec.ns, "RelationListe"), time, userRef, Xml.text(reg, SD, "NoteTekst"),
                        "importer", where, call);
                if (!o.result.isEmpty()) {
                    parts.masterKept(o.result.get(o.result.size() - 1).master(), r.master(), o.problems);
                }
                o.result.add(r);
            }
        }
        return out;
    }

    private static List<Element> registrations(Incoming o) {
        return Xml.kids(o.element).stream().filter(r -> "Registrering".equals(r.getLocalName())).toList();
    }

    // ---- opdater

    private List<Incoming> opdater(Element input, Call call) {
        List<Incoming> out = new ArrayList<>();
        for (Element e : Xml.kids(input)) {
            Spec spec = "OpdaterBevillingIndeks".equals(e.getLocalName()) ? GRANT : PAYMENT;
            Incoming o = incoming(e, spec);
            out.add(o);
            Optional<IndexObject> existing = data.get(o.uuid).filter(x -> x.kind() == spec.kind);
            if (!o.problems.isEmpty()) {
                continue;
            }
            String where = o.where() + " (yi:" + e.getLocalName() + ")";
            if (existing.isEmpty()) {
                o.problems.add(new Problem(NOT_FOUND_RULE, "no " + o.where() + " in the index"));
                continue;
            }
            if (!call.caller.owns(existing.get().current().relations())) {
                o.problems.add(new Problem(CVR_OWNER, o.where() + " is not owned by the organisation of the token's"
                        + " CVR"));
                continue;
            }
            Instant time = instant(Xml.text(e, YI, "Tidspunkt"));
            if (time == null) {
                o.problems.add(new Problem(YdelsesIndeksRules.TIDSPUNKT, where + ": yi:Tidspunkt is required"));
                continue;
            }
            Registration current = existing.get().current();
            Element attributes = Xml.kid(e, spec.ns, "AttributListe");
            Element relations = Xml.kid(e, spec.ns, "RelationListe");
            Registration r = check(o, attributes != null ? attributes : current.attributes(),
                    relations != null ? relations : current.relationList(), time, current.userRef(),
                    Xml.text(e, SD, "NoteTekst"), "opdater", where, call);
            parts.masterKept(current.master(), r.master(), o.problems);
            o.result.add(r);
        }
        return out;
    }

    // ---- checking one picture (a Registrering, or an opdater's lists)

    private Registration check(Incoming o, Element attributes, Element relationList, Instant time, String userRef,
            String note, String operation, String where, Call call) {
        List<Relation> relations = relations(relationList, o.spec, time, where, call, o.problems);
        occurrences(o.spec, relations, where, o.problems);
        if (o.spec == GRANT) {
            String master = grantAttributes(attributes, relations, time, where, call, o.problems);
            return new Registration(call.caller.now(), operation, time, userRef, note, relations, attributes,
                    relationList, master, benefitIds(attributes), null);
        }
        paymentAttributes(attributes, relations, time, o.uuid, where, call, o.problems);
        UUID grant = delAfGrant(relations);
        String master = relations.stream().filter(r -> "Master".equals(r.roleName())).map(Relation::reference)
                .findFirst().orElse(null);
        return new Registration(call.caller.now(), operation, time, userRef, note, relations, attributes, relationList,
                master, List.of(), grant);
    }

    /** The relations of a RelationListe (the unreadable ones dropped, with a problem). */
    private List<Relation> relations(Element list, Spec spec, Instant time, String where, Call call,
            List<Problem> problems) {
        List<Relation> out = new ArrayList<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Element e : list == null ? List.<Element>of() : Xml.kids(list)) {
            if (!spec.ns.equals(e.getNamespaceURI())) {
                continue; // gd:LokalUdvidelseListe
            }
            int n = counts.merge(e.getLocalName(), 1, Integer::sum);
            String what = where + "/RelationListe/" + spec.prefix() + ":" + e.getLocalName() + "[" + n + "]";
            Classified c = parts.classify(e, GD, what, spec.roles, problems);
            if (c == null) {
                continue;
            }
            String indeks = parts.indeks(e, GD, c, c.role().max() > 1, problems);
            Virkning v = virkning(Xml.kid(e, GD, "Virkning"), what, time, call, problems);
            resolve(c, what, call, problems);
            out.add(new Relation(e.getLocalName(), c.roleId(), c.role().name(), c.typeId(), c.objectType(), indeks,
                    c.reference(), v, e));
        }
        return out;
    }

    /** A Virkning as {@link LoraIndexParts#virkning}, and (when sent now) from {@code time} to infinity. */
    private Virkning virkning(Element v, String what, Instant time, Call call, List<Problem> problems) {
        Virkning x = parts.virkning(v, what, problems);
        if (x != null && call.fresh(v) && (!x.from().equals(time) || !x.open())) {
            problems.add(new Problem(YdelsesIndeksRules.VIRKNING, what + ": Virkning must run from the registration's"
                    + " Tidspunkt " + time + " (FraTidspunkt) to GraenseIndikator true (the index keeps no double"
                    + " history), not " + x.from() + " to " + (x.open() ? "infinity" : x.to())));
        }
        return x;
    }

    /** Checks that a ReferenceID resolves for its object type (see {@link YdelsesIndeksRules#REF_RESOLVE}). */
    private void resolve(Classified c, String what, Call call, List<Problem> problems) {
        if (parts.resolveActor(c, what, call.caller, problems)) {
            return;
        }
        Optional<UUID> id = uuid(c.reference());
        if (id.isEmpty()) {
            problems.add(new Problem(REF_URN, what + ": a " + c.objectType() + " is referred to by UUID"));
            return;
        }
        if (IT_SYSTEM.equals(c.objectType()) && itSystems.apply(id.get()).isEmpty()) {
            problems.add(new Problem(REF_RESOLVE, what + ": no IT system " + id.get()));
        } else if (KLASSE.equals(c.objectType()) && klassifikation.get(id.get()).isEmpty()) {
            problems.add(new Problem(REF_RESOLVE, what + ": no Klasse " + id.get() + " in Klassifikation"));
        }
    }

    /** Occurrences per role (see {@link YdelsesIndeksRules#OCCURS}), and each Indeks once per role. */
    private static void occurrences(Spec spec, List<Relation> relations, String where, List<Problem> problems) {
        for (Role role : spec.roles.values()) {
            List<Relation> of = relations.stream().filter(r -> r.relationType().equals(role.relationType())
                    && r.roleName().equals(role.name())).toList();
            if (of.size() < role.min() || of.size() > role.max()) {
                problems.add(new Problem(OCCURS, where + ": a " + spec.type + " has " + (role.max() == MANY
                        ? "at least " + role.min() : role.min() == role.max() ? "exactly " + role.min()
                        : "at most " + role.max()) + " " + spec.prefix() + ":" + role.relationType()
                        + " with the role '" + role.name() + "', not " + of.size()));
            }
            Set<String> keys = new HashSet<>();
            for (Relation r : of) {
                if (r.indeks() != null && !keys.add(r.indeks())) {
                    problems.add(new Problem(YdelsesIndeksRules.INDEKS, where + ": " + r.key() + " is used twice"));
                }
            }
        }
    }

    /** The Ids of a grant AttributListe's BevilgetYdelse elements. */
    private static List<String> benefitIds(Element attributes) {
        List<String> out = new ArrayList<>();
        for (Element b : kids(attributes, BI, "BevilgetYdelse")) {
            String id = Xml.text(b, BI, "Id");
            if (id != null) {
                out.add(id);
            }
        }
        return out;
    }

    private static List<Element> kids(Element parent, String ns, String local) {
        return parent == null ? List.of() : Xml.kids(parent).stream().filter(e -> ns.equals(e.getNamespaceURI())
                && local.equals(e.getLocalName())).toList();
    }

    /** A grant's Egenskaber and BevilgetYdelse; returns the Master IT system of its first BevilgetYdelse. */
    private String grantAttributes(Element attributes, List<Relation> relations, Instant time, String where, Call call,
            List<Problem> problems) {
        String at = where + "/AttributListe";
        List<Element> egenskaber = kids(attributes, BI, "Egenskaber");
        for (int i = 0; i < egenskaber.size(); i++) {
            virkning(Xml.kid(egenskaber.get(i), BI, "Virkning"), at + "/bi:Egenskaber[" + (i + 1) + "]", time, call,
                    problems);
        }
        if (egenskaber.stream().noneMatch(e -> Xml.text(e, BI, "Foelsomhed") != null)) {
            problems.add(new Problem(GRANT_SCOPE, at + ": bi:Egenskaber/bi:Foelsomhed is required (dataafgrænsning)"));
        }
        boolean ownerCvr = relations.stream().anyMatch(r -> "Ejer".equals(r.roleName())
                && Xml.text(r.xml(), BI, "CVR-nr") != null);
        if (!ownerCvr) {
            problems.add(new Problem(GRANT_SCOPE, where + "/RelationListe: the bi:Bevillingsaktoer Ejer needs bi:CVR-nr"
                    + " (dataafgrænsning)"));
        }
        List<Element> benefits = kids(attributes, BI, "BevilgetYdelse");
        Set<String> ids = new HashSet<>();
        boolean kle = false;
        String master = null;
        for (int i = 0; i < benefits.size(); i++) {
            Element b = benefits.get(i);
            String p = at + "/bi:BevilgetYdelse[" + (i + 1) + "]";
            if (Xml.kid(b, BI, "Virkning") != null) {
                virkning(Xml.kid(b, BI, "Virkning"), p, time, call, problems);
            }
            String id = Xml.text(b, BI, "Id");
            List<String> missing = new ArrayList<>();
            for (String field : List.of("Id", "Navn", "BevilgetYdelseStartdato", "Ydelse")) {
                if (Xml.kid(b, BI, field) == null) {
                    missing.add("bi:" + field);
                }
            }
            if (!missing.isEmpty()) {
                problems.add(new Problem(GRANT_BENEFIT, p + " lacks " + missing));
            }
            if (id != null && !ids.add(id)) {
                problems.add(new Problem(GRANT_BENEFIT, p + ": bi:Id " + id + " is used twice in the grant"));
            }
            String m = benefitSystems(b, p, call, problems);
            master = master == null ? m : master;
            kle |= benefitClass(Xml.kid(b, BI, "Ydelse"), p + "/bi:Ydelse", call, problems);
        }
        if (!kle) {
            problems.add(new Problem(GRANT_SCOPE, at + ": no bi:BevilgetYdelse has a bi:Ydelse/bi:Klassifikation with"
                    + " the KLE number of its class (dataafgrænsning)"));
        }
        return master;
    }

    /** The BevilgetYdelse's ItSystem relations (Master 1, Afsender 0..1, SystemNavn); returns the Master. */
    private String benefitSystems(Element benefit, String where, Call call, List<Problem> problems) {
        List<Element> systems = kids(benefit, BI, "ItSystem");
        String master = null;
        int masters = 0;
        for (int j = 0; j < systems.size(); j++) {
            Element s = systems.get(j);
            String what = where + "/bi:ItSystem[" + (j + 1) + "]";
            Classified c = withoutVirkning(s, what, call, problems);
            if (c == null) {
                continue;
            }
            if ("Master".equals(c.role().name())) {
                masters++;
                master = c.reference();
            }
            String name = Xml.text(s, BI, "SystemNavn");
            if (name == null || name.isEmpty()) {
                problems.add(new Problem(GRANT_BENEFIT, what + ": bi:SystemNavn is required"));
            }
        }
        if (masters != 1) {
            problems.add(new Problem(OCCURS, where + ": a BevilgetYdelse has exactly 1 bi:ItSystem with the role"
                    + " 'Master', not " + masters));
        }
        return master;
    }

    /** The Ydelse relation and its Klassifikation; true when the Klassifikation has the KLE number of its class. */
    private boolean benefitClass(Element ydelse, String where, Call call, List<Problem> problems) {
        if (ydelse == null) {
            return false;
        }
        withoutVirkning(ydelse, where, call, problems);
        if (Xml.text(ydelse, BI, "Ydelsesnavn") == null) {
            problems.add(new Problem(GRANT_BENEFIT, where + ": bi:Ydelsesnavn is required"));
        }
        Element k = Xml.kid(ydelse, BI, "Klassifikation");
        Classified c = k == null ? null : withoutVirkning(k, where + "/bi:Klassifikation", call, problems);
        if (c == null) {
            return false;
        }
        Optional<KlassifikationData.Klasse> subject = uuid(c.reference()).flatMap(klassifikation::get)
                .filter(x -> KlassifikationData.SUBJECT_FACET.equals(x.facet()));
        String key = Xml.text(k, BI, "BrugervendtNoegle");
        if (subject.isEmpty()) {
            problems.add(new Problem(REF_RESOLVE, where + "/bi:Klassifikation: " + c.reference()
                    + " is no KLE subject in Klassifikation"));
            return false;
        }
        if (!subject.get().key().equals(key)) {
            problems.add(new Problem(GRANT_SCOPE, where + "/bi:Klassifikation: bi:BrugervendtNoegle must be the KLE"
                    + " number " + subject.get().key() + ", not " + key));
            return false;
        }
        return true;
    }

    /** A relation without Virkning (fields in bi:) of a BevilgetYdelse: classified, no Indeks, resolved. */
    private Classified withoutVirkning(Element e, String what, Call call, List<Problem> problems) {
        Classified c = parts.classify(e, BI, what, BENEFIT_ROLES, problems);
        if (c != null) {
            parts.indeks(e, BI, c, false, problems);
            resolve(c, what, call, problems);
        }
        return c;
    }

    /** A payment's Egenskaber and DelAf lines (see the OEF rules of {@link YdelsesIndeksRules}). */
    private void paymentAttributes(Element attributes, List<Relation> relations, Instant time, UUID self,
            String where, Call call, List<Problem> problems) {
        String at = where + "/AttributListe";
        List<Element> egenskaber = kids(attributes, OEF, "Egenskaber");
        if (egenskaber.isEmpty()) {
            problems.add(new Problem(OEF_PROPERTIES, at + ": oef:Egenskaber are required"));
        }
        String unitName = relations.stream().filter(r -> "Udbetalende enhed".equals(r.roleName()))
                .map(r -> Xml.text(r.xml(), OEF, "FuldtNavn")).findFirst().orElse(null);
        BigDecimal gross = null;
        for (int i = 0; i < egenskaber.size(); i++) {
            Element e = egenskaber.get(i);
            String p = at + "/oef:Egenskaber[" + (i + 1) + "]";
            virkning(Xml.kid(e, OEF, "Virkning"), p, time, call, problems);
            List<String> missing = new ArrayList<>();
            for (String field : List.of("BrugervendtNoegle", "Startdato", "Slutdato", "SamletBruttobeloeb",
                    "Dispositionsdato", "BeloebEfterSkatATP", "BeloebSendtTilUdbetaling", "Udbetalingsafdeling")) {
                if (Xml.text(e, OEF, field) == null) {
                    missing.add("oef:" + field);
                }
            }
            if (!missing.isEmpty()) {
                problems.add(new Problem(OEF_PROPERTIES, p + " lacks " + missing));
            }
            String unit = Xml.text(e, OEF, "Udbetalingsafdeling");
            if (unit != null && !unit.equals(unitName)) {
                problems.add(new Problem(OEF_PROPERTIES, p + ": oef:Udbetalingsafdeling '" + unit + "' is not the"
                        + " oef:FuldtNavn of the Aktoer 'Udbetalende enhed' (" + unitName + ")"));
            }
            BigDecimal afterTax = amount(e, "BeloebEfterSkatATP");
            BigDecimal sent = amount(e, "BeloebSendtTilUdbetaling");
            BigDecimal paid = amount(e, "BeloebUdbetalt");
            if (afterTax != null && sent != null && afterTax.compareTo(sent) != 0
                    && blank(Xml.text(e, OEF, "SendtTilUdbetalingTekst"))) {
                problems.add(new Problem(OEF_TEXT, p + ": oef:SendtTilUdbetalingTekst is required when"
                        + " oef:BeloebEfterSkatATP (" + afterTax + ") differs from oef:BeloebSendtTilUdbetaling ("
                        + sent + ")"));
            }
            if (paid != null && sent != null && paid.compareTo(sent) != 0 && blank(Xml.text(e, OEF, "UdbetaltTekst"))) {
                problems.add(new Problem(OEF_TEXT, p + ": oef:UdbetaltTekst is required when oef:BeloebUdbetalt ("
                        + paid + ") differs from oef:BeloebSendtTilUdbetaling (" + sent + ")"));
            }
            gross = gross == null ? amount(e, "SamletBruttobeloeb") : gross;
        }
        delAf(relations, gross, self, where, call, problems);
    }

    /** The DelAf lines: own UUID, period, amount, KLE, BevilgetYdelseRef, their sum. */
    private void delAf(List<Relation> relations, BigDecimal gross, UUID self, String where, Call call,
            List<Problem> problems) {
        List<Relation> lines = relations.stream().filter(r -> "DelAf".equals(r.roleName())).toList();
        if (lines.isEmpty()) {
            problems.add(new Problem(OEF_DELAF, where + "/RelationListe: an oef:OekonomiskYdelseEffektueringRelation"
                    + " with the role 'DelAf' is required"));
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Relation r : lines) {
            String p = where + "/RelationListe/oef:OekonomiskYdelseEffektueringRelation[Indeks " + r.indeks() + "]";
            if (!r.reference().equalsIgnoreCase(self.toString())) {
                problems.add(new Problem(OEF_DELAF, p + ": gd:ReferenceID must be the payment's own UUID " + self));
            }
            List<String> missing = new ArrayList<>();
            for (String field : List.of("YdelsesperiodeStartdato", "YdelsesperiodeSlutdato", "Ydelsesbeloeb",
                    "Klassifikationsbeskrivelse", "BevilgetYdelseRef")) {
                if (Xml.kid(r.xml(), OEF, field) == null) {
                    missing.add("oef:" + field);
                }
            }
            if (!missing.isEmpty()) {
                problems.add(new Problem(OEF_DELAF, p + " lacks " + missing));
            }
            String kle = Xml.text(r.xml(), OEF, "Klassifikationsbeskrivelse");
            if (kle != null && !kle.matches(KLE)) {
                problems.add(new Problem(OEF_DELAF, p + ": oef:Klassifikationsbeskrivelse '" + kle
                        + "' is no KLE number dd.dd.dd"));
            }
            BigDecimal line = amount(r.xml(), "Ydelsesbeloeb");
            sum = sum == null || line == null ? null : sum.add(line);
            grantRef(Xml.kid(r.xml(), OEF, "BevilgetYdelseRef"), p, call, problems);
        }
        if (gross != null && sum != null && gross.compareTo(sum) != 0) {
            problems.add(new Problem(YdelsesIndeksRules.OEF_SUM, where + ": oef:SamletBruttobeloeb " + gross
                    + " is not the sum of the DelAf lines' oef:Ydelsesbeloeb (" + sum + ")"));
        }
    }

    /** A BevilgetYdelseRef names a grant of the index or the request and one of its BevilgetYdelse Ids. */
    private void grantRef(Element ref, String where, Call call, List<Problem> problems) {
        if (ref == null) {
            return;
        }
        Optional<UUID> grant = uuid(Xml.text(ref, SD, "UUIDIdentifikator"));
        String benefit = Xml.text(ref, OEF, "BevilgetYdelseId");
        List<String> ids = grant.map(g -> call.grantsInRequest.containsKey(g) ? call.grantsInRequest.get(g)
                : data.grant(g).map(o -> o.current().benefitIds()).orElse(null)).orElse(null);
        if (ids == null) {
            problems.add(new Problem(OEF_GRANT_REF, where + "/oef:BevilgetYdelseRef: no Bevilling "
                    + Xml.text(ref, SD, "UUIDIdentifikator") + " in the index or the request"));
        } else if (!ids.contains(benefit)) {
            problems.add(new Problem(OEF_GRANT_REF, where + "/oef:BevilgetYdelseRef: Bevilling " + grant.get()
                    + " has no BevilgetYdelse with bi:Id " + benefit + " (it has " + ids + ")"));
        }
    }

    /** The grant of a payment's first DelAf line, or null. */
    private static UUID delAfGrant(List<Relation> relations) {
        for (Relation r : relations) {
            Element ref = "DelAf".equals(r.roleName()) ? Xml.kid(r.xml(), OEF, "BevilgetYdelseRef") : null;
            Optional<UUID> g = ref == null ? Optional.empty() : uuid(Xml.text(ref, SD, "UUIDIdentifikator"));
            if (g.isPresent()) {
                return g.get();
            }
        }
        return null;
    }

    private static BigDecimal amount(Element parent, String field) {
        String text = Xml.text(parent, OEF, field);
        try {
            return text == null ? null : new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null; // the contract's pattern refuses it first
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    // ---- fjern

    private void fjern(Element out, Element input, Spec spec, Call call, String correlationId, Recorder recorder) {
        List<Problem> problems = new ArrayList<>();
        String text = Xml.text(input, SD, "UUIDIdentifikator");
        Optional<UUID> id = uuid(text);
        String where = spec.prefix() + ":FjernInput: " + spec.type + " " + text;
        Optional<IndexObject> existing = id.flatMap(data::get).filter(o -> o.kind() == spec.kind);
        if (id.isEmpty()) {
            problems.add(new Problem(INPUT, where + ": sd:UUIDIdentifikator is not a UUID"));
        } else if (existing.isEmpty()) {
            problems.add(new Problem(NOT_FOUND_RULE, where + " is not in the index"));
        } else if (!call.caller.owns(existing.get().current().relations())) {
            problems.add(new Problem(CVR_OWNER, where + " is not owned by the organisation of the token's CVR"));
        } else if (spec == GRANT && !data.paymentsOf(id.get()).isEmpty()) {
            problems.add(new Problem(YdelsesIndeksRules.HAS_PAYMENTS, where + " still has "
                    + data.paymentsOf(id.get()).size() + " payment(s) in the index: remove its payments first"));
        }
        problems.removeIf(p -> data.relaxed(p.rule()));
        problems.forEach(p -> recorder.record(correlationId, p));
        if (problems.isEmpty()) {
            existing.ifPresent(o -> data.remove(o.uuid()));
            retur(out, "sd:StandardRetur", YdelsesIndeksRules.OK, null);
        } else {
            retur(out, "sd:StandardRetur", problems.stream().mapToInt(Problem::status).max().orElseThrow(),
                    String.join("; ", problems.stream().map(Problem::toString).toList()));
        }
    }

    // ---- fremsoeg

    private void fremsoeg(Element out, Element input, Call call, String correlationId, Recorder recorder) {
        Optional<LoraIndexSearch.Named> named = indexSearch.named(input, o -> visible(o, call),
                e -> new Problem(INPUT, "yi:" + e.getLocalName() + " '" + e.getTextContent().trim()
                        + "' is not a UUID"), out, correlationId, recorder);
        if (named.isEmpty()) {
            return;
        }
        Set<UUID> found = named.get().found();
        Element expression = Xml.kid(input, YI, "SoegUdtryk");
        if (!named.get().any() && expression != null) {
            found.addAll(search(expression, call));
        }
        Element filter = Xml.kid(input, YI, "Filter");
        boolean noData = filter != null && Xml.kids(filter).isEmpty();
        indexSearch.answer(out, found, o -> snapshot(out, "yi:BevillingFiltreretOejebliksbillede", o, GRANT, noData),
                o -> snapshot(out, "yi:OekonomiskEffektueringFiltreretOejebliksbillede", o, PAYMENT, noData));
    }

    private static boolean visible(IndexObject o, Call call) {
        return call.caller.owns(o.current().relations());
    }

    /** The UUIDs of the visible objects a SoegUdtryk (or NOT) finds. */
    private Set<UUID> search(Element expr, Call call) {
        return LoraIndexParts.search(expr, YI, e -> switch (e.getLocalName()) {
            case "SoegBevillingIndeks" -> match(e, GRANT, call);
            case "SoegOekonomiskEffektueringIndeks" -> match(e, PAYMENT, call);
            default -> null;
        }, () -> {
            Set<UUID> all = new LinkedHashSet<>();
            data.all().stream().filter(o -> visible(o, call)).forEach(o -> all.add(o.uuid()));
            return all;
        });
    }

    /** The visible objects of {@code spec}'s kind with every relation of the criterion, capped at its maximum. */
    private Set<UUID> match(Element criterion, Spec spec, Call call) {
        Element list = Xml.kid(criterion, spec.ns, "RelationListe");
        List<Element> wanted = list == null ? List.of() : Xml.kids(list).stream()
                .filter(e -> spec.ns.equals(e.getNamespaceURI())).toList();
        long max = SagDokReplies.number(Xml.text(criterion, SD, "MaksimalAntalKvantitet"), Long.MAX_VALUE);
        Set<UUID> out = new LinkedHashSet<>();
        for (IndexObject o : data.all()) {
            if (out.size() >= max) {
                break;
            }
            if (o.kind() == spec.kind && visible(o, call)
                    && wanted.stream().allMatch(w -> has(o.current().relations(), w))) {
                out.add(o.uuid());
            }
        }
        return out;
    }

    private static boolean has(List<Relation> relations, Element want) {
        String ref = unikId(Xml.kid(want, GD, "ReferenceID"));
        String role = unikId(Xml.kid(want, GD, "Rolle"));
        String type = unikId(Xml.kid(want, GD, "Type"));
        return relations.stream().anyMatch(x -> x.relationType().equals(want.getLocalName())
                && (ref == null || x.reference().equalsIgnoreCase(ref))
                && (role == null || x.role().toString().equalsIgnoreCase(role))
                && (type == null || x.objectType().toString().equalsIgnoreCase(type)));
    }

    // ---- writing

    private static void snapshot(Element out, String name, IndexObject o, Spec spec, boolean noData) {
        Element snap = Xml.el(out, YI, name, null);
        String p = spec.prefix() + ":";
        Xml.el(Xml.el(snap, spec.ns, p + "ObjektType", null), SD, "sd:UUIDIdentifikator", o.uuid());
        if (noData) {
            return;
        }
        Registration r = o.current();
        Element reg = Xml.el(snap, spec.ns, p + "Registrering", null);
        LoraIndexParts.registrationHead(reg, r.note(), r.time(), r.userRef(), r.registered());
        list(reg, r.attributes(), spec, "AttributListe");
        Xml.el(reg, spec.ns, p + "TilstandListe", null);
        list(reg, r.relationList(), spec, "RelationListe");
    }

    private static void list(Element reg, Element stored, Spec spec, String name) {
        if (stored != null) {
            LoraIndexParts.copy(stored, reg, PREFIXES);
        } else {
            Xml.el(reg, spec.ns, spec.prefix() + ":" + name, null);
        }
    }
}

package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Relation;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.Virkning;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.xml.datatype.DatatypeFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the simulated LoRa indexes (Sags- og Dokumentindeks SF1470, Ydelsesindeks SF1490) share: broken rules and where
 * they go, the StandardRetur/UnikRetur replies, the atomic answer of importer/opdater, reading Virkning, UnikId and
 * relation Rolle/Type against the Klassifikation vocabulary, the URN forms of parties and organisations, the token
 * organisation's ownership, and copying stored XML into a reply. Rule ids are the index's prefix ({@code SDI},
 * {@code YDI}) plus a common suffix ({@code -VIRKNING}, {@code -REL-FIELDS}, ...).
 */
final class LoraIndexParts {
    static final String GD = "urn:oio:sts:generelledefinitioner:6";
    static final String SD = "urn:oio:sagdok:3.0.0";
    static final int MANY = Integer.MAX_VALUE;
    /** A Person's ReferenceID: CPR number, US person id, UDK borger id or full name (anvisninger; A-OEF 3.7). */
    static final String PERSON_URN = "urn:oio:(cpr-nr:[0-9]{10}|us:personid:[0-9]{7}|udk:borgerid:[0-9]{12}"
            + "|fuldtnavn:.+)";
    /** A Virksomhed's ReferenceID: CVR number, P number or full name. */
    static final String COMPANY_URN = "urn:oio:(cvr-nr:[0-9]{8}|pnr:[0-9]{10}|fuldtnavn:.+)";
    /** An OrgEnhed's or Bruger's ReferenceID when not a UUID. */
    static final String UNIT_URN = "urn:oio:[^:]+:[^:]+:.+";

    /** What a role allows: its relation element, name, occurrences and object types. */
    record Role(String relationType, String name, int min, int max, List<String> types) {
        /** {@code relationType-name}, as messages name a relation. */
        String key() {
            return relationType + "-" + name;
        }
    }

    /** Adds a role to {@code m} under {@code type/name}. */
    static void role(Map<String, Role> m, String type, String name, int min, int max, String... types) {
        m.put(type + "/" + name, new Role(type, name, min, max, List.of(types)));
    }

    /**
     * One broken rule of one object. The StatusKode follows the rule id's suffix: {@code -CVR-OWNER},
     * {@code -EXISTS} and {@code -HAS-PAYMENTS} 49, {@code -NOT-FOUND} 44, every other 40.
     */
    record Problem(String rule, String text) {
        int status() {
            if (rule.endsWith("-CVR-OWNER") || rule.endsWith("-EXISTS") || rule.endsWith("-HAS-PAYMENTS")) {
                return SagDokumentIndeksRules.NOT_PERMITTED;
            }
            return rule.endsWith("-NOT-FOUND") ? SagDokumentIndeksRules.NOT_FOUND : SagDokumentIndeksRules.INVALID;
        }

        @Override
        public String toString() {
            return rule + ": " + text;
        }
    }

    /** Where a broken rule goes: the simulator's violation list. */
    interface Recorder {
        /** Records {@code p} for the call {@code correlationId}. */
        void record(String correlationId, Problem p);
    }

    /** One object of an importer/opdater/fjern request with what is wrong with it. */
    interface Checked {
        /** Its UUID (zeros when unreadable). */
        UUID uuid();

        /** Its UnikRetur Type, e.g. {@code Sag}, {@code Bevilling}. */
        String type();

        /** The broken rules (mutable). */
        List<Problem> problems();
    }

    /**
     * An object of a request: its UUID, its kind's shape {@code S}, UnikRetur type, element and the rules it breaks.
     *
     * @param <S> the shape of the object's kind
     */
    abstract static class CheckedObject<S> implements Checked {
        final UUID uuid;
        final S spec;
        final String type;
        final Element element;
        final List<Problem> problems = new java.util.ArrayList<>();

        CheckedObject(UUID uuid, S spec, String type, Element element) {
            this.uuid = uuid;
            this.spec = spec;
            this.type = type;
            this.element = element;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public UUID uuid() {
            return uuid;
        }

        @Override
        public List<Problem> problems() {
            return problems;
        }
    }

    /**
     * The UUIDs a search expression finds: its children ({@code operation} in {@code ns}: OR, else AND) combined;
     * {@code NOT} is {@code all} minus its own expression, a nested {@code SoegUdtryk} recurses, any other child goes to
     * {@code leaf} (null: not a criterion, skipped).
     */
    static Set<UUID> search(Element expr, String ns, Function<Element, Set<UUID>> leaf, Supplier<Set<UUID>> all) {
        boolean or = "OR".equals(Xml.text(expr, ns, "operation"));
        Set<UUID> result = null;
        for (Element e : Xml.kids(expr)) {
            Set<UUID> part = switch (e.getLocalName()) {
                case "NOT" -> {
                    Set<UUID> everything = all.get();
                    everything.removeAll(search(e, ns, leaf, all));
                    yield everything;
                }
                case "SoegUdtryk" -> search(e, ns, leaf, all);
                default -> leaf.apply(e);
            };
            if (part == null) {
                continue;
            }
            if (result == null) {
                result = part;
            } else if (or) {
                result.addAll(part);
            } else {
                result.retainAll(part);
            }
        }
        return result == null ? new LinkedHashSet<>() : result;
    }

    /**
     * The classified Rolle and Type of a relation.
     *
     * @param roleId the Rolle class UUID
     * @param role what the role allows
     * @param typeId the Type class UUID
     * @param objectType the Type class's key
     * @param reference the ReferenceID (UUID or URN)
     */
    record Classified(UUID roleId, Role role, UUID typeId, String objectType, String reference) {
        String key() {
            return role.key();
        }
    }

    /** The token's organisation (null when none), its CVR and the call's time. */
    record Caller(SimulatorData.Organisation org, String cvr, Instant now) {
        /** True when {@code ref} names the token's organisation (its UUID or urn:oio:cvr-nr:&lt;cvr&gt;). */
        boolean isOrganisation(String ref) {
            return org != null && (ref.equalsIgnoreCase(org.uuid().toString()) || ref.equals("urn:oio:cvr-nr:" + cvr));
        }

        /** True when one of {@code relations} valid now has the role Ejer and names the token's organisation. */
        boolean owns(List<Relation> relations) {
            return relations.stream().anyMatch(r -> "Ejer".equals(r.roleName())
                    && (r.virkning() == null || r.virkning().contains(now)) && isOrganisation(r.reference()));
        }
    }

    private final String prefix;
    private final KlassifikationData klassifikation;

    /** The parts for the index whose rule ids start with {@code prefix} ({@code SDI}, {@code YDI}). */
    LoraIndexParts(String prefix, KlassifikationData klassifikation) {
        this.prefix = prefix;
        this.klassifikation = klassifikation;
    }

    /** The rule id {@code prefix-suffix}. */
    String rule(String suffix) {
        return prefix + "-" + suffix;
    }

    // ---- replies

    /** Adds a StandardRetur or UnikRetur {@code name} with the code and text (if not null) to {@code out}. */
    static Element retur(Element out, String name, int code, String text) {
        Element r = Xml.el(out, SD, name, null);
        Xml.el(r, SD, "sd:StatusKode", code);
        if (text != null) {
            Xml.el(r, SD, "sd:FejlbeskedTekst", text);
        }
        return r;
    }

    /**
     * The atomic answer of importer/opdater/fjern: relaxed rules dropped, the rest recorded; {@code commit} runs only
     * when no object broke a rule; one UnikRetur per object (20, the object's problems, or the atomic refusal).
     */
    void answerAtomically(Element out, List<? extends Checked> objects, Predicate<String> relaxed, Recorder recorder,
            String correlationId, Runnable commit) {
        objects.forEach(o -> o.problems().removeIf(p -> relaxed.test(p.rule())));
        boolean broken = objects.stream().anyMatch(o -> !o.problems().isEmpty());
        for (Checked o : objects) {
            o.problems().forEach(p -> recorder.record(correlationId, p));
        }
        if (!broken) {
            commit.run();
        }
        for (Checked o : objects) {
            Element r = o.problems().isEmpty()
                    ? retur(out, "sd:UnikRetur", broken ? SagDokumentIndeksRules.INVALID : SagDokumentIndeksRules.OK,
                            broken ? rule("ATOMIC") + ": not stored, another object of the request"
                                    + " broke a rule (the request is atomic)" : null)
                    : retur(out, "sd:UnikRetur", o.problems().stream().mapToInt(Problem::status).max().orElseThrow(),
                            String.join("; ", o.problems().stream().map(Problem::toString).toList()));
            Xml.el(r, SD, "sd:Type", o.type());
            Xml.el(r, SD, "sd:UUIDIdentifikator", o.uuid());
        }
    }

    // ---- reading

    /** A Virkning's interval, or null (and a problem) when it is missing or inconsistent. */
    Virkning virkning(Element v, String what, List<Problem> problems) {
        Element from = v == null ? null : Xml.kid(v, SD, "FraTidspunkt");
        Element to = v == null ? null : Xml.kid(v, SD, "TilTidspunkt");
        Instant f = from == null ? null : instant(Xml.text(from, SD, "TidsstempelDatoTid"));
        Instant t = to == null ? null : instant(Xml.text(to, SD, "TidsstempelDatoTid"));
        boolean infinite = to != null && "true".equals(Xml.text(to, SD, "GraenseIndikator"));
        if (f == null || (t == null && !infinite)) {
            problems.add(new Problem(rule("VIRKNING"), what + ": Virkning needs a FraTidspunkt timestamp (not"
                    + " infinity) and a TilTidspunkt (timestamp or GraenseIndikator)"));
            return null;
        }
        if (t != null && !f.isBefore(t)) {
            problems.add(new Problem(rule("VIRKNING"), what + ": FraTidspunkt " + f + " is not before TilTidspunkt "
                    + t));
            return null;
        }
        String actorType = Xml.text(v, SD, "AktoerTypeKode");
        if (unikId(Xml.kid(v, SD, "AktoerRef")) == null || !("Bruger".equals(actorType)
                || "ItSystem".equals(actorType))) {
            problems.add(new Problem(rule("VIRKNING-AKTOER"), what + ": Virkning needs AktoerRef and"
                    + " AktoerTypeKode Bruger or ItSystem"));
        }
        return new Virkning(f, t);
    }

    /**
     * Rolle, Type and ReferenceID of the relation {@code e} (fields in {@code fieldNs}: gd for a RelationType, the
     * object's namespace for a relation without Virkning), checked against Klassifikation and {@code roles}; null
     * (and a problem) when the relation cannot be read as one of the roles.
     */
    Classified classify(Element e, String fieldNs, String what, Map<String, Role> roles, List<Problem> problems) {
        String type = e.getLocalName();
        String ref = unikId(Xml.kid(e, fieldNs, "ReferenceID"));
        Optional<UUID> roleId = uuid(unikId(Xml.kid(e, fieldNs, "Rolle")));
        Optional<UUID> typeId = uuid(unikId(Xml.kid(e, fieldNs, "Type")));
        if (ref == null || ref.isEmpty() || roleId.isEmpty() || typeId.isEmpty()) {
            problems.add(new Problem(rule("REL-FIELDS"), what + " needs ReferenceID, and Rolle and Type as Klasse"
                    + " UUIDs"));
            return null;
        }
        Optional<KlassifikationData.Klasse> roleClass = klassifikation.get(roleId.get())
                .filter(k -> KlassifikationData.ROLE_FACET.equals(k.facet()));
        if (roleClass.isEmpty()) {
            problems.add(new Problem(rule("ROLE-UNKNOWN"), what + " Rolle " + roleId.get()
                    + " is no class of the facet Relationsrolle"));
            return null;
        }
        Role role = roles.get(type + "/" + roleClass.get().key());
        if (role == null) {
            problems.add(new Problem(rule("ROLE-RELATION"), what + ": '" + roleClass.get().key()
                    + "' is no role of a " + type));
            return null;
        }
        Optional<KlassifikationData.Klasse> typeClass = klassifikation.get(typeId.get())
                .filter(k -> KlassifikationData.OBJECT_TYPE_FACET.equals(k.facet()));
        if (typeClass.isEmpty()) {
            problems.add(new Problem(rule("TYPE-UNKNOWN"), what + " (" + role.key() + "): Type " + typeId.get()
                    + " is no class of the facet Objekttype"));
            return null;
        }
        String objectType = typeClass.get().key();
        if (!role.types().contains(objectType)) {
            problems.add(new Problem(rule("TYPE-ROLE"), what + " (" + role.key() + "): Type '" + objectType
                    + "' is not allowed, only " + role.types()));
        }
        return new Classified(roleId.get(), role, typeId.get(), objectType, ref);
    }

    /**
     * The relation's Indeks (fields in {@code fieldNs}), null when absent or empty: an {@code INDEKS} problem when
     * {@code indexed} (a role with many relations) and it is missing, or not and it is given.
     */
    String indeks(Element e, String fieldNs, Classified c, boolean indexed, List<Problem> problems) {
        String indeks = Xml.text(e, fieldNs, "Indeks");
        if (!indexed && indeks != null) {
            problems.add(new Problem(rule("INDEKS"), c.key() + ": Indeks must not be given (at most one relation has"
                    + " the role)"));
        } else if (indexed && (indeks == null || indeks.isEmpty())) {
            problems.add(new Problem(rule("INDEKS"), c.key() + ": Indeks is required"));
        }
        return indeks == null || indeks.isEmpty() ? null : indeks;
    }

    /**
     * Checks the ReferenceID of a relation to a party, organisation, unit or user: its URN form, the Ejer being the
     * token's organisation, a unit or user UUID being of the token's organisation. False when {@code objectType} is
     * none of these (the caller checks it).
     */
    boolean resolveActor(Classified c, String what, Caller caller, List<Problem> problems) {
        String ref = c.reference();
        Optional<UUID> id = uuid(ref);
        switch (c.objectType()) {
            case "Organisation" -> {
                if (id.isEmpty() && !ref.matches("urn:oio:cvr-nr:[0-9]{8}")) {
                    problems.add(new Problem(rule("REF-URN"), what + ": an Organisation is a UUID or"
                            + " urn:oio:cvr-nr:<8 digits>"));
                } else if ("Ejer".equals(c.role().name()) && !caller.isOrganisation(ref)) {
                    problems.add(new Problem(rule("CVR-OWNER"), what + ": the Ejer must be the organisation of the"
                            + " token's CVR"));
                }
            }
            case "OrgEnhed", "Bruger" -> {
                if (id.isEmpty()) {
                    urn(ref, UNIT_URN, what, problems);
                } else if (caller.org() == null || ("OrgEnhed".equals(c.objectType())
                        ? caller.org().units().stream().noneMatch(u -> u.uuid().equals(id.get()))
                        : caller.org().users().stream().noneMatch(u -> u.uuid().equals(id.get())))) {
                    problems.add(new Problem(rule("REF-RESOLVE"), what + ": no " + c.objectType() + " " + ref
                            + " in the token's organisation"));
                }
            }
            case "Person" -> urn(ref, PERSON_URN, what, problems);
            case "Virksomhed" -> urn(ref, COMPANY_URN, what, problems);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** A {@code REF-URN} problem unless {@code ref} matches {@code pattern}. */
    void urn(String ref, String pattern, String what, List<Problem> problems) {
        if (!ref.matches(pattern)) {
            problems.add(new Problem(rule("REF-URN"), what + ": ReferenceID must match " + pattern));
        }
    }

    /** A {@code MASTER-FIXED} problem when the Master IT system {@code was} (not null) becomes another. */
    void masterKept(String was, String is, List<Problem> problems) {
        if (was != null && is != null && !was.equalsIgnoreCase(is)) {
            problems.add(new Problem(rule("MASTER-FIXED"), "the Master IT system is " + was
                    + " and cannot change to " + is));
        }
    }

    /** An xs:dateTime as an instant (UTC when it has no zone), or null. */
    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return DatatypeFactory.newDefaultInstance().newXMLGregorianCalendar(text)
                    .toGregorianCalendar(TimeZone.getTimeZone("UTC"), null, null).toInstant();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The UUID or URN of a UnikIdType element, or null. */
    static String unikId(Element e) {
        if (e == null) {
            return null;
        }
        String u = Xml.text(e, SD, "UUIDIdentifikator");
        return u != null ? u : Xml.text(e, SD, "URNIdentifikator");
    }

    /** {@code text} as a UUID when it is one. */
    static Optional<UUID> uuid(String text) {
        if (text == null || !text.matches("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(text));
    }

    // ---- writing

    /** A Registrering's head: NoteTekst, Tidspunkt, LivscyklusKode Importeret, BrugerRef, StsTidspunkt. */
    static void registrationHead(Element reg, String note, Instant time, String userRef, Instant registered) {
        if (note != null) {
            Xml.el(reg, SD, "sd:NoteTekst", note);
        }
        Xml.el(reg, SD, "sd:Tidspunkt", time != null ? time : registered);
        Xml.el(reg, SD, "sd:LivscyklusKode", "Importeret");
        if (userRef != null) {
            Xml.el(Xml.el(reg, SD, "sd:BrugerRef", null), SD, uuid(userRef).isPresent()
                    ? "sd:UUIDIdentifikator" : "sd:URNIdentifikator", userRef);
        }
        Xml.el(reg, GD, "gd:StsTidspunkt", registered);
    }

    /**
     * Copies {@code src} under {@code parent} with {@code prefixes} (so the reply declares every namespace; an unknown
     * namespace gets a local declaration).
     */
    static void copy(Element src, Element parent, Map<String, String> prefixes) {
        String ns = src.getNamespaceURI();
        String prefix = ns == null ? null : prefixes.get(ns);
        Element e;
        if (ns == null) {
            e = parent.getOwnerDocument().createElementNS(null, src.getLocalName());
        } else if (prefix != null) {
            e = parent.getOwnerDocument().createElementNS(ns, prefix + ":" + src.getLocalName());
        } else {
            e = parent.getOwnerDocument().createElementNS(ns, "x:" + src.getLocalName());
            e.setAttributeNS(Xml.XMLNS, "xmlns:x", ns);
        }
        parent.appendChild(e);
        for (Node n = src.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element k) {
                copy(k, e, prefixes);
            } else if (n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE) {
                e.appendChild(parent.getOwnerDocument().createTextNode(n.getNodeValue()));
            }
        }
    }

    /** The output element {@code qname} in {@code ns} under {@code body}, declaring every prefix of {@code prefixes}. */
    static Element output(Element body, String ns, String qname, Map<String, String> prefixes) {
        Element out = Xml.el(body, ns, qname, null);
        prefixes.forEach((n, p) -> out.setAttributeNS(Xml.XMLNS, "xmlns:" + p, n));
        return out;
    }
}

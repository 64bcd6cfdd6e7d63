package dk.rammearkitektur.clients.stoettesystemer.internal;

import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.SD;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.checkStatus;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.expect;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.instant;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.require;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.uuid;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.stoettesystemer.FunctionRecord;
import dk.rammearkitektur.clients.stoettesystemer.UnitRecord;
import dk.rammearkitektur.clients.stoettesystemer.UserRecord;
import dk.rammearkitektur.core.ServiceCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * The Organisation 6 (SF1500) Bruger, OrganisationEnhed and OrganisationFunktion messages the client sends and reads
 * ({@code soeg}, {@code laes}, {@code list}), written and read as DOM. Element names, nesting and namespaces are those
 * of the published contract ({@code BrugerOperationer.xsd}, {@code Bruger.xsd}, and likewise for OrganisationEnhed
 * and OrganisationFunktion, with {@code OrganisationFaelles.xsd} and {@code SagDokObjekt.xsd}); the client's own
 * subset under {@code dk/rammearkitektur/clients/stoettesystemer/organisation/} keeps the same shapes.
 */
public final class OrgObjectMessages {
    /** The namespace Organisation 6's objects share ({@code Gyldighed}). */
    public static final String FAELLES = "http://stoettesystemerne.dk/organisation/6/";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private OrgObjectMessages() {
    }

    /**
     * One snapshot as read: the object's UUID, key and name from its first {@code Egenskab} holding either (empty
     * strings when none does), every relation's UUIDs by relation name (in reply order, each once), and the active
     * {@code Gyldighed}'s validity.
     *
     * @param uuid the object's UUID
     * @param key the user-facing key, or an empty string
     * @param name the name, or an empty string
     * @param relations the UUIDs of each relation of the kind, keyed by the relation's element name
     * @param active whether a {@code Gyldighed} has status {@code Aktiv}
     * @param validFrom that state's start, or null
     * @param validTo that state's end, or null
     */
    public record ObjectSnapshot(UUID uuid, String key, String name, Map<String, List<UUID>> relations, boolean active,
            Instant validFrom, Instant validTo) {
        /** Copies the relations. */
        public ObjectSnapshot {
            relations = Map.copyOf(relations);
        }

        /** The UUIDs of {@code relation} (none when absent). */
        public List<UUID> all(String relation) {
            return relations.getOrDefault(relation, List.of());
        }

        /** The first UUID of {@code relation}, or null. */
        public UUID first(String relation) {
            List<UUID> l = all(relation);
            return l.isEmpty() ? null : l.get(0);
        }
    }

    /**
     * Writes {@code SoegInput}: {@code FoersteResultatReference} {@code first}, {@code MaksimalAntalKvantitet}
     * {@code max}, an {@code AttributListe} with one {@code Egenskab} holding the key and the name when either is set
     * (else empty), an empty {@code TilstandListe} and a {@code RelationListe} with one relation per entry of
     * {@code relations} (relation element name to UUID), written in the published sequence's order.
     */
    public static void soeg(Element body, OrgObjectKind kind, String key, String name, Map<String, UUID> relations,
            int first, int max) {
        for (String relation : relations.keySet()) {
            if (!kind.relations().contains(relation)) {
                throw new IllegalArgumentException(kind + " has no relation " + relation);
            }
        }
        Element in = root(body, kind, "SoegInput");
        Dom.add(in, SD, "sd:FoersteResultatReference", Integer.toString(first));
        Dom.add(in, SD, "sd:MaksimalAntalKvantitet", Integer.toString(max));
        Element attributes = Dom.add(in, kind.namespace(), kind.prefix() + ":AttributListe", null);
        if (key != null || name != null) {
            Element egenskab = Dom.add(attributes, kind.namespace(), kind.prefix() + ":Egenskab", null);
            if (key != null) {
                Dom.add(egenskab, SD, "sd:BrugervendtNoegleTekst", key);
            }
            if (name != null) {
                Dom.add(egenskab, SD, "sd:" + kind.nameElement(), name);
            }
        }
        Dom.add(in, kind.namespace(), kind.prefix() + ":TilstandListe", null);
        Element list = Dom.add(in, kind.namespace(), kind.prefix() + ":RelationListe", null);
        for (String relation : kind.relations()) {
            UUID target = relations.get(relation);
            if (target != null) {
                Element r = Dom.add(list, SD, "sd:" + relation, null);
                Dom.add(Dom.add(r, SD, "sd:ReferenceID", null), SD, "sd:UUIDIdentifikator", target.toString());
            }
        }
    }

    /** Writes {@code LaesInput} for {@code uuid}. */
    public static void laes(Element body, OrgObjectKind kind, UUID uuid) {
        Dom.add(root(body, kind, "LaesInput"), SD, "sd:UUIDIdentifikator", uuid.toString());
    }

    /** Writes {@code ListInput} for {@code uuids} (at least one). */
    public static void list(Element body, OrgObjectKind kind, Collection<UUID> uuids) {
        Element in = root(body, kind, "ListInput");
        for (UUID u : uuids) {
            Dom.add(in, SD, "sd:UUIDIdentifikator", u.toString());
        }
    }

    private static Element root(Element body, OrgObjectKind kind, String local) {
        Element in = Dom.add(body, kind.namespace(), kind.prefix() + ":" + local, null);
        in.setAttributeNS(XMLNS, "xmlns:" + kind.prefix(), kind.namespace());
        in.setAttributeNS(XMLNS, "xmlns:sd", SD);
        return in;
    }

    /** Reads {@code SoegOutput}: the UUIDs of its {@code IdListe} (none when absent). */
    public static List<UUID> readSoeg(OrgObjectKind kind, Element out, ServiceCall call) {
        expect(out, kind.namespace(), "SoegOutput");
        checkStatus(out, call);
        return LoraReplies.idList(out);
    }

    /** Reads {@code LaesOutput}: the snapshot, or null when the reply holds none with a registration. */
    public static ObjectSnapshot readLaes(OrgObjectKind kind, Element out, ServiceCall call) {
        expect(out, kind.namespace(), "LaesOutput");
        checkStatus(out, call);
        Element snapshot = Dom.child(out, kind.namespace(), "FiltreretOejebliksbillede");
        return snapshot == null ? null : snapshot(kind, snapshot);
    }

    /** Reads {@code ListOutput}: one snapshot per {@code FiltreretOejebliksbillede} with a registration. */
    public static List<ObjectSnapshot> readList(OrgObjectKind kind, Element out, ServiceCall call) {
        expect(out, kind.namespace(), "ListOutput");
        checkStatus(out, call);
        List<ObjectSnapshot> found = new ArrayList<>();
        for (Element e : Dom.children(out)) {
            if (kind.namespace().equals(e.getNamespaceURI()) && "FiltreretOejebliksbillede".equals(e.getLocalName())) {
                ObjectSnapshot s = snapshot(kind, e);
                if (s != null) {
                    found.add(s);
                }
            }
        }
        return found;
    }

    /**
     * One {@code FiltreretOejebliksbillede}: the UUID of {@code ObjektType} and, from its last {@code Registrering}
     * (null when it has none), the attributes, relations and the active {@code Gyldighed}.
     */
    static ObjectSnapshot snapshot(OrgObjectKind kind, Element snapshot) {
        String ns = kind.namespace();
        Element objekt = require(Dom.child(snapshot, ns, "ObjektType"), "ObjektType");
        UUID uuid = uuid(require(Dom.child(objekt, SD, "UUIDIdentifikator"), "ObjektType.UUIDIdentifikator")
                .getTextContent(), "ObjektType.UUIDIdentifikator");
        Element registration = null;
        for (Element e : Dom.children(snapshot)) {
            if (ns.equals(e.getNamespaceURI()) && "Registrering".equals(e.getLocalName())) {
                registration = e;
            }
        }
        if (registration == null) {
            return null;
        }
        String key = "";
        String name = "";
        Element attributes = Dom.child(registration, ns, "AttributListe");
        for (Element egenskab : attributes == null ? List.<Element>of() : Dom.children(attributes)) {
            Element k = Dom.child(egenskab, SD, "BrugervendtNoegleTekst");
            Element n = Dom.child(egenskab, SD, kind.nameElement());
            if (k != null || n != null) {
                key = k == null ? "" : k.getTextContent();
                name = n == null ? "" : n.getTextContent();
                break;
            }
        }
        Map<String, List<UUID>> relations = new LinkedHashMap<>();
        Element relationList = Dom.child(registration, ns, "RelationListe");
        for (String relation : kind.relations()) {
            Set<UUID> targets = new LinkedHashSet<>();
            for (Element r : relationList == null ? List.<Element>of() : Dom.children(relationList)) {
                Element ref = SD.equals(r.getNamespaceURI()) && relation.equals(r.getLocalName())
                        ? Dom.child(r, SD, "ReferenceID") : null;
                Element id = ref == null ? null : Dom.child(ref, SD, "UUIDIdentifikator");
                if (id != null) {
                    targets.add(uuid(id.getTextContent(), "RelationListe." + relation + ".ReferenceID.UUIDIdentifikator"));
                }
            }
            relations.put(relation, List.copyOf(targets));
        }
        boolean active = false;
        Instant from = null;
        Instant to = null;
        Element states = Dom.child(registration, ns, "TilstandListe");
        for (Element g : states == null ? List.<Element>of() : Dom.children(states)) {
            if (FAELLES.equals(g.getNamespaceURI()) && "Gyldighed".equals(g.getLocalName())
                    && "Aktiv".equals(Dom.childText(g, FAELLES, "GyldighedStatusKode"))) {
                active = true;
                Element virkning = Dom.child(g, SD, "Virkning");
                if (virkning != null) {
                    from = instant(Dom.child(virkning, SD, "FraTidspunkt"), "Gyldighed.Virkning.FraTidspunkt");
                    to = instant(Dom.child(virkning, SD, "TilTidspunkt"), "Gyldighed.Virkning.TilTidspunkt");
                }
                break;
            }
        }
        return new ObjectSnapshot(uuid, key, name, relations, active, from, to);
    }

    /** A Bruger snapshot as a {@link UserRecord}. */
    public static UserRecord user(ObjectSnapshot s) {
        return new UserRecord(s.uuid(), s.key(), s.name(), s.first("Tilhoerer"), s.all("TilknyttedeEnheder"),
                s.all("TilknyttedeFunktioner"), s.active(), s.validFrom(), s.validTo());
    }

    /** An OrganisationEnhed snapshot as a {@link UnitRecord}. */
    public static UnitRecord unit(ObjectSnapshot s) {
        return new UnitRecord(s.uuid(), s.key(), s.name(), s.first("Overordnet"), s.first("Tilhoerer"),
                s.first("Enhedstype"), s.active(), s.validFrom(), s.validTo());
    }

    /** An OrganisationFunktion snapshot as a {@link FunctionRecord}. */
    public static FunctionRecord function(ObjectSnapshot s) {
        return new FunctionRecord(s.uuid(), s.key(), s.name(), s.first("Funktionstype"), s.all("TilknyttedeEnheder"),
                s.all("TilknyttedeBrugere"), s.active(), s.validFrom(), s.validTo());
    }
}

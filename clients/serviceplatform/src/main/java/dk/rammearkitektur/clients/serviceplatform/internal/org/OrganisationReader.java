package dk.rammearkitektur.clients.serviceplatform.internal.org;

import dk.rammearkitektur.clients.serviceplatform.OrganisationRecord;
import dk.rammearkitektur.clients.serviceplatform.OrganisationRecord.Period;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.clients.common.internal.Dom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.w3c.dom.Element;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;

/**
 * Reads {@code FremsoegObjekthierarkiOutput} pages (published shape: {@code StandardRetur} and the lists
 * {@code Organisationer}, {@code OrganisationEnheder}, {@code OrganisationFunktioner}, {@code Brugere}, ... of
 * {@code FiltreretOejebliksbillede} = {@code ObjektType/UUIDIdentifikator} plus {@code Registrering}s) and merges them
 * into an {@link OrganisationRecord}. From each object's last registration it takes the property (Egenskab) and
 * relation in effect at {@code now} (else the last one given), and its validity from the active ({@code Aktiv})
 * {@code Gyldighed}. These choices are the SDK's; the contract does not say how a reader picks among registrations.
 */
public final class OrganisationReader {
    private static final String OK = "20";

    private final Instant now;
    private UUID organisationUuid;
    private String organisationName;
    private final Map<UUID, OrganisationRecord.Unit> units = new LinkedHashMap<>();
    private final Map<UUID, RawUser> users = new LinkedHashMap<>();
    private final Map<UUID, OrganisationRecord.Function> functions = new LinkedHashMap<>();

    /** One FiltreretOejebliksbillede: its UUID, last registration and the Egenskab in effect now. */
    private record Snapshot(UUID uuid, Element registration, Element egenskab) {
    }

    private Snapshot snapshot(Element snapshot, String ns, String where) {
        Element reg = lastRegistration(snapshot, ns);
        return new Snapshot(objectUuid(snapshot, ns, where), reg, egenskab(reg, ns));
    }

    private record RawUser(UUID uuid, String key, String name, List<UUID> units, Period validity) {
    }

    /** A reader choosing the values in effect at {@code now}. */
    public OrganisationReader(Instant now) {
        this.now = now;
    }

    /**
     * Checks {@code StandardRetur/StatusKode} (20 is OK; anything else is a {@link ServiceFaultException}
     * with the code and {@code FejlbeskedTekst}), adds the page's objects and returns how many objects its longest list
     * held (the caller pages on while a list filled the page).
     */
    public int addPage(Element output, ServiceCall call) {
        if (!OrganisationMessages.STS.equals(output.getNamespaceURI())
                || !"FremsoegObjekthierarkiOutput".equals(output.getLocalName())) {
            throw new ReplyShapeException("reply body is " + output.getLocalName()
                    + ", expected FremsoegObjekthierarkiOutput of OrganisationSystem 6", null);
        }
        Element retur = require(Dom.child(output, OrganisationMessages.SD, "StandardRetur"), "StandardRetur");
        String status = text(require(Dom.child(retur, OrganisationMessages.SD, "StatusKode"), "StandardRetur.StatusKode"));
        if (!OK.equals(status)) {
            throw new ServiceFaultException(call, status,
                    text(Dom.child(retur, OrganisationMessages.SD, "FejlbeskedTekst")));
        }
        int longest = 0;
        List<Element> orgs = list(output, "Organisationer");
        for (Element o : orgs) {
            Element reg = lastRegistration(o, OrganisationMessages.ORGANISATION);
            if (organisationUuid == null) {
                organisationUuid = objectUuid(o, OrganisationMessages.ORGANISATION, "Organisationer");
                Element egenskab = egenskab(reg, OrganisationMessages.ORGANISATION);
                organisationName = property(egenskab, "OrganisationNavn");
            }
        }
        List<Element> enheder = list(output, "OrganisationEnheder");
        for (Element e : enheder) {
            Snapshot o = snapshot(e, OrganisationMessages.ENHED, "OrganisationEnheder");
            String name = property(o.egenskab(), "EnhedNavn");
            String key = property(o.egenskab(), "BrugervendtNoegleTekst");
            Element overordnet = current(o.registration(), OrganisationMessages.ENHED, "RelationListe",
                    OrganisationMessages.SD, "Overordnet");
            UUID parent = overordnet == null ? null : reference(overordnet, "OrganisationEnheder.Overordnet");
            String shown = name != null ? name : key != null ? key : o.uuid().toString();
            units.put(o.uuid(), new OrganisationRecord.Unit(o.uuid(), key, shown, parent,
                    validity(o.registration(), OrganisationMessages.ENHED)));
        }
        List<Element> funktioner = list(output, "OrganisationFunktioner");
        for (Element f : funktioner) {
            Snapshot o = snapshot(f, OrganisationMessages.FUNKTION, "OrganisationFunktioner");
            Element type = current(o.registration(), OrganisationMessages.FUNKTION, "RelationListe",
                    OrganisationMessages.SD, "Funktionstype");
            functions.put(o.uuid(), new OrganisationRecord.Function(o.uuid(),
                    property(o.egenskab(), "BrugervendtNoegleTekst"),
                    property(o.egenskab(), "FunktionNavn"),
                    type == null ? null : reference(type, "OrganisationFunktioner.Funktionstype"),
                    references(o.registration(), OrganisationMessages.FUNKTION, "TilknyttedeEnheder"),
                    references(o.registration(), OrganisationMessages.FUNKTION, "TilknyttedeBrugere"),
                    validity(o.registration(), OrganisationMessages.FUNKTION)));
        }
        List<Element> brugere = list(output, "Brugere");
        for (Element b : brugere) {
            Snapshot o = snapshot(b, OrganisationMessages.BRUGER, "Brugere");
            String key = property(o.egenskab(), "BrugervendtNoegleTekst");
            String name = property(o.egenskab(), "BrugerNavn");
            users.put(o.uuid(), new RawUser(o.uuid(), key == null ? o.uuid().toString() : key, name,
                    references(o.registration(), OrganisationMessages.BRUGER, "TilknyttedeEnheder"),
                    validity(o.registration(), OrganisationMessages.BRUGER)));
        }
        for (int n : new int[] {orgs.size(), enheder.size(), funktioner.size(), brugere.size(),
            list(output, "Interessefaellesskaber").size(), list(output, "ItSystemer").size()}) {
            longest = Math.max(longest, n);
        }
        return longest;
    }

    /** The organisation read so far; a user's units are its own plus those of every function naming it. */
    public OrganisationRecord result() {
        List<OrganisationRecord.User> out = new ArrayList<>();
        for (RawUser u : users.values()) {
            Set<UUID> linked = new LinkedHashSet<>(u.units());
            for (OrganisationRecord.Function f : functions.values()) {
                if (f.users().contains(u.uuid())) {
                    linked.addAll(f.units());
                }
            }
            out.add(new OrganisationRecord.User(u.uuid(), u.key(), u.name(), new ArrayList<>(linked), u.validity()));
        }
        return new OrganisationRecord(organisationUuid, organisationName, new ArrayList<>(units.values()), out,
                new ArrayList<>(functions.values()));
    }

    /** The Egenskab in effect now of the registration's AttributListe (namespace {@code ns}), or null. */
    private Element egenskab(Element reg, String ns) {
        return current(reg, ns, "AttributListe", ns, "Egenskab");
    }

    /** The text of the shared-types property {@code local} of an Egenskab, or null. */
    private static String property(Element egenskab, String local) {
        return egenskab == null ? null : text(Dom.child(egenskab, OrganisationMessages.SD, local));
    }

    private static List<Element> list(Element output, String name) {
        Element l = Dom.child(output, OrganisationMessages.STS, name);
        List<Element> out = new ArrayList<>();
        if (l != null) {
            for (Element e : Dom.children(l)) {
                if ("FiltreretOejebliksbillede".equals(e.getLocalName()) && OrganisationMessages.STS.equals(e.getNamespaceURI())) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    private static UUID objectUuid(Element snapshot, String ns, String where) {
        Element type = require(Dom.child(snapshot, ns, "ObjektType"), where + ".FiltreretOejebliksbillede.ObjektType");
        return uuid(text(require(Dom.child(type, OrganisationMessages.SD, "UUIDIdentifikator"),
                where + ".ObjektType.UUIDIdentifikator")), where + ".ObjektType.UUIDIdentifikator");
    }

    private static Element lastRegistration(Element snapshot, String ns) {
        Element last = null;
        for (Element e : Dom.children(snapshot)) {
            if ("Registrering".equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                last = e;
            }
        }
        return last;
    }

    /** The child {@code itemNs:item} of {@code reg/listNs:list} whose Virkning covers now, else the last one. */
    private Element current(Element reg, String listNs, String list, String itemNs, String item) {
        Element l = reg == null ? null : Dom.child(reg, listNs, list);
        if (l == null) {
            return null;
        }
        Element last = null;
        for (Element e : Dom.children(l)) {
            if (item.equals(e.getLocalName()) && itemNs.equals(e.getNamespaceURI())) {
                if (virkning(e).contains(now)) {
                    return e;
                }
                last = e;
            }
        }
        return last;
    }

    private static List<UUID> references(Element reg, String ns, String relation) {
        List<UUID> out = new ArrayList<>();
        Element l = reg == null ? null : Dom.child(reg, ns, "RelationListe");
        if (l != null) {
            for (Element e : Dom.children(l)) {
                if (relation.equals(e.getLocalName()) && OrganisationMessages.SD.equals(e.getNamespaceURI())) {
                    UUID u = reference(e, relation);
                    if (u != null && !out.contains(u)) {
                        out.add(u);
                    }
                }
            }
        }
        return out;
    }

    private static UUID reference(Element relation, String where) {
        Element ref = Dom.child(relation, OrganisationMessages.SD, "ReferenceID");
        Element id = ref == null ? null : Dom.child(ref, OrganisationMessages.SD, "UUIDIdentifikator");
        return id == null ? null : uuid(text(id), where + ".ReferenceID.UUIDIdentifikator");
    }

    /** The Virkning of the active Gyldighed of {@code reg}, or {@link Period#ALWAYS} when none is given. */
    private Period validity(Element reg, String ns) {
        Element l = reg == null ? null : Dom.child(reg, ns, "TilstandListe");
        if (l == null) {
            return Period.ALWAYS;
        }
        Period found = null;
        for (Element g : Dom.children(l)) {
            if ("Gyldighed".equals(g.getLocalName()) && OrganisationMessages.FAELLES.equals(g.getNamespaceURI())
                    && "Aktiv".equals(text(Dom.child(g, OrganisationMessages.FAELLES, "GyldighedStatusKode")))) {
                Period p = virkning(g);
                if (found == null || p.contains(now)) {
                    found = p;
                }
            }
        }
        return found == null ? Period.ALWAYS : found;
    }

    private static Period virkning(Element parent) {
        Element v = Dom.child(parent, OrganisationMessages.SD, "Virkning");
        if (v == null) {
            return Period.ALWAYS;
        }
        return new Period(instant(Dom.child(v, OrganisationMessages.SD, "FraTidspunkt")),
                instant(Dom.child(v, OrganisationMessages.SD, "TilTidspunkt")));
    }

    private static Instant instant(Element tidspunkt) {
        Element ts = tidspunkt == null ? null : Dom.child(tidspunkt, OrganisationMessages.SD, "TidsstempelDatoTid");
        if (ts == null) {
            return null; // absent or GraenseIndikator: open
        }
        String t = text(ts);
        try {
            return OffsetDateTime.parse(t).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return java.time.LocalDateTime.parse(t).toInstant(java.time.ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new ReplyShapeException("reply field Virkning.TidsstempelDatoTid is not an xs:dateTime", e2);
            }
        }
    }

    private static UUID uuid(String s, String field) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ReplyShapeException("reply field " + field + " is not a UUID", e);
        }
    }

    private static Element require(Element e, String field) {
        if (e == null) {
            throw new ReplyShapeException("reply lacks required field " + field, null);
        }
        return e;
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().trim();
    }
}

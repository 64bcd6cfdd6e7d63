package dk.rammearkitektur.clients.stoettesystemer.internal;

import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.checkStatus;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.expect;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.instant;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.require;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.uuid;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.stoettesystemer.Classification;
import dk.rammearkitektur.core.ServiceCall;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * The SF1510 KlasseService 7 messages the client sends and reads, written and read as DOM. Element names, nesting and
 * namespaces are those of the published contract ({@code KlasseOperationer.xsd}, {@code Klasse.xsd},
 * {@code SagDokObjekt.xsd}); the client's own contract subset under
 * {@code dk/rammearkitektur/clients/stoettesystemer/klassifikation/} keeps the same shapes.
 */
public final class KlasseMessages {
    /** The Klasse 7 namespace. */
    public static final String KLASSE = "http://stoettesystemerne.dk/klassifikation/klasse/7/";
    /** The common LoRa (sagdok 3) namespace. */
    public static final String SD = "urn:oio:sagdok:3.0.0";
    /** The binding's SOAP actions (Klasse.wsdl, binding {@code Klasse}, SOAP 1.2). */
    public static final String ACTION_SOEG = "http://kombit.dk/sts/klassifikation/klasse/soeg";
    /** The {@code laes} action. */
    public static final String ACTION_LAES = "http://kombit.dk/sts/klassifikation/klasse/laes";
    /** The {@code list} action. */
    public static final String ACTION_LIST = "http://kombit.dk/sts/klassifikation/klasse/list";
    /** {@code StandardRetur/StatusKode} of a successful call. */
    public static final String OK = "20";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    private KlasseMessages() {
    }

    /**
     * Writes {@code SoegInput}: at most {@code max} results ({@code MaksimalAntalKvantitet}), an
     * {@code AttributListe} with one {@code Egenskab} holding {@code BrugervendtNoegleTekst}, an empty
     * {@code TilstandListe} and a {@code RelationListe} with the {@code Facet} relation when {@code facet} is not
     * null (KOMBIT's sample searches by the key alone, with the two lists empty).
     */
    public static void soeg(Element body, String key, UUID facet, int max) {
        Element in = root(body, "SoegInput");
        Dom.add(in, SD, "sd:MaksimalAntalKvantitet", Integer.toString(max));
        Element attributes = Dom.add(in, KLASSE, "klasse:AttributListe", null);
        Element egenskab = Dom.add(attributes, KLASSE, "klasse:Egenskab", null);
        Dom.add(egenskab, SD, "sd:BrugervendtNoegleTekst", key);
        Dom.add(in, KLASSE, "klasse:TilstandListe", null);
        Element relations = Dom.add(in, KLASSE, "klasse:RelationListe", null);
        if (facet != null) {
            Element f = Dom.add(relations, SD, "sd:Facet", null);
            Element ref = Dom.add(f, SD, "sd:ReferenceID", null);
            Dom.add(ref, SD, "sd:UUIDIdentifikator", facet.toString());
        }
    }

    /** Writes {@code LaesInput} for {@code uuid}. */
    public static void laes(Element body, UUID uuid) {
        Element in = root(body, "LaesInput");
        Dom.add(in, SD, "sd:UUIDIdentifikator", uuid.toString());
    }

    /** Writes {@code ListInput} for {@code uuids} (at least one). */
    public static void list(Element body, Collection<UUID> uuids) {
        Element in = root(body, "ListInput");
        for (UUID u : uuids) {
            Dom.add(in, SD, "sd:UUIDIdentifikator", u.toString());
        }
    }

    private static Element root(Element body, String local) {
        Element in = Dom.add(body, KLASSE, "klasse:" + local, null);
        in.setAttributeNS(XMLNS, "xmlns:klasse", KLASSE);
        in.setAttributeNS(XMLNS, "xmlns:sd", SD);
        return in;
    }

    /** Reads {@code SoegOutput}: the UUIDs of its {@code IdListe} (none when absent). */
    public static List<UUID> readSoeg(Element out, ServiceCall call) {
        expect(out, KLASSE, "SoegOutput");
        checkStatus(out, call);
        return LoraReplies.idList(out);
    }

    /** Reads {@code LaesOutput}: the class, or null when the reply holds no snapshot. */
    public static Classification readLaes(Element out, ServiceCall call) {
        expect(out, KLASSE, "LaesOutput");
        checkStatus(out, call);
        Element snapshot = Dom.child(out, KLASSE, "FiltreretOejebliksbillede");
        return snapshot == null ? null : snapshot(snapshot);
    }

    /** Reads {@code ListOutput}: one class per snapshot, in reply order. */
    public static List<Classification> readList(Element out, ServiceCall call) {
        expect(out, KLASSE, "ListOutput");
        checkStatus(out, call);
        List<Classification> found = new ArrayList<>();
        for (Element e : Dom.children(out)) {
            if (KLASSE.equals(e.getNamespaceURI()) && "FiltreretOejebliksbillede".equals(e.getLocalName())) {
                found.add(snapshot(e));
            }
        }
        return found;
    }

    /**
     * One {@code FiltreretOejebliksbillede}: the UUID of {@code ObjektID}, and from the last {@code Registrering}
     * the first {@code Egenskab} with a {@code BrugervendtNoegleTekst} (key and title), the {@code Facet} relation
     * and the published state's validity.
     */
    static Classification snapshot(Element snapshot) {
        Element objekt = require(Dom.child(snapshot, KLASSE, "ObjektID"), "ObjektID");
        UUID uuid = uuid(require(Dom.child(objekt, SD, "UUIDIdentifikator"), "ObjektID.UUIDIdentifikator")
                .getTextContent(), "ObjektID.UUIDIdentifikator");
        Element registration = null;
        for (Element e : Dom.children(snapshot)) {
            if (KLASSE.equals(e.getNamespaceURI()) && "Registrering".equals(e.getLocalName())) {
                registration = e;
            }
        }
        require(registration, "Registrering");
        String key = null;
        String title = "";
        Element attributes = Dom.child(registration, KLASSE, "AttributListe");
        if (attributes != null) {
            for (Element egenskab : Dom.children(attributes)) {
                String k = Dom.childText(egenskab, SD, "BrugervendtNoegleTekst");
                if (k != null && !k.isBlank()) {
                    key = k.trim();
                    String t = Dom.childText(egenskab, SD, "TitelTekst");
                    title = t == null ? "" : t.trim();
                    break;
                }
            }
        }
        if (key == null) {
            throw new ReplyShapeException("Registrering.AttributListe has no Egenskab with a BrugervendtNoegleTekst",
                    null);
        }
        UUID facet = null;
        Element relations = Dom.child(registration, KLASSE, "RelationListe");
        Element f = relations == null ? null : Dom.child(relations, SD, "Facet");
        Element ref = f == null ? null : Dom.child(f, SD, "ReferenceID");
        Element fid = ref == null ? null : Dom.child(ref, SD, "UUIDIdentifikator");
        if (fid != null) {
            facet = uuid(fid.getTextContent(), "RelationListe.Facet.ReferenceID.UUIDIdentifikator");
        }
        Instant from = null;
        Instant to = null;
        Element states = Dom.child(registration, KLASSE, "TilstandListe");
        if (states != null) {
            for (Element s : Dom.children(states)) {
                if ("true".equals(trimmed(Dom.childText(s, SD, "ErPubliceretIndikator")))) {
                    Element virkning = Dom.child(s, SD, "Virkning");
                    if (virkning != null) {
                        from = instant(Dom.child(virkning, SD, "FraTidspunkt"), "Virkning.FraTidspunkt");
                        to = instant(Dom.child(virkning, SD, "TilTidspunkt"), "Virkning.TilTidspunkt");
                    }
                    break;
                }
            }
        }
        return new Classification(uuid, key, title, facet, from, to);
    }

    private static String trimmed(String s) {
        return s == null ? null : s.trim();
    }
}

package dk.rammearkitektur.clients.stoettesystemer.internal;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.model.Validity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.w3c.dom.Element;

/**
 * Reading the parts every LoRa (sagdok 3) reply of the support systems shares: the output element's name,
 * {@code StandardRetur}, UUIDs and {@code TidspunktType} instants. Shape errors are {@link ReplyShapeException}s.
 */
final class LoraReplies {
    /** The common LoRa (sagdok 3) namespace. */
    static final String SD = "urn:oio:sagdok:3.0.0";
    /** {@code StandardRetur/StatusKode} of a successful call. */
    static final String OK = "20";
    /** The general definitions (relations). */
    static final String GD = "urn:oio:sts:generelledefinitioner:6";
    private static final Pattern UUID_FORM = Pattern.compile(
            "[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{4}-[a-fA-F0-9]{12}");

    private LoraReplies() {
    }

    /** Refuses a reply element other than {@code {ns}local}. */
    static void expect(Element out, String ns, String local) {
        if (!ns.equals(out.getNamespaceURI()) || !local.equals(out.getLocalName())) {
            throw new ReplyShapeException("reply is {" + out.getNamespaceURI() + "}" + out.getLocalName()
                    + ", expected " + local, null);
        }
    }

    /** {@code StandardRetur/StatusKode}: 20 is OK; anything else is a fault with the code and FejlbeskedTekst. */
    static void checkStatus(Element out, ServiceCall call) {
        Element retur = require(Dom.child(out, SD, "StandardRetur"), "StandardRetur");
        String status = require(Dom.child(retur, SD, "StatusKode"), "StandardRetur.StatusKode").getTextContent().trim();
        if (!OK.equals(status)) {
            if (!status.matches("-?[0-9]{1,9}")) {
                throw new ReplyShapeException("StandardRetur.StatusKode is not an integer", null);
            }
            Element text = Dom.child(retur, SD, "FejlbeskedTekst");
            throw new ServiceFaultException(call, status, text == null ? null : text.getTextContent());
        }
    }

    /** The UUIDs of {@code out}'s {@code IdListe} (a {@code SoegOutput}; none when absent). */
    static List<UUID> idList(Element out) {
        List<UUID> ids = new ArrayList<>();
        Element list = Dom.child(out, SD, "IdListe");
        if (list != null) {
            for (Element id : Dom.children(list)) {
                if (SD.equals(id.getNamespaceURI()) && "UUIDIdentifikator".equals(id.getLocalName())) {
                    ids.add(uuid(id.getTextContent(), "IdListe.UUIDIdentifikator"));
                }
            }
        }
        return ids;
    }

    /** A {@code TidspunktType}: its {@code TidsstempelDatoTid}, or null for a {@code GraenseIndikator} or absence. */
    static Instant instant(Element tidspunkt, String path) {
        if (tidspunkt == null) {
            return null;
        }
        String stamp = Dom.childText(tidspunkt, SD, "TidsstempelDatoTid");
        return stamp == null ? null : instant(stamp, path);
    }

    /** An {@code xs:dateTime}; one without an offset is read as UTC. */
    static Instant instant(String stamp, String path) {
        try {
            return OffsetDateTime.parse(stamp.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(stamp.trim()).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new ReplyShapeException(path + " is not a dateTime", e2);
            }
        }
    }

    /** The UUID in {@code text}; a {@link ReplyShapeException} naming {@code path} when it is not one. */
    static UUID uuid(String text, String path) {
        String t = text == null ? "" : text.trim();
        if (!UUID_FORM.matcher(t).matches()) {
            throw new ReplyShapeException(path + " is not a UUID", null);
        }
        return UUID.fromString(t);
    }

    /** {@code e}, or a {@link ReplyShapeException} saying the reply has no {@code path}. */
    static Element require(Element e, String path) {
        if (e == null) {
            throw new ReplyShapeException("reply has no " + path, null);
        }
        return e;
    }

    /**
     * The value {@code read} gives, or null when the element cannot be read: another system's case may carry a
     * relation, state or property the SDK cannot read (the index enforces few of the rules, Vejledning section 8; a
     * virkning ending where it starts cancels the relation), and one such element must not hide the whole case.
     */
    static <T> T readable(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ReplyShapeException | dk.rammearkitektur.core.ValidationException e) {
            return null;
        }
    }

    /** A {@code gd:RelationType} as an {@link IndexRelation} whose kind is the element's local name. */
    static IndexRelation relation(Element r, Function<UUID, String> roleNames) {
        String kind = r.getLocalName();
        UUID role = unikUuid(Dom.child(r, GD, "Rolle"), kind + ".Rolle");
        UUID type = unikUuid(Dom.child(r, GD, "Type"), kind + ".Type");
        Element ref = require(Dom.child(r, GD, "ReferenceID"), kind + ".ReferenceID");
        String reference = Dom.childText(ref, SD, "UUIDIdentifikator");
        if (reference == null) {
            reference = Dom.childText(ref, SD, "URNIdentifikator");
        }
        if (reference == null || reference.isBlank()) {
            throw new ReplyShapeException(kind + ".ReferenceID holds neither a UUID nor a URN", null);
        }
        String index = Dom.childText(r, GD, "Indeks");
        Validity validity = validity(Dom.child(r, GD, "Virkning"), kind + ".Virkning");
        return new IndexRelation(kind, role, role == null ? null : roleNames.apply(role), type,
                index == null ? null : index.trim(), reference.trim(), validity);
    }

    static UUID unikUuid(Element unik, String path) {
        if (unik == null) {
            return null;
        }
        String u = Dom.childText(unik, SD, "UUIDIdentifikator");
        return u == null ? null : uuid(u, path + ".UUIDIdentifikator");
    }

    /** A virkning; a missing one or a missing start is a reply the SDK cannot read. */
    static Validity validity(Element virkning, String path) {
        require(virkning, path);
        String fromPath = path + ".FraTidspunkt";
        Instant s = instant(require(Dom.child(virkning, SD, "FraTidspunkt"), fromPath), fromPath);
        if (s == null) {
            throw new ReplyShapeException(path + ".FraTidspunkt has no TidsstempelDatoTid", null);
        }
        Instant e = instant(Dom.child(virkning, SD, "TilTidspunkt"), path + ".TilTidspunkt");
        if (e != null && !e.isAfter(s)) {
            throw new ReplyShapeException(path + " ends before it starts", null);
        }
        return e == null ? Validity.from(s) : Validity.of(s, e);
    }

    /** The UUID of a {@code FiltreretOejebliksbillede}'s {@code {ns}ObjektType}. */
    static UUID objectId(Element snapshot, String ns, String what) {
        Element objekt = require(Dom.child(snapshot, ns, "ObjektType"), what + ".ObjektType");
        String path = "ObjektType.UUIDIdentifikator";
        return uuid(require(Dom.child(objekt, SD, "UUIDIdentifikator"), path).getTextContent(), path);
    }

    /** The last child {@code {ns}local} of {@code parent} (the newest {@code Registrering}), or null. */
    static Element last(Element parent, String ns, String local) {
        Element found = null;
        for (Element e : Dom.children(parent)) {
            if (ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                found = e;
            }
        }
        return found;
    }

    /** A registration's {@code sd:Tidspunkt}, or null. */
    static Instant registeredAt(Element registration) {
        String t = Dom.childText(registration, SD, "Tidspunkt");
        return t == null ? null : instant(t, "Registrering.Tidspunkt");
    }
}

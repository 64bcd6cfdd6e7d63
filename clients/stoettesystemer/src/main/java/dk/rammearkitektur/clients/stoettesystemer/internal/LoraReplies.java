package dk.rammearkitektur.clients.stoettesystemer.internal;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
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
}

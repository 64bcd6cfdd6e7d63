package dk.rammearkitektur.clients.common.events.internal;

import static dk.rammearkitektur.clients.common.events.internal.Namespaces.SAGDOK;

import dk.rammearkitektur.clients.common.events.EventTime;
import dk.rammearkitektur.core.ValidationException;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.UUID;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Reads the envelope's leaf types: text, {@code sd:UnikIdType}, {@code orgfaelles:AktoerType}, {@code sd:TidspunktType}
 * and the delivery attempt count. A date-time without an offset is read as Danish time.
 */
final class Leaves {
    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private Leaves() {
    }

    /** The text of an element that must hold no elements. */
    static String text(Element e, String path) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                throw new ValidationException(path, "must hold text only");
            }
        }
        return Values.text(e.getTextContent(), path, false);
    }

    /** A {@code sd:UnikIdType}: a {@code UUIDIdentifikator} (lower-cased) or a {@code URNIdentifikator} (as given). */
    static String unikId(Element e, String path) {
        Children c = new Children(e, path);
        Element uuid = c.optional(SAGDOK, "UUIDIdentifikator");
        Element urn = uuid == null ? c.optional(SAGDOK, "URNIdentifikator") : null;
        c.end();
        if (uuid != null) {
            return Values.uuid(text(uuid, c.path("UUIDIdentifikator")), c.path("UUIDIdentifikator"));
        }
        if (urn != null) {
            return Values.urn(text(urn, c.path("URNIdentifikator")), c.path("URNIdentifikator"));
        }
        throw new ValidationException(path, "must hold a UUIDIdentifikator or a URNIdentifikator");
    }

    /** An {@code AktoerType}: its {@code UUIDIdentifikator}. */
    static UUID actor(Element e, String path) {
        Children c = new Children(e, path);
        Element uuid = c.one(SAGDOK, "UUIDIdentifikator");
        c.end();
        return UUID.fromString(Values.uuid(text(uuid, c.path("UUIDIdentifikator")), c.path("UUIDIdentifikator")));
    }

    /** A {@code sd:TidspunktType}: a {@code TidsstempelDatoTid} or a {@code GraenseIndikator}. */
    static EventTime time(Element e, String path) {
        Children c = new Children(e, path);
        Element stamp = c.optional(SAGDOK, "TidsstempelDatoTid");
        Element boundary = stamp == null ? c.optional(SAGDOK, "GraenseIndikator") : null;
        c.end();
        if (stamp != null) {
            return dateTime(text(stamp, c.path("TidsstempelDatoTid")), c.path("TidsstempelDatoTid"));
        }
        if (boundary != null) {
            return EventTime.boundary(bool(text(boundary, c.path("GraenseIndikator")), c.path("GraenseIndikator")));
        }
        throw new ValidationException(path, "must hold a TidsstempelDatoTid or a GraenseIndikator");
    }

    /** {@code AntalLeveranceforsoeg}: a count from 0 to {@link Integer#MAX_VALUE}. */
    static Integer count(Element e, String path) {
        String s = text(e, path).strip();
        try {
            int n = Integer.parseInt(s);
            if (n < 0) {
                throw new ValidationException(path, "must not be negative");
            }
            return n;
        } catch (NumberFormatException x) {
            throw new ValidationException(path, "must be an integer from 0 to " + Integer.MAX_VALUE);
        }
    }

    private static EventTime dateTime(String text, String path) {
        OffsetDateTime value;
        try {
            TemporalAccessor t = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.strip(), OffsetDateTime::from, LocalDateTime::from);
            value = t instanceof OffsetDateTime o ? o : ((LocalDateTime) t).atZone(DANISH_TIME).toOffsetDateTime();
        } catch (DateTimeException x) {
            throw new ValidationException(path, "must be an xs:dateTime");
        }
        try {
            return EventTime.of(value);
        } catch (ValidationException x) {
            throw new ValidationException(path, x.violations().get(0).rule());
        }
    }

    private static boolean bool(String text, String path) {
        return switch (text.strip()) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new ValidationException(path, "must be true or false");
        };
    }
}

package dk.rammearkitektur.clients.digitalpost.internal;

import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** Parses the platform's replies: the synchronous {@code kombi_response} and the later {@code PKO_PostStatus}. */
public final class Replies {
    /** The namespace of PKO_PostStatus. */
    public static final String POST_STATUS_NS = "http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types";
    /** The zone of platform times given without an offset. */
    static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");

    private static final Set<String> RECEIPT_LEAVES = Set.of("result", "transmissionid", "advisid", "advistekst", "fejlid",
            "fejlkode", "fejltekst");
    private static final Set<String> STATUS_LEAVES = Set.of("transmissionid", "messageuuid", "messageid",
            "afsendelseidentifikator", "kanalkode", "transaktionsdatotid", "transaktionsstatuskode", "correlationid",
            "fejlkode", "fejltekst", "forsendelseidentifikator", "brugernavn", "enhedtekst", "afsendersystemidentifikator",
            "forsendelsetypeidentifikator");

    private Replies() {
    }

    /** Parses a {@code kombi_response}. */
    public static SendReceipt sendReceipt(InputStream in) {
        Objects.requireNonNull(in, "in == null");
        Map<String, String> values = new HashMap<>();
        List<SendReceipt.Advice> advices = new ArrayList<>();
        String[] advice = null;
        try {
            XMLStreamReader r = SecureXml.createStreamReader(in);
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName().toLowerCase(Locale.ROOT);
                    if (name.equals("advis")) {
                        advice = new String[2];
                    } else if (RECEIPT_LEAVES.contains(name)) {
                        String text = r.getElementText().strip();
                        boolean id = name.equals("advisid");
                        if (id || name.equals("advistekst")) {
                            if (advice != null) {
                                advice[id ? 0 : 1] = text;
                            } else {
                                advices.add(new SendReceipt.Advice(id ? text : null, id ? null : text));
                            }
                        } else {
                            values.putIfAbsent(name, text);
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && r.getLocalName().equalsIgnoreCase("advis") && advice != null) {
                    advices.add(new SendReceipt.Advice(advice[0], advice[1]));
                    advice = null;
                }
            }
        } catch (XMLStreamException | XmlParseException e) {
            throw new XmlParseException("the SF1601 reply is not readable XML: " + e.getMessage(), e);
        }
        String result = values.get("result");
        if (result == null) {
            throw new XmlParseException("the SF1601 reply has no Result", null);
        }
        boolean accepted = result.equalsIgnoreCase("true") || result.equals("1");
        String code = null;
        String text = null;
        if (!accepted) {
            code = values.getOrDefault("fejlid", values.get("fejlkode"));
            text = values.get("fejltekst");
            if (text == null && !advices.isEmpty()) {
                text = advices.get(0).text();
            }
        }
        String transmission = values.get("transmissionid");
        return new SendReceipt(accepted, transmission == null || transmission.isEmpty() ? null : transmission, advices, code, text);
    }

    /** Parses a {@code PKO_PostStatus}. */
    public static DeliveryStatus deliveryStatus(InputStream in) {
        Objects.requireNonNull(in, "in == null");
        Map<String, String> values = new HashMap<>();
        List<String[]> events = new ArrayList<>();
        Violations v = Violations.at("deliveryStatus");
        try {
            XMLStreamReader r = SecureXml.createStreamReader(in);
            r.nextTag();
            if (!"PKO_PostStatus".equals(r.getLocalName())) {
                throw new ValidationException("deliveryStatus", "must be a PKO_PostStatus element");
            }
            String[] event = null;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    String name = r.getLocalName().toLowerCase(Locale.ROOT);
                    if (name.equals("forsendelsehaendelse")) {
                        event = new String[3];
                    } else if (event != null && (name.endsWith("typekode") || name.endsWith("datotid") || name.endsWith("beloeb"))) {
                        event[name.endsWith("typekode") ? 0 : name.endsWith("datotid") ? 1 : 2] = r.getElementText().strip();
                    } else if (event == null && STATUS_LEAVES.contains(name)) {
                        values.putIfAbsent(name, r.getElementText().strip());
                    }
                } else if (e == XMLStreamConstants.END_ELEMENT && event != null
                        && r.getLocalName().equalsIgnoreCase("ForsendelseHaendelse")) {
                    events.add(event);
                    event = null;
                }
            }
        } catch (XMLStreamException e) {
            throw new XmlParseException("PKO_PostStatus could not be read: " + e.getMessage(), e);
        }
        String status = values.get("transaktionsstatuskode");
        v.require(status != null && !status.isEmpty(), "statusText", "must be present (TransaktionsStatusKode)");
        UUID uuid = null;
        String uuidText = values.get("messageuuid");
        if (uuidText != null && !uuidText.isEmpty()) {
            try {
                uuid = UUID.fromString(uuidText);
            } catch (IllegalArgumentException e) {
                v.add("messageUuid", "must be a UUID");
            }
        }
        Instant time = time(v, "time", values.get("transaktionsdatotid"));
        List<DeliveryStatus.PrintEvent> printEvents = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String[] e = events.get(i);
            printEvents.add(new DeliveryStatus.PrintEvent(blankToNull(e[0]), time(v, "print.events[" + i + "].time", e[1]),
                    blankToNull(e[2])));
        }
        v.throwIfAny();
        String code = blankToNull(values.get("fejlkode"));
        String text = blankToNull(values.get("fejltekst"));
        // Public receivers treat non-empty failure details as a failure, whatever the status text says.
        DeliveryStatus.Kind kind = code != null || text != null ? DeliveryStatus.Kind.FAILED : DeliveryStatus.Kind.of(status);
        DeliveryStatus.PrintDetails print = null;
        String[] printFields = {values.get("forsendelseidentifikator"), values.get("brugernavn"), values.get("enhedtekst"),
            values.get("afsendersystemidentifikator"), values.get("forsendelsetypeidentifikator")};
        if (!printEvents.isEmpty() || java.util.Arrays.stream(printFields).anyMatch(f -> blankToNull(f) != null)) {
            print = new DeliveryStatus.PrintDetails(blankToNull(printFields[0]), blankToNull(printFields[1]),
                    blankToNull(printFields[2]), blankToNull(printFields[3]), blankToNull(printFields[4]), printEvents);
        }
        return new DeliveryStatus(kind, status, blankToNull(values.get("kanalkode")),
                blankToNull(values.get("transmissionid")), uuid, blankToNull(values.get("messageid")),
                blankToNull(values.get("afsendelseidentifikator")), time, blankToNull(values.get("correlationid")), code, text,
                print);
    }

    private static Instant time(Violations v, String path, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant t = instant(text);
        v.require(t != null, path, "must be a date-time such as 2025-03-03T12:00:00Z");
        return t;
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).atZone(DANISH_TIME).toInstant();
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}

package dk.rammearkitektur.testkit.digitalpost.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The platform's own rules for a MeMo message and a print part, written independently of the client: what the XSD
 * cannot say (NemSMS shape, https-only action links, forbidden file-name characters, identifier formats) and, when
 * the XSDs are not available, the most important structural rules.
 */
public final class MemoChecks {
    private static final Pattern UUID_V4 =
            Pattern.compile("[a-fA-F0-9]{8}-[a-fA-F0-9]{4}-4[a-fA-F0-9]{3}-[aAbB89][a-fA-F0-9]{3}-[a-fA-F0-9]{12}");
    private static final Pattern UUID_TYPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern CPR = Pattern.compile("((((0[1-9]|[12][0-9]|3[01])(01|03|05|07|08|10|12))"
            + "|((0[1-9]|[12][0-9]|30)(04|06|09|11))|((0[1-9]|[12][0-9])02))[0-9]{6})|0000000000");

    private MemoChecks() {
    }

    /** The text of the first descendant named {@code local} (any namespace), or null. */
    public static String text(Element e, String local) {
        Element d = first(e, local);
        return d == null ? null : d.getTextContent().strip();
    }

    /** The exact (unstripped) text of the first descendant named {@code local} (any namespace), or null. */
    public static String rawText(Element e, String local) {
        Element d = first(e, local);
        return d == null ? null : d.getTextContent();
    }

    /** The first descendant named {@code local} (any namespace), or null. */
    public static Element first(Element e, String local) {
        NodeList l = e.getElementsByTagNameNS("*", local);
        return l.getLength() == 0 ? null : (Element) l.item(0);
    }

    /** Every descendant named {@code local} (any namespace). */
    public static List<Element> all(Element e, String local) {
        NodeList l = e.getElementsByTagNameNS("*", local);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < l.getLength(); i++) {
            out.add((Element) l.item(i));
        }
        return out;
    }

    /** Checks a MeMo message; returns each broken rule as a readable detail. */
    public static List<String> memo(Element message, boolean schemaChecked) {
        List<String> found = new ArrayList<>();
        String version = message.getAttribute("memoVersion").strip();
        if (!version.equals("1.1") && !version.equals("1.2")) {
            found.add("memoVersion must be 1.1 or 1.2");
        }
        if (version.equals("1.1") && message.getAttribute("memoSchVersion").isBlank()) {
            found.add("memoSchVersion is required in MeMo 1.1");
        }
        Element header = first(message, "MessageHeader");
        if (header == null) {
            found.add("MessageHeader is missing");
            return found;
        }
        String type = text(header, "messageType");
        String uuid = childText(header, "messageUUID");
        if (uuid == null || !UUID_V4.matcher(uuid).matches()) {
            found.add("MessageHeader.messageUUID must be a version 4 UUID");
        }
        String label = childText(header, "label");
        if (label == null || label.isBlank() || label.length() > 256) {
            found.add("MessageHeader.label must be 1 to 256 characters");
        }
        String notification = childText(header, "notification");
        if (notification != null && notification.length() > 150) {
            found.add("MessageHeader.notification must be at most 150 characters");
        }
        Element recipient = first(header, "Recipient");
        if (recipient == null) {
            found.add("MessageHeader.Recipient is missing");
        } else {
            String idType = childText(recipient, "idType");
            String id = childText(recipient, "recipientID");
            if ("CPR".equals(idType)) {
                check(found, id != null && id.matches("\\d{10}"), "Recipient.recipientID must be a CPR number of 10 digits");
            } else if ("CVR".equals(idType)) {
                check(found, id != null && id.matches("\\d{8}"), "Recipient.recipientID must be a CVR number of 8 digits");
            } else {
                found.add("Recipient.idType must be CPR or CVR");
            }
        }
        check(found, first(header, "Sender") != null, "MessageHeader.Sender is missing");
        Element body = first(message, "MessageBody");
        if ("NEMSMS".equals(type)) {
            check(found, body == null, "a NemSMS message must not have a MessageBody");
            check(found, notification != null && !notification.isBlank(), "a NemSMS message needs its text in notification");
            check(found, recipient == null || "CPR".equals(childText(recipient, "idType")), "NemSMS goes to CPR recipients only");
        } else if ("DIGITALPOST".equals(type)) {
            check(found, body != null, "a Digital Post message needs a MessageBody");
        } else {
            found.add("MessageHeader.messageType must be DIGITALPOST or NEMSMS");
        }
        if (body != null) {
            check(found, all(body, "MainDocument").size() == 1, "MessageBody must hold exactly one MainDocument");
            for (Element file : all(body, "File")) {
                String name = childText(file, "filename");
                if (name == null || name.isEmpty() || name.length() > 256) {
                    found.add("File.filename must be 1 to 256 characters");
                } else if (forbiddenFilename(name)) {
                    found.add("File.filename must not contain < > : \" / \\ | ? *, line breaks or special spaces");
                }
                check(found, childText(file, "encodingFormat") != null, "File.encodingFormat is missing");
                check(found, first(file, "content") != null, "File.content is missing");
            }
            for (Element action : all(body, "Action")) {
                String code = childText(action, "actionCode");
                // The XSD leaves actionCode free text; the eight codes are DIGST guidance, so another code is not refused.
                check(found, code != null && !code.isEmpty(), "Action.actionCode must be present");
                Element entry = first(action, "EntryPoint");
                if (entry != null) {
                    String url = text(entry, "url");
                    check(found, url != null && url.startsWith("https://") && url.length() > 8,
                            "Action.EntryPoint.url must be an absolute https:// URI");
                }
            }
        }
        if (!schemaChecked) {
            for (String local : List.of("createdDateTime", "replyByDateTime", "startDateTime", "endDateTime",
                    "originalMessageDateTime")) {
                for (Element e : all(message, local)) {
                    check(found, e.getTextContent().strip().endsWith("Z"), local + " must be UTC with a literal Z");
                }
            }
        }
        return found;
    }

    /**
     * Checks a print part (ForsendelseI). With {@code schemaChecked} false (the published Fjernprint XSD was not
     * found) the schema's main rules are checked here: required elements, lengths, patterns and code lists.
     */
    public static List<String> print(Element forsendelse, boolean schemaChecked) {
        List<String> found = new ArrayList<>();
        String cpr = text(forsendelse, "CPRnummerIdentifikator");
        // The convention public senders follow: the CPR placeholder names no one, so the letter needs an address.
        check(found, !"0000000000".equals(cpr) || first(forsendelse, "ModtagerAdresse") != null,
                "the CPR placeholder 0000000000 needs a ModtagerAdresse");
        if (schemaChecked) {
            return found;
        }
        String id = text(forsendelse, "AfsendelseIdentifikator");
        check(found, id != null && !id.isEmpty() && id.length() <= 38, "AfsendelseIdentifikator must be 1 to 38 characters");
        String format = childText(forsendelse, "FilformatNavn");
        check(found, format != null && format.length() <= 10, "FilformatNavn must be present, at most 10 characters");
        check(found, first(forsendelse, "MeddelelseIndholdData") != null, "MeddelelseIndholdData is missing");
        check(found, first(forsendelse, "DokumentParametre") != null, "DokumentParametre is missing");
        check(found, cpr == null || CPR.matcher(cpr).matches(), "CPRnummerIdentifikator must be a CPR number or 0000000000");
        String cvr = text(forsendelse, "CVRnummerIdentifikator");
        check(found, cvr == null || cvr.length() == 8, "CVRnummerIdentifikator must be 8 characters");
        // ModtagerAdresse and the sender's AfsenderAdresse (in KanalUafhaengigeParametreI/ForsendelseAfsender) share
        // the schema's KontaktOplysningType.
        for (String contact : List.of("ModtagerAdresse", "AfsenderAdresse")) {
            Element address = first(forsendelse, contact);
            if (address != null) {
                contact(found, contact, address);
            }
        }
        Element digitalPost = first(forsendelse, "DigitalPostParametre");
        if (digitalPost != null) {
            check(found, first(digitalPost, "MedsendDokumentRegistreringIndikator") != null,
                    "DigitalPostParametre.MedsendDokumentRegistreringIndikator is missing");
            code(found, digitalPost, "MeddelelseSvarTypeNavn", Set.of("angivet", "ikkeMuligt", "standard"));
            for (String number : List.of("MeddelelseIndholdstypeIdentifikator", "MeddelelseSvarPostkasseIdentifikator",
                    "MeddelelseSvarEmneIdentifikator")) {
                String n = text(digitalPost, number);
                check(found, n == null || n.matches("\\+?[0-9]+"), number + " must be a whole number, 0 or more");
            }
            for (String uuid : List.of("FESDdokumentIdentifikator", "FESDaktoerIdentifikator", "FESDsagIdentifikator",
                    "FESDsagsklassifikationIdentifikator")) {
                String u = text(digitalPost, uuid);
                check(found, u == null || UUID_TYPE.matcher(u).matches(), uuid + " must be a lower-case UUID");
            }
        }
        List<Element> bilag = all(forsendelse, "Bilag");
        check(found, bilag.size() <= 100, "BilagSamling must hold at most 100 Bilag");
        for (Element b : bilag) {
            length(found, b, "BilagNavn", 0, 300, true);
            check(found, first(b, "BilagSorteringsIndeksIdentifikator") != null, "Bilag.BilagSorteringsIndeksIdentifikator is missing");
        }
        Element channelFree = first(forsendelse, "KanalUafhaengigeParametreI");
        if (channelFree != null) {
            length(found, channelFree, "BrugerNavn", 1, 2000, true);
        }
        code(found, forsendelse, "SimplexDuplexKode", Set.of("Simplex", "Duplex"));
        code(found, forsendelse, "FarveSHKode", Set.of("SH", "Farve"));
        code(found, forsendelse, "KuvertTypeKode", Set.of("C4", "C5", "MA"));
        code(found, forsendelse, "PostKategoriKode", Set.of("Prioritaire", "Economique", "Bulk", "Rekommanderet",
                "Rekommanderet med modtagerbevis", "Forkyndelse"));
        code(found, forsendelse, "KanalKode", Set.of("Digital Post", "Fysisk Post"));
        return found;
    }

    /** The main rules of a KontaktOplysningType address. */
    private static void contact(List<String> found, String name, Element address) {
        length(found, address, "PersonName", 1, 130, true);
        check(found, first(address, "CountryIdentificationCode") != null, name + ".CountryIdentificationCode is missing");
        String post = text(address, "PostCodeIdentifier");
        check(found, post == null || post.matches("[0-9]{4}"), name + ".PostCodeIdentifier must be 4 digits");
        if (first(address, "PostalAddressFirstLineText") == null) {
            length(found, address, "StreetName", 1, 40, true);
            check(found, first(address, "StreetBuildingIdentifier") != null, name + ".StreetBuildingIdentifier is missing");
            check(found, post != null, name + ".PostCodeIdentifier is missing");
        }
    }

    private static void length(List<String> found, Element parent, String local, int min, int max, boolean required) {
        String value = rawText(parent, local);
        if (value == null) {
            check(found, !required, local + " is missing");
        } else {
            check(found, value.length() >= min && value.length() <= max, local + " must be " + min + " to " + max + " characters");
        }
    }

    private static void code(List<String> found, Element parent, String local, Set<String> codes) {
        for (Element e : all(parent, local)) {
            check(found, codes.contains(e.getTextContent()), local + " must be one of " + codes);
        }
    }

    /** True when {@code name} holds a character Digital Post refuses in file names. */
    public static boolean forbiddenFilename(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if ("<>:\"/\\|?*\r\n\u00a0\u2028\u205f\u2060\u3000".indexOf(c) >= 0 || (c >= '\u2000' && c <= '\u200a')) {
                return true;
            }
        }
        return false;
    }

    private static String childText(Element parent, String local) {
        for (Element k : KombiReader.kids(parent)) {
            if (local.equals(k.getLocalName())) {
                return k.getTextContent().strip();
            }
        }
        return null;
    }

    private static void check(List<String> found, boolean ok, String rule) {
        if (!ok) {
            found.add(rule);
        }
    }
}

package dk.rammearkitektur.clients.digitalpost.internal;

import dk.rammearkitektur.clients.digitalpost.ChannelChoice;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.core.Violations;
import java.util.List;
import java.util.regex.Pattern;
import dk.rammearkitektur.clients.digitalpost.memo.internal.MemoRules;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Texts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.clients.digitalpost.PrintAddress;

/** The rules of an SF1601 {@code kombi_request}; paths under {@code kombiRequest}. */
public final class KombiRules {
    /** Longest AfsendelseIdentifikator. */
    public static final int SHIPMENT_ID_MAX = 38;
    /** Longest FilformatNavn. */
    public static final int FILE_FORMAT_MAX = 10;
    /** SimplexDuplexKode values. */
    public static final List<String> SIDES = List.of("Simplex", "Duplex");
    /** FarveSHKode values. */
    public static final List<String> COLOURS = List.of("SH", "Farve");
    /** KuvertTypeKode values. */
    public static final List<String> ENVELOPES = List.of("C4", "C5", "MA");

    /** KvitteringsTypeKode values. */
    public static final List<String> RECEIPT_TYPES = List.of("Alle", "Ingen", "Kun fejl");
    /** MeddelelseSvarTypeNavn values of the digital post parameters. */
    public static final List<String> REPLY_TYPES = List.of("angivet", "ikkeMuligt", "standard");
    /** KanalKode values of the channel-independent parameters. */
    public static final List<String> PRINT_CHANNELS = List.of("Digital Post", "Fysisk Post");

    // The limits and patterns below are those of the published Fjernprint schema's element types.
    private static final int NAME_MAX = 130;
    private static final int STREET_MAX = 40;
    private static final int SUBLOCATION_MAX = 34;
    private static final int LINE_MAX = 34;
    private static final int LONG_TEXT_MAX = 2000;
    private static final int ATTACHMENT_NAME_MAX = 300;
    private static final Pattern ALPHA2 = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern POST_CODE = Pattern.compile("[0-9]{4}");
    private static final Pattern HOUSE_NUMBER = Pattern.compile("[1-9][0-9]{0,2}[A-Z]?");
    private static final Pattern FLOOR = Pattern.compile("[1-9]|[1-9][0-9]|KL|ST|kl|st|k[2-9]|K[2-9]");
    private static final Pattern CPR = Pattern.compile("((((0[1-9]|1[0-9]|2[0-9]|3[0-1])(01|03|05|07|08|10|12))"
            + "|((0[1-9]|1[0-9]|2[0-9]|30)(04|06|09|11))|((0[1-9]|1[0-9]|2[0-9])(02)))[0-9]{6})|0000000000");
    private static final Pattern UUID_TYPE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern EMAIL = Pattern.compile("[^>()\\[\\]\\\\,;:@\\s]{0,191}@[^>()\\[\\]\\\\,;:@\\s]{1,64}");
    private static final String PRESENT = "must be present";

    private final Violations v = Violations.at("kombiRequest");

    private KombiRules() {
    }

    /** Checks a request; throws one ValidationException listing every violation. */
    public static void check(ChannelChoice channel, MemoMessage memo, PrintShipment print) {
        KombiRules r = new KombiRules();
        r.request(channel, memo, print);
        r.v.throwIfAny();
    }

    private void request(ChannelChoice channel, MemoMessage memo, PrintShipment print) {
        if (!v.require(channel != null, "channel", PRESENT)) {
            return;
        }
        switch (channel) {
            case DIGITAL_POST, AUTOMATIC -> {
                if (v.require(memo != null, "memo", "must be present for " + channel.code())) {
                    v.require(!memo.isNemSms(), "memo.header.messageType", "must be DIGITALPOST for " + channel.code());
                }
                if (channel == ChannelChoice.DIGITAL_POST) {
                    v.require(print == null, "print", "must be absent for Digital Post");
                }
            }
            case NEMSMS -> {
                if (v.require(memo != null, "memo", "must be present for NemSMS")) {
                    v.require(memo.header().messageType() == MessageType.NEMSMS, "memo.header.messageType", "must be NEMSMS for NemSMS");
                }
                v.require(print == null, "print", "must be absent for NemSMS");
            }
            default -> {
                v.require(memo == null, "memo", "must be absent for Fysisk Post");
                v.require(print != null, "print", "must be present for Fysisk Post");
            }
        }
        if (print != null) {
            print(print);
        }
    }

    private void print(PrintShipment p) {
        text("print.shipmentId", p.shipmentId(), true, SHIPMENT_ID_MAX);
        v.require(p.shipmentTypeId() == null || p.shipmentTypeId() > 0, "print.shipmentTypeId", "must be positive");
        if (p.recipientId() != null || p.recipientIdType() != null) {
            if (Recipient.ID_TYPE_CPR.equals(p.recipientIdType())) {
                v.require(p.recipientId() != null && CPR.matcher(p.recipientId()).matches(), "print.recipientId",
                        "must be a CPR number of 10 digits starting with a valid day and month, or 0000000000");
                v.require(!PrintShipment.CPR_PLACEHOLDER.equals(p.recipientId()) || p.address() != null, "print.address",
                        "must be present when the recipient is the CPR placeholder 0000000000");
            } else if (Recipient.ID_TYPE_CVR.equals(p.recipientIdType())) {
                v.require(p.recipientId() != null && p.recipientId().matches("\\d{8}"), "print.recipientId",
                        "must be a CVR number of 8 digits");
            } else {
                v.add("print.recipientIdType", "must be CPR or CVR");
            }
        }
        if (p.address() != null) {
            address("print.address", p.address());
        }
        text("print.fileFormat", p.fileFormat(), true, FILE_FORMAT_MAX);
        v.require(p.content() != null, "print.content", PRESENT);
        text("print.title", p.title(), false, MemoRules.TEXT_MAX);
        text("print.documentUuid", p.documentUuid(), false, MemoRules.TEXT_MAX);
        PrintShipment.TransactionParameters t = p.transaction();
        if (t != null) {
            text("print.transaction.massShipmentId", t.massShipmentId(), false, SHIPMENT_ID_MAX);
            v.require(t.massShipmentId() == null || !t.massShipmentId().isEmpty(), "print.transaction.massShipmentId",
                    "must not be empty");
            v.require(t.receiptType() == null || RECEIPT_TYPES.contains(t.receiptType()), "print.transaction.receiptType",
                    "must be one of " + RECEIPT_TYPES);
            v.require(t.receiptEmail() == null || EMAIL.matcher(t.receiptEmail()).matches(), "print.transaction.receiptEmail",
                    "must be an e-mail address");
        }
        PrintShipment.SenderDetails d = p.senderDetails();
        if (d != null) {
            text("print.senderDetails.unit", d.unit(), false, LONG_TEXT_MAX);
            text("print.senderDetails.userName", d.userName(), true, LONG_TEXT_MAX);
            text("print.senderDetails.accountingGroup", d.accountingGroup(), false, LONG_TEXT_MAX);
            if (d.senderAddress() != null) {
                address("print.senderDetails.senderAddress", d.senderAddress());
            }
            v.require(d.channel() == null || PRINT_CHANNELS.contains(d.channel()), "print.senderDetails.channel",
                    "must be one of " + PRINT_CHANNELS);
        }
        PrintShipment.PrintOptions o = p.printOptions();
        if (o != null) {
            v.require(o.sides() == null || SIDES.contains(o.sides()), "print.printOptions.sides", "must be one of " + SIDES);
            v.require(o.colour() == null || COLOURS.contains(o.colour()), "print.printOptions.colour", "must be one of " + COLOURS);
            v.require(o.envelope() == null || ENVELOPES.contains(o.envelope()), "print.printOptions.envelope",
                    "must be one of " + ENVELOPES);
        }
        if (p.digitalPostParameters() != null) {
            digitalPost("print.digitalPostParameters", p.digitalPostParameters());
        }
        v.require(p.attachments().size() <= PrintShipment.MAX_ATTACHMENTS, "print.attachments",
                "must hold at most " + PrintShipment.MAX_ATTACHMENTS + " attachments (BilagSamling)");
        for (int i = 0; i < p.attachments().size(); i++) {
            String at = "print.attachments[" + i + "]";
            PrintShipment.Attachment a = p.attachments().get(i);
            if (!v.require(a != null, at, PRESENT)) {
                continue;
            }
            text(at + ".name", a.name(), true, ATTACHMENT_NAME_MAX);
            text(at + ".fileFormat", a.fileFormat(), true, FILE_FORMAT_MAX);
            v.require(a.sortIndex() >= 0, at + ".sortIndex", "must be 0 or more");
            v.require(a.content() != null, at + ".content", PRESENT);
        }
    }

    private void digitalPost(String p, PrintShipment.DigitalPostParameters d) {
        for (Object[] n : new Object[][] {{"contentTypeId", d.contentTypeId()}, {"replyMailboxId", d.replyMailboxId()},
            {"replySubjectId", d.replySubjectId()}}) {
            v.require(n[1] == null || (Long) n[1] >= 0, p + "." + n[0], "must be 0 or more");
        }
        v.require(d.replyType() == null || REPLY_TYPES.contains(d.replyType()), p + ".replyType", "must be one of " + REPLY_TYPES);
        PrintShipment.Fesd f = d.fesd();
        if (f != null) {
            for (String[] id : new String[][] {{"documentId", f.documentId()}, {"actorId", f.actorId()}, {"caseId", f.caseId()},
                {"caseClassificationId", f.caseClassificationId()}}) {
                v.require(id[1] == null || UUID_TYPE.matcher(id[1]).matches(), p + ".fesd." + id[0],
                        "must be a lower-case UUID such as 2b1c9d7e-4f3a-4e6b-9c8d-1a2b3c4d5e6f");
            }
        }
    }

    private void address(String p, PrintAddress a) {
        text(p + ".personName", a.personName(), true, NAME_MAX);
        if (a.isLines()) {
            v.require(a.lines().size() <= PrintAddress.MAX_LINES, p + ".lines", "must hold at most " + PrintAddress.MAX_LINES + " lines");
            for (int i = 0; i < a.lines().size(); i++) {
                text(p + ".lines[" + i + "]", a.lines().get(i), true, LINE_MAX);
            }
            for (String[] f : new String[][] {{"coName", a.coName()}, {"streetName", a.streetName()},
                {"streetBuildingIdentifier", a.streetBuildingIdentifier()}, {"floor", a.floor()}, {"suite", a.suite()},
                {"mailDeliverySublocation", a.mailDeliverySublocation()}, {"district", a.district()}}) {
                v.require(f[1] == null, p + "." + f[0], "must be absent when the address is given as lines");
            }
            v.require(a.postOfficeBox() == null, p + ".postOfficeBox", "must be absent when the address is given as lines");
            v.require(a.postCode() == null || POST_CODE.matcher(a.postCode()).matches(), p + ".postCode", "must be 4 digits");
        } else {
            text(p + ".coName", a.coName(), false, NAME_MAX);
            text(p + ".streetName", a.streetName(), true, STREET_MAX);
            if (text(p + ".streetBuildingIdentifier", a.streetBuildingIdentifier(), true, 4)) {
                v.require(HOUSE_NUMBER.matcher(a.streetBuildingIdentifier()).matches(), p + ".streetBuildingIdentifier",
                        "must be a house number from 1 to 999, optionally followed by a capital letter");
            }
            v.require(a.floor() == null || FLOOR.matcher(a.floor()).matches(), p + ".floor",
                    "must be 1 to 99, st, kl or k2 to k9 (DKCC FloorIdentifier)");
            text(p + ".suite", a.suite(), false, 4);
            text(p + ".mailDeliverySublocation", a.mailDeliverySublocation(), false, SUBLOCATION_MAX);
            if (text(p + ".postCode", a.postCode(), true, 4)) {
                v.require(POST_CODE.matcher(a.postCode()).matches(), p + ".postCode", "must be 4 digits");
            }
            text(p + ".district", a.district(), false, SUBLOCATION_MAX);
            v.require(a.postOfficeBox() == null || (a.postOfficeBox() >= 1 && a.postOfficeBox() <= 9999), p + ".postOfficeBox",
                    "must be from 1 to 9999");
        }
        if (v.require(a.countryCode() != null, p + ".countryCode", PRESENT)) {
            v.require(ALPHA2.matcher(a.countryCode()).matches(), p + ".countryCode", "must be an ISO 3166 alpha-2 code such as DK");
        }
    }

    /** Checks a text; true when it is present and passed. */
    private boolean text(String p, String value, boolean required, int max) {
        if (value == null) {
            v.require(!required, p, PRESENT);
            return false;
        }
        if (required && value.isBlank()) {
            v.add(p, "must not be blank");
            return false;
        }
        return v.require(value.length() <= max, p, "must be at most " + max + " characters")
                & v.require(Texts.isXmlSafe(value), p, "must contain only characters allowed in XML");
    }
}

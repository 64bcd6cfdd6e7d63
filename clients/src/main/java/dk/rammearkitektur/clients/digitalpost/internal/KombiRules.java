package dk.rammearkitektur.clients.digitalpost.internal;

import dk.rammearkitektur.clients.digitalpost.ChannelChoice;
import dk.rammearkitektur.clients.digitalpost.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.MessageType;
import dk.rammearkitektur.clients.digitalpost.PostalAddress;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.Recipient;
import dk.rammearkitektur.core.Violations;
import java.util.List;
import java.util.regex.Pattern;

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

    private static final Pattern ALPHA2 = Pattern.compile("[A-Za-z]{2}");
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
                v.require(p.recipientId() != null && p.recipientId().matches("\\d{10}"), "print.recipientId",
                        "must be a CPR number of 10 digits");
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
        PrintShipment.PrintOptions o = p.printOptions();
        if (o != null) {
            v.require(o.sides() == null || SIDES.contains(o.sides()), "print.printOptions.sides", "must be one of " + SIDES);
            v.require(o.colour() == null || COLOURS.contains(o.colour()), "print.printOptions.colour", "must be one of " + COLOURS);
            v.require(o.envelope() == null || ENVELOPES.contains(o.envelope()), "print.printOptions.envelope",
                    "must be one of " + ENVELOPES);
        }
    }

    private void address(String p, PostalAddress a) {
        text(p + ".personName", a.personName(), true, MemoRules.TEXT_MAX);
        text(p + ".coName", a.coName(), false, MemoRules.TEXT_MAX);
        text(p + ".streetName", a.streetName(), true, MemoRules.TEXT_MAX);
        text(p + ".streetBuildingIdentifier", a.streetBuildingIdentifier(), true, MemoRules.TEXT_MAX);
        text(p + ".floor", a.floor(), false, MemoRules.TEXT_MAX);
        text(p + ".suite", a.suite(), false, MemoRules.TEXT_MAX);
        text(p + ".postCode", a.postCode(), true, MemoRules.TEXT_MAX);
        text(p + ".district", a.district(), false, MemoRules.TEXT_MAX);
        if (v.require(a.countryCode() != null, p + ".countryCode", PRESENT)) {
            v.require(ALPHA2.matcher(a.countryCode()).matches(), p + ".countryCode", "must be an ISO 3166 alpha-2 code such as DK");
        }
    }

    private void text(String p, String value, boolean required, int max) {
        if (value == null) {
            v.require(!required, p, PRESENT);
            return;
        }
        if (required && value.isBlank()) {
            v.add(p, "must not be blank");
            return;
        }
        v.require(value.length() <= max, p, "must be at most " + max + " characters");
        v.require(Texts.isXmlSafe(value), p, "must contain only characters allowed in XML");
    }
}

package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentDirection;
import dk.rammearkitektur.model.DocumentPart;
import dk.rammearkitektur.model.DocumentType;
import dk.rammearkitektur.model.DocumentVariant;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.VariantKind;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;

/**
 * Turns a model {@link Document} (a decision letter, afgørelsesbrev) for a model {@link Party} into a MeMo message.
 * The model never holds bytes, so the caller supplies the content of the document's part as {@link FileContent}.
 *
 * <p>The letter's title becomes the message label and the main document's title; the part of the archive variant
 * (else the signed, else the production variant; never the redacted public one) becomes the main document's single
 * file with the part's media type and (sanitised) name; a {@link Person} is addressed by CPR number, a
 * {@link Company} by CVR number. The messageUUID is derived from the document id, the part's SHA-256 and the
 * recipient, so converting the same letter again gives the same UUID (the SDK's choice: what the platform does with a
 * repeated messageUUID is not published, see {@link DigitalPostClient}).
 * {@link #print(Document, Party, FileContent)} gives the print part for physical post or for the fallback of an
 * automatic channel choice.
 */
public final class MemoLetters {
    private static final List<VariantKind> PREFERRED = List.of(VariantKind.ARCHIVE, VariantKind.SIGNED,
            VariantKind.PRODUCTION);
    private static final java.util.regex.Pattern STREET = java.util.regex.Pattern.compile("^(.*?\\S)\\s+(\\d+.*)$");
    /** House number, then optionally floor and door, e.g. {@code 5}, {@code 12B, st. tv}, {@code 5, 1. 3}. */
    private static final java.util.regex.Pattern HOUSE = java.util.regex.Pattern.compile(
            "([1-9][0-9]{0,2}[A-Z]?)(?:\\s*,\\s*(st|kl|ST|KL|k[2-9]|K[2-9]|[1-9][0-9]?)\\.?(?:\\s+([^\\s.]{1,4})\\.?)?)?");

    private MemoLetters() {
    }

    /**
     * A MeMo 1.2 Digital Post letter; see {@link #letter(MemoVersion, Document, Party, FileContent, Sender, Instant)}.
     */
    public static MemoMessage letter(Document document, Party recipient, FileContent content, Sender sender,
            Instant createdAt) {
        return letter(MemoVersion.V1_2, document, recipient, content, sender, createdAt);
    }

    /**
     * A Digital Post letter in {@code version}.
     *
     * @param version the MeMo version
     * @param document an outgoing decision or letter with a variant that has exactly one part
     * @param recipient a {@link Person} or a {@link Company}
     * @param content the bytes of the chosen part; when its size is known it must equal the part's size
     * @param sender the sending authority
     * @param createdAt when the message is created
     * @return the message
     * @throws dk.rammearkitektur.core.ValidationException with every violation under {@code letter} (the inputs) or
     *     {@code message} (the message built from them)
     */
    public static MemoMessage letter(MemoVersion version, Document document, Party recipient, FileContent content,
            Sender sender, Instant createdAt) {
        Violations v = Violations.at("letter");
        v.require(version != null, "version", "must be set");
        v.require(sender != null, "sender", "must be set");
        v.require(createdAt != null, "createdAt", "must be set");
        v.require(content != null, "content", "must be set");
        Recipient to = null;
        if (recipient instanceof Person p) {
            to = Recipient.cpr(p.cpr().value()).label(p.name()).build();
        } else if (recipient instanceof Company c) {
            to = Recipient.cvr(c.cvr().value()).label(c.name()).build();
        } else {
            v.add("recipient", recipient == null ? "must be set" : "must be a Person (CPR) or a Company (CVR)");
        }
        DocumentPart part = null;
        if (v.require(document != null, "document", "must be set")) {
            v.require(document.type() == DocumentType.DECISION || document.type() == DocumentType.LETTER,
                    "document.type", "must be DECISION or LETTER");
            v.require(document.direction() == DocumentDirection.OUTGOING, "document.direction", "must be OUTGOING");
            Optional<DocumentVariant> variant = PREFERRED.stream().map(document::variant).flatMap(Optional::stream)
                    .findFirst();
            if (variant.isEmpty()) {
                v.add("document.variants", "must hold an ARCHIVE, SIGNED or PRODUCTION variant");
            } else if (variant.get().parts().size() != 1) {
                v.add("document.variants[" + variant.get().kind() + "].parts", "must hold exactly one part");
            } else {
                part = variant.get().parts().get(0);
                if (content != null) {
                    OptionalLong size = content.knownSize();
                    v.require(size.isEmpty() || size.getAsLong() == part.size(), "content",
                            "must have the document part's size (" + part.size() + " bytes)");
                }
            }
        }
        v.throwIfAny();
        UUID messageUuid = messageUuid(document, part, to);
        MemoFile file = MemoFile.of(part.mediaType(), MemoFile.sanitizeFilename(part.name()), "da", content);
        MessageHeader header = MessageHeader.builder(MessageType.DIGITALPOST).messageUuid(messageUuid)
                .messageId(document.id().value().toString()).label(document.title())
                .mandatory(Boolean.FALSE).legalNotification(Boolean.FALSE)
                .sender(sender).recipient(to).build();
        MainDocument main = new MainDocument(document.id().value().toString(), document.title(), List.of(file), List.of());
        return MemoMessage.builder(version).header(header).body(MessageBody.builder(createdAt, main).build()).build();
    }

    /**
     * The print part for the same letter, for physical post or as the fallback of an automatic channel choice: the
     * chosen PDF part, the document's title, the recipient's CPR or CVR number and the postal address of the party
     * (the street is split into street name and house number, e.g. {@code Rådhuspladsen 2, 1. tv}). The shipment id
     * is derived like the messageUUID, so it is stable for the same letter.
     *
     * @param document an outgoing decision or letter whose chosen part is a PDF
     * @param recipient a {@link Person} or a {@link Company} with a known address
     * @param content the bytes of the chosen part
     * @return the print part
     * @throws dk.rammearkitektur.core.ValidationException with every violation under {@code print}
     */
    public static PrintShipment print(Document document, Party recipient, FileContent content) {
        Violations v = Violations.at("print");
        v.require(content != null, "content", "must be set");
        String name = null;
        dk.rammearkitektur.model.Address address = null;
        Recipient to = null;
        if (recipient instanceof Person p) {
            name = p.name();
            address = p.address().orElse(null);
            to = Recipient.cpr(p.cpr().value()).build();
        } else if (recipient instanceof Company c) {
            name = c.name();
            address = c.address().orElse(null);
            to = Recipient.cvr(c.cvr().value()).build();
        } else {
            v.add("recipient", recipient == null ? "must be set" : "must be a Person (CPR) or a Company (CVR)");
        }
        String[] street = null;
        if (to != null && v.require(address != null, "recipient.address", "must be known to print the letter")) {
            java.util.regex.Matcher m = STREET.matcher(address.street().strip());
            if (v.require(m.matches(), "recipient.address.street", "must end with a house number, e.g. Rådhuspladsen 2")) {
                street = new String[] {m.group(1), m.group(2)};
            }
        }
        DocumentPart part = null;
        if (v.require(document != null, "document", "must be set")) {
            Optional<DocumentVariant> variant = PREFERRED.stream().map(document::variant).flatMap(Optional::stream)
                    .findFirst();
            if (v.require(variant.isPresent() && variant.get().parts().size() == 1, "document.variants",
                    "must hold an ARCHIVE, SIGNED or PRODUCTION variant with exactly one part")) {
                part = variant.get().parts().get(0);
                v.require(MemoFile.PDF.equals(part.mediaType()), "document.part.mediaType", "must be application/pdf to print");
            }
        }
        v.throwIfAny();
        PrintAddress.Builder pb = PrintAddress.builder().personName(name).countryCode(address.countryCode());
        java.util.regex.Matcher rest = HOUSE.matcher(street[1].strip());
        if (rest.matches()) {
            pb.streetName(street[0]).streetBuildingIdentifier(rest.group(1)).floor(rest.group(2)).suite(rest.group(3))
                    .postCode(address.postalCode()).district(address.city());
        } else {
            // not a number, floor and door the schema's structured form can hold: the free lines form instead
            pb.lines(List.of(address.street().strip(), (address.postalCode() + " " + address.city()).strip()));
        }
        PrintAddress postal = pb.build();
        PrintShipment.Builder b = PrintShipment.builder(messageUuid(document, part, to).toString(), content)
                .address(postal).title(document.title());
        return (Recipient.ID_TYPE_CPR.equals(to.idType()) ? b.cpr(to.recipientId()) : b.cvr(to.recipientId())).build();
    }

    private static UUID messageUuid(Document document, DocumentPart part, Recipient to) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((document.id().value() + "|" + part.sha256() + "|" + to.idType() + ":" + to.recipientId())
                    .getBytes(StandardCharsets.UTF_8));
            ByteBuffer b = ByteBuffer.wrap(d.digest());
            long hi = (b.getLong() & ~0xF000L) | 0x4000L;
            long lo = (b.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(hi, lo);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import dk.rammearkitektur.clients.digitalpost.memo.ContentData;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;

/**
 * The print part of an SF1601 request (ForsendelseI, Fjernprint): a PDF letter the platform prints and posts, used
 * for {@link ChannelChoice#PHYSICAL_POST} and as the fallback under {@link ChannelChoice#AUTOMATIC}. Follows the
 * published Fjernprint schema ({@code ForsendelseIType}): the shipment id, type, recipient and address, the letter,
 * the transaction parameters, its title, UUID and date, the channel-independent parameters (user, unit, what to
 * print, the sender's address in {@code ForsendelseAfsender}), the print and post options, the digital post
 * parameters ({@code DigitalPostParametre}) and attachments with their content (BilagSamling, at most
 * {@value #MAX_ATTACHMENTS}). Not modelled: {@code MeddelelsesFormatObjekt}, attachments given by reference
 * ({@code BilagIdentifikator}, URL) and the extra post parameters; reading a request that uses them fails with a
 * violation naming the element.
 *
 * <p>A citizen who gets a printed letter: public senders (OS2Forms, citing KOMBIT's not publicly stored
 * "KombiPostAfsend – Feltbeskrivelse") name the recipient with the CPR placeholder {@code 0000000000} and give the
 * address; the published CPR type allows that value "where the civil registration number is required but
 * unknown". {@link Builder#cprPlaceholder()} does this; the placeholder requires an address.
 *
 * @param shipmentId the sender's id for the shipment (AfsendelseIdentifikator), 1 to 38 characters
 * @param shipmentTypeId the agreed shipment type (ForsendelseTypeIdentifikator), positive, or null
 * @param recipientIdType {@value Recipient#ID_TYPE_CPR} or {@value Recipient#ID_TYPE_CVR}, or null
 * @param recipientId the recipient's CPR or CVR number (or the placeholder {@code 0000000000}), or null
 * @param address where the letter goes, or null
 * @param fileFormat the letter's format (FilformatNavn), at most 10 characters, e.g. {@code PDF}
 * @param content the letter (MeddelelseIndholdData), streamed when written
 * @param title the letter's title (TitelTekst), or null
 * @param printOptions sides, colour and envelope, or null
 * @param postCategory the postal service, or null
 * @param transaction the transaction parameters (TransaktionsParametreI), or null
 * @param documentUuid the document's UUID (DokumentParametre/UUIDIdentifikator), or null
 * @param letterDate the letter's date (DokumentParametre/BrevDato), or null
 * @param senderDetails the channel-independent parameters (KanalUafhaengigeParametreI), or null
 * @param attachments attachments printed with the letter (BilagSamling), in order; empty for none
 * @param digitalPostParameters the digital post parameters (DigitalPostParametre), or null
 */
public record PrintShipment(String shipmentId, Integer shipmentTypeId, String recipientIdType, String recipientId,
        PrintAddress address, String fileFormat, FileContent content, String title, PrintOptions printOptions,
        PostCategory postCategory, TransactionParameters transaction, String documentUuid, LocalDate letterDate,
        SenderDetails senderDetails, List<Attachment> attachments, DigitalPostParameters digitalPostParameters) {

    /** The most attachments the schema allows ({@code BilagSamling}: {@code maxOccurs="100"}). */
    public static final int MAX_ATTACHMENTS = 100;
    /** The CPR placeholder for a printed letter whose recipient is given by address only. */
    public static final String CPR_PLACEHOLDER = "0000000000";

    /** Copies the attachment list (null is empty). */
    public PrintShipment {
        attachments = attachments == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(attachments));
    }

    /** A builder for a PDF letter. */
    public static Builder builder(String shipmentId, FileContent pdf) {
        return new Builder(shipmentId, pdf);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** The postal service (PostKategoriKode). */
    public enum PostCategory {
        /** A-post. */
        PRIORITAIRE("Prioritaire"),
        /** B-post. */
        ECONOMIQUE("Economique"),
        /** Bulk mail. */
        BULK("Bulk"),
        /** Registered mail. */
        REKOMMANDERET("Rekommanderet"),
        /** Registered mail with proof of receipt. */
        REKOMMANDERET_MED_MODTAGERBEVIS("Rekommanderet med modtagerbevis"),
        /** Service of a legal document (forkyndelse). */
        FORKYNDELSE("Forkyndelse");

        private final String code;

        PostCategory(String code) {
            this.code = code;
        }

        /** The code on the wire. */
        public String code() {
            return code;
        }
    }

    /**
     * How the letter is printed (PrintParametre); each part may be null.
     *
     * @param sides one-sided or two-sided (SimplexDuplexKode: {@code Simplex}, {@code Duplex})
     * @param colour black and white or colour (FarveSHKode: {@code SH}, {@code Farve})
     * @param envelope the envelope (KuvertTypeKode: {@code C4}, {@code C5}, {@code MA})
     */
    public record PrintOptions(String sides, String colour, String envelope) {
        /** Creates the value. */
        public static PrintOptions of(String sides, String colour, String envelope) {
            return new PrintOptions(sides, colour, envelope);
        }
    }

    /**
     * The transaction parameters (TransaktionsParametreI); each part may be null.
     *
     * @param time the transaction time (TransaktionsDatoTid)
     * @param massShipmentId the mass shipment this letter belongs to (MasseForsendelseIdentifikator), 1 to 38 characters
     * @param receiptType which receipts are wanted (KvitteringsTypeKode: {@code Alle}, {@code Ingen}, {@code Kun fejl})
     * @param receiptEmail where receipts are mailed (KvitteringsEmail)
     */
    public record TransactionParameters(Instant time, String massShipmentId, String receiptType, String receiptEmail) {
    }

    /**
     * The channel-independent parameters (KanalUafhaengigeParametreI); only {@code userName} is required. The
     * published schema puts the sender ({@code ForsendelseAfsender}) here, not directly in {@code ForsendelseI}, so a
     * sender address needs a user name too.
     *
     * @param unit the sending unit (EnhedTekst), at most 2000 characters, or null
     * @param userName the sending user (BrugerNavn), 1 to 2000 characters
     * @param accountingGroup the accounting group (KonteringsGruppeTekst), at most 2000 characters, or null
     * @param senderAddress the sender's address ({@code ForsendelseAfsender/AfsenderAdresse}, the same type and
     *     limits as the recipient's {@code ModtagerAdresse}), or null; an empty {@code ForsendelseAfsender}, which
     *     the schema allows, is read as null and not written
     * @param printSenderAddress whether the sender's address is printed (PaatrykAfsenderAdresseIndikator), or null
     * @param printRecipientAddress whether the recipient's address is printed (PaatrykModtagerAdresseIndikator), or null
     * @param printLetterDate whether the letter's date is printed (PaatrykBrevdatoIndikator), or null
     * @param channel {@code Digital Post} or {@code Fysisk Post} (KanalKode), or null
     * @param urgent whether the letter is urgent (HasteBrevIndikator), or null
     */
    public record SenderDetails(String unit, String userName, String accountingGroup, PrintAddress senderAddress,
            Boolean printSenderAddress, Boolean printRecipientAddress, Boolean printLetterDate, String channel, Boolean urgent) {
        /** Only the user name. */
        public static SenderDetails of(String userName) {
            return new SenderDetails(null, userName, null, null, null, null, null, null, null);
        }

        /** A copy with the sender's address ({@code ForsendelseAfsender/AfsenderAdresse}). */
        public SenderDetails withSenderAddress(PrintAddress value) {
            return new SenderDetails(unit, userName, accountingGroup, value, printSenderAddress, printRecipientAddress,
                    printLetterDate, channel, urgent);
        }
    }

    /**
     * The digital post parameters of the Fjernprint schema (DigitalPostParametre); only
     * {@code attachDocumentRegistration} is required. The schema made them for a {@code ForsendelseI} delivered as
     * digital post (its channel code {@code KanalKode} has the value {@code Digital Post}): send time, content type,
     * reply options and FESD case metadata. In SF1601 the digital letter is the MeMo message, which carries most of
     * this itself ({@link MessageHeader#doNotDeliverUntilDate()}, {@link MessageHeader#reply()},
     * {@link ContentData#caseId()}); how the
     * platform uses these parameters beside a MeMo is not published. They are read and written as the schema has them.
     *
     * @param sendTime when the letter is to be sent (dkal:AfsendelseDatoTid), or null
     * @param contentTypeId the content type (dkal:MeddelelseIndholdstypeIdentifikator), 0 or more, or null
     * @param replyType whether a reply is possible (dkal:MeddelelseSvarTypeNavn: {@code angivet}, {@code ikkeMuligt},
     *     {@code standard}), or null
     * @param replyMailboxId the mailbox for replies (dkal:MeddelelseSvarPostkasseIdentifikator), 0 or more, or null
     * @param replySubjectId the subject for replies (dkal:MeddelelseSvarEmneIdentifikator), 0 or more, or null
     * @param fesd the FESD case metadata (dkal:MeddelelseFESDmetadata), or null
     * @param attachDocumentRegistration whether the document registration is sent along
     *     (MedsendDokumentRegistreringIndikator, required)
     */
    public record DigitalPostParameters(Instant sendTime, Long contentTypeId, String replyType, Long replyMailboxId,
            Long replySubjectId, Fesd fesd, boolean attachDocumentRegistration) {
        /** Only the required indicator. */
        public static DigitalPostParameters of(boolean attachDocumentRegistration) {
            return new DigitalPostParameters(null, null, null, null, null, null, attachDocumentRegistration);
        }
    }

    /**
     * FESD case metadata (dkal:MeddelelseFESDmetadata); each part is a lower-case UUID
     * ({@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, dkal:UUIDtype) or null.
     *
     * @param documentId the document (FESDdokumentIdentifikator)
     * @param actorId the actor (FESDaktoerIdentifikator)
     * @param caseId the case (FESDsagIdentifikator)
     * @param caseClassificationId the case classification (FESDsagsklassifikationIdentifikator)
     */
    public record Fesd(String documentId, String actorId, String caseId, String caseClassificationId) {
    }

    /**
     * An attachment printed with the letter (Bilag with its content in VedhaeftningIndholdData).
     *
     * @param name the attachment's name (BilagNavn), at most 300 characters
     * @param fileFormat its format (FilformatNavn), at most 10 characters, e.g. {@code PDF}
     * @param sortIndex its place among the attachments (BilagSorteringsIndeksIdentifikator), 0 or more
     * @param content its content, streamed when written
     */
    public record Attachment(String name, String fileFormat, long sortIndex, FileContent content) {
        /** A PDF attachment. */
        public static Attachment of(String name, long sortIndex, FileContent content) {
            return new Attachment(name, "PDF", sortIndex, content);
        }
    }

    /** Builds a {@link PrintShipment}; the format defaults to {@code PDF}. */
    public static final class Builder {
        private final String shipmentId;
        private final FileContent content;
        private Integer shipmentTypeId;
        private String recipientIdType;
        private String recipientId;
        private PrintAddress address;
        private String fileFormat = "PDF";
        private String title;
        private PrintOptions printOptions;
        private PostCategory postCategory;
        private TransactionParameters transaction;
        private String documentUuid;
        private LocalDate letterDate;
        private SenderDetails senderDetails;
        private final List<Attachment> attachments = new ArrayList<>();
        private DigitalPostParameters digitalPostParameters;

        private Builder(String shipmentId, FileContent content) {
            this.shipmentId = shipmentId;
            this.content = content;
        }

        /** Sets the agreed shipment type. */
        public Builder shipmentTypeId(Integer value) {
            this.shipmentTypeId = value;
            return this;
        }

        /** Sets a citizen recipient by CPR number. */
        public Builder cpr(String cprNumber) {
            this.recipientIdType = Recipient.ID_TYPE_CPR;
            this.recipientId = cprNumber;
            return this;
        }

        /**
         * Names the recipient with the CPR placeholder {@value PrintShipment#CPR_PLACEHOLDER}, as public senders do for
         * a printed letter to a citizen; the letter then goes to {@link #address(PrintAddress)}, which is required.
         */
        public Builder cprPlaceholder() {
            return cpr(CPR_PLACEHOLDER);
        }

        /** Sets a company recipient by CVR number. */
        public Builder cvr(String cvrNumber) {
            this.recipientIdType = Recipient.ID_TYPE_CVR;
            this.recipientId = cvrNumber;
            return this;
        }

        /** Sets the address. */
        public Builder address(PrintAddress value) {
            this.address = value;
            return this;
        }

        /** Sets the format name. */
        public Builder fileFormat(String value) {
            this.fileFormat = value;
            return this;
        }

        /** Sets the title. */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** Sets the document's UUID (UUIDIdentifikator). */
        public Builder documentUuid(String value) {
            this.documentUuid = value;
            return this;
        }

        /** Sets the letter's date (BrevDato). */
        public Builder letterDate(LocalDate value) {
            this.letterDate = value;
            return this;
        }

        /** Sets the print options. */
        public Builder printOptions(PrintOptions value) {
            this.printOptions = value;
            return this;
        }

        /** Sets the postal service. */
        public Builder postCategory(PostCategory value) {
            this.postCategory = value;
            return this;
        }

        /** Sets the transaction parameters. */
        public Builder transaction(TransactionParameters value) {
            this.transaction = value;
            return this;
        }

        /** Sets the channel-independent parameters. */
        public Builder senderDetails(SenderDetails value) {
            this.senderDetails = value;
            return this;
        }

        /** Sets the digital post parameters (DigitalPostParametre). */
        public Builder digitalPostParameters(DigitalPostParameters value) {
            this.digitalPostParameters = value;
            return this;
        }

        /** Adds an attachment. */
        public Builder addAttachment(Attachment value) {
            this.attachments.add(value);
            return this;
        }

        /** Creates the shipment; it is checked when the request is built. */
        public PrintShipment build() {
            return new PrintShipment(shipmentId, shipmentTypeId, recipientIdType, recipientId, address, fileFormat,
                    content, title, printOptions, postCategory, transaction, documentUuid, letterDate, senderDetails,
                    attachments, digitalPostParameters);
        }
    }
}

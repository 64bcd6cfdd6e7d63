package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.clients.digitalpost.internal.Describe;

/**
 * The print part of an SF1601 request (ForsendelseI, Fjernprint): a PDF letter the platform prints and posts, used
 * for {@link ChannelChoice#PHYSICAL_POST} and as the fallback under {@link ChannelChoice#AUTOMATIC}. Covers the
 * shipment id, type, recipient and address, the letter, its title and the print and post options; attachments
 * (BilagSamling) and the channel-independent parameters are not modelled yet.
 *
 * @param shipmentId the sender's id for the shipment (AfsendelseIdentifikator), 1 to 38 characters
 * @param shipmentTypeId the agreed shipment type (ForsendelseTypeIdentifikator), positive, or null
 * @param recipientIdType {@value Recipient#ID_TYPE_CPR} or {@value Recipient#ID_TYPE_CVR}, or null
 * @param recipientId the recipient's CPR or CVR number, or null
 * @param address where the letter goes, or null
 * @param fileFormat the letter's format (FilformatNavn), at most 10 characters, e.g. {@code PDF}
 * @param content the letter (MeddelelseIndholdData), streamed when written
 * @param title the letter's title (TitelTekst), or null
 * @param printOptions sides, colour and envelope, or null
 * @param postCategory the postal service, or null
 */
public record PrintShipment(String shipmentId, Integer shipmentTypeId, String recipientIdType, String recipientId,
        PostalAddress address, String fileFormat, FileContent content, String title, PrintOptions printOptions,
        PostCategory postCategory) {

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

    /** Builds a {@link PrintShipment}; the format defaults to {@code PDF}. */
    public static final class Builder {
        private final String shipmentId;
        private final FileContent content;
        private Integer shipmentTypeId;
        private String recipientIdType;
        private String recipientId;
        private PostalAddress address;
        private String fileFormat = "PDF";
        private String title;
        private PrintOptions printOptions;
        private PostCategory postCategory;

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

        /** Sets a company recipient by CVR number. */
        public Builder cvr(String cvrNumber) {
            this.recipientIdType = Recipient.ID_TYPE_CVR;
            this.recipientId = cvrNumber;
            return this;
        }

        /** Sets the address. */
        public Builder address(PostalAddress value) {
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

        /** Creates the shipment; it is checked when the request is built. */
        public PrintShipment build() {
            return new PrintShipment(shipmentId, shipmentTypeId, recipientIdType, recipientId, address, fileFormat,
                    content, title, printOptions, postCategory);
        }
    }
}

package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.MemoRules;

/**
 * A complete, valid MeMo message (meddelelse) for Digital Post or NemSMS, in MeMo 1.1 or 1.2.
 *
 * <p>Every instance is valid: the constructor checks the whole tree (lengths, cardinalities, UUID versions, UTC
 * dates, file names, {@code https://} links, action codes, NemSMS and version rules) and throws one
 * {@link dk.rammearkitektur.core.ValidationException} listing every violation with its field path, e.g.
 * {@code message.body.mainDocument.files[0].filename: must not contain < > : " / \ | ? * ...}.
 * Write it with {@link MemoXml#write(MemoMessage, java.io.OutputStream)}.
 *
 * <pre>{@code
 * MemoMessage m = MemoMessage.builder(MemoVersion.V1_2)
 *     .header(MessageHeader.builder(MessageType.DIGITALPOST)
 *         .label("Afgørelse om boligstøtte")
 *         .sender(Sender.cvr("29189846", "Aarhus Kommune").build())
 *         .recipient(Recipient.cpr("0101901234").build())
 *         .build())
 *     .body(MessageBody.builder(clock.instant(), MainDocument.of("Afgørelse", MemoFile.pdf("afgoerelse.pdf", pdf))).build())
 *     .build();
 * }</pre>
 *
 * @param version the MeMo version
 * @param memoSchVersion the schema version for MeMo 1.1 (e.g. {@code 1.1.0}); null for MeMo 1.2
 * @param header the header
 * @param body the documents; null for NemSMS
 */
public record MemoMessage(MemoVersion version, String memoSchVersion, MessageHeader header, MessageBody body) {

    /** Checks the whole message; throws one {@link dk.rammearkitektur.core.ValidationException} with every violation. */
    public MemoMessage {
        MemoRules.check(version, memoSchVersion, header, body);
    }

    /** A builder for a message in {@code version}; for MeMo 1.1 the schema version defaults to {@code 1.1.0}. */
    public static Builder builder(MemoVersion version) {
        return new Builder(version);
    }

    /** True for NemSMS messages. */
    public boolean isNemSms() {
        return header.messageType() == MessageType.NEMSMS;
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds a {@link MemoMessage}, checking everything at {@link #build()}. */
    public static final class Builder {
        private final MemoVersion version;
        private String memoSchVersion;
        private MessageHeader header;
        private MessageBody body;

        private Builder(MemoVersion version) {
            this.version = version;
            this.memoSchVersion = version == MemoVersion.V1_1 ? MemoVersion.DEFAULT_SCHEMA_VERSION_1_1 : null;
        }

        /** Sets the MeMo 1.1 schema version. */
        public Builder memoSchVersion(String value) {
            this.memoSchVersion = value;
            return this;
        }

        /** Sets the header. */
        public Builder header(MessageHeader value) {
            this.header = value;
            return this;
        }

        /** Sets the body (leave it out for NemSMS). */
        public Builder body(MessageBody value) {
            this.body = value;
            return this;
        }

        /** Creates the message or throws one {@link dk.rammearkitektur.core.ValidationException} listing every violation. */
        public MemoMessage build() {
            return new MemoMessage(version, memoSchVersion, header, body);
        }
    }
}

package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Lists;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The documents of a Digital Post message (meddelelsesindhold): one main document, then any attachments and
 * technical documents. NemSMS messages have no body.
 *
 * @param createdDateTime when the message was created (written in UTC)
 * @param mainDocument the letter
 * @param additionalDocuments the attachments, possibly none
 * @param technicalDocuments the technical documents, possibly none
 */
public record MessageBody(Instant createdDateTime, MainDocument mainDocument,
        List<AdditionalDocument> additionalDocuments, List<TechnicalDocument> technicalDocuments) {

    /** Copies the lists. */
    public MessageBody {
        additionalDocuments = Lists.copy(additionalDocuments);
        technicalDocuments = Lists.copy(technicalDocuments);
    }

    /** A builder for a body created at {@code createdDateTime} around {@code mainDocument}. */
    public static Builder builder(Instant createdDateTime, MainDocument mainDocument) {
        return new Builder(createdDateTime, mainDocument);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds a {@link MessageBody}. */
    public static final class Builder {
        private final Instant createdDateTime;
        private final MainDocument mainDocument;
        private final List<AdditionalDocument> additional = new ArrayList<>();
        private final List<TechnicalDocument> technical = new ArrayList<>();

        private Builder(Instant createdDateTime, MainDocument mainDocument) {
            this.createdDateTime = createdDateTime;
            this.mainDocument = mainDocument;
        }

        /** Adds an attachment. */
        public Builder addAdditionalDocument(AdditionalDocument value) {
            additional.add(value);
            return this;
        }

        /** Adds a technical document. */
        public Builder addTechnicalDocument(TechnicalDocument value) {
            technical.add(value);
            return this;
        }

        /** Creates the body; it is checked when the message is built. */
        public MessageBody build() {
            return new MessageBody(createdDateTime, mainDocument, additional, technical);
        }
    }
}

package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A document (dokument): title, letter date, type, direction and its variants, each with parts that reference the
 * content by media type, size and SHA-256. The model never holds the content itself.
 */
public final class Document {
    private final DocumentId id;
    private final String title;
    private final LocalDate letterDate;
    private final DocumentType type;
    private final DocumentDirection direction;
    private final List<DocumentVariant> variants;

    private Document(Builder b) {
        this.id = b.id;
        this.title = b.title;
        this.letterDate = b.letterDate;
        this.type = b.type;
        this.direction = b.direction;
        this.variants = List.copyOf(b.variants);
    }

    /** A builder; id, title, letter date, type and direction are required; variants have unique kinds. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document's values. */
    public Builder toBuilder() {
        return new Builder().id(id).title(title).letterDate(letterDate).type(type).direction(direction).variants(variants);
    }

    /** The identity. */
    public DocumentId id() {
        return id;
    }

    /** The title (titel). */
    public String title() {
        return title;
    }

    /** The date the document bears (brevdato). */
    public LocalDate letterDate() {
        return letterDate;
    }

    /** The kind of document. */
    public DocumentType type() {
        return type;
    }

    /** Incoming, outgoing or internal. */
    public DocumentDirection direction() {
        return direction;
    }

    /** The variants, in the order given; kinds are unique. */
    public List<DocumentVariant> variants() {
        return variants;
    }

    /** The variant of the given kind, if the document has one. */
    public Optional<DocumentVariant> variant(VariantKind kind) {
        return variants.stream().filter(v -> v.kind() == kind).findFirst();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Document d && id.equals(d.id) && title.equals(d.title) && letterDate.equals(d.letterDate)
                && type == d.type && direction == d.direction && variants.equals(d.variants);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, title, letterDate, type, direction, variants);
    }

    @Override
    public String toString() {
        return "Document[id=" + id + ", title=" + title + ", letterDate=" + letterDate + ", type=" + type
                + ", direction=" + direction + ", variants=" + variants.size() + "]";
    }

    /** Builds a {@link Document}; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private DocumentId id;
        private String title;
        private LocalDate letterDate;
        private DocumentType type;
        private DocumentDirection direction;
        private List<DocumentVariant> variants = new ArrayList<>();

        private Builder() {
        }

        /** Sets the id. */
        public Builder id(DocumentId value) {
            this.id = value;
            return this;
        }

        /** Sets the title. */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** Sets the letter date. */
        public Builder letterDate(LocalDate value) {
            this.letterDate = value;
            return this;
        }

        /** Sets the type. */
        public Builder type(DocumentType value) {
            this.type = value;
            return this;
        }

        /** Sets the direction. */
        public Builder direction(DocumentDirection value) {
            this.direction = value;
            return this;
        }

        /** Replaces the variants. */
        public Builder variants(List<DocumentVariant> value) {
            this.variants = Checks.copy(value);
            return this;
        }

        /** Adds a variant. */
        public Builder addVariant(DocumentVariant value) {
            if (variants == null) {
                variants = new ArrayList<>();
            }
            variants.add(value);
            return this;
        }

        /**
         * Builds the document.
         *
         * @return the document
         * @throws dk.rammearkitektur.core.ValidationException listing every violation under {@code document}
         */
        public Document build() {
            Violations v = Violations.at("document");
            Checks.required(v, "id", id);
            Checks.text(v, "title", title, 500);
            Checks.date(v, "letterDate", letterDate);
            Checks.required(v, "type", type);
            Checks.required(v, "direction", direction);
            if (Checks.required(v, "variants", variants)) {
                Checks.uniqueElements(v, "variants", variants, DocumentVariant::kind, "variant kind");
            }
            v.throwIfAny();
            return new Document(this);
        }
    }
}

package dk.rammearkitektur.benchmarks;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Plain mutable POJOs with the same shape and field types as the model's case graph in JSON: the baseline of
 * benchmark 4. No validation, no immutability, no custom (de)serialisers: what plain Jackson does at best.
 */
final class CasePojos {
    private CasePojos() {
    }

    enum Status { CREATED, IN_PROGRESS, CLOSED, ARCHIVED }

    enum Confidentiality { NOT_CONFIDENTIAL, CONFIDENTIAL, STRICTLY_CONFIDENTIAL }

    enum PartyRole { PRIMARY_PARTY, SECONDARY_PARTY, GUARDIAN, REPRESENTATIVE, ASSISTANT }

    enum DocumentRole { MAIN_DOCUMENT, ATTACHMENT, DECISION, CORRESPONDENCE }

    enum DocumentType { LETTER, APPLICATION, DECISION, NOTE, EMAIL }

    enum Direction { INCOMING, OUTGOING }

    enum VariantKind { PRODUCTION, ARCHIVE, PUBLIC }

    enum Frequency { ONCE, WEEKLY, FORTNIGHTLY, MONTHLY, QUARTERLY }

    enum BenefitStatus { APPLIED, GRANTED, REFUSED, ENDED }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class CaseDto {
        public UUID id;
        public String caseNumber;
        public String title;
        public String classification;
        public Status status;
        public Ref caseworker;
        public Ref owningUnit;
        public Confidentiality confidentiality;
        public List<PartyLink> parties;
        public List<DocumentLink> documents;
        public List<BenefitDto> benefits;
    }

    public static final class Ref {
        public UUID id;
        public String name;
    }

    public static final class PartyLink {
        public PartyRole role;
        public PartyDto party;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class PartyDto {
        public String kind;
        public UUID id;
        public String cpr;
        public String cvr;
        public String pNumber;
        public String name;
        public AddressDto address;
        public Boolean addressProtected;
        public ContactDto contact;

        /** Jackson would otherwise name the {@code pNumber} property {@code pnumber}. */
        @com.fasterxml.jackson.annotation.JsonProperty("pNumber")
        public String getPNumber() {
            return pNumber;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class AddressDto {
        public String street;
        public String postalCode;
        public String city;
        public String countryCode;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class ContactDto {
        public String email;
        public String phone;
    }

    public static final class DocumentLink {
        public LocalDate journalDate;
        public DocumentRole role;
        public DocumentDto document;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class DocumentDto {
        public UUID id;
        public String title;
        public LocalDate letterDate;
        public DocumentType type;
        public Direction direction;
        public List<VariantDto> variants;
    }

    public static final class VariantDto {
        public VariantKind kind;
        public List<PartDto> parts;
    }

    public static final class PartDto {
        public String name;
        public String mediaType;
        public long size;
        public String sha256;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class BenefitDto {
        public UUID id;
        public CodeDto type;
        public UUID recipient;
        public PeriodDto grantPeriod;
        @JsonFormat(shape = JsonFormat.Shape.STRING)
        public BigDecimal amount;
        public Frequency frequency;
        public BenefitStatus status;
        public List<UUID> decisionDocuments;
        public String legalBasis;
    }

    public static final class CodeDto {
        public String scheme;
        public String code;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class PeriodDto {
        public LocalDate from;
        public LocalDate to;
    }
}

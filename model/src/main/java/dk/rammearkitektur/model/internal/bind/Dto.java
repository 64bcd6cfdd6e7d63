package dk.rammearkitektur.model.internal.bind;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElementWrapper;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.List;

/**
 * The binding classes. Every scalar is a string (or long/boolean) so that parsing, and its error paths, stay in
 * {@link Mapping}. Field order is the XML element order of the published schema.
 */
public final class Dto {
    private Dto() {
    }

    /** Case. */
    @XmlRootElement(name = "case")
    @XmlType(name = "CaseType", propOrder = {"id", "caseNumber", "title", "classification", "status", "statusReason",
        "caseworker", "owningUnit", "confidentiality", "parties", "documents", "benefits"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "caseNumber", "title", "classification", "status", "statusReason", "caseworker", "owningUnit",
        "confidentiality", "parties", "documents", "benefits"})
    public static final class CaseDto {
        public String id;
        public String caseNumber;
        public String title;
        public String classification;
        public String status;
        public String statusReason;
        public CaseworkerDto caseworker;
        public OrganisationUnitDto owningUnit;
        public String confidentiality;
        @XmlElementWrapper(name = "parties")
        @XmlElement(name = "caseParty")
        public List<CasePartyDto> parties;
        @XmlElementWrapper(name = "documents")
        @XmlElement(name = "journalEntry")
        public List<JournalEntryDto> documents;
        @XmlElementWrapper(name = "benefits")
        @XmlElement(name = "benefit")
        public List<BenefitDto> benefits;
    }

    /** Caseworker. */
    @XmlType(name = "CaseworkerType", propOrder = {"id", "name"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name"})
    public static final class CaseworkerDto {
        public String id;
        public String name;
    }

    /** Party with role. */
    @XmlType(name = "CasePartyType", propOrder = {"role", "party"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"role", "party"})
    public static final class CasePartyDto {
        public String role;
        @XmlElements({
            @XmlElement(name = "person", type = PersonDto.class),
            @XmlElement(name = "company", type = CompanyDto.class),
            @XmlElement(name = "organisationUnit", type = OrganisationUnitDto.class),
        })
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
        @JsonSubTypes({
            @JsonSubTypes.Type(value = PersonDto.class, name = "person"),
            @JsonSubTypes.Type(value = CompanyDto.class, name = "company"),
            @JsonSubTypes.Type(value = OrganisationUnitDto.class, name = "organisationUnit"),
        })
        public Object party;
    }

    /** Person. */
    @XmlRootElement(name = "person")
    @XmlType(name = "PersonType", propOrder = {"id", "cpr", "name", "address", "addressProtected", "contact"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "cpr", "name", "address", "addressProtected", "contact"})
    public static final class PersonDto {
        public String id;
        public String cpr;
        public String name;
        public AddressDto address;
        public boolean addressProtected;
        public ContactDto contact;
    }

    /** Company. */
    @XmlRootElement(name = "company")
    @XmlType(name = "CompanyType", propOrder = {"id", "cvr", "pNumber", "name", "address", "contact"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "cvr", "pNumber", "name", "address", "contact"})
    public static final class CompanyDto {
        public String id;
        public String cvr;
        @XmlElement(name = "pNumber")
        public String pNumber;
        public String name;
        public AddressDto address;
        public ContactDto contact;
    }

    /** Organisation unit. */
    @XmlRootElement(name = "organisationUnit")
    @XmlType(name = "OrganisationUnitType", propOrder = {"id", "name", "contact"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "name", "contact"})
    public static final class OrganisationUnitDto {
        public String id;
        public String name;
        public ContactDto contact;
    }

    /** Address. */
    @XmlType(name = "AddressType", propOrder = {"street", "postalCode", "city", "countryCode"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"street", "postalCode", "city", "countryCode"})
    public static final class AddressDto {
        public String street;
        public String postalCode;
        public String city;
        public String countryCode;
    }

    /** Contact details. */
    @XmlType(name = "ContactType", propOrder = {"email", "phone"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"email", "phone"})
    public static final class ContactDto {
        public String email;
        public String phone;
    }

    /** Journalised document. */
    @XmlType(name = "JournalEntryType", propOrder = {"journalDate", "role", "document"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"journalDate", "role", "document"})
    public static final class JournalEntryDto {
        public String journalDate;
        public String role;
        public DocumentDto document;
    }

    /** Document. */
    @XmlRootElement(name = "document")
    @XmlType(name = "DocumentType", propOrder = {"id", "title", "letterDate", "type", "direction", "variants"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "title", "letterDate", "type", "direction", "variants"})
    public static final class DocumentDto {
        public String id;
        public String title;
        public String letterDate;
        public String type;
        public String direction;
        @XmlElementWrapper(name = "variants")
        @XmlElement(name = "variant")
        public List<VariantDto> variants;
    }

    /** Document variant. */
    @XmlType(name = "VariantType", propOrder = {"kind", "parts"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"kind", "parts"})
    public static final class VariantDto {
        public String kind;
        @XmlElement(name = "part")
        public List<PartDto> parts;
    }

    /** Document part. */
    @XmlType(name = "PartType", propOrder = {"name", "mediaType", "size", "sha256"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "mediaType", "size", "sha256"})
    public static final class PartDto {
        public String name;
        public String mediaType;
        public Long size;
        public String sha256;
    }

    /** Benefit. */
    @XmlRootElement(name = "benefit")
    @XmlType(name = "BenefitType", propOrder = {"id", "type", "recipient", "grantPeriod", "amount", "frequency", "status",
        "decisionDocuments", "legalBasis", "grantee", "currency", "paymentTiming", "dispositionDay", "payments"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "type", "recipient", "grantPeriod", "amount", "frequency", "status", "decisionDocuments",
        "legalBasis", "grantee", "currency", "paymentTiming", "dispositionDay", "payments"})
    public static final class BenefitDto {
        public String id;
        public CodeDto type;
        public String recipient;
        public PeriodDto grantPeriod;
        public String amount;
        public String frequency;
        public String status;
        @XmlElementWrapper(name = "decisionDocuments")
        @XmlElement(name = "documentId")
        public List<String> decisionDocuments;
        public String legalBasis;
        public String grantee;
        /** ISO 4217 code; absent for DKK. */
        public String currency;
        public String paymentTiming;
        public String dispositionDay;
        /** Absent when there are none. */
        @XmlElementWrapper(name = "payments")
        @XmlElement(name = "payment")
        public List<PaymentDto> payments;
    }

    /** Payment of a benefit; the amounts are in the benefit's currency. */
    @XmlType(name = "PaymentType", propOrder = {"id", "reference", "benefitPeriod", "dispositionDate", "gross", "afterTax",
        "sentForPayment", "paid", "offsetReason", "paidReason", "payee"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"id", "reference", "benefitPeriod", "dispositionDate", "gross", "afterTax", "sentForPayment",
        "paid", "offsetReason", "paidReason", "payee"})
    public static final class PaymentDto {
        public String id;
        public String reference;
        public PeriodDto benefitPeriod;
        public String dispositionDate;
        public String gross;
        public String afterTax;
        public String sentForPayment;
        public String paid;
        public String offsetReason;
        public String paidReason;
        public String payee;
    }

    /** Classification code. */
    @XmlType(name = "CodeType", propOrder = {"scheme", "code"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"scheme", "code"})
    public static final class CodeDto {
        public String scheme;
        public String code;
    }

    /** Period of days. */
    @XmlType(name = "PeriodType", propOrder = {"from", "to"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"from", "to"})
    public static final class PeriodDto {
        public String from;
        public String to;
    }

    /** Bitemporal history. */
    @XmlRootElement(name = "history")
    @XmlType(name = "HistoryType", propOrder = {"registrations"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public static final class HistoryDto {
        @XmlElement(name = "registration")
        public List<RegistrationDto> registrations;
    }

    /** Registration. */
    @XmlType(name = "RegistrationType", propOrder = {"registeredFrom", "registeredTo", "actor", "note", "effects"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"registeredFrom", "registeredTo", "actor", "note", "effects"})
    public static final class RegistrationDto {
        public String registeredFrom;
        public String registeredTo;
        public String actor;
        public String note;
        @XmlElement(name = "effect")
        public List<EffectDto> effects;
    }

    /** Value with validity. */
    @XmlType(name = "EffectType", propOrder = {"validFrom", "validTo", "value"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"validFrom", "validTo", "value"})
    public static final class EffectDto {
        public String validFrom;
        public String validTo;
        @XmlElements({
            @XmlElement(name = "case", type = CaseDto.class),
            @XmlElement(name = "document", type = DocumentDto.class),
            @XmlElement(name = "benefit", type = BenefitDto.class),
            @XmlElement(name = "person", type = PersonDto.class),
            @XmlElement(name = "company", type = CompanyDto.class),
            @XmlElement(name = "organisationUnit", type = OrganisationUnitDto.class),
        })
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
        @JsonSubTypes({
            @JsonSubTypes.Type(value = CaseDto.class, name = "case"),
            @JsonSubTypes.Type(value = DocumentDto.class, name = "document"),
            @JsonSubTypes.Type(value = BenefitDto.class, name = "benefit"),
            @JsonSubTypes.Type(value = PersonDto.class, name = "person"),
            @JsonSubTypes.Type(value = CompanyDto.class, name = "company"),
            @JsonSubTypes.Type(value = OrganisationUnitDto.class, name = "organisationUnit"),
        })
        public Object value;
    }
}

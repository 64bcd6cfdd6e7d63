package dk.rammearkitektur.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A hand-written, fully populated case graph for example-based tests. */
public final class Samples {
    public static final PartyId PERSON_ID = PartyId.of(UUID.fromString("6f1c2b7e-0d5a-4c3e-9a51-2b1f0e7d8c90"));
    public static final PartyId GUARDIAN_ID = PartyId.of(UUID.fromString("0b6a9b0e-5f0e-4a57-8f7e-51b2b0b1e1a2"));
    public static final PartyId COMPANY_ID = PartyId.of(UUID.fromString("c3d1f1a2-7b8e-4f0a-b6c1-9e2d3f4a5b6c"));
    public static final DocumentId DECISION_ID = DocumentId.of(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"));

    private Samples() {
    }

    public static Person person() {
        return Person.builder().id(PERSON_ID).cpr(Cpr.parse("0707614285")).name("Jens Hansen")
                .address(Address.danish("Rådhuspladsen 1, 2. tv", "1550", "København V"))
                .contact(ContactDetails.of("jens@example.dk", "+45 12 34 56 78")).build();
    }

    public static Person guardian() {
        return Person.builder().id(GUARDIAN_ID).cpr(Cpr.parse("1503801236")).name("Hemmelig Værge")
                .addressProtected(true).build();
    }

    public static Company company() {
        return Company.builder().id(COMPANY_ID).cvr(Cvr.parse("25313763")).pNumber(PNumber.parse("1003388394"))
                .name("Eksempel ApS").address(new Address("Main Street 1", "SW1A 1AA", "London", "GB")).build();
    }

    public static OrganisationUnit unit() {
        return OrganisationUnit.of(PartyId.of(UUID.fromString("11111111-2222-4333-8444-555555555555")), "Borgerservice");
    }

    public static Document decision() {
        return Document.builder().id(DECISION_ID).title("Afgørelse om tilskud\nside 1").letterDate(LocalDate.of(2026, 3, 2))
                .type(DocumentType.DECISION).direction(DocumentDirection.OUTGOING)
                .addVariant(DocumentVariant.of(VariantKind.PRODUCTION, List.of(
                        DocumentPart.of("afgorelse.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                                12345, "a".repeat(64)))))
                .addVariant(DocumentVariant.of(VariantKind.ARCHIVE, List.of(
                        DocumentPart.of("afgorelse.pdf", "application/pdf", 0, "0123456789abcdef".repeat(4)),
                        DocumentPart.of("bilag.pdf", "application/pdf", Long.MAX_VALUE, "f".repeat(64)))))
                .build();
    }

    public static Benefit benefit() {
        return Benefit.builder().id(BenefitId.of(UUID.fromString("22222222-3333-4444-8555-666666666666")))
                .type(ClassificationCode.of("KL-ydelser", "SEL-41")).recipient(PERSON_ID)
                .grantPeriod(DatePeriod.of(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 12, 31)))
                .amount(new BigDecimal("1234.5")).frequency(Frequency.MONTHLY).status(BenefitStatus.GRANTED)
                .addDecisionDocument(DECISION_ID).legalBasis("Serviceloven § 41 & <andet>").build();
    }

    public static Case aCase() {
        return Case.builder().id(CaseId.of(UUID.fromString("33333333-4444-4555-8666-777777777777")))
                .caseNumber("2026-27.24.00-G01-17").title("Merudgifter til barn").classification(KleNumber.parse("27.24.00 G01"))
                .status(CaseStatus.IN_PROGRESS).caseworker(Caseworker.of(UUID.fromString("44444444-5555-4666-8777-888888888888"), "Sagsbehandler Sørensen"))
                .owningUnit(unit()).confidentiality(Confidentiality.STRICTLY_CONFIDENTIAL)
                .addParty(person(), PartyRole.PRIMARY_PARTY).addParty(guardian(), PartyRole.GUARDIAN)
                .addParty(company(), PartyRole.REPRESENTATIVE)
                .addDocument(JournalEntry.of(decision(), LocalDate.of(2026, 3, 3), DocumentRole.DECISION))
                .addBenefit(benefit()).build();
    }

    public static History<Case> history() {
        Case c = aCase();
        Instant t0 = Instant.parse("2026-01-05T08:00:00Z");
        Instant t1 = Instant.parse("2026-03-03T12:30:15.123456789Z");
        History<Case> h = History.start(t0, "user-1", "oprettet",
                List.of(Effect.of(Validity.from(Instant.parse("2026-01-01T00:00:00Z")), c.toBuilder().status(CaseStatus.CREATED).build())));
        return h.register(t1, "user-2", null, List.of(
                Effect.of(Validity.of(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-03-01T00:00:00Z")),
                        c.toBuilder().status(CaseStatus.CREATED).build()),
                Effect.of(Validity.from(Instant.parse("2026-03-01T00:00:00Z")), c)));
    }
}

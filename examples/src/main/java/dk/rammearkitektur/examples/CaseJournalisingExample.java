package dk.rammearkitektur.examples;

import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.ClassificationCode;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentDirection;
import dk.rammearkitektur.model.DocumentId;
import dk.rammearkitektur.model.DocumentPart;
import dk.rammearkitektur.model.DocumentRole;
import dk.rammearkitektur.model.DocumentType;
import dk.rammearkitektur.model.DocumentVariant;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.Frequency;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.JournalEntry;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Validity;
import dk.rammearkitektur.model.VariantKind;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Case handling with the domain model: open a case (sag) with a primary party and a benefit application (ydelse),
 * journalise documents (journalisering), grant the benefit, and keep a bitemporal history (registrering and
 * virkning) that answers "what did we know then about what was valid when". Every step validates and throws
 * {@link dk.rammearkitektur.core.ValidationException} with the field path on bad input.
 */
public final class CaseJournalisingExample {
    private CaseJournalisingExample() {
    }

    /**
     * Opens a case for {@code citizen} with a benefit application.
     *
     * @param caseNumber the case number (sagsnummer)
     * @param kle the KLE classification, e.g. {@code 32.18.00 G01}
     * @param citizen the primary party
     * @param caseworker the caseworker (sagsbehandler)
     * @param unit the owning unit (ansvarlig enhed)
     * @param benefitCode the benefit type in the municipality's catalogue
     * @param weeklyAmount the amount applied for, per week
     * @return the case, status CREATED
     */
    public static Case openCase(String caseNumber, String kle, Person citizen, Caseworker caseworker,
            OrganisationUnit unit, String benefitCode, BigDecimal weeklyAmount) {
        Objects.requireNonNull(citizen, "citizen == null");
        Benefit application = Benefit.builder().id(BenefitId.random())
                .type(ClassificationCode.of("KL-ydelser", benefitCode)).recipient(citizen.id())
                .amount(weeklyAmount).frequency(Frequency.WEEKLY).status(BenefitStatus.APPLIED)
                .legalBasis("Lov om sygedagpenge").build();
        return Case.builder().id(CaseId.random()).caseNumber(caseNumber).title(benefitCode)
                .classification(KleNumber.parse(kle)).caseworker(caseworker).owningUnit(unit)
                .addParty(citizen, PartyRole.PRIMARY_PARTY).addBenefit(application).build();
    }

    /** Adds another party (for example the employer) to the case in {@code role}. */
    public static Case addParty(Case c, Party party, PartyRole role) {
        return c.toBuilder().addParty(party, role).build();
    }

    /**
     * A document whose single part is {@code content}; the model keeps name, type, size and SHA-256, the bytes
     * stay in the vendor's document store.
     */
    public static Document document(String title, DocumentType type, DocumentDirection direction, LocalDate letterDate,
            String fileName, String mediaType, byte[] content) {
        Objects.requireNonNull(content, "content == null");
        return Document.builder().id(DocumentId.random()).title(title).type(type).direction(direction)
                .letterDate(letterDate)
                .addVariant(DocumentVariant.of(VariantKind.ARCHIVE,
                        List.of(DocumentPart.of(fileName, mediaType, content.length, sha256(content)))))
                .build();
    }

    /** Journalises {@code document} on the case in {@code role} on {@code date}. */
    public static Case journalise(Case c, Document document, DocumentRole role, LocalDate date) {
        return c.toBuilder().addDocument(JournalEntry.of(document, date, role)).build();
    }

    /**
     * Grants the case's first benefit from {@code from} on the strength of {@code decision} (which must be
     * journalised on the case) and moves the case to IN_PROGRESS.
     */
    public static Case grant(Case c, DocumentId decision, LocalDate from) {
        Benefit applied = c.benefits().get(0);
        Benefit granted = applied.toBuilder().grantPeriod(DatePeriod.startingOn(from)).addDecisionDocument(decision)
                .build().withStatus(BenefitStatus.GRANTED);
        Case updated = c.toBuilder().benefits(List.of(granted)).build();
        return updated.status() == CaseStatus.CREATED ? updated.withStatus(CaseStatus.IN_PROGRESS) : updated;
    }

    /**
     * Records {@code value} in the history, valid from {@code validFrom}, as known from {@code at}.
     *
     * @param history the history so far, or null to start one
     * @param value the case as now known
     * @param at when the change is recorded (after the latest registration)
     * @param validFrom from when the value is valid in the real world
     * @param actor who records it
     * @param note why
     * @return the new history
     */
    public static History<Case> record(History<Case> history, Case value, Instant at, Instant validFrom, String actor,
            String note) {
        List<Effect<Case>> effects = List.of(Effect.of(Validity.from(validFrom), value));
        return history == null ? History.start(at, actor, note, effects) : history.register(at, actor, note, effects);
    }

    /** What the system knew at {@code knownAt} about the case as valid at {@code validAt}. */
    public static Optional<Case> asOf(History<Case> history, Instant knownAt, Instant validAt) {
        return history.asOf(knownAt, validAt);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}

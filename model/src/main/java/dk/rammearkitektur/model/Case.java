package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A case (sag): number, title, KLE classification, status, caseworker and owning organisation unit, parties with
 * roles, journalised documents, benefits and confidentiality.
 *
 * <p>The case is checked as a whole: party, document and benefit ids are unique, there is at most one primary party,
 * every benefit's recipient, grantee and payees are parties of the case and every decision document is journalised
 * on it. Status changes go through {@link #withStatus(CaseStatus)} and {@link #reopen(String)}, which allow only legal transitions.
 */
public final class Case {
    private final CaseId id;
    private final String caseNumber;
    private final String title;
    private final KleNumber classification;
    private final CaseStatus status;
    private final String statusReason;
    private final Caseworker caseworker;
    private final OrganisationUnit owningUnit;
    private final Confidentiality confidentiality;
    private final List<CaseParty> parties;
    private final List<JournalEntry> documents;
    private final List<Benefit> benefits;

    private Case(Builder b) {
        this.id = b.id;
        this.caseNumber = b.caseNumber;
        this.title = b.title;
        this.classification = b.classification;
        this.status = b.status;
        this.statusReason = b.statusReason;
        this.caseworker = b.caseworker;
        this.owningUnit = b.owningUnit;
        this.confidentiality = b.confidentiality;
        this.parties = List.copyOf(b.parties);
        this.documents = List.copyOf(b.documents);
        this.benefits = List.copyOf(b.benefits);
    }

    /** A builder; status starts as {@link CaseStatus#CREATED}, confidentiality as {@link Confidentiality#CONFIDENTIAL}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this case's values. */
    public Builder toBuilder() {
        return new Builder().id(id).caseNumber(caseNumber).title(title).classification(classification).status(status)
                .statusReason(statusReason).caseworker(caseworker).owningUnit(owningUnit).confidentiality(confidentiality)
                .parties(parties).documents(documents).benefits(benefits);
    }

    /** The identity. */
    public CaseId id() {
        return id;
    }

    /** The case number (sagsnummer) shown to users, e.g. {@code 2026-27.24.00-G01-123}. */
    public String caseNumber() {
        return caseNumber;
    }

    /** The title (sagstitel). */
    public String title() {
        return title;
    }

    /** The KLE classification. */
    public KleNumber classification() {
        return classification;
    }

    /** The status. */
    public CaseStatus status() {
        return status;
    }

    /** The reason given for the latest status change, if one was given (always present after reopening). */
    public Optional<String> statusReason() {
        return Optional.ofNullable(statusReason);
    }

    /** The responsible caseworker. */
    public Caseworker caseworker() {
        return caseworker;
    }

    /** The organisation unit that owns the case (ansvarlig enhed). */
    public OrganisationUnit owningUnit() {
        return owningUnit;
    }

    /** How confidential the case is. */
    public Confidentiality confidentiality() {
        return confidentiality;
    }

    /** The parties with their roles. */
    public List<CaseParty> parties() {
        return parties;
    }

    /** The journalised documents. */
    public List<JournalEntry> documents() {
        return documents;
    }

    /** The benefits. */
    public List<Benefit> benefits() {
        return benefits;
    }

    /** The primary party, if the case has one. */
    public Optional<Party> primaryParty() {
        return parties.stream().filter(p -> p.role() == PartyRole.PRIMARY_PARTY).map(CaseParty::party).findFirst();
    }

    /** The party with the given id, if it takes part in the case. */
    public Optional<Party> party(PartyId partyId) {
        return parties.stream().map(CaseParty::party).filter(p -> p.id().equals(partyId)).findFirst();
    }

    /**
     * This case in status {@code target}, without a reason.
     *
     * @param target the new status
     * @return the changed case
     * @throws ValidationException at {@code case.status} for an illegal transition or when reopening (which needs
     *     a reason: use {@link #reopen(String)})
     */
    public Case withStatus(CaseStatus target) {
        return withStatus(target, null);
    }

    /**
     * This case in status {@code target}, recording {@code reason} as {@link #statusReason()}.
     *
     * @param target the new status
     * @param reason why; required for reopening, otherwise may be {@code null}
     * @return the changed case
     * @throws ValidationException at {@code case.status} or {@code case.statusReason}
     */
    public Case withStatus(CaseStatus target, String reason) {
        Objects.requireNonNull(target, "target == null");
        if (!status.canTransitionTo(target)) {
            throw new ValidationException("case.status", "cannot go from " + status + " to " + target);
        }
        if (status.requiresReason(target) && (reason == null || reason.isBlank())) {
            throw new ValidationException("case.statusReason", "reopening a closed case needs a reason");
        }
        return toBuilder().status(target).statusReason(reason).build();
    }

    /**
     * Reopens a closed or decided case (genoptagelse): CLOSED or DECIDED to IN_PROGRESS.
     *
     * @param reason why the case is reopened; not blank
     * @return the reopened case
     * @throws ValidationException when the case is neither closed nor decided, or the reason is blank
     */
    public Case reopen(String reason) {
        return withStatus(CaseStatus.IN_PROGRESS, reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Case c && id.equals(c.id) && caseNumber.equals(c.caseNumber) && title.equals(c.title)
                && classification.equals(c.classification) && status == c.status
                && Objects.equals(statusReason, c.statusReason) && caseworker.equals(c.caseworker)
                && owningUnit.equals(c.owningUnit) && confidentiality == c.confidentiality && parties.equals(c.parties)
                && documents.equals(c.documents) && benefits.equals(c.benefits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, caseNumber, title, classification, status, statusReason, caseworker, owningUnit,
                confidentiality, parties, documents, benefits);
    }

    @Override
    public String toString() {
        return "Case[id=" + id + ", caseNumber=" + caseNumber + ", title=" + title + ", classification=" + classification
                + ", status=" + status + ", parties=" + parties + ", documents=" + documents.size() + ", benefits="
                + benefits.size() + "]";
    }

    /** Builds a {@link Case}; {@link #build()} reports every problem at once, with its path. */
    public static final class Builder {
        private CaseId id;
        private String caseNumber;
        private String title;
        private KleNumber classification;
        private CaseStatus status = CaseStatus.CREATED;
        private String statusReason;
        private Caseworker caseworker;
        private OrganisationUnit owningUnit;
        private Confidentiality confidentiality = Confidentiality.CONFIDENTIAL;
        private List<CaseParty> parties = new ArrayList<>();
        private List<JournalEntry> documents = new ArrayList<>();
        private List<Benefit> benefits = new ArrayList<>();

        private Builder() {
        }

        /** Sets the id. */
        public Builder id(CaseId value) {
            this.id = value;
            return this;
        }

        /** Sets the case number. */
        public Builder caseNumber(String value) {
            this.caseNumber = value;
            return this;
        }

        /** Sets the title. */
        public Builder title(String value) {
            this.title = value;
            return this;
        }

        /** Sets the KLE classification. */
        public Builder classification(KleNumber value) {
            this.classification = value;
            return this;
        }

        /** Sets the status (when loading stored data; use {@link Case#withStatus} for changes). */
        public Builder status(CaseStatus value) {
            this.status = value;
            return this;
        }

        /** Sets the reason for the latest status change ({@code null} for none). */
        public Builder statusReason(String value) {
            this.statusReason = value;
            return this;
        }

        /** Sets the caseworker. */
        public Builder caseworker(Caseworker value) {
            this.caseworker = value;
            return this;
        }

        /** Sets the owning organisation unit. */
        public Builder owningUnit(OrganisationUnit value) {
            this.owningUnit = value;
            return this;
        }

        /** Sets the confidentiality. */
        public Builder confidentiality(Confidentiality value) {
            this.confidentiality = value;
            return this;
        }

        /** Replaces the parties. */
        public Builder parties(List<CaseParty> value) {
            this.parties = Checks.copy(value);
            return this;
        }

        /** Adds a party with a role. */
        public Builder addParty(Party party, PartyRole role) {
            return addParty(CaseParty.of(party, role));
        }

        /** Adds a party. */
        public Builder addParty(CaseParty value) {
            if (parties == null) {
                parties = new ArrayList<>();
            }
            parties.add(value);
            return this;
        }

        /** Replaces the journalised documents. */
        public Builder documents(List<JournalEntry> value) {
            this.documents = Checks.copy(value);
            return this;
        }

        /** Journalises a document. */
        public Builder addDocument(JournalEntry value) {
            if (documents == null) {
                documents = new ArrayList<>();
            }
            documents.add(value);
            return this;
        }

        /** Replaces the benefits. */
        public Builder benefits(List<Benefit> value) {
            this.benefits = Checks.copy(value);
            return this;
        }

        /** Adds a benefit. */
        public Builder addBenefit(Benefit value) {
            if (benefits == null) {
                benefits = new ArrayList<>();
            }
            benefits.add(value);
            return this;
        }

        /**
         * Builds the case.
         *
         * @return the case
         * @throws ValidationException listing every violation under {@code case}, e.g.
         *     {@code case.benefits[0].recipient: must be a party of the case}
         */
        public Case build() {
            Violations v = Violations.at("case");
            Checks.required(v, "id", id);
            Checks.text(v, "caseNumber", caseNumber, 100);
            Checks.text(v, "title", title, 500);
            Checks.required(v, "classification", classification);
            Checks.required(v, "status", status);
            Checks.optionalText(v, "statusReason", statusReason, 2000);
            Checks.required(v, "caseworker", caseworker);
            Checks.required(v, "owningUnit", owningUnit);
            Checks.required(v, "confidentiality", confidentiality);
            Set<PartyId> partyIds = Set.of();
            if (Checks.required(v, "parties", parties)) {
                partyIds = Checks.uniqueElements(v, "parties", parties, p -> p.party().id(), "party id");
                boolean primarySeen = false;
                for (int i = 0; i < parties.size(); i++) {
                    CaseParty p = parties.get(i);
                    if (p != null && p.role() == PartyRole.PRIMARY_PARTY) {
                        if (primarySeen) {
                            v.add("parties[" + i + "].role", "a case has at most one primary party");
                        }
                        primarySeen = true;
                    }
                }
            }
            Set<DocumentId> documentIds = Set.of();
            if (Checks.required(v, "documents", documents)) {
                documentIds = Checks.uniqueElements(v, "documents", documents, d -> d.document().id(), "document id");
            }
            if (Checks.required(v, "benefits", benefits)) {
                Checks.uniqueElements(v, "benefits", benefits, Benefit::id, "benefit id");
                for (int i = 0; i < benefits.size(); i++) {
                    Benefit b = benefits.get(i);
                    if (b == null) {
                        continue;
                    }
                    // paths are built only for a violation: this loop runs on every case read
                    if (!partyIds.contains(b.recipient())) {
                        v.add("benefits[" + i + "].recipient", "must be a party of the case");
                    }
                    if (b.grantee().isPresent() && !partyIds.contains(b.grantee().get())) {
                        v.add("benefits[" + i + "].grantee", "must be a party of the case");
                    }
                    for (int j = 0; j < b.payments().size(); j++) {
                        Optional<PartyId> payee = b.payments().get(j).payee();
                        if (payee.isPresent() && !partyIds.contains(payee.get())) {
                            v.add("benefits[" + i + "].payments[" + j + "].payee", "must be a party of the case");
                        }
                    }
                    for (int j = 0; j < b.decisionDocuments().size(); j++) {
                        if (!documentIds.contains(b.decisionDocuments().get(j))) {
                            v.add("benefits[" + i + "].decisionDocuments[" + j + "]",
                                    "must be a document journalised on the case");
                        }
                    }
                }
            }
            v.throwIfAny();
            return new Case(this);
        }
    }
}

package dk.rammearkitektur.model;

/**
 * A party (part): a {@link Person}, a {@link Company} or an {@link OrganisationUnit}. Parties take part in cases
 * through a {@link CaseParty} with a role.
 */
public sealed interface Party permits Person, Company, OrganisationUnit {
    /** The party's identity. */
    PartyId id();

    /** Display name. */
    String name();

    /** Contact details; {@link ContactDetails#none()} when unknown. */
    ContactDetails contact();
}

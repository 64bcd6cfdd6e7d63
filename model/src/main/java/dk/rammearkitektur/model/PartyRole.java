package dk.rammearkitektur.model;

/** The role a party has in a case (partsrolle). */
public enum PartyRole {
    /** Primær part: the person or company the case is about; at most one per case. */
    PRIMARY_PARTY,
    /** Sekundær part: another party to the case. */
    SECONDARY_PARTY,
    /** Værge: legal guardian. */
    GUARDIAN,
    /** Partsrepræsentant: representative acting for a party. */
    REPRESENTATIVE,
    /** Bisidder: assistant at meetings. */
    ASSISTANT,
    /** Ansvarlig enhed or other involved authority. */
    AUTHORITY
}

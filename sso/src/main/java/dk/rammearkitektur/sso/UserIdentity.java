package dk.rammearkitektur.sso;

import java.util.Optional;

/**
 * Who logged in: a {@link Professional} (someone acting for an organisation, a caseworker or a business user) or a
 * {@link Citizen}. Read with {@link Identities#fromAttributes}.
 */
public sealed interface UserIdentity permits Professional, Citizen {
    /** The NameID value of the assertion's subject. */
    String nameId();

    /** The NSIS level of assurance, when the assertion carried one. */
    Optional<LevelOfAssurance> levelOfAssurance();

    /**
     * The OIOSAML 2 AssuranceLevel: as read, or derived from the NSIS level ({@link LevelOfAssurance#legacyAssuranceLevel()})
     * when only that was carried.
     */
    int assuranceLevel();
}

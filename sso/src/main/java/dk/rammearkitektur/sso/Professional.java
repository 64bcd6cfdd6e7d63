package dk.rammearkitektur.sso;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.sso.internal.SsoTexts;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import dk.rammearkitektur.sso.privileges.UserRights;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person acting for an organisation: a municipal caseworker logged in through the Context Handler, or a business
 * user (erhvervsidentitet) through NemLog-in. A NemLog-in business user is this type, not a {@link Citizen}: it
 * carries the same professional attributes (UUID, CVR, organisation name), and its privileges may simply be empty.
 * {@code toString()} masks a CPR number.
 *
 * @param uuid the professional's persistent UUID
 * @param cvr the organisation's CVR number (8 digits; not modulus-11 checked, as test organisations fail it)
 * @param organisationName the organisation's name (always present from OIOSAML 3)
 * @param name the person's name (full name, or first and last name)
 * @param emails the e-mail addresses, possibly none
 * @param levelOfAssurance the NSIS level, if carried
 * @param assuranceLevel the OIOSAML 2 AssuranceLevel, as read or derived
 * @param cpr the CPR number, when the assertion carried it (personal data)
 * @param privileges the privilege list; empty when the assertion carried none
 * @param nameId the subject's NameID value
 */
public record Professional(UUID uuid, String cvr, Optional<String> organisationName, Optional<String> name,
        List<String> emails, Optional<LevelOfAssurance> levelOfAssurance, int assuranceLevel, Optional<Cpr> cpr,
        PrivilegeList privileges, String nameId) implements UserIdentity {

    /** Validates the required parts. */
    public Professional {
        if (uuid == null) {
            throw new ValidationException("professional.uuid", "is required");
        }
        if (cvr == null || cvr.length() != 8 || !cvr.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException("professional.cvr", "must be 8 digits");
        }
        organisationName = Objects.requireNonNullElse(organisationName, Optional.empty());
        name = Objects.requireNonNullElse(name, Optional.empty());
        emails = emails == null ? List.of() : List.copyOf(emails);
        levelOfAssurance = Objects.requireNonNullElse(levelOfAssurance, Optional.empty());
        cpr = Objects.requireNonNullElse(cpr, Optional.empty());
        privileges = Objects.requireNonNullElse(privileges, PrivilegeList.empty());
        SsoTexts.requireToken(nameId, "professional.nameId", true);
    }

    /** The rights for the organisation the professional logged in for (the groups scoped to {@link #cvr()}). */
    public UserRights rights() {
        return privileges.forCvr(cvr);
    }

    @Override
    public String toString() {
        return PersonalData.maskCprNumbers("Professional[uuid=" + uuid + ", cvr=" + cvr + ", organisationName="
                + organisationName.orElse("-") + ", name=" + name.orElse("-") + ", emails=" + emails
                + ", levelOfAssurance=" + levelOfAssurance.map(Enum::name).orElse("-") + ", assuranceLevel="
                + assuranceLevel + ", cpr=" + cpr.map(Cpr::toString).orElse("-") + ", privileges=" + privileges
                + ", nameId=" + nameId + "]");
    }
}

package dk.rammearkitektur.sso;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.sso.internal.SsoTexts;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A person acting privately, logged in through NemLog-in. Business users are {@link Professional}s.
 * {@code toString()} masks the CPR number ({@code DDMMYY-****}).
 *
 * @param uuid the person's persistent UUID, from a persistent NameID
 * @param cpr the CPR number, when the service provider may receive it (personal data)
 * @param cprUuid the CPR-UUID, if carried
 * @param firstName the first name(s), if carried
 * @param lastName the last name, if carried
 * @param fullName the full name, if carried
 * @param levelOfAssurance the NSIS level, if carried
 * @param assuranceLevel the OIOSAML 2 AssuranceLevel, as read or derived
 * @param nameId the subject's NameID value
 */
public record Citizen(Optional<UUID> uuid, Optional<Cpr> cpr, Optional<UUID> cprUuid, Optional<String> firstName,
        Optional<String> lastName, Optional<String> fullName, Optional<LevelOfAssurance> levelOfAssurance,
        int assuranceLevel, String nameId) implements UserIdentity {

    /** Replaces absent optionals by empty ones and checks the NameID. */
    public Citizen {
        uuid = Objects.requireNonNullElse(uuid, Optional.empty());
        cpr = Objects.requireNonNullElse(cpr, Optional.empty());
        cprUuid = Objects.requireNonNullElse(cprUuid, Optional.empty());
        firstName = Objects.requireNonNullElse(firstName, Optional.empty());
        lastName = Objects.requireNonNullElse(lastName, Optional.empty());
        fullName = Objects.requireNonNullElse(fullName, Optional.empty());
        levelOfAssurance = Objects.requireNonNullElse(levelOfAssurance, Optional.empty());
        SsoTexts.requireToken(nameId, "citizen.nameId", true);
    }

    /** The name to show: the full name, else first and last name joined, else empty. */
    public Optional<String> displayName() {
        if (fullName.isPresent()) {
            return fullName;
        }
        String joined = (firstName.orElse("") + " " + lastName.orElse("")).strip();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    @Override
    public String toString() {
        return PersonalData.maskCprNumbers("Citizen[uuid=" + uuid.map(UUID::toString).orElse("-") + ", cpr="
                + cpr.map(Cpr::toString).orElse("-") + ", cprUuid=" + cprUuid.map(UUID::toString).orElse("-")
                + ", name=" + displayName().orElse("-") + ", levelOfAssurance="
                + levelOfAssurance.map(Enum::name).orElse("-") + ", assuranceLevel=" + assuranceLevel + ", nameId="
                + nameId + "]");
    }
}

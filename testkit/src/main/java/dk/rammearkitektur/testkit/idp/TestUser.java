package dk.rammearkitektur.testkit.idp;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.privileges.BppNamespace;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A person the simulator can log in: a professional (employee of an organisation with a CVR number, with privileges)
 * or a citizen (with a CPR number). Made with {@link #professional(String)} or {@link #citizen(String)}. The
 * {@code key} names the user on the login page and in {@link IdentityProviderSimulator.Builder#autoLogin(String)}.
 * {@code toString()} masks the CPR number.
 */
public final class TestUser {
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern CVR = Pattern.compile("[0-9]{8}");
    private static final Pattern CPR = Pattern.compile("[0-9]{10}");

    private final String key;
    private final boolean professional;
    private final UUID uuid;
    private final String cvr;
    private final String orgName;
    private final String firstName;
    private final String lastName;
    private final String email;
    private final LevelOfAssurance loa;
    private final PrivilegeList privileges;
    private final BppNamespace privilegeNamespace;
    private final String cpr;

    private TestUser(Builder b) {
        this.key = b.key;
        this.professional = b.professional;
        this.uuid = b.uuid == null ? UUID.nameUUIDFromBytes(("user:" + b.key).getBytes(java.nio.charset.StandardCharsets.UTF_8)) : b.uuid;
        this.cvr = b.cvr;
        this.orgName = b.orgName;
        this.firstName = b.firstName;
        this.lastName = b.lastName;
        this.email = b.email;
        this.loa = b.loa;
        this.privileges = b.privileges;
        this.privilegeNamespace = b.privilegeNamespace;
        this.cpr = b.cpr;
    }

    /** Starts a professional with this key; CVR and names are required, LoA defaults to Substantial. */
    public static Builder professional(String key) {
        return new Builder(key, true);
    }

    /** Starts a citizen with this key; CPR and names are required, LoA defaults to Substantial. */
    public static Builder citizen(String key) {
        return new Builder(key, false);
    }

    /** The key on the login page. */
    public String key() {
        return key;
    }

    /** True for a professional, false for a citizen. */
    public boolean isProfessional() {
        return professional;
    }

    /** The user's UUID: the professional UUID, or a citizen's CPR-UUID (person UUID). */
    public UUID uuid() {
        return uuid;
    }

    /** The CVR number of a professional's organisation. */
    public Optional<String> cvr() {
        return Optional.ofNullable(cvr);
    }

    /** The organisation's name. */
    public Optional<String> orgName() {
        return Optional.ofNullable(orgName);
    }

    /** The first name. */
    public String firstName() {
        return firstName;
    }

    /** The last name. */
    public String lastName() {
        return lastName;
    }

    /** First and last name. */
    public String fullName() {
        return firstName + " " + lastName;
    }

    /** The email address. */
    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    /** The level of assurance the login has. */
    public LevelOfAssurance loa() {
        return loa;
    }

    /** A professional's privileges (empty list when none were given). */
    public PrivilegeList privileges() {
        return privileges;
    }

    /** The BPP namespace the privileges are written in. */
    public BppNamespace privilegeNamespace() {
        return privilegeNamespace;
    }

    /** A citizen's CPR number (unmasked: for building the assertion only). */
    public Optional<String> cpr() {
        return Optional.ofNullable(cpr);
    }

    @Override
    public String toString() {
        return (professional ? "Professional " : "Citizen ") + key + " (" + fullName()
                + (cvr == null ? "" : ", CVR " + cvr) + (cpr == null ? "" : ", CPR " + PersonalData.maskCpr(cpr))
                + ", " + loa + ")";
    }

    /** Builds a {@link TestUser}; {@link #build()} checks the fields and names the one that is wrong. */
    public static final class Builder {
        private final String key;
        private final boolean professional;
        private UUID uuid;
        private String cvr;
        private String orgName;
        private String firstName;
        private String lastName;
        private String email;
        private LevelOfAssurance loa = LevelOfAssurance.SUBSTANTIAL;
        private PrivilegeList privileges = PrivilegeList.empty();
        private BppNamespace privilegeNamespace = BppNamespace.V1_0_1;
        private String cpr;

        private Builder(String key, boolean professional) {
            this.key = key;
            this.professional = professional;
        }

        /** The user's UUID (professional UUID or CPR-UUID); default derived from the key. */
        public Builder uuid(UUID uuid) {
            this.uuid = uuid;
            return this;
        }

        /** A professional's CVR number (8 digits). */
        public Builder cvr(String cvr) {
            this.cvr = cvr;
            return this;
        }

        /** The organisation's name. */
        public Builder orgName(String orgName) {
            this.orgName = orgName;
            return this;
        }

        /** First and last name. */
        public Builder name(String firstName, String lastName) {
            this.firstName = firstName;
            this.lastName = lastName;
            return this;
        }

        /** The email address. */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** The level of assurance. */
        public Builder loa(LevelOfAssurance loa) {
            this.loa = loa;
            return this;
        }

        /** A professional's privileges, written in {@code namespace}. */
        public Builder privileges(PrivilegeList privileges, BppNamespace namespace) {
            this.privileges = privileges;
            this.privilegeNamespace = namespace;
            return this;
        }

        /** A citizen's CPR number (10 digits). */
        public Builder cpr(String cpr) {
            this.cpr = cpr;
            return this;
        }

        /**
         * Checks and builds.
         *
         * @throws ValidationException naming the field ({@code key}, {@code cvr}, {@code cpr}, {@code name}, ...) and
         *     the rule
         */
        public TestUser build() {
            if (key == null || !KEY.matcher(key).matches()) {
                throw new ValidationException("key", "must be 1 to 64 letters, digits, '.', '_' or '-'");
            }
            if (firstName == null || firstName.isBlank() || lastName == null || lastName.isBlank()) {
                throw new ValidationException("name", "first and last name are required");
            }
            if (loa == null) {
                throw new ValidationException("loa", "is required");
            }
            if (privileges == null || privilegeNamespace == null) {
                throw new ValidationException("privileges", "list and namespace are required");
            }
            if (professional) {
                if (cvr == null || !CVR.matcher(cvr).matches()) {
                    throw new ValidationException("cvr", "a professional needs a CVR number of 8 digits");
                }
                if (orgName == null || orgName.isBlank()) {
                    throw new ValidationException("orgName", "a professional needs the organisation's name");
                }
                if (cpr != null) {
                    throw new ValidationException("cpr", "is for citizens only");
                }
            } else {
                if (cpr == null || !CPR.matcher(cpr).matches()) {
                    throw new ValidationException("cpr", "a citizen needs a CPR number of 10 digits");
                }
                dk.rammearkitektur.model.Cpr.parse(cpr);
                if (cvr != null || !privileges.groups().isEmpty()) {
                    throw new ValidationException("cvr", "CVR and privileges are for professionals only");
                }
            }
            return new TestUser(this);
        }
    }
}

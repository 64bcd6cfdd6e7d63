package dk.rammearkitektur.sso.internal;

import static dk.rammearkitektur.sso.Identities.CPR_NUMBER;
import static dk.rammearkitektur.sso.Identities.CPR_UUID;
import static dk.rammearkitektur.sso.Identities.EMAIL;
import static dk.rammearkitektur.sso.Identities.FIRST_NAME;
import static dk.rammearkitektur.sso.Identities.FULL_NAME;
import static dk.rammearkitektur.sso.Identities.LAST_NAME;
import static dk.rammearkitektur.sso.Identities.LEGACY_ASSURANCE_LEVEL;
import static dk.rammearkitektur.sso.Identities.LEGACY_COMMON_NAME;
import static dk.rammearkitektur.sso.Identities.LEGACY_CPR;
import static dk.rammearkitektur.sso.Identities.LEGACY_CVR;
import static dk.rammearkitektur.sso.Identities.LEGACY_EMAIL;
import static dk.rammearkitektur.sso.Identities.LEGACY_ORG_NAME;
import static dk.rammearkitektur.sso.Identities.LEGACY_PRIVILEGES;
import static dk.rammearkitektur.sso.Identities.LEGACY_SURNAME;
import static dk.rammearkitektur.sso.Identities.NSIS_LOA;
import static dk.rammearkitektur.sso.Identities.PERSON_NAME_ID_PREFIX;
import static dk.rammearkitektur.sso.Identities.PRIVILEGES;
import static dk.rammearkitektur.sso.Identities.PROFESSIONAL_CVR;
import static dk.rammearkitektur.sso.Identities.PROFESSIONAL_NAME_ID_PREFIX;
import static dk.rammearkitektur.sso.Identities.PROFESSIONAL_ORG_NAME;
import static dk.rammearkitektur.sso.Identities.PROFESSIONAL_UUID;
import static dk.rammearkitektur.sso.Identities.X509_SUBJECT_NAME;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.XmlSecurityException;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.sso.Citizen;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.Professional;
import dk.rammearkitektur.sso.UserIdentity;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Reads a {@link UserIdentity} from NameID and attributes. Not API: use {@code Identities.fromAttributes}. */
public final class IdentityReader {
    private static final String DATA_GOV = "https://data.gov.dk/";
    private static final String URN_UUID = "urn:uuid:";

    private final Map<String, List<String>> attributes;

    private IdentityReader(Map<String, List<String>> attributes) {
        this.attributes = attributes;
    }

    /** See {@code Identities.fromAttributes}. */
    public static UserIdentity read(String nameId, String nameIdFormat, Map<String, List<String>> attributes) {
        if (nameId == null || nameId.isBlank()) {
            throw new ValidationException("nameId", "is required");
        }
        if (attributes == null) {
            throw new ValidationException("attributes", "are required");
        }
        String id = nameId.strip();
        IdentityReader r = new IdentityReader(attributes);
        boolean oiosaml3 = attributes.keySet().stream().anyMatch(k -> k != null && k.startsWith(DATA_GOV));
        Optional<LevelOfAssurance> loa = r.single(NSIS_LOA).map(v -> r.under(NSIS_LOA, () -> LevelOfAssurance.fromValue(v)));
        Optional<Integer> legacy = r.single(LEGACY_ASSURANCE_LEVEL).map(IdentityReader::legacyLevel);
        if (loa.isEmpty() && legacy.isEmpty()) {
            throw new ValidationException("attributes", "a level of assurance is required: " + NSIS_LOA + " or "
                    + LEGACY_ASSURANCE_LEVEL);
        }
        int assuranceLevel = legacy.orElseGet(() -> loa.get().legacyAssuranceLevel());
        if (oiosaml3) {
            boolean professional = id.startsWith(PROFESSIONAL_NAME_ID_PREFIX) || r.present(PROFESSIONAL_CVR)
                    || r.present(PROFESSIONAL_ORG_NAME) || r.present(PROFESSIONAL_UUID);
            return professional ? r.professional3(id, loa, assuranceLevel) : r.citizen3(id, loa, assuranceLevel);
        }
        Map<String, String> subject = X509_SUBJECT_NAME.equals(nameIdFormat) ? subjectName(id) : Map.of();
        boolean professional = r.present(LEGACY_CVR) || subject.containsKey("O");
        return professional ? r.professional2(id, subject, loa, assuranceLevel) : r.citizen2(id, loa, assuranceLevel);
    }

    private Professional professional3(String nameId, Optional<LevelOfAssurance> loa, int assuranceLevel) {
        String cvr = cvr(PROFESSIONAL_CVR, required(PROFESSIONAL_CVR, "is required for a professional"));
        String orgName = required(PROFESSIONAL_ORG_NAME, "is required for a professional");
        Optional<UUID> fromAttribute = single(PROFESSIONAL_UUID).map(v -> uuid(PROFESSIONAL_UUID, v));
        Optional<UUID> fromNameId = nameId.startsWith(PROFESSIONAL_NAME_ID_PREFIX)
                ? Optional.of(uuid("nameId", nameId.substring(PROFESSIONAL_NAME_ID_PREFIX.length()))) : Optional.empty();
        if (fromAttribute.isPresent() && fromNameId.isPresent() && !fromAttribute.equals(fromNameId)) {
            throw new ValidationException("nameId", "names another UUID than " + PROFESSIONAL_UUID);
        }
        UUID uuid = fromAttribute.or(() -> fromNameId).orElseThrow(() -> new ValidationException(path(PROFESSIONAL_UUID),
                "is required for a professional unless the NameID is " + PROFESSIONAL_NAME_ID_PREFIX + "<uuid>"));
        Optional<String> name = single(FULL_NAME).or(() -> joined(single(FIRST_NAME), single(LAST_NAME)));
        return new Professional(uuid, cvr, Optional.of(orgName), name, all(EMAIL), loa, assuranceLevel, cpr(CPR_NUMBER),
                privileges(PRIVILEGES), nameId);
    }

    private Citizen citizen3(String nameId, Optional<LevelOfAssurance> loa, int assuranceLevel) {
        Optional<UUID> uuid = nameId.startsWith(PERSON_NAME_ID_PREFIX)
                ? Optional.of(uuid("nameId", nameId.substring(PERSON_NAME_ID_PREFIX.length()))) : Optional.empty();
        return new Citizen(uuid, cpr(CPR_NUMBER), single(CPR_UUID).map(v -> uuid(CPR_UUID, v)), single(FIRST_NAME),
                single(LAST_NAME), single(FULL_NAME), loa, assuranceLevel, nameId);
    }

    private Professional professional2(String nameId, Map<String, String> subject, Optional<LevelOfAssurance> loa,
            int assuranceLevel) {
        Optional<String> fromAttribute = single(LEGACY_CVR).map(v -> cvr(LEGACY_CVR, v));
        Optional<String> fromNameId = Optional.ofNullable(subject.get("O")).map(v -> cvr("nameId", v));
        if (fromAttribute.isPresent() && fromNameId.isPresent() && !fromAttribute.equals(fromNameId)) {
            throw new ValidationException("nameId", "O= names another CVR number than " + LEGACY_CVR);
        }
        String cvr = fromAttribute.or(() -> fromNameId).orElseThrow(
                () -> new ValidationException(path(LEGACY_CVR), "is required for a professional"));
        String serial = subject.get("SERIAL");
        if (serial == null) {
            throw new ValidationException("nameId", "must be an X509SubjectName with Serial=<user UUID> for a professional");
        }
        UUID uuid = uuid("nameId", serial);
        Optional<String> name = single(LEGACY_COMMON_NAME).or(() -> Optional.ofNullable(subject.get("CN")));
        return new Professional(uuid, cvr, single(LEGACY_ORG_NAME), name, all(LEGACY_EMAIL), loa, assuranceLevel,
                cpr(LEGACY_CPR), privileges(LEGACY_PRIVILEGES), nameId);
    }

    private Citizen citizen2(String nameId, Optional<LevelOfAssurance> loa, int assuranceLevel) {
        return new Citizen(Optional.empty(), cpr(LEGACY_CPR), Optional.empty(), Optional.empty(), single(LEGACY_SURNAME),
                single(LEGACY_COMMON_NAME), loa, assuranceLevel, nameId);
    }

    /**
     * Splits an X.509 subject name {@code C=DK,O=<CVR>,CN=<name>,Serial=<uuid>} at unescaped commas; keys upper-cased,
     * values trimmed with {@code \,} unescaped.
     */
    static Map<String, String> subjectName(String dn) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < dn.length(); i++) {
            char c = dn.charAt(i);
            if (c == '\\' && i + 1 < dn.length()) {
                cur.append(dn.charAt(++i));
            } else if (c == ',') {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        for (String part : parts) {
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw new ValidationException("nameId", "must be an X.509 subject name of key=value parts separated by commas");
            }
            String key = part.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            if (out.put(key, part.substring(eq + 1).strip()) != null) {
                throw new ValidationException("nameId", "names " + key + " more than once");
            }
        }
        return out;
    }

    private static int legacyLevel(String v) {
        if (v.length() == 1 && v.charAt(0) >= '1' && v.charAt(0) <= '4') {
            return v.charAt(0) - '0';
        }
        throw new ValidationException(path(LEGACY_ASSURANCE_LEVEL), "must be 1, 2, 3 or 4");
    }

    private static String path(String attribute) {
        return "attributes[" + attribute + "]";
    }

    private <T> T under(String attribute, java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ValidationException e) {
            throw e.under(path(attribute));
        }
    }

    private boolean present(String name) {
        List<String> values = attributes.get(name);
        return values != null && values.stream().anyMatch(v -> v != null && !v.isBlank());
    }

    private Optional<String> single(String name) {
        List<String> given = all(name);
        if (given.size() > 1) {
            throw new ValidationException(path(name), "must have one value, not " + given.size());
        }
        return given.stream().findFirst();
    }

    private List<String> all(String name) {
        List<String> values = attributes.get(name);
        return values == null ? List.of()
                : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    private String required(String name, String rule) {
        return single(name).orElseThrow(() -> new ValidationException(path(name), rule));
    }

    private static String cvr(String where, String value) {
        if (value.length() != 8 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException("nameId".equals(where) ? where : path(where), "a CVR number must be 8 digits");
        }
        return value;
    }

    private static UUID uuid(String where, String value) {
        String v = value.regionMatches(true, 0, URN_UUID, 0, URN_UUID.length()) ? value.substring(URN_UUID.length()) : value;
        if (!SsoTexts.isUuid(v)) {
            throw new ValidationException("nameId".equals(where) ? where : path(where), "must be a UUID");
        }
        return UUID.fromString(v);
    }

    private Optional<Cpr> cpr(String name) {
        return single(name).map(v -> under(name, () -> Cpr.parse(v)));
    }

    /** Reads a privilege list attribute; every failure names the attribute in front of the list's own path. */
    private PrivilegeList privileges(String name) {
        return single(name).map(v -> {
            try {
                return PrivilegeList.parse(v);
            } catch (ValidationException e) {
                throw e.under(path(name));
            } catch (XmlSecurityException e) {
                throw new XmlSecurityException(e.reason(), path(name) + "." + e.getMessage(), null);
            } catch (XmlParseException e) {
                throw new XmlParseException(path(name) + "." + e.getMessage(), null);
            }
        }).orElse(PrivilegeList.empty());
    }

    private static Optional<String> joined(Optional<String> first, Optional<String> last) {
        String j = (first.orElse("") + " " + last.orElse("")).strip();
        return j.isEmpty() ? Optional.empty() : Optional.of(j);
    }
}

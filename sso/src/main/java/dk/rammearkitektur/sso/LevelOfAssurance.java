package dk.rammearkitektur.sso;

import dk.rammearkitektur.core.ValidationException;
import java.util.Locale;

/**
 * An NSIS level of assurance, as OIOSAML 3 carries it in {@code https://data.gov.dk/concept/core/nsis/loa} (values
 * {@code Low}, {@code Substantial}, {@code High}) and requests it as
 * {@code https://data.gov.dk/concept/core/nsis/loa/<Level>}.
 *
 * <p>The legacy OIOSAML 2 attribute {@code dk:gov:saml:attribute:AssuranceLevel} (2 = password, 3 = certificate) is on
 * another scale. {@link #legacyAssuranceLevel()} maps Low to 2 and Substantial and High to 3, the mapping OIOSAML.Java
 * uses ({@code NSISLevel.java} in digst/OIOSAML.Java). There is no mapping the other way: a legacy level does not say
 * which NSIS level a login met, so an identity read with only a legacy level has no {@code LevelOfAssurance} (the SDK's
 * choice).
 */
public enum LevelOfAssurance {
    /** NSIS Low. */
    LOW("Low", 2),
    /** NSIS Substantial. */
    SUBSTANTIAL("Substantial", 3),
    /** NSIS High. */
    HIGH("High", 3);

    /** The prefix of the level URIs used in a RequestedAuthnContext. */
    public static final String URI_PREFIX = "https://data.gov.dk/concept/core/nsis/loa/";

    private final String value;
    private final int legacy;

    LevelOfAssurance(String value, int legacy) {
        this.value = value;
        this.legacy = legacy;
    }

    /** The attribute value: {@code Low}, {@code Substantial} or {@code High}. */
    public String value() {
        return value;
    }

    /** The level as an authentication context URI, e.g. {@code https://data.gov.dk/concept/core/nsis/loa/Substantial}. */
    public String uri() {
        return URI_PREFIX + value;
    }

    /** The OIOSAML 2 AssuranceLevel this level counts as: 2 for Low, 3 for Substantial and High. */
    public int legacyAssuranceLevel() {
        return legacy;
    }

    /** Whether this level is {@code required} or higher. */
    public boolean isAtLeast(LevelOfAssurance required) {
        return compareTo(required) >= 0;
    }

    /**
     * Reads an attribute value: {@code Low}, {@code Substantial} or {@code High} (any case), or the level's URI.
     *
     * @throws ValidationException at path {@code levelOfAssurance} for anything else
     */
    public static LevelOfAssurance fromValue(String text) {
        if (text != null) {
            String t = text.strip();
            if (t.startsWith(URI_PREFIX)) {
                t = t.substring(URI_PREFIX.length());
            }
            for (LevelOfAssurance l : values()) {
                if (l.value.toLowerCase(Locale.ROOT).equals(t.toLowerCase(Locale.ROOT))) {
                    return l;
                }
            }
        }
        throw new ValidationException("levelOfAssurance", "must be Low, Substantial or High");
    }
}

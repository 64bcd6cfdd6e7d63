package dk.rammearkitektur.clients.digitalpost.memo;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The MeMo format version (MeMo-version) of a message. Both versions share the namespace
 * {@code https://DigitalPost.dk/MeMo-1}; the version is carried in the {@code memoVersion} attribute.
 *
 * <p>MeMo 1.1 also needs a {@code memoSchVersion} attribute and always carries {@code mandatory} and
 * {@code legalNotification}; MeMo 1.2 drops {@code memoSchVersion} and adds the sender's {@link Representative}.
 */
public enum MemoVersion {
    /** MeMo 1.1. */
    V1_1("1.1"),
    /** MeMo 1.2, in production since March 2025. */
    V1_2("1.2");

    /** The {@code memoSchVersion} written for MeMo 1.1 when none is given. */
    public static final String DEFAULT_SCHEMA_VERSION_1_1 = "1.1.0";

    private final String attribute;

    MemoVersion(String attribute) {
        this.attribute = attribute;
    }

    /** The value of the {@code memoVersion} attribute, e.g. {@code 1.2}. */
    public String attribute() {
        return attribute;
    }

    /** Finds the version a {@code memoVersion} attribute (an {@code xs:decimal}) names, e.g. {@code 1.1} or {@code 1.10}. */
    public static Optional<MemoVersion> fromAttribute(String value) {
        Objects.requireNonNull(value, "value == null");
        BigDecimal d;
        try {
            d = new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        for (MemoVersion v : values()) {
            if (new BigDecimal(v.attribute).compareTo(d) == 0) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}

package dk.rammearkitektur.model;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.internal.Checks;
import java.util.Objects;
import java.util.Optional;

/**
 * A classification reference in KLE (Kommunernes Landsforenings Emnesystematik): a main group {@code dd}, group
 * {@code dd.dd} or topic {@code dd.dd.dd}, optionally with a handling facet (handlingsfacet) such as {@code G01}.
 * Written as {@code 27.24.00} or {@code 27.24.00 G01}.
 */
public final class KleNumber {

    private final String number;
    private final String facet;

    private KleNumber(String number, String facet) {
        this.number = number;
        this.facet = facet;
    }

    /**
     * Parses {@code dd}, {@code dd.dd} or {@code dd.dd.dd}, optionally followed by one space and a facet.
     *
     * @param text the reference
     * @return the reference
     * @throws ValidationException at path {@code kle} when the form is wrong
     */
    public static KleNumber parse(String text) {
        if (text == null) {
            throw new ValidationException("kle", "is required");
        }
        int space = text.indexOf(' ');
        return space < 0 ? of(text, null) : of(text.substring(0, space), text.substring(space + 1));
    }

    /**
     * Creates a reference from its number and optional facet.
     *
     * @param number {@code dd}, {@code dd.dd} or {@code dd.dd.dd}
     * @param facet a letter and two digits such as {@code G01}, or {@code null}
     * @return the reference
     */
    public static KleNumber of(String number, String facet) {
        if (number == null || !isNumber(number)) {
            throw new ValidationException("kle", "must be dd, dd.dd or dd.dd.dd, optionally followed by a space and a facet such as G01");
        }
        if (facet != null && !(facet.length() == 3 && facet.charAt(0) >= 'A' && facet.charAt(0) <= 'Z'
                && Checks.digits(facet, 1, 3))) {
            throw new ValidationException("kle", "the handling facet must be a capital letter and two digits, such as G01");
        }
        return new KleNumber(number, facet);
    }

    private static boolean isNumber(String s) {
        int n = s.length();
        if (n != 2 && n != 5 && n != 8) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            boolean ok = i % 3 == 2 ? c == '.' : c >= '0' && c <= '9';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The number without facet, e.g. {@code 27.24.00}. */
    public String number() {
        return number;
    }

    /** The handling facet, e.g. {@code G01}, if given. */
    public Optional<String> facet() {
        return Optional.ofNullable(facet);
    }

    /** 1 for a main group, 2 for a group, 3 for a topic. */
    public int level() {
        return (number.length() + 1) / 3;
    }

    /** Same number with another facet ({@code null} for none). */
    public KleNumber withFacet(String newFacet) {
        return of(number, newFacet);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KleNumber other && number.equals(other.number) && Objects.equals(facet, other.facet);
    }

    @Override
    public int hashCode() {
        return Objects.hash(number, facet);
    }

    /** The form {@link #parse(String)} accepts: {@code 27.24.00} or {@code 27.24.00 G01}. */
    @Override
    public String toString() {
        return facet == null ? number : number + " " + facet;
    }
}

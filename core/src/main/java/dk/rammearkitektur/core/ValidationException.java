package dk.rammearkitektur.core;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Input broke one or more rules. Carries every {@link Violation} found, not just the first, and its message lists
 * them all: {@code 2 violations: sag.titel: must not be blank; sag.parter[2].cpr: must be 10 digits}.
 */
public class ValidationException extends RammearkitekturException {
    private static final long serialVersionUID = 1L;

    private final List<Violation> violations;

    /** Creates the exception from at least one violation. */
    public ValidationException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Creates the exception from one violation. */
    public ValidationException(String path, String rule) {
        this(List.of(Violation.of(path, rule)));
    }

    /** Creates the exception from one violation with its underlying cause. */
    public ValidationException(String path, String rule, Throwable cause) {
        super(describe(List.of(Violation.of(path, rule))), cause);
        this.violations = List.of(Violation.of(path, rule));
    }

    /** Every violation found, in the order found; never empty. */
    public List<Violation> violations() {
        return violations;
    }

    /** Returns a copy of this exception with {@code prefix} put in front of every path. */
    public ValidationException under(String prefix) {
        return new ValidationException(violations.stream().map(v -> v.under(prefix)).collect(Collectors.toList()));
    }

    private static String describe(List<Violation> violations) {
        Objects.requireNonNull(violations, "violations == null");
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a ValidationException needs at least one violation");
        }
        String list = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
        return violations.size() == 1 ? list : violations.size() + " violations: " + list;
    }
}

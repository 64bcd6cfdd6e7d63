package dk.rammearkitektur.core;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Collects violations while a value or builder is checked, then throws them all at once.
 *
 * <pre>{@code
 * Violations v = Violations.at("sag");
 * v.require(title != null && !title.isBlank(), "titel", "must not be blank");
 * v.nested("parter[0]", () -> party.validate());
 * v.throwIfAny();
 * }</pre>
 *
 * <p>Not thread-safe; use one per validation.
 */
public final class Violations {
    private final String prefix;
    private final List<Violation> found = new ArrayList<>();

    private Violations(String prefix) {
        this.prefix = prefix;
    }

    /** Starts a collection whose paths are all under {@code prefix} (may be empty for top-level values). */
    public static Violations at(String prefix) {
        return new Violations(prefix == null ? "" : prefix);
    }

    /** Records a violation at {@code field} (relative to the prefix) unless {@code condition} holds; returns the condition. */
    public boolean require(boolean condition, String field, String rule) {
        if (!condition) {
            add(field, rule);
        }
        return condition;
    }

    /** Records a violation at {@code field} (relative to the prefix). */
    public Violations add(String field, String rule) {
        found.add(Violation.of(path(field), rule));
        return this;
    }

    /** Records every violation of {@code e}, re-rooted under this collection's prefix. */
    public Violations addAll(ValidationException e) {
        for (Violation v : e.violations()) {
            found.add(prefix.isEmpty() ? v : v.under(prefix));
        }
        return this;
    }

    /**
     * Runs {@code check} (which may throw {@link ValidationException}) and records its violations under
     * {@code field}; returns the check's value, or {@code null} when it failed.
     */
    public <T> T nested(String field, Supplier<T> check) {
        try {
            return check.get();
        } catch (ValidationException e) {
            for (Violation v : e.violations()) {
                found.add(v.under(path(field)));
            }
            return null;
        }
    }

    /** True when nothing was found. */
    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** What was found so far. */
    public List<Violation> list() {
        return List.copyOf(found);
    }

    /** Throws one {@link ValidationException} with everything found, if anything was. */
    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }

    private String path(String field) {
        if (field == null || field.isEmpty()) {
            return prefix.isEmpty() ? "$" : prefix;
        }
        if (prefix.isEmpty()) {
            return field;
        }
        return field.startsWith("[") ? prefix + field : prefix + "." + field;
    }
}

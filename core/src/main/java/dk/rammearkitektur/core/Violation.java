package dk.rammearkitektur.core;

import java.util.Objects;

/**
 * One broken rule: where ({@code path}, e.g. {@code sag.parter[2].cpr}) and what ({@code rule}, e.g.
 * {@code must be 10 digits}). The rule text never repeats the offending value when that value may be personal data.
 *
 * @param path the field path, dotted with indexes in brackets; never blank
 * @param rule what the value broke, in words; never blank
 */
public record Violation(String path, String rule) {
    /** Validates that both parts are present. */
    public Violation {
        Objects.requireNonNull(path, "path == null");
        Objects.requireNonNull(rule, "rule == null");
        if (path.isBlank()) {
            throw new IllegalArgumentException("path is blank");
        }
        if (rule.isBlank()) {
            throw new IllegalArgumentException("rule is blank");
        }
    }

    /** Static factory, reads well at call sites: {@code Violation.of("cvr", "must be 8 digits")}. */
    public static Violation of(String path, String rule) {
        return new Violation(path, rule);
    }

    /** Returns the same rule with {@code prefix} put in front of the path, as when a child is validated inside its parent. */
    public Violation under(String prefix) {
        Objects.requireNonNull(prefix, "prefix == null");
        if (prefix.isEmpty()) {
            return this;
        }
        return new Violation(path.startsWith("[") ? prefix + path : prefix + "." + path, rule);
    }

    @Override
    public String toString() {
        return path + ": " + rule;
    }
}

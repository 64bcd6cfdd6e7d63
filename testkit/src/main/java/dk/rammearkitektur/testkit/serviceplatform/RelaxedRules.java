package dk.rammearkitektur.testkit.serviceplatform;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The rules a simulated index no longer enforces (tests relax them); some rules cannot be relaxed. Thread-safe. */
final class RelaxedRules {
    private final Set<String> fixed;
    private final Set<String> relaxed = ConcurrentHashMap.newKeySet();

    /** With the rules {@code fixed} that cannot be relaxed. */
    RelaxedRules(Set<String> fixed) {
        this.fixed = Set.copyOf(fixed);
    }

    /**
     * Relaxes {@code ruleIds}.
     *
     * @throws IllegalArgumentException for a rule that cannot be relaxed
     */
    void relax(String... ruleIds) {
        for (String id : ruleIds) {
            if (fixed.contains(id)) {
                throw new IllegalArgumentException(id + " cannot be relaxed");
            }
            relaxed.add(id);
        }
    }

    /** Enforces every rule again. */
    void clear() {
        relaxed.clear();
    }

    /** True when {@code ruleId} is relaxed. */
    boolean contains(String ruleId) {
        return relaxed.contains(ruleId);
    }
}

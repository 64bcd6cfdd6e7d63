package dk.rammearkitektur.testkit.serviceplatform;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One request a simulator received on a service or STS endpoint, with the conformance violations recorded while it
 * was handled (none: the request conformed). Kept for the latest requests only ({@link ServiceplatformSimulator#requests()}).
 *
 * @param sequence the simulator's running number of the request, from 1
 * @param at when it arrived, by the simulator's clock
 * @param endpoint the endpoint id, as in {@code requestCounts()}
 * @param violations the violations recorded for it, oldest first
 */
public record ReceivedRequest(long sequence, Instant at, String endpoint, List<ConformanceViolation> violations) {
    /** Checks the parts and copies the list. */
    public ReceivedRequest {
        Objects.requireNonNull(at, "at == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        violations = List.copyOf(violations);
    }

    /** Whether no violation was recorded for the request. */
    public boolean conformant() {
        return violations.isEmpty();
    }
}

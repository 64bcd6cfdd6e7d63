package dk.rammearkitektur.spring.boot.internal;

import java.util.Map;
import java.util.Set;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The outcome of the latest call to each service the clients called: DOWN when a service's latest call could not get
 * an answer (timeout, connection, HTTP status, transport, an unreadable reply, the STS refusing the token, a reply that
 * failed its security check), UP when every latest call got one (a service's refusal, {@code fault}, is an answer),
 * UNKNOWN before any call was observed. Details per service: outcome, fault code, time. The SDK's choice of which
 * outcomes count as down.
 */
public final class ClientCallsHealthIndicator extends AbstractHealthIndicator {
    /** Outcomes that mean the service could not be reached or not be trusted. */
    static final Set<String> DOWN = Set.of("timeout", "connection", "http-status", "transport", "malformed-reply",
            "sts-refused", "security-check");
    private final LastCallOutcomes outcomes;

    /** Reports {@code outcomes}. */
    public ClientCallsHealthIndicator(LastCallOutcomes outcomes) {
        super("The rammearkitektur clients' calls could not be checked");
        this.outcomes = outcomes;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, LastCallOutcomes.Outcome> latest = outcomes.latest();
        if (latest.isEmpty()) {
            builder.unknown().withDetail("calls", "none observed yet (the clients record calls through the "
                    + "application's ObservationRegistry)");
            return;
        }
        boolean down = false;
        for (Map.Entry<String, LastCallOutcomes.Outcome> e : latest.entrySet()) {
            LastCallOutcomes.Outcome o = e.getValue();
            builder.withDetail(e.getKey(), Map.of("outcome", o.outcome(), "faultCode", o.faultCode(),
                    "at", o.at().toString()));
            down |= DOWN.contains(o.outcome());
        }
        if (down) {
            builder.down();
        } else {
            builder.up();
        }
    }
}

package dk.rammearkitektur.spring.boot.internal;

import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers the outcome of the latest call to each service, from the clients' {@code rammearkitektur.client.call}
 * observations (their low-cardinality keys only: service, outcome, fault code; never personal data).
 */
public final class LastCallOutcomes implements ObservationHandler<Observation.Context> {
    /** The observation the SDK's clients record per call. */
    public static final String CALL = "rammearkitektur.client.call";

    /**
     * The latest call to one service.
     *
     * @param outcome {@code success}, {@code fault}, {@code timeout}, ... (see docs/observability.md)
     * @param faultCode the service's fault code, or {@code none}
     * @param at when the call ended
     */
    public record Outcome(String outcome, String faultCode, Instant at) {
    }

    private final Map<String, Outcome> latest = new ConcurrentHashMap<>();
    private final Clock clock;

    /** Remembers outcomes stamped with {@code clock}'s time. */
    public LastCallOutcomes(Clock clock) {
        this.clock = clock;
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return CALL.equals(context.getName());
    }

    @Override
    public void onStop(Observation.Context context) {
        String service = value(context, "service");
        if (service != null) {
            latest.put(service, new Outcome(String.valueOf(value(context, "outcome")),
                    String.valueOf(value(context, "fault.code")), clock.instant()));
        }
    }

    /** The latest outcome per service, by service. */
    public Map<String, Outcome> latest() {
        return new TreeMap<>(latest);
    }

    private static String value(Observation.Context context, String key) {
        KeyValue kv = context.getLowCardinalityKeyValue(key);
        return kv == null ? null : kv.getValue();
    }
}

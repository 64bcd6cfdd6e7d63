package dk.rammearkitektur.testkit.serviceplatform;

import java.time.Instant;

/**
 * One rule a request broke, as the simulator saw it.
 *
 * @param at when the request arrived (simulator clock)
 * @param endpoint the endpoint, e.g. {@code SF1520} or {@code STS}
 * @param correlationId the request's MessageID, or null when it had none
 * @param code the fault code the platform answers with in strict mode (see {@link PlatformFaults}), or the rule id of
 *     a Sags- og Dokumentindeks rule (see {@link SagDokumentIndeksRules})
 * @param detail what exactly was wrong
 */
public record ConformanceViolation(Instant at, String endpoint, String correlationId, String code, String detail) {
    @Override
    public String toString() {
        return at + " " + endpoint + " [" + code + "] " + detail + (correlationId == null ? "" : " (" + correlationId + ")");
    }
}

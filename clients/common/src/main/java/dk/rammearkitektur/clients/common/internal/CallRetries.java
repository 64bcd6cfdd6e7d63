package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.CallTimeoutException;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceCallException;
import dk.rammearkitektur.core.Timeouts;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.function.Supplier;
import org.slf4j.Logger;
import dk.rammearkitektur.core.MalformedReplyException;

/**
 * The one retry loop of the SOAP clients: runs the attempts of one logical call, retrying a failure only when it
 * {@link ServiceCallException#isRetrySafe()} and the {@link RetryPolicy} allows another attempt, all within the total
 * timeout; turns a {@link ReplyShapeException} into the call's {@code MalformedReplyException} (never retried); logs
 * one debug line per attempt with timing, never a payload (exception texts are CPR-masked); records one
 * {@value ClientObservations#CALL} observation for the whole call, with a {@link ClientObservations#RETRY} event per
 * retry.
 */
public final class CallRetries {
    private CallRetries() {
    }

    /** One attempt; {@code timeout} gives the time the attempt may wait for its reply, asked when it sends. */
    @FunctionalInterface
    public interface Attempt<T> {
        /** Runs the attempt. */
        T run(Supplier<Duration> timeout);
    }

    /**
     * Runs {@code attempt} until it succeeds or a failure ends the call (see the class comment), observed in
     * {@code observations}.
     */
    public static <T> T run(Logger log, ObservationRegistry observations, ServiceCall call, RetryPolicy retry,
            Timeouts timeouts, Attempt<T> attempt) {
        Observation observation = ClientObservations.startCall(observations, call);
        try (Observation.Scope scope = ClientObservations.scope(observation)) {
            return attempts(log, observation, call, retry, timeouts, attempt);
        } catch (RuntimeException | Error e) {
            ClientObservations.failed(observation, e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    private static <T> T attempts(Logger log, Observation observation, ServiceCall call, RetryPolicy retry,
            Timeouts timeouts, Attempt<T> attempt) {
        long deadline = System.nanoTime() + timeouts.total().toNanos();
        int n = 0;
        while (true) {
            n++;
            long t0 = System.nanoTime();
            try {
                T result;
                try {
                    result = attempt.run(() -> attemptTimeout(call, timeouts, deadline));
                } catch (ReplyShapeException e) {
                    throw e.forCall(call);
                }
                if (log.isDebugEnabled()) {
                    log.debug("{} {} ok in {} ms (correlation id {}, attempt {})", call.service(), call.operation(),
                            millis(t0), call.correlationId(), n);
                }
                return result;
            } catch (RammearkitekturException e) {
                if (log.isDebugEnabled()) {
                    log.debug("{} {} failed in {} ms (correlation id {}, attempt {}): {}: {}", call.service(),
                            call.operation(), millis(t0), call.correlationId(), n, e.getClass().getSimpleName(),
                            PersonalData.maskCprNumbers(e.getMessage()));
                }
                if (!(e instanceof ServiceCallException sce) || !sce.isRetrySafe() || !retry.shouldRetry(n, true)) {
                    throw e;
                }
                Duration delay = retry.delay(n, ThreadLocalRandom.current()::nextDouble);
                // an attempt with less than a quarter of the shorter of the connect and read timeouts would only
                // hide this failure behind a timeout
                if (deadline - (System.nanoTime() + delay.toNanos())
                        < Math.min(timeouts.connect().toNanos(), timeouts.read().toNanos()) / 4) {
                    throw e;
                }
                observation.event(ClientObservations.RETRY);
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException ie) {
                    // interrupted while waiting to retry: give up with the failure that caused the wait
                    Thread.currentThread().interrupt();
                    e.addSuppressed(ie);
                    throw e;
                }
            }
        }
    }

    /** The read timeout, or what is left of the total when that is shorter; a timeout when nothing is left. */
    private static Duration attemptTimeout(ServiceCall call, Timeouts timeouts, long deadline) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new CallTimeoutException(call, "the total timeout of " + timeouts.total().toMillis()
                    + " ms is used up", true, null);
        }
        return Duration.ofNanos(Math.min(left, timeouts.read().toNanos()));
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}

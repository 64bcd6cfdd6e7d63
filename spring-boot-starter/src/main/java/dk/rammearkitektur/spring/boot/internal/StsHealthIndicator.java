package dk.rammearkitektur.spring.boot.internal;

import dk.rammearkitektur.core.PersonalData;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * Whether the configured STSs answer: asks each distinct STS endpoint for a new token through a client's
 * {@code checkSts()} (past the clients' token caches) and reuses the verdict for an interval, so frequent health polls
 * do not become token requests. A poll waits at most the timeout for a running check and reports DOWN when it has no
 * verdict by then (the check goes on and its verdict serves the next polls). Details per STS: endpoint, the clients it
 * serves, and when UP the new token's expiry ({@code validUntil}), when DOWN the exception's type and message (CPR
 * numbers masked); {@code lastChecked} overall. UNKNOWN when no client with STS tokens is configured.
 */
public final class StsHealthIndicator implements HealthIndicator, AutoCloseable {
    /**
     * One client's STS.
     *
     * @param client the client's section name, e.g. {@code klassifikation}
     * @param endpoint the STS issue endpoint the client uses
     * @param check asks the STS for a new token; returns its expiry, throws when the STS does not issue one
     */
    public record Target(String client, URI endpoint, Supplier<Instant> check) {
        /** Requires every part. */
        public Target {
            Objects.requireNonNull(client, "client == null");
            Objects.requireNonNull(endpoint, "endpoint == null");
            Objects.requireNonNull(check, "check == null");
        }
    }

    private final Supplier<List<Target>> targets;
    private final Duration interval;
    private final Duration timeout;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "rammearkitektur-sts-health");
        t.setDaemon(true);
        return t;
    });
    private Health verdict;
    private Instant checkedAt;
    private CompletableFuture<Health> running;

    /**
     * Checks the {@code targets} (asked for on the first check, when the clients exist), reusing a verdict for
     * {@code interval}, waiting at most {@code timeout} for a check.
     */
    public StsHealthIndicator(Supplier<List<Target>> targets, Duration interval, Duration timeout, Clock clock) {
        this.targets = Objects.requireNonNull(targets, "targets == null");
        this.interval = Objects.requireNonNull(interval, "interval == null");
        this.timeout = Objects.requireNonNull(timeout, "timeout == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    @Override
    public Health health() {
        CompletableFuture<Health> check;
        Instant previous;
        synchronized (this) {
            if (verdict != null && clock.instant().isBefore(checkedAt.plus(interval))) {
                return verdict;
            }
            previous = checkedAt;
            check = running;
            if (check == null) {
                CompletableFuture<Health> started = CompletableFuture.supplyAsync(this::check, executor);
                running = started;
                check = started;
                // may run at once, on this thread (the lock is reentrant)
                started.whenComplete((h, e) -> finished(started, h, e));
            }
        }
        try {
            return check.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return waited(previous, "timeout", "no verdict within " + timeout.toMillis() + " ms (the check goes on)");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return waited(previous, "interrupted", "interrupted while waiting for the check");
        } catch (ExecutionException e) {
            return waited(previous, e.getCause().getClass().getSimpleName(), message(e.getCause()));
        }
    }

    private static Health waited(Instant previous, String type, String message) {
        Health.Builder b = Health.down().withDetail("errorType", type).withDetail("error", message);
        return (previous != null ? b.withDetail("lastChecked", previous.toString()) : b).build();
    }

    private synchronized void finished(CompletableFuture<Health> check, Health h, Throwable e) {
        if (running == check) {
            running = null;
        }
        if (h != null) {
            verdict = h;
            checkedAt = clock.instant();
        }
    }

    /** Asks each distinct STS once (with the first client that uses it). */
    private Health check() {
        Map<URI, List<Target>> byEndpoint = new LinkedHashMap<>();
        for (Target t : targets.get()) {
            byEndpoint.computeIfAbsent(t.endpoint(), k -> new ArrayList<>()).add(t);
        }
        if (byEndpoint.isEmpty()) {
            return Health.unknown().withDetail("sts", "no client with STS tokens is configured").build();
        }
        boolean up = true;
        Health.Builder b = Health.up();
        for (Map.Entry<URI, List<Target>> e : byEndpoint.entrySet()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("endpoint", e.getKey().toString());
            d.put("clients", e.getValue().stream().map(Target::client).toList());
            try {
                Instant validUntil = e.getValue().get(0).check().get();
                d.put("status", Status.UP.getCode());
                d.put("validUntil", validUntil.toString());
            } catch (RuntimeException ex) {
                up = false;
                d.put("status", Status.DOWN.getCode());
                d.put("errorType", ex.getClass().getSimpleName());
                d.put("error", message(ex));
            }
            b.withDetail(e.getValue().get(0).client(), d);
        }
        b.withDetail("lastChecked", clock.instant().toString());
        return (up ? b : b.down()).build();
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : PersonalData.maskCprNumbers(e.getMessage());
    }

    /** Stops the check's thread. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}

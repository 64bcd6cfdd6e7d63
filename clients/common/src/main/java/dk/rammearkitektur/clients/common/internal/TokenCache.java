package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.core.RammearkitekturException;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tokens per (service entity id, CVR, certificate fingerprint), renewed {@code margin} before they expire. Callers
 * that find no usable token share one request to the STS (single flight): the first installs a future, the others
 * wait on it. An STS fault is remembered for {@code faultBackoff} and thrown again without asking the STS, so a
 * refusing STS is never hammered; a transport failure is not remembered. Each {@link #get} is one
 * {@value ClientObservations#TOKEN} observation whose {@value ClientObservations#RESULT} says whether the token came
 * from the cache or from an STS request.
 */
public final class TokenCache {
    private static final Logger LOG = LoggerFactory.getLogger("dk.rammearkitektur.clients.serviceplatform.sts");

    private final StsClient sts;
    private final Clock clock;
    private final Duration margin;
    private final Duration faultBackoff;
    private final ObservationRegistry observations;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    /**
     * The cache key.
     *
     * @param entityId the service's entity id
     * @param cvr the authority's CVR number
     * @param certificate the system certificate's SHA-256 fingerprint
     */
    public record Key(String entityId, String cvr, String certificate) {
    }

    private static final class Entry {
        final CompletableFuture<IssuedToken> future = new CompletableFuture<>();
        volatile Instant failedUntil;
    }

    /** Creates the cache; {@code observations} receives one observation per token asked for. */
    public TokenCache(StsClient sts, Clock clock, Duration margin, Duration faultBackoff,
            ObservationRegistry observations) {
        this.observations = Objects.requireNonNull(observations, "observations == null");
        this.sts = Objects.requireNonNull(sts, "sts == null");
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.margin = Objects.requireNonNull(margin, "margin == null");
        this.faultBackoff = Objects.requireNonNull(faultBackoff, "faultBackoff == null");
    }

    /** A token valid for at least the renewal margin, from the cache or from one STS request. */
    public IssuedToken get(Key key) {
        Observation observation = ClientObservations.startToken(observations, key.entityId());
        try (Observation.Scope scope = ClientObservations.scope(observation)) {
            return get(key, observation);
        } catch (RuntimeException | Error e) {
            if (!observation.isNoop()) {
                observation.lowCardinalityKeyValue(ClientObservations.FAULT_CODE, ClientObservations.faultCode(e))
                        .error(e);
            }
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** {@link #get(Key)}, setting the observation's result (no-op calls on the no-op observation). */
    private IssuedToken get(Key key, Observation observation) {
        for (int round = 0; round < 8; round++) {
            Entry current = entries.get(key);
            if (current != null) {
                if (!current.future.isDone()) {
                    observation.lowCardinalityKeyValue(ClientObservations.RESULT, ClientObservations.RESULT_SHARED);
                    return await(current);
                }
                if (current.future.isCompletedExceptionally()) {
                    Instant until = current.failedUntil;
                    if (until != null && clock.instant().isBefore(until)) {
                        observation.lowCardinalityKeyValue(ClientObservations.RESULT,
                                ClientObservations.RESULT_BACKOFF);
                        return await(current);
                    }
                } else {
                    IssuedToken t = current.future.join();
                    if (clock.instant().plus(margin).isBefore(t.expires())) {
                        observation.lowCardinalityKeyValue(ClientObservations.RESULT,
                                ClientObservations.RESULT_CACHE_HIT);
                        return t;
                    }
                }
            }
            Entry fresh = new Entry();
            boolean mine = current == null ? entries.putIfAbsent(key, fresh) == null : entries.replace(key, current, fresh);
            if (mine) {
                fetch(key, fresh);
                observation.lowCardinalityKeyValue(ClientObservations.RESULT,
                        !fresh.future.isCompletedExceptionally() ? ClientObservations.RESULT_ISSUED
                                : fresh.failedUntil != null ? ClientObservations.RESULT_REFUSED
                                : ClientObservations.RESULT_FAILED);
                return await(fresh);
            }
        }
        throw new IllegalStateException("token cache contention did not settle");
    }

    /**
     * Asks the STS for a new token for {@code key} now, past the cache: neither reads nor changes it (a cached token
     * and a remembered refusal stay as they are), and records no observation. For health checks, which must see
     * whether the STS answers without disturbing the calls' tokens.
     *
     * @throws StsRefusedException when the STS refuses
     */
    public IssuedToken issueUncached(Key key) {
        Objects.requireNonNull(key, "key == null");
        return sts.issue(key.entityId(), key.cvr(), UUID.randomUUID().toString());
    }

    /** Drops every cached token and remembered fault. */
    public void clear() {
        entries.clear();
    }

    private void fetch(Key key, Entry entry) {
        String correlationId = UUID.randomUUID().toString();
        long t0 = System.nanoTime();
        try {
            IssuedToken t = sts.issue(key.entityId(), key.cvr(), correlationId);
            LOG.debug("STS token for {} issued in {} ms, expires {} (correlation id {})", key.entityId(),
                    (System.nanoTime() - t0) / 1_000_000, t.expires(), correlationId);
            entry.future.complete(t);
        } catch (StsRefusedException e) {
            entry.failedUntil = clock.instant().plus(faultBackoff);
            LOG.debug("STS refused a token for {}: {} (correlation id {}); not asking again before {}", key.entityId(),
                    e.faultCode(), correlationId, entry.failedUntil);
            entry.future.completeExceptionally(e);
        } catch (RuntimeException e) {
            entries.remove(key, entry);
            entry.future.completeExceptionally(e);
        }
    }

    private static IssuedToken await(Entry e) {
        try {
            return e.future.join();
        } catch (CompletionException ce) {
            Throwable cause = ce.getCause();
            if (cause instanceof StsRefusedException f) {
                throw f; // the same refusal for every caller during the back-off
            }
            if (cause instanceof RammearkitekturException re) {
                throw re;
            }
            throw ce;
        }
    }
}

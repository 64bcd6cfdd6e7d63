package dk.rammearkitektur.testkit.serviceplatform.internal;

import com.sun.net.httpserver.HttpHandler;
import dk.rammearkitektur.testkit.serviceplatform.ConformanceViolation;
import dk.rammearkitektur.testkit.serviceplatform.IssuedAssertion;
import dk.rammearkitektur.testkit.serviceplatform.ReceivedRequest;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A simulator's latest requests ({@value #KEPT} at most) with the violations recorded while each was handled, how many
 * requests each endpoint received (all of them, not only the kept ones), and the tokens its STS issued ({@value #KEPT}
 * at most). A violation is tied to the request being handled on the recording thread.
 */
public final class RequestLog {
    /** How many requests and tokens are kept; older ones are dropped. */
    public static final int KEPT = 1000;

    private final Clock clock;
    private final Deque<Entry> entries = new ArrayDeque<>();
    private final Deque<IssuedAssertion> tokens = new ArrayDeque<>();
    private final Map<String, Integer> counts = new TreeMap<>();
    private final ThreadLocal<Entry> current = new ThreadLocal<>();
    private long sequence;

    private static final class Entry {
        final long sequence;
        final java.time.Instant at;
        final String endpoint;
        final List<ConformanceViolation> violations = new CopyOnWriteArrayList<>();

        Entry(long sequence, java.time.Instant at, String endpoint) {
            this.sequence = sequence;
            this.at = at;
            this.endpoint = endpoint;
        }
    }

    /**
     * A log whose requests are timed by {@code clock}.
     *
     * @param clock the simulator's clock
     */
    public RequestLog(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock == null");
    }

    /**
     * {@code handler}, logging and counting each request it handles as one to {@code endpoint}.
     *
     * @param endpoint the endpoint id
     * @param handler the handler
     * @return the logging handler
     */
    public HttpHandler wrap(String endpoint, HttpHandler handler) {
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(handler, "handler == null");
        return ex -> {
            Entry e;
            synchronized (this) {
                e = new Entry(++sequence, clock.instant(), endpoint);
                counts.merge(endpoint, 1, Integer::sum);
                entries.addLast(e);
                if (entries.size() > KEPT) {
                    entries.removeFirst();
                }
            }
            current.set(e);
            try {
                handler.handle(ex);
            } finally {
                current.remove();
            }
        };
    }

    /**
     * Ties {@code violation} to the request the calling thread is handling; none outside a request.
     *
     * @param violation the violation just recorded
     */
    public void violation(ConformanceViolation violation) {
        Entry e = current.get();
        if (e != null) {
            e.violations.add(violation);
        }
    }

    /**
     * Notes a token the simulator's STS issued.
     *
     * @param token what it was issued for
     */
    public synchronized void issued(IssuedAssertion token) {
        tokens.addLast(Objects.requireNonNull(token, "token == null"));
        if (tokens.size() > KEPT) {
            tokens.removeFirst();
        }
    }

    /** The kept requests, oldest first. */
    public synchronized List<ReceivedRequest> requests() {
        List<ReceivedRequest> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(new ReceivedRequest(e.sequence, e.at, e.endpoint, e.violations));
        }
        return out;
    }

    /** The kept issued tokens, oldest first. */
    public synchronized List<IssuedAssertion> tokens() {
        return List.copyOf(tokens);
    }

    /** Every endpoint that received requests since start or the last {@link #clearRequests()}, with its count, by id. */
    public synchronized Map<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    /**
     * How many requests {@code endpoint} received since start or the last {@link #clearRequests()}.
     *
     * @param endpoint the endpoint id
     * @return the count, 0 for none
     */
    public synchronized int count(String endpoint) {
        return counts.getOrDefault(endpoint, 0);
    }

    /** Forgets the requests and their counts (not the tokens: a client may still hold them). */
    public synchronized void clearRequests() {
        entries.clear();
        counts.clear();
    }
}

package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.signing.DigestAlgorithm;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;

/**
 * Remembers assertions whose signature one verifier already checked, keyed by the SHA-256 of their exclusive
 * canonical form (signature included): the same bytes verify the same way with the same trust, so the signature need
 * not be checked again. An entry lives until the token's NotOnOrAfter plus skew, and at most {@code maxAge} (so that a
 * validated chain's revocation status is looked at again); at most {@code maxEntries} are kept (least recently used
 * dropped). It stores no DOM: a hit still parses the element in hand, and every check that depends on the moment or the
 * request (time window, audience, holder-of-key) still runs.
 */
public final class VerifiedTokenCache {
    /** What was established about one assertion. */
    public record Entry(X509Certificate signer, Instant until) {
    }

    private final int maxEntries;
    private final Duration maxAge;
    private final Map<String, Entry> entries;
    private long hits;

    /** A cache of at most {@code maxEntries} assertions, each kept at most {@code maxAge}. */
    public VerifiedTokenCache(int maxEntries, Duration maxAge) {
        if (maxEntries <= 0) {
            throw new IllegalArgumentException("maxEntries must be positive, was " + maxEntries);
        }
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
        }
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.entries = new LinkedHashMap<>(16, 0.75f, true);
    }

    /** The cache key of an assertion element, or null when it cannot be canonicalised here (then it is not cached). */
    public static String key(Element assertion) {
        try {
            byte[] digest = ExclusiveC14n.digest(assertion, DigestAlgorithm.SHA256);
            if (digest == null) {
                return null;
            }
            VerificationScope.rememberCanonicalSha256(assertion, digest);
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** The entry for {@code key} if it is still good at {@code now}. */
    public synchronized Entry get(String key, Instant now) {
        Entry e = entries.get(key);
        if (e == null) {
            return null;
        }
        if (!now.isBefore(e.until())) {
            entries.remove(key);
            return null;
        }
        hits++;
        return e;
    }

    /** Remembers a verified assertion until {@code tokenEnd} or {@code now + maxAge}, whichever is first. */
    public synchronized void put(String key, X509Certificate signer, Instant tokenEnd, Instant now) {
        Instant cap = now.plus(maxAge);
        Instant until = tokenEnd.isBefore(cap) ? tokenEnd : cap;
        if (!now.isBefore(until)) {
            return;
        }
        if (entries.size() >= maxEntries && !entries.containsKey(key)) {
            entries.remove(entries.keySet().iterator().next());
        }
        entries.put(key, new Entry(signer, until));
    }

    /** How many lookups were answered from the cache. */
    public synchronized long hits() {
        return hits;
    }

    /** How many assertions are held now. */
    public synchronized int size() {
        return entries.size();
    }
}

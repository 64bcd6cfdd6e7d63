package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.signing.DigestAlgorithm;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Remembers assertions whose signature one verifier already checked, keyed by their exclusive canonical form
 * (signature included), compared byte for byte: the same bytes verify the same way with the same trust, so the
 * signature need not be checked again, and what was read from them (the value {@code V}, e.g. the parsed assertion)
 * need not be read again. A fast non-cryptographic hash only picks the bucket; a hit needs equal bytes, so no hash
 * collision can stand in for a verified token. An entry lives until the token's NotOnOrAfter plus skew, and at most
 * {@code maxAge} (so that a validated chain's revocation status is looked at again); at most {@code maxEntries} and
 * {@value #MAX_BYTES} bytes of canonical forms are kept (least recently used dropped). It stores no DOM, and every
 * check that depends on the moment or the request (time window, audience, holder-of-key) still runs on a hit. Each
 * entry keeps the SHA-256 of its canonical form, which a WS-Security verification reuses as the STR-Transform
 * reference digest of the same token ({@link VerificationScope}).
 *
 * @param <V> what the verifier established about one token
 */
public final class VerifiedTokenCache<V> {
    /**
     * The most bytes of canonical forms held at once (an SDK choice: about 2,000 tokens the size of the real STS sample
     * in the conformance files, 8 KB); the values, e.g. parsed assertions, come on top, about as large again.
     */
    public static final int MAX_BYTES = 16 << 20;
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    /**
     * The canonical form of one assertion element, as looked up and stored: the first {@code length} bytes of
     * {@code canonical} (a look-up's probe borrows the thread's {@link ByteSink} buffer; a stored key owns its array).
     */
    public static final class Key {
        private final Element assertion;
        private final byte[] canonical;
        private final int length;
        private final int hash;
        private byte[] sha256;

        private Key(Element assertion, byte[] canonical, int length, int hash) {
            this.assertion = assertion;
            this.canonical = canonical;
            this.length = length;
            this.hash = hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.hash == hash && Arrays.equals(k.canonical, 0, k.length, canonical, 0, length);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        /** The SHA-256 of the canonical form (computed once). */
        byte[] sha256() {
            if (sha256 == null) {
                byte[] remembered = VerificationScope.canonicalSha256(assertion);
                if (remembered != null) {
                    sha256 = remembered;
                } else {
                    try {
                        java.security.MessageDigest md = Engines.digest(DigestAlgorithm.SHA256);
                        md.update(canonical, 0, length);
                        sha256 = md.digest();
                    } catch (NoSuchAlgorithmException e) {
                        throw new IllegalStateException("SHA-256 is missing from this JVM", e);
                    }
                }
            }
            return sha256;
        }

        @Override
        public String toString() {
            return "VerifiedTokenCache.Key[" + length + " bytes]";
        }
    }

    /** One verified token: its value, until when it may be used, and its canonical form's length and SHA-256. */
    private record Entry<V>(V value, Instant until, int bytes, byte[] sha256) {
    }

    /**
     * What {@link #lookup} found: the value of a token verified before and still good ({@code key} null), or no value
     * and the key to store the token under once verified ({@code key} null too when the token cannot be canonicalised
     * here, and so is not cached).
     *
     * @param <V> what the verifier established about one token
     */
    public record Lookup<V>(V value, Key key) {
    }

    private final int maxEntries;
    private final Duration maxAge;
    private final Map<Key, Entry<V>> entries;
    private long bytes;
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

    /**
     * The cache key of an assertion element, or null when it cannot be canonicalised here (then it is not cached): what
     * {@link #lookup} gives on a miss, without a look-up (for tests).
     */
    static Key key(Element assertion) {
        ByteSink sink = ByteSink.forThisThread();
        try {
            Probe probe = probe(assertion, sink);
            return probe == null ? null : probe.stored(sink);
        } finally {
            sink.reset();
        }
    }

    /**
     * Looks {@code assertion} up by its canonical form: the value stored for it if still good at {@code now}, else the
     * key to {@link #put} it under (as {@link #key(Element)} gives it). A hit compares the canonical form where it was
     * written and copies nothing.
     */
    public Lookup<V> lookup(Element assertion, Instant now) {
        ByteSink sink = ByteSink.forThisThread();
        try {
            Probe probe = probe(assertion, sink);
            if (probe == null) {
                return new Lookup<>(null, null);
            }
            V hit = get(probe.key(), now);
            return hit != null ? new Lookup<>(hit, null) : new Lookup<>(null, probe.stored(sink));
        } finally {
            sink.reset();
        }
    }

    /**
     * An assertion's canonical form as written to the thread's sink: a key borrowing the sink's buffer, and the
     * assertion's own signature with where its bytes lie (null when it has none).
     */
    private record Probe(Key key, Element signature, int[] range) {
        /**
         * The bytes copied into a key of their own. Inside a {@link VerificationScope} the copy is left there, with
         * where the assertion's own signature lies in it (for the enveloped digest that follows).
         */
        Key stored(ByteSink sink) {
            byte[] canonical = sink.toByteArray();
            if (signature != null) {
                VerificationScope.rememberCanonical(key.assertion, canonical, signature, range, null);
            }
            return new Key(key.assertion, canonical, canonical.length, key.hash);
        }
    }

    /** Writes the assertion's canonical form to {@code sink}; null if this canonicaliser does not handle it. */
    private static Probe probe(Element assertion, ByteSink sink) {
        Element signature = ownSignature(assertion);
        int[] range = null;
        if (signature != null) {
            range = ExclusiveC14n.canonicalizeMarking(assertion, signature, sink);
            if (range == null) {
                return null;
            }
        } else if (!ExclusiveC14n.canonicalize(assertion, sink)) {
            return null;
        }
        byte[] buf = sink.buffer();
        int length = sink.size();
        int hash = range == null ? hash(buf, length, 0, length) : hash(buf, length, range[0], range[1]);
        return new Probe(new Key(assertion, buf, length, hash), signature, range);
    }

    private static Element ownSignature(Element assertion) {
        for (Node c = assertion.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && DSIG.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    /**
     * The value stored for {@code key} if it is still good at {@code now}, else null. On a hit inside a
     * {@link VerificationScope} the stored SHA-256 of the (equal) canonical form is left there for the STR-Transform
     * reference.
     */
    V get(Key key, Instant now) {
        Entry<V> e;
        synchronized (this) {
            e = entries.get(key);
            if (e == null) {
                return null;
            }
            if (!now.isBefore(e.until())) {
                remove(key);
                return null;
            }
            hits++;
        }
        VerificationScope.rememberCanonicalSha256(key.assertion, e.sha256());
        return e.value();
    }

    /**
     * Remembers {@code value} for a verified assertion until {@code tokenEnd} or {@code now + maxAge}, whichever is
     * first. The value must hold no DOM node.
     */
    public void put(Key key, V value, Instant tokenEnd, Instant now) {
        Instant cap = now.plus(maxAge);
        Instant until = tokenEnd.isBefore(cap) ? tokenEnd : cap;
        if (!now.isBefore(until) || key.length > MAX_BYTES) {
            return;
        }
        // Stored without the element: the cache never holds a DOM.
        Key stored = new Key(null, key.canonical, key.length, key.hash);
        Entry<V> entry = new Entry<>(value, until, key.length, key.sha256());
        synchronized (this) {
            remove(stored);
            Iterator<Entry<V>> eldest = entries.values().iterator();
            while (eldest.hasNext() && (entries.size() >= maxEntries || bytes + entry.bytes() > MAX_BYTES)) {
                bytes -= eldest.next().bytes();
                eldest.remove();
            }
            entries.put(stored, entry);
            bytes += entry.bytes();
        }
    }

    private void remove(Key key) {
        Entry<V> old = entries.remove(key);
        if (old != null) {
            bytes -= old.bytes();
        }
    }

    /** How many lookups were answered from the cache. */
    public synchronized long hits() {
        return hits;
    }

    /** How many assertions are held now. */
    public synchronized int size() {
        return entries.size();
    }

    /** How many bytes of canonical forms are held now. */
    public synchronized long bytes() {
        return bytes;
    }

    /**
     * A fast, non-cryptographic hash of {@code length} and of the bytes {@code from} to {@code to} (it only picks
     * the bucket). A key hashes the bytes of the assertion's own signature, whose SignatureValue differs between any
     * two tokens an issuer signed, so a 6 KB token costs a 0.4 KB hash; equal arrays still hash alike, as the range is
     * where the same canonical bytes put the signature.
     */
    static int hash(byte[] b, int length, int from, int to) {
        long h = length * 0x9E3779B97F4A7C15L;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = (h ^ (long) LONGS.get(b, i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 31;
        }
        for (; i < to; i++) {
            h = (h ^ b[i]) * 0x94D049BB133111EBL;
        }
        h ^= h >>> 29;
        return (int) (h ^ (h >>> 32));
    }
}

package dk.rammearkitektur.signing.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * What one verification of one document has already computed, so that the steps of a WS-Security verification (the
 * message, its SAML token, the token's verified-token cache key, the message signature, the replay key) do not compute
 * it again: the document's {@link IdRegistry}, the SHA-256 of a token's exclusive canonical form and the exclusive
 * canonical form of the SignedInfo verified last. Per thread, opened and closed
 * around one verification call, which does not change the document in between (marking ID attributes changes no
 * canonical form). Outside a scope nothing is remembered.
 */
public final class VerificationScope implements AutoCloseable {
    private static final ThreadLocal<VerificationScope> CURRENT = new ThreadLocal<>();
    private static final VerificationScope NESTED = new VerificationScope(null);

    private final Document document;
    private IdRegistry ids;
    private Element canonicalElement;
    private byte[] canonicalSha256;
    private byte[] canonicalBytes;
    private Element marked;
    private int markedFrom;
    private int markedTo;
    private Element canonicalFormOf;
    private byte[] canonicalForm;

    private VerificationScope(Document document) {
        this.document = document;
    }

    /** Opens a scope for {@code document} on this thread; inside another scope it is a no-op. Close it in finally. */
    public static VerificationScope open(Document document) {
        if (CURRENT.get() != null) {
            return NESTED;
        }
        VerificationScope s = new VerificationScope(document);
        CURRENT.set(s);
        return s;
    }

    @Override
    public void close() {
        if (this != NESTED) {
            CURRENT.remove();
        }
    }

    /** The scope of this thread for {@code document}, or null. */
    static VerificationScope of(Document document) {
        VerificationScope s = CURRENT.get();
        return s != null && document != null && s.document == document ? s : null;
    }

    /** The ID registry this thread's scope for {@code document} has already built, or null. */
    static IdRegistry idsOf(Document document) {
        VerificationScope s = of(document);
        return s == null ? null : s.ids;
    }

    IdRegistry ids() {
        return ids;
    }

    void ids(IdRegistry registry) {
        this.ids = registry;
    }

    /** Remembers the SHA-256 of {@code element}'s exclusive canonical form (no prefix list, nothing left out). */
    static void rememberCanonicalSha256(Element element, byte[] sha256) {
        VerificationScope s = of(element.getOwnerDocument());
        if (s != null) {
            s.canonicalElement = element;
            s.canonicalSha256 = sha256.clone();
            s.canonicalBytes = null;
            s.marked = null;
        }
    }

    /**
     * Remembers {@code canonical}, {@code element}'s exclusive canonical form (no prefix list, nothing left out; not
     * copied: the caller no longer changes it), in which the canonical form of its descendant {@code marked} takes
     * the bytes {@code range[0]} to {@code range[1]}; {@code sha256} is its SHA-256 if already known, else null.
     */
    static void rememberCanonical(Element element, byte[] canonical, Element marked, int[] range, byte[] sha256) {
        VerificationScope s = of(element.getOwnerDocument());
        if (s != null) {
            s.canonicalElement = element;
            s.canonicalBytes = canonical;
            s.marked = marked;
            s.markedFrom = range[0];
            s.markedTo = range[1];
            s.canonicalSha256 = sha256 == null ? null : sha256.clone();
        }
    }

    /** Whether a scope is open on this thread for {@code document}. */
    static boolean isOpen(Document document) {
        return of(document) != null;
    }

    /**
     * The SHA-256 of {@code element}'s exclusive canonical form, remembered or computed once from the remembered form,
     * or null.
     */
    static byte[] canonicalSha256(Element element) {
        VerificationScope s = of(element.getOwnerDocument());
        if (s == null || s.canonicalElement != element) {
            return null;
        }
        if (s.canonicalSha256 == null) {
            try {
                s.canonicalSha256 = Engines.digest(dk.rammearkitektur.signing.DigestAlgorithm.SHA256)
                        .digest(s.canonicalBytes);
            } catch (java.security.NoSuchAlgorithmException e) {
                return null;
            }
        }
        return s.canonicalSha256.clone();
    }

    /**
     * The {@code algorithm} digest of {@code element}'s exclusive canonical form with {@code left} (a descendant) and
     * its subtree left out, from the remembered canonical form of {@code element}; null when that form or the bytes of
     * {@code left} in it are not remembered.
     */
    static byte[] digestLeavingOut(Element element, Element left, dk.rammearkitektur.signing.DigestAlgorithm algorithm)
            throws java.security.NoSuchAlgorithmException {
        VerificationScope s = of(element.getOwnerDocument());
        if (s == null || s.canonicalElement != element || s.canonicalBytes == null || s.marked != left) {
            return null;
        }
        java.security.MessageDigest md = Engines.digest(algorithm);
        md.update(s.canonicalBytes, 0, s.markedFrom);
        md.update(s.canonicalBytes, s.markedTo, s.canonicalBytes.length - s.markedTo);
        return md.digest();
    }

    /**
     * Remembers {@code canonical}, {@code element}'s exclusive canonical form (no prefix list, nothing left out; not
     * copied: the caller no longer changes it).
     */
    static void rememberCanonicalForm(Element element, byte[] canonical) {
        VerificationScope s = of(element.getOwnerDocument());
        if (s != null) {
            s.canonicalFormOf = element;
            s.canonicalForm = canonical;
        }
    }

    /** The SHA-256 of the remembered exclusive canonical form of {@code element}, or null when none is remembered. */
    public static byte[] canonicalFormSha256(Element element) throws java.security.NoSuchAlgorithmException {
        VerificationScope s = of(element.getOwnerDocument());
        if (s == null || s.canonicalFormOf != element) {
            return null;
        }
        return Engines.digest(dk.rammearkitektur.signing.DigestAlgorithm.SHA256).digest(s.canonicalForm);
    }
}

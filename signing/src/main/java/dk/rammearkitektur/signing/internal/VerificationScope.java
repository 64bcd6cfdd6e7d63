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
        }
    }

    /** The remembered SHA-256 of {@code element}'s exclusive canonical form, or null. */
    static byte[] canonicalSha256(Element element) {
        VerificationScope s = of(element.getOwnerDocument());
        return s != null && s.canonicalElement == element ? s.canonicalSha256.clone() : null;
    }

    /** Remembers {@code canonical}, {@code element}'s exclusive canonical form (no prefix list, nothing left out). */
    static void rememberCanonicalForm(Element element, byte[] canonical) {
        VerificationScope s = of(element.getOwnerDocument());
        if (s != null) {
            s.canonicalFormOf = element;
            s.canonicalForm = canonical.clone();
        }
    }

    /** The remembered exclusive canonical form of {@code element}, or null. */
    public static byte[] canonicalForm(Element element) {
        VerificationScope s = of(element.getOwnerDocument());
        return s != null && s.canonicalFormOf == element ? s.canonicalForm.clone() : null;
    }
}

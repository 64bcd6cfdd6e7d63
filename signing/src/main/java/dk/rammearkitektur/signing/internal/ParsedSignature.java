package dk.rammearkitektur.signing.internal;

import java.security.PublicKey;
import java.util.List;
import org.w3c.dom.Element;

/**
 * What the XML-DSig verifier reads from one ds:Signature and asks of it, whichever engine answers: Santuario's object
 * model or the SDK's {@link DirectSignature}. The verifier runs the same checks, in the same order, on either, so both
 * give the same verdict. Accessors may throw what the engine throws for a structure it cannot read.
 */
public interface ParsedSignature {
    /** SignedInfo's CanonicalizationMethod algorithm. */
    String canonicalizationMethod();

    /** SignedInfo's SignatureMethod algorithm. */
    String signatureMethod();

    /** The number of references in SignedInfo. */
    int references() throws Exception;

    /** Whether reference {@code i} has a Type naming a Manifest or an Object. */
    boolean referencesManifestOrObject(int i) throws Exception;

    /** Reference {@code i}'s DigestMethod algorithm. */
    String digestMethod(int i) throws Exception;

    /** Reference {@code i}'s transform algorithms, in order; null when it has no Transforms element. */
    List<String> transforms(int i) throws Exception;

    /** Reference {@code i}'s URI attribute ("" when absent). */
    String uri(int i) throws Exception;

    /**
     * The element reference {@code i} was resolved to while reading, through the same ID registry the verifier
     * resolves it with; null when the engine resolves nothing before verifying (the verifier then resolves it).
     */
    default Element resolved(int i) {
        return null;
    }

    /**
     * Verifies the signature value over the canonical SignedInfo with {@code key}; when it verifies, verifies every
     * reference digest too. False when either does not match; throws when something could not be processed.
     */
    boolean checkSignatureValue(PublicKey key) throws Exception;

    /** Whether every reference digest matches (false also when a reference cannot be processed). */
    boolean referencesIntact();

    /**
     * Throws {@link dk.rammearkitektur.signing.SignatureException} when a reference was dereferenced to another node
     * than {@code signed} names at its index.
     */
    void checkDereferencedNodes(List<Element> signed);
}

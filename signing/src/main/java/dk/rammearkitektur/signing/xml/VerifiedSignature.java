package dk.rammearkitektur.signing.xml;

import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.internal.Names;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A signature that verified with a trusted key, and exactly the elements it covers (the nodes its references
 * dereferenced to). Act only on these elements: fetch them with {@link #signedElement(String, String)} or check an
 * element you found yourself with {@link #requireSigned(Element)}; never search the document again by name.
 */
public final class VerifiedSignature {
    private final Element signature;
    private final X509Certificate certificate;
    private final List<Element> signed;
    private final Set<Element> signedSet;
    private final String signatureMethod;
    private final List<Element> tokenReferences;

    VerifiedSignature(Element signature, X509Certificate certificate, List<Element> signed, String signatureMethod,
            List<Element> tokenReferences) {
        this.tokenReferences = List.copyOf(tokenReferences);
        this.signature = signature;
        this.certificate = certificate;
        this.signed = List.copyOf(signed);
        Set<Element> set = Collections.newSetFromMap(new IdentityHashMap<>());
        set.addAll(signed);
        this.signedSet = set;
        this.signatureMethod = signatureMethod;
    }

    /** The ds:Signature element. */
    public Element signatureElement() {
        return signature;
    }

    /** The trusted certificate whose key verified the signature. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** The signed elements, in reference order. */
    public List<Element> signedElements() {
        return signed;
    }

    /** The IDs the references pointed to, in reference order. */
    public List<String> signedIds() {
        List<String> ids = new ArrayList<>();
        for (Element e : signed) {
            ids.add(dk.rammearkitektur.signing.internal.IdRegistry.idOf(e));
        }
        return ids;
    }

    /** The signature method URI. */
    public String signatureMethod() {
        return signatureMethod;
    }

    /** Whether {@code element} is itself one of the signed elements (the very node, not an equal copy). */
    public boolean isSigned(Element element) {
        return element != null && signedSet.contains(element);
    }

    /** Whether {@code node} is a signed element or lies inside one. */
    public boolean covers(Node node) {
        for (Node n = node; n != null; n = n.getParentNode()) {
            if (n instanceof Element e && signedSet.contains(e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the signature protects {@code token} (e.g. a SAML assertion): a reference with the STR-Transform points
     * to a {@code wsse:SecurityTokenReference} that names exactly this token, so its digest covered the token.
     */
    public boolean protectsToken(Element token) {
        for (Element str : tokenReferences) {
            try {
                if (dk.rammearkitektur.signing.internal.StrTransform.resolve(str) == token) {
                    return true;
                }
            } catch (IllegalArgumentException e) {
                // not a reference to this token
            }
        }
        return false;
    }

    /** Returns {@code element} if it is signed, else throws {@link SignatureException} ({@value SignatureException#WRAPPING}). */
    public Element requireSigned(Element element) {
        Objects.requireNonNull(element, "element == null");
        if (!isSigned(element)) {
            throw new SignatureException(SignatureException.WRAPPING,
                    "<" + element.getLocalName() + "> is not the element that was signed");
        }
        return element;
    }

    /**
     * The one signed element with this name; {@link SignatureException} ({@value SignatureException#WRAPPING}) when
     * none or several signed elements have it.
     */
    public Element signedElement(String namespace, String localName) {
        Element found = null;
        for (Element e : signed) {
            if (Objects.equals(namespace, e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                if (found != null) {
                    throw new SignatureException(SignatureException.WRAPPING, "several signed <" + localName + "> elements");
                }
                found = e;
            }
        }
        if (found == null) {
            throw new SignatureException(SignatureException.WRAPPING, "no signed <" + localName + "> element");
        }
        return found;
    }

    @Override
    public String toString() {
        return "VerifiedSignature[" + signedIds() + " by " + Names.subject(certificate) + "]";
    }
}

package dk.rammearkitektur.signing.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.exceptions.XMLSecurityException;
import org.apache.xml.security.signature.XMLSignatureByteInput;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.transforms.TransformSpi;
import org.apache.xml.security.transforms.TransformationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The WS-Security STR-Transform (WSS SOAP Message Security 1.0, section 8.3), as far as the SDK uses it: the reference
 * points to a {@code wsse:SecurityTokenReference} holding one SAML 2.0 {@code KeyIdentifier} ({@code #SAMLID}); the
 * transform replaces it by the token it names, the {@code saml2:Assertion} with that ID in the same document, and
 * outputs the token's exclusive canonical form (the only {@code TransformationParameters/CanonicalizationMethod}
 * accepted). Santuario has no implementation of its own; this one is registered with it by {@link Santuario#init()}.
 * Anything else (another token type, a missing or ambiguous token, another canonicalization) fails the transform.
 */
public final class StrTransform extends TransformSpi {
    /** The STR-Transform algorithm URI. */
    public static final String URI = dk.rammearkitektur.signing.AlgorithmPolicy.STR_TRANSFORM;
    /** WS-Security 1.0 secext. */
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    /** The SAML token profile's KeyIdentifier value type for a SAML 2.0 assertion ID. */
    public static final String SAML_ID = "http://docs.oasis-open.org/wss/oasis-wss-saml-token-profile-1.1#SAMLID";
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    private static final String EXC_C14N = "http://www.w3.org/2001/10/xml-exc-c14n#";

    /** Used by Santuario through {@link org.apache.xml.security.transforms.Transform#register}. */
    public StrTransform() {
        // stateless
    }

    @Override
    protected String engineGetURI() {
        return URI;
    }

    @Override
    protected XMLSignatureInput enginePerformTransform(XMLSignatureInput input, OutputStream os, Element transform,
            String baseURI, boolean secureValidation) throws TransformationException, IOException {
        Node n = input.getSubNode();
        Element token;
        try {
            token = tokenFor(transform, n);
        } catch (IllegalArgumentException e) {
            throw new TransformationException("empty", new Object[] {"STR-Transform: " + e.getMessage()});
        }
        byte[] bytes = canonical(token);
        if (os != null) {
            os.write(bytes);
            XMLSignatureByteInput out = new XMLSignatureByteInput(null);
            out.setSecureValidation(secureValidation);
            out.setOutputStream(os);
            return out;
        }
        XMLSignatureByteInput out = new XMLSignatureByteInput(bytes);
        out.setSecureValidation(secureValidation);
        return out;
    }

    /**
     * What the transform element {@code transform} digests for the dereferenced {@code input}: the token the
     * SecurityTokenReference names, after checking the transform's parameter. Throws {@link IllegalArgumentException}
     * saying why not. The direct verification path and Santuario's (through this class) share it.
     */
    public static Element tokenFor(Element transform, Node input) {
        if (!hasExclusiveC14nParameter(transform)) {
            throw new IllegalArgumentException("needs TransformationParameters/CanonicalizationMethod " + EXC_C14N);
        }
        if (!(input instanceof Element str)) {
            throw new IllegalArgumentException("the input must be one SecurityTokenReference element");
        }
        return resolve(str);
    }

    /**
     * The token a {@code wsse:SecurityTokenReference} names: exactly one SAML 2.0 KeyIdentifier, resolving to exactly
     * one {@code saml2:Assertion} with that ID in the document. Throws {@link IllegalArgumentException} saying why not.
     */
    public static Element resolve(Element str) {
        if (!WSSE.equals(str.getNamespaceURI()) || !"SecurityTokenReference".equals(str.getLocalName())) {
            throw new IllegalArgumentException("the reference must point to a wsse:SecurityTokenReference, not <"
                    + str.getLocalName() + ">");
        }
        Element keyId = null;
        int children = 0;
        for (Node c = str.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e) {
                children++;
                if (WSSE.equals(e.getNamespaceURI()) && "KeyIdentifier".equals(e.getLocalName())) {
                    keyId = e;
                }
            }
        }
        if (children != 1 || keyId == null || !SAML_ID.equals(keyId.getAttribute("ValueType"))) {
            throw new IllegalArgumentException("the SecurityTokenReference must hold exactly one SAMLID KeyIdentifier");
        }
        String id = keyId.getTextContent().trim();
        IdRegistry ids = VerificationScope.idsOf(str.getOwnerDocument());
        if (ids != null) {
            // The scope's scan refused duplicate IDs across ID, Id and wsu:Id, so the one element registered under
            // this value is the only candidate: no second walk of the document.
            Element e = ids.get(id);
            if (e == null || !SAML.equals(e.getNamespaceURI()) || !"Assertion".equals(e.getLocalName())
                    || !id.equals(e.getAttributeNS(null, "ID"))) {
                throw new IllegalArgumentException("no saml2:Assertion with the ID " + id);
            }
            return e;
        }
        Element found = null;
        NodeList all = str.getOwnerDocument().getElementsByTagNameNS(SAML, "Assertion");
        for (int i = 0; i < all.getLength(); i++) {
            Element a = (Element) all.item(i);
            if (id.equals(a.getAttributeNS(null, "ID"))) {
                if (found != null) {
                    throw new IllegalArgumentException("two saml2:Assertion elements have the ID " + id);
                }
                found = a;
            }
        }
        if (found == null) {
            throw new IllegalArgumentException("no saml2:Assertion with the ID " + id);
        }
        return found;
    }

    /** The exclusive canonical form (without comments) of {@code token}: what the STR-Transform digests. */
    public static byte[] canonical(Element token) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(token, out);
        } catch (XMLSecurityException e) {
            throw new IOException("the token could not be canonicalised: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private static boolean hasExclusiveC14nParameter(Element transform) {
        Element params = child(transform, WSSE, "TransformationParameters");
        Element c14n = params == null ? null : child(params, DSIG, "CanonicalizationMethod");
        return c14n != null && EXC_C14N.equals(c14n.getAttributeNS(null, "Algorithm"));
    }

    private static Element child(Element parent, String ns, String local) {
        for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}

package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.DigestAlgorithm;
import java.util.Arrays;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * A signer's private copy of a security token (a SAML assertion) that it inserts into every message it signs, and
 * the reference digests of those inserted copies, so that the token is canonicalised once per context instead of once
 * per message.
 *
 * <p>Why a digest can be reused: the copy inserted into a message is a deep import of this template, which nobody else
 * can reach or change. Between insertion and digesting, only {@link NamespaceFixup} changes it, as a function of the
 * namespace declarations of its ancestors. Exclusive canonicalisation of the token (the SDK's or Santuario's) reads
 * nothing outside the token but its ancestors' names, namespaces and attributes. So the token's canonical form, and its
 * digest, is a function of the template and of those ancestors. The cache key is exactly that: every ancestor's
 * qualified name, namespace URI and every attribute (name, namespace URI, value), read when the digest is needed. A
 * message whose envelope differs in any of these computes the digest afresh.
 *
 * <p>The digest is offered only to the {@link #insertInto insertion} open on this thread for that very element
 * (identity), so it never applies to a token a caller put into a document. Thread-safe; at most {@link #MAX_CONTEXTS}
 * contexts are kept.
 */
public final class TokenTemplate {
    /** How many envelope contexts (and digest algorithms) one template remembers. */
    static final int MAX_CONTEXTS = 4;
    private static final ThreadLocal<Insertion> CURRENT = new ThreadLocal<>();

    private final Element copy;
    private volatile Entry[] entries = new Entry[0];

    private TokenTemplate(Element copy) {
        this.copy = copy;
    }

    /**
     * A private copy of {@code token}, which keeps the namespace declarations it inherited from its old ancestors
     * (also those only QName-valued content such as {@code xsi:type} uses); exclusive c14n renders only the prefixes
     * actually used, so the token's digest is unchanged by them.
     */
    public static TokenTemplate of(Element token) {
        Document doc = SecureXml.documentBuilder().newDocument();
        Element copy = (Element) doc.importNode(token, true);
        copyInheritedNamespaces(token, copy);
        doc.appendChild(copy);
        materialise(copy);
        return new TokenTemplate(copy);
    }

    /** Declares on {@code copy} the namespace declarations of {@code original}'s ancestors that it lacks. */
    private static void copyInheritedNamespaces(Element original, Element copy) {
        for (Node n = original.getParentNode(); n instanceof Element ancestor; n = n.getParentNode()) {
            NamedNodeMap attrs = ancestor.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if (XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())
                        && !copy.hasAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getLocalName())) {
                    copy.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, a.getName(), a.getValue());
                }
            }
        }
    }

    /**
     * Creates every lazily built attribute map of the copy now, so that concurrent imports only read it (Xerces
     * creates an element's empty attribute map on first access).
     */
    private static void materialise(Element e) {
        e.getAttributes();
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element child) {
                materialise(child);
            }
        }
    }

    /**
     * Imports a copy of the token into {@code document} (not yet attached) and opens the insertion, on this thread,
     * during which {@link #digest} may answer for that copy. Close it in finally.
     */
    public Insertion insertInto(Document document) {
        Element token = (Element) document.importNode(copy, true);
        Insertion insertion = new Insertion(this, token, CURRENT.get());
        CURRENT.set(insertion);
        return insertion;
    }

    /** One inserted copy of a template; closing it ends the digest reuse for that copy. */
    public static final class Insertion implements AutoCloseable {
        private final TokenTemplate template;
        private final Element token;
        private final Insertion outer;

        private Insertion(TokenTemplate template, Element token, Insertion outer) {
            this.template = template;
            this.token = token;
            this.outer = outer;
        }

        /** The inserted copy of the token. */
        public Element token() {
            return token;
        }

        @Override
        public void close() {
            if (CURRENT.get() == this) {
                if (outer == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(outer);
                }
            }
        }
    }

    /** Computes a digest the way the signer otherwise would. */
    @FunctionalInterface
    public interface Computation<X extends Exception> {
        /** The digest. */
        byte[] digest() throws X;
    }

    /**
     * The {@code algorithm} digest of {@code token}'s exclusive canonical form: remembered from an earlier message
     * with the same context when {@code token} is the copy of the insertion open on this thread, otherwise (and the
     * first time) {@code computation}'s answer. The caller must have finished changing the document's namespaces
     * ({@link NamespaceFixup}) before asking.
     */
    public static <X extends Exception> byte[] digest(Element token, DigestAlgorithm algorithm, Computation<X> computation)
            throws X {
        Insertion insertion = CURRENT.get();
        if (insertion == null || insertion.token != token) {
            return computation.digest();
        }
        TokenTemplate template = insertion.template;
        String context = context(token);
        for (Entry e : template.entries) {
            if (e.algorithm == algorithm && e.context.equals(context)) {
                return e.digest.clone();
            }
        }
        byte[] digest = computation.digest();
        template.remember(new Entry(context, algorithm, digest.clone()));
        return digest;
    }

    private synchronized void remember(Entry entry) {
        Entry[] old = entries;
        Entry[] now = Arrays.copyOf(old, Math.min(old.length + 1, MAX_CONTEXTS));
        System.arraycopy(old, 0, now, 1, now.length - 1);
        now[0] = entry;
        entries = now;
    }

    /**
     * Everything the token's canonical form can depend on outside the token: each ancestor's qualified name,
     * namespace URI and attributes, innermost first, each string length-prefixed so that no two contexts share a key.
     */
    static String context(Element token) {
        StringBuilder b = new StringBuilder(512);
        for (Node n = token.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            b.append('<');
            part(b, e.getNodeName());
            part(b, e.getNamespaceURI());
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0, len = attrs.getLength(); i < len; i++) {
                Node a = attrs.item(i);
                b.append('@');
                part(b, a.getNodeName());
                part(b, a.getNamespaceURI());
                part(b, a.getNodeValue());
            }
        }
        return b.toString();
    }

    private static void part(StringBuilder b, String s) {
        if (s == null) {
            b.append('-');
        } else {
            b.append(s.length()).append(':').append(s);
        }
    }

    private record Entry(String context, DigestAlgorithm algorithm, byte[] digest) {
    }
}

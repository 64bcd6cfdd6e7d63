package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.signing.DigestAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Exclusive XML Canonicalization 1.0 without comments of a whole element subtree (what a same-document {@code #id}
 * reference with the exc-c14n transform digests), optionally with an InclusiveNamespaces prefix list and one element
 * left out (the enveloped-signature transform). A fast path for signing and verification: it handles
 * namespace-well-formed DOM trees, as parsing produces, and answers {@code false} for anything else (a prefix or
 * namespace without a matching declaration in scope, an ancestor whose own namespace its declarations contradict, a
 * relative namespace URI, entity references, very deep nesting), so the caller falls back to Santuario. Tests compare
 * its output byte for byte with Santuario's.
 */
public final class ExclusiveC14n {
    private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
    private static final String XML = XMLConstants.XML_NS_URI;
    private static final int MAX_DEPTH = 200;
    private static final Comparator<Attr> ATTRIBUTE_ORDER = Comparator
            .comparing((Attr a) -> a.getNamespaceURI() == null ? "" : a.getNamespaceURI())
            .thenComparing(a -> a.getLocalName() == null ? a.getName() : a.getLocalName());

    private ExclusiveC14n() {
    }

    /**
     * Writes the canonical form of the subtree at {@code apex} to {@code out} and returns true, or returns false when
     * the subtree has something this implementation does not handle (then {@code out} holds garbage).
     */
    public static boolean canonicalize(Element apex, ByteSink out) {
        return canonicalize(apex, List.of(), null, out);
    }

    /**
     * Like {@link #canonicalize(Element, ByteSink)}, with the InclusiveNamespaces {@code inclusivePrefixes} (the empty
     * string for {@code #default}; namespaces with these prefixes are rendered where in scope, as inclusive c14n
     * does) and with {@code exclude} and its subtree left out (null: nothing left out).
     */
    public static boolean canonicalize(Element apex, List<String> inclusivePrefixes, Node exclude, ByteSink out) {
        if (apex == exclude) {
            return false;
        }
        List<Element> ancestors = new ArrayList<>();
        for (Node n = apex.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
            ancestors.add(e);
        }
        Map<String, String> scope = new HashMap<>();
        for (int i = ancestors.size() - 1; i >= 0; i--) {
            Element a = ancestors.get(i);
            declare(a, scope);
            // Santuario also puts an ancestor's own namespace in scope; where its declarations say otherwise, decline.
            String ap = a.getPrefix() == null ? "" : a.getPrefix();
            if (a.getNamespaceURI() != null && !a.getNamespaceURI().equals(scope.get(ap))) {
                return false;
            }
        }
        StringBuilder b = new StringBuilder(2048);
        if (!element(apex, scope, Map.of(), b, 0, inclusivePrefixes, exclude)) {
            return false;
        }
        byte[] bytes = b.toString().getBytes(StandardCharsets.UTF_8);
        out.write(bytes, 0, bytes.length);
        return true;
    }

    /**
     * The {@code algorithm} digest of the canonical form of the subtree at {@code apex}, or null when this
     * implementation does not handle the subtree. Uses this thread's {@link ByteSink} and digest engine
     * ({@link Engines}).
     */
    public static byte[] digest(Element apex, DigestAlgorithm algorithm) throws NoSuchAlgorithmException {
        return digest(apex, List.of(), null, algorithm);
    }

    /**
     * Like {@link #digest(Element, DigestAlgorithm)}, with the prefix list and the element left out of
     * {@link #canonicalize(Element, List, Node, ByteSink)}.
     */
    public static byte[] digest(Element apex, List<String> inclusivePrefixes, Node exclude, DigestAlgorithm algorithm)
            throws NoSuchAlgorithmException {
        ByteSink sink = ByteSink.forThisThread();
        try {
            if (!canonicalize(apex, inclusivePrefixes, exclude, sink)) {
                return null;
            }
            MessageDigest md = Engines.digest(algorithm);
            sink.updateDigest(md);
            return md.digest();
        } finally {
            sink.reset();
        }
    }

    /** Applies the namespace declarations of {@code e} to {@code scope}; returns whether it had any. */
    private static boolean declare(Element e, Map<String, String> scope) {
        boolean any = false;
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            if (XMLNS.equals(a.getNamespaceURI())) {
                scope.put("xmlns".equals(a.getLocalName()) ? "" : a.getLocalName(), a.getValue());
                any = true;
            }
        }
        return any;
    }

    private static boolean element(Element e, Map<String, String> inherited, Map<String, String> rendered,
            StringBuilder b, int depth, List<String> inclusive, Node exclude) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        Map<String, String> scope = inherited;
        if (hasDeclarations(e)) {
            if (hasRelativeNamespace(e)) {
                return false;
            }
            scope = new HashMap<>(inherited);
            declare(e, scope);
        }
        String prefix = e.getPrefix() == null ? "" : e.getPrefix();
        String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
        if (!ns.equals(scope.getOrDefault(prefix, prefix.isEmpty() ? "" : null))) {
            return false;
        }
        TreeMap<String, String> used = new TreeMap<>();
        used.put(prefix, ns);
        NamedNodeMap attrs = e.getAttributes();
        List<Attr> plain = new ArrayList<>(attrs.getLength());
        for (int i = 0; i < attrs.getLength(); i++) {
            Attr a = (Attr) attrs.item(i);
            String ans = a.getNamespaceURI();
            if (XMLNS.equals(ans)) {
                continue;
            }
            String ap = a.getPrefix();
            if (ap == null) {
                if (ans != null) {
                    return false;
                }
            } else if (ap.equals("xml")) {
                if (!XML.equals(ans)) {
                    return false;
                }
            } else {
                if (ans == null || !ans.equals(scope.get(ap))) {
                    return false;
                }
                used.put(ap, ans);
            }
            plain.add(a);
        }
        for (String p : inclusive) {
            String uri = scope.get(p);
            if (uri != null) {
                used.putIfAbsent(p, uri);
            }
        }
        b.append('<').append(e.getTagName());
        Map<String, String> renderedHere = rendered;
        for (Map.Entry<String, String> u : used.entrySet()) {
            String p = u.getKey();
            String uri = u.getValue();
            String before = rendered.get(p);
            boolean render = p.isEmpty() && uri.isEmpty() ? before != null && !before.isEmpty() : !uri.equals(before);
            if (render) {
                if (renderedHere == rendered) {
                    renderedHere = new HashMap<>(rendered);
                }
                renderedHere.put(p, uri);
                b.append(p.isEmpty() ? " xmlns=\"" : " xmlns:").append(p.isEmpty() ? "" : p + "=\"");
                escapeAttribute(b, uri);
                b.append('"');
            }
        }
        if (plain.size() > 1) {
            plain.sort(ATTRIBUTE_ORDER);
        }
        for (Attr a : plain) {
            b.append(' ').append(a.getName()).append("=\"");
            escapeAttribute(b, a.getValue());
            b.append('"');
        }
        b.append('>');
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            switch (c.getNodeType()) {
                case Node.ELEMENT_NODE -> {
                    if (c != exclude && !element((Element) c, scope, renderedHere, b, depth + 1, inclusive, exclude)) {
                        return false;
                    }
                }
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> escapeText(b, c.getNodeValue());
                case Node.PROCESSING_INSTRUCTION_NODE -> {
                    b.append("<?").append(c.getNodeName());
                    String data = c.getNodeValue();
                    if (data != null && !data.isEmpty()) {
                        b.append(' ').append(data);
                    }
                    b.append("?>");
                }
                case Node.COMMENT_NODE -> {
                }
                default -> {
                    return false;
                }
            }
        }
        b.append("</").append(e.getTagName()).append('>');
        return true;
    }

    private static boolean hasDeclarations(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            if (XMLNS.equals(attrs.item(i).getNamespaceURI())) {
                return true;
            }
        }
        return false;
    }

    /** A namespace URI Santuario's canonicaliser refuses as relative: not empty and no scheme. */
    private static boolean hasRelativeNamespace(Element e) {
        NamedNodeMap attrs = e.getAttributes();
        for (int i = 0; i < attrs.getLength(); i++) {
            Node a = attrs.item(i);
            if (XMLNS.equals(a.getNamespaceURI())) {
                String v = a.getNodeValue();
                if (!v.isEmpty() && v.indexOf(':') <= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void escapeAttribute(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '"' -> b.append("&quot;");
                case '\t' -> b.append("&#x9;");
                case '\n' -> b.append("&#xA;");
                case '\r' -> b.append("&#xD;");
                default -> b.append(c);
            }
        }
    }

    private static void escapeText(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\r' -> b.append("&#xD;");
                default -> b.append(c);
            }
        }
    }
}

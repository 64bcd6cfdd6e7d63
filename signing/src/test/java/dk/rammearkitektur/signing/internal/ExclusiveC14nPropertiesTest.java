package dk.rammearkitektur.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.lang.ref.WeakReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The fast exclusive canonicaliser agrees byte for byte with Santuario's on every element of random namespace-heavy
 * documents (prefix redeclarations, default namespace undeclared, xml:* and prefixed attributes, characters that need
 * escaping, comments, PIs, CDATA), and declines trees it does not handle.
 */
class ExclusiveC14nPropertiesTest {
    private static final String[] PREFIXES = {"", "a", "b", "wsu"};
    private static final String[] URIS = {"urn:one", "urn:two", "http://example.org/three", "urn:one#x&y"};
    private static final String[] TEXTS = {"plain", "a &amp; b", "&lt;tag&gt;", "x\"y'z", "line&#13;feed", "tab\tnl\n",
        "Æblegrød ø 𝄞", "]]&gt;", "  ",
        // long runs, as in base64 certificates, with every char text escapes, and a long one with non-ASCII
        "MIIEcTCCAyWgAwIBAgINAO66ATRYklQP0ztEKzBBBgkqhkiG9w0BAQowNKAPMA0GCWCGSAFlAwQC&#13;\nAwUAoRwwGg&amp;&lt;&gt;YJKo+/=",
        "&#13;" + "x".repeat(70) + "&amp;" + "&gt;".repeat(3) + "&lt;",
        "y".repeat(80) + "Æ" + "&amp;"};

    static {
        Santuario.init();
    }

    @Property(tries = 300)
    void agreesWithSantuarioOnEveryElement(@ForAll long seed) throws Exception {
        String xml = new Generator(new Random(seed)).document();
        Document doc = SecureXml.parse(xml);
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            ByteSink sink = ByteSink.forThisThread();
            assertTrue(ExclusiveC14n.canonicalize(e, sink), "parsed documents are handled: " + xml);
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            sink.writeTo(ours);
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(e, theirs);
            assertEquals(theirs.toString(StandardCharsets.UTF_8), ours.toString(StandardCharsets.UTF_8),
                    "element " + e.getTagName() + " of " + xml);
            assertArrayEquals(theirs.toByteArray(), ours.toByteArray());
        }
    }

    @Property(tries = 200)
    void agreesWithSantuarioWithAnInclusiveNamespacesPrefixList(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        String xml = new Generator(r).document();
        Document doc = SecureXml.parse(xml);
        String[] pool = {"#default", "a", "b", "wsu", "unused"};
        List<String> tokens = new ArrayList<>();
        for (String p : pool) {
            if (r.nextBoolean()) {
                tokens.add(p);
            }
        }
        String prefixList = String.join(r.nextBoolean() ? " " : "  ", tokens);
        List<String> prefixes = new ArrayList<>();
        for (String t : tokens) {
            prefixes.add(t.equals("#default") ? "" : t);
        }
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            ByteSink sink = ByteSink.forThisThread();
            assertTrue(ExclusiveC14n.canonicalize(e, prefixes, null, sink), "parsed documents are handled: " + xml);
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            sink.writeTo(ours);
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(e, prefixList, theirs);
            assertEquals(theirs.toString(StandardCharsets.UTF_8), ours.toString(StandardCharsets.UTF_8),
                    "element " + e.getTagName() + " with PrefixList '" + prefixList + "' of " + xml);
        }
    }

    /**
     * One pass for an enveloped signature: the full canonical form with the marked element's recorded bytes cut out is
     * the canonical form with that element left out, for every element and every descendant of random documents.
     */
    @Property(tries = 200)
    void cuttingTheMarkedBytesEqualsLeavingTheElementOut(@ForAll long seed) throws Exception {
        String xml = new Generator(new Random(seed)).document();
        Document doc = SecureXml.parse(xml);
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element apex = (Element) all.item(i);
            NodeList inside = apex.getElementsByTagNameNS("*", "*");
            for (int j = 0; j < inside.getLength(); j++) {
                Element mark = (Element) inside.item(j);
                ByteSink sink = ByteSink.forThisThread();
                int[] range = ExclusiveC14n.canonicalizeMarking(apex, mark, sink);
                ByteArrayOutputStream marked = new ByteArrayOutputStream();
                sink.writeTo(marked);
                byte[] full = marked.toByteArray();
                assertEquals(new String(canonical(apex, null), StandardCharsets.UTF_8),
                        new String(full, StandardCharsets.UTF_8), "the marking pass writes the full form: " + xml);
                byte[] cut = new byte[full.length - (range[1] - range[0])];
                System.arraycopy(full, 0, cut, 0, range[0]);
                System.arraycopy(full, range[1], cut, range[0], full.length - range[1]);
                assertEquals(new String(canonical(apex, mark), StandardCharsets.UTF_8),
                        new String(cut, StandardCharsets.UTF_8), "<" + mark.getTagName() + "> cut from "
                                + apex.getTagName() + " of " + xml);
                String declarations = " xmlns[^=]*=\"[^\"]*\"";
                assertEquals(new String(canonical(mark, null), StandardCharsets.UTF_8).replaceAll(declarations, ""),
                        new String(full, range[0], range[1] - range[0], StandardCharsets.UTF_8)
                                .replaceAll(declarations, ""),
                        "the range is the marked element's, up to where namespaces are declared");
            }
        }
    }

    @Test
    void markingDeclinesAnElementOutsideTheSubtree() {
        Document doc = SecureXml.parse("<r><a/><b/></r>");
        Element a = (Element) doc.getDocumentElement().getFirstChild();
        Element b = (Element) a.getNextSibling();
        assertEquals(null, ExclusiveC14n.canonicalizeMarking(a, b, ByteSink.forThisThread()));
        int[] range = ExclusiveC14n.canonicalizeMarking(doc.getDocumentElement(), b, ByteSink.forThisThread());
        assertArrayEquals(new int[] {10, 17}, range, "<r><a></a> then <b></b>");
    }

    private static byte[] canonical(Element apex, Element leftOut) {
        ByteSink sink = ByteSink.forThisThread();
        assertTrue(ExclusiveC14n.canonicalize(apex, List.of(), leftOut, sink));
        return sink.toByteArray();
    }

    @Test
    void leavesOutTheExcludedSubtreeAndDeclinesRelativeNamespaces() throws Exception {
        Document doc = SecureXml.parse("<r xmlns:a=\"urn:a\"><a:s><a:x/></a:s> <k/></r>");
        Element root = doc.getDocumentElement();
        ByteSink sink = ByteSink.forThisThread();
        assertTrue(ExclusiveC14n.canonicalize(root, List.of(), root.getFirstChild(), sink));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        sink.writeTo(out);
        assertEquals("<r> <k></k></r>", out.toString(StandardCharsets.UTF_8));
        assertFalse(ExclusiveC14n.canonicalize(root, List.of(), root, ByteSink.forThisThread()));
        Document relative = SecureXml.parse("<r><x:y xmlns:x=\"relative\"/></r>");
        assertFalse(ExclusiveC14n.canonicalize(relative.getDocumentElement(), ByteSink.forThisThread()));
    }

    @Test
    void declinesAPrefixWithoutDeclaration() {
        Document doc = SecureXml.parse("<r/>");
        Element unbound = doc.createElementNS("urn:nowhere", "n:x");
        doc.getDocumentElement().appendChild(unbound);
        assertFalse(ExclusiveC14n.canonicalize(unbound, ByteSink.forThisThread()));
        Element attr = doc.createElementNS(null, "y");
        attr.setAttributeNS("urn:nowhere", "n:a", "v");
        doc.getDocumentElement().appendChild(attr);
        assertFalse(ExclusiveC14n.canonicalize(attr, ByteSink.forThisThread()));
    }

    @Test
    void aCanonicalisationStartsFromEmptyStacksAfterOneThatDeclinedHalfWay() {
        Document declined = SecureXml.parse("<r xmlns:p=\"urn:p\"><p:a xmlns=\"urn:d\"><x:y xmlns:x=\"relative\"/></p:a></r>");
        assertFalse(ExclusiveC14n.canonicalize(declined.getDocumentElement(), ByteSink.forThisThread()));
        Document doc = SecureXml.parse("<r/>");
        Element unbound = doc.createElementNS("urn:p", "p:k");
        doc.getDocumentElement().appendChild(unbound);
        assertFalse(ExclusiveC14n.canonicalize(unbound, ByteSink.forThisThread()), "p is bound in no scope of this tree");
        Element plain = doc.createElementNS(null, "k");
        doc.getDocumentElement().appendChild(plain);
        ByteSink sink = ByteSink.forThisThread();
        assertTrue(ExclusiveC14n.canonicalize(plain, sink));
        assertEquals("<k></k>", new String(sink.toByteArray(), StandardCharsets.UTF_8), "no default namespace left over");
    }

    @Test
    void namesAreWrittenAsUtf8EveryTimeAndAsciiNamesStayAsciiAfterThem() throws Exception {
        String xml = "<r xmlns:æ=\"urn:æ\"><grød æ:ø=\"1\" ø=\"2\"><æ:x/></grød><grød ø=\"3\"/><g/></r>";
        for (int round = 0; round < 3; round++) {
            Element root = SecureXml.parse(xml).getDocumentElement();
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(root, theirs);
            ByteSink sink = ByteSink.forThisThread();
            assertTrue(ExclusiveC14n.canonicalize(root, sink));
            assertArrayEquals(theirs.toByteArray(), sink.toByteArray(), "round " + round);
        }
    }

    @Test
    void aCanonicalisationKeepsNoStringOfTheTreeOnceDone() throws Exception {
        WeakReference<String> uri = canonicaliseATreeWithALongNamespace();
        for (int i = 0; i < 20 && uri.get() != null; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertNull(uri.get(), "the thread's writer still holds the tree's namespace URI");
    }

    /** A tree whose only namespace URI is a fresh 300-char string (too long for the writer's tables). */
    private static WeakReference<String> canonicaliseATreeWithALongNamespace() {
        String uri = new String("urn:" + "n".repeat(296));
        Document doc = SecureXml.parse("<r/>");
        Element x = doc.createElementNS(uri, "p:x");
        x.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:p", uri);
        doc.getDocumentElement().appendChild(x);
        assertTrue(ExclusiveC14n.canonicalize(x, ByteSink.forThisThread()));
        return new WeakReference<>(uri);
    }

    @Test
    void declinesEntityReferences() {
        Document doc = SecureXml.parse("<r/>");
        doc.getDocumentElement().appendChild(doc.createEntityReference("ent"));
        assertFalse(ExclusiveC14n.canonicalize(doc.getDocumentElement(), ByteSink.forThisThread()));
    }

    /** Random well-formed, namespace-well-formed XML text. */
    static final class Generator {
        private final Random r;
        private final StringBuilder b = new StringBuilder();

        Generator(Random r) {
            this.r = r;
        }

        String document() {
            element(new HashMap<>(), 0);
            return b.toString();
        }

        private String pick(String[] from) {
            return from[r.nextInt(from.length)];
        }

        private void element(Map<String, String> inherited, int depth) {
            Map<String, String> scope = new HashMap<>(inherited);
            List<String> decls = new ArrayList<>();
            int n = r.nextInt(3);
            for (int i = 0; i < n; i++) {
                String p = pick(PREFIXES);
                if (decls.contains(p)) {
                    continue;
                }
                decls.add(p);
                String uri = p.isEmpty() && r.nextInt(4) == 0 ? "" : pick(URIS);
                scope.put(p, uri);
            }
            List<String> usable = new ArrayList<>();
            for (Map.Entry<String, String> s : scope.entrySet()) {
                if (!s.getKey().isEmpty() && !s.getValue().isEmpty()) {
                    usable.add(s.getKey());
                }
            }
            String prefix = usable.isEmpty() || r.nextBoolean() ? "" : usable.get(r.nextInt(usable.size()));
            String name = (prefix.isEmpty() ? "" : prefix + ":") + "e" + r.nextInt(3);
            b.append('<').append(name);
            for (String p : decls) {
                b.append(p.isEmpty() ? " xmlns" : " xmlns:" + p).append("=\"").append(scope.get(p).replace("&", "&amp;"))
                        .append('"');
            }
            List<String> attrNames = new ArrayList<>();
            int attrs = r.nextInt(4);
            for (int i = 0; i < attrs; i++) {
                String a;
                int kind = r.nextInt(4);
                if (kind == 0 && !usable.isEmpty()) {
                    a = usable.get(r.nextInt(usable.size())) + ":at" + r.nextInt(2);
                } else if (kind == 1) {
                    a = r.nextBoolean() ? "xml:lang" : "xml:space";
                } else {
                    a = r.nextBoolean() ? "Id" : "z" + r.nextInt(3);
                }
                if (attrNames.contains(a) || clashes(a, attrNames, scope)) {
                    continue;
                }
                attrNames.add(a);
                String v = a.equals("xml:space") ? (r.nextBoolean() ? "preserve" : "default") : pick(TEXTS);
                b.append(' ').append(a).append("=\"").append(v.replace("\"", "&quot;")).append('"');
            }
            b.append('>');
            int children = depth >= 4 ? 0 : r.nextInt(4);
            for (int i = 0; i < children; i++) {
                switch (r.nextInt(6)) {
                    case 0 -> b.append(pick(TEXTS));
                    case 1 -> b.append("<!--c").append(r.nextInt(9)).append("-->");
                    case 2 -> b.append("<?pi").append(r.nextBoolean() ? " data x=\"1\"" : "").append("?>");
                    case 3 -> b.append("<![CDATA[a<b&c>]]>");
                    default -> element(scope, depth + 1);
                }
            }
            b.append("</").append(name).append('>');
        }

        /** Two prefixed attributes with the same local name and namespace would be a duplicate. */
        private static boolean clashes(String a, List<String> existing, Map<String, String> scope) {
            int colon = a.indexOf(':');
            if (colon < 0 || a.startsWith("xml:")) {
                return false;
            }
            for (String e : existing) {
                int c = e.indexOf(':');
                if (c > 0 && !e.startsWith("xml:") && e.substring(c).equals(a.substring(colon))
                        && scope.get(e.substring(0, c)).equals(scope.get(a.substring(0, colon)))) {
                    return true;
                }
            }
            return false;
        }
    }
}

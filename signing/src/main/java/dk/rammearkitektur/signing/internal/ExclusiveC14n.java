package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.signing.DigestAlgorithm;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
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
 *
 * <p>It writes UTF-8 straight into the {@link ByteSink} and keeps the namespaces in scope and those already rendered on
 * two array stacks (popped when an element ends), so that a subtree costs no per-element maps or strings.
 */
public final class ExclusiveC14n {
    private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
    private static final String XML = XMLConstants.XML_NS_URI;
    private static final int MAX_DEPTH = 200;
    /** The size of a writer's table of ASCII names (a power of two). */
    private static final int ASCII_NAMES = 128;
    /** The size of a writer's table of namespace URIs that need no escaping (a power of two). */
    private static final int PLAIN_URIS = 32;
    /** The longest name or URI a writer's tables remember (longer ones are checked on every use). */
    private static final int MAX_REMEMBERED_CHARS = 256;
    /** From this length on, ASCII text is written by {@code Writer.longAsciiText}. */
    private static final int LONG_TEXT = 64;
    /** The chars c14n escapes in text: &amp;, &lt;, &gt; and CR. */
    private static final String TEXT_SPECIALS = "&<>\r";
    /** Bit c set for each char c below 0x40 that c14n escapes in text ({@link #TEXT_SPECIALS}). */
    private static final long TEXT_ESCAPED = 1L << '&' | 1L << '<' | 1L << '>' | 1L << '\r';
    /** Bit c set for each char c below 0x40 that c14n escapes in an attribute value: &amp;, &lt;, &quot;, TAB, LF, CR. */
    private static final long ATTRIBUTE_ESCAPED = 1L << '&' | 1L << '<' | 1L << '"' | 1L << '\t' | 1L << '\n' | 1L << '\r';

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
        Writer w = Writer.take(out, inclusivePrefixes, exclude, null, null);
        try {
            return w.run(apex);
        } finally {
            w.release();
        }
    }

    /**
     * Writes the canonical form of the subtree at {@code apex} (no prefix list, nothing left out) to {@code out} and
     * returns where the canonical form of {@code mark}, an element inside it, starts and ends in {@code out} ({start,
     * end}, offsets from the sink's start; null when the subtree is not handled or {@code mark} was not met). Those
     * bytes cut out leave exactly the canonical form with {@code mark} left out: an element's rendering depends only on
     * its ancestors, never on its siblings.
     */
    public static int[] canonicalizeMarking(Element apex, Element mark, ByteSink out) {
        int[] range = {-1, -1};
        Writer w = Writer.take(out, List.of(), null, mark, range);
        try {
            if (!w.run(apex) || range[0] < 0 || range[1] < range[0]) {
                return null;
            }
            return range;
        } finally {
            w.release();
        }
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

    /**
     * One canonicalisation: the output, the two namespace stacks and the scratch arrays of one start tag. One per
     * thread is kept between canonicalisations (its arrays reused, its references to nodes dropped on release);
     * a canonicalisation that starts while the thread's writer is taken gets a writer of its own.
     */
    private static final class Writer {
        private static final ThreadLocal<Writer> IDLE = new ThreadLocal<>();
        /** The longest stack or scratch array a writer kept for the next canonicalisation may have. */
        private static final int RETAINED = 256;

        private ByteSink out;
        private List<String> inclusive;
        private Node exclude;
        private Element mark;
        private int[] markRange;
        /** Namespaces in scope, innermost last (prefix "" is the default namespace). */
        private String[] scopePrefix = new String[16];
        private String[] scopeUri = new String[16];
        private int scopeSize;
        /** Namespaces rendered on the output ancestors, innermost last. */
        private String[] renderedPrefix = new String[16];
        private String[] renderedUri = new String[16];
        private int renderedSize;
        /** The start tag being written: its plain attributes and its visibly utilised prefixes. */
        private Attr[] attrs = new Attr[8];
        private String[] usedPrefix = new String[8];
        private String[] usedUri = new String[8];
        /** Names known to be ASCII, by identity ({@link #name(String)}). */
        private final String[] asciiNames = new String[ASCII_NAMES];
        /** Namespace URIs known to be ASCII with nothing to escape, by identity ({@link #namespaceUri(String)}). */
        private final String[] plainUris = new String[PLAIN_URIS];

        /** This thread's idle writer (or a new one), set up for one canonicalisation; {@link #release()} it after. */
        static Writer take(ByteSink out, List<String> inclusive, Node exclude, Element mark, int[] markRange) {
            Writer w = IDLE.get();
            if (w == null) {
                w = new Writer();
            } else {
                IDLE.set(null);
            }
            w.out = out;
            w.inclusive = inclusive;
            w.exclude = exclude;
            w.mark = mark;
            w.markRange = markRange;
            w.scopeSize = 0;
            w.renderedSize = 0;
            return w;
        }

        /**
         * Drops every reference to a node, to the output and to the strings on the stacks, and makes this the thread's
         * idle writer again (keeping only the two tables of short names and URIs), unless a large tree grew its arrays
         * beyond {@link #RETAINED} entries.
         */
        void release() {
            out = null;
            inclusive = null;
            exclude = null;
            mark = null;
            markRange = null;
            if (scopePrefix.length <= RETAINED && renderedPrefix.length <= RETAINED && attrs.length <= RETAINED
                    && usedPrefix.length <= RETAINED) {
                Arrays.fill(attrs, null);
                Arrays.fill(scopePrefix, null);
                Arrays.fill(scopeUri, null);
                Arrays.fill(renderedPrefix, null);
                Arrays.fill(renderedUri, null);
                Arrays.fill(usedPrefix, null);
                Arrays.fill(usedUri, null);
                IDLE.set(this);
            }
        }

        boolean run(Element apex) {
            if (apex == exclude) {
                return false;
            }
            int depth = 0;
            for (Node n = apex.getParentNode(); n instanceof Element; n = n.getParentNode()) {
                depth++;
            }
            Element[] ancestors = new Element[depth];
            int i = depth;
            for (Node n = apex.getParentNode(); n instanceof Element e; n = n.getParentNode()) {
                ancestors[--i] = e;
            }
            for (Element a : ancestors) {
                NamedNodeMap list = attributes(a);
                for (int k = 0, len = list == null ? 0 : list.getLength(); k < len; k++) {
                    Node at = list.item(k);
                    if (XMLNS.equals(at.getNamespaceURI())) {
                        declare(at);
                    }
                }
                // Santuario also puts an ancestor's own namespace in scope; where its declarations say otherwise,
                // decline.
                String ans = a.getNamespaceURI();
                String name = a.getTagName();
                int binding = bindingOf(name, prefixLength(a, name));
                if (ans != null && (binding < 0 || !ans.equals(scopeUri[binding]))) {
                    return false;
                }
            }
            return element(apex, 0);
        }

        private void declare(Node declaration) {
            String local = declaration.getLocalName();
            push("xmlns".equals(local) ? "" : local, declaration.getNodeValue());
        }

        private void push(String prefix, String uri) {
            if (scopeSize == scopePrefix.length) {
                scopePrefix = Arrays.copyOf(scopePrefix, scopeSize * 2);
                scopeUri = Arrays.copyOf(scopeUri, scopeSize * 2);
            }
            scopePrefix[scopeSize] = prefix;
            scopeUri[scopeSize++] = uri;
        }

        /**
         * Where on the scope stack the innermost binding of the prefix of {@code qname} is (its first {@code colon}
         * chars; the default namespace when {@code colon} is negative), or -1: the prefix is compared in place, as
         * {@code getPrefix()} would copy it out of the name on every call.
         */
        private int bindingOf(String qname, int colon) {
            for (int i = scopeSize - 1; i >= 0; i--) {
                String p = scopePrefix[i];
                if (colon < 0 ? p.isEmpty() : p.length() == colon && qname.startsWith(p)) {
                    return i;
                }
            }
            return -1;
        }

        /** The URI bound to {@code prefix} in scope, or null. */
        private String lookup(String prefix) {
            int binding = bindingOf(prefix, prefix.isEmpty() ? -1 : prefix.length());
            return binding < 0 ? null : scopeUri[binding];
        }

        /** The URI rendered for {@code prefix} on an output ancestor, or null. */
        private String rendered(String prefix) {
            for (int i = renderedSize - 1; i >= 0; i--) {
                if (renderedPrefix[i].equals(prefix)) {
                    return renderedUri[i];
                }
            }
            return null;
        }

        private void render(String prefix, String uri) {
            if (renderedSize == renderedPrefix.length) {
                renderedPrefix = Arrays.copyOf(renderedPrefix, renderedSize * 2);
                renderedUri = Arrays.copyOf(renderedUri, renderedSize * 2);
            }
            renderedPrefix[renderedSize] = prefix;
            renderedUri[renderedSize++] = uri;
        }

        private boolean element(Element e, int depth) {
            if (depth > MAX_DEPTH) {
                return false;
            }
            int scopeMark = scopeSize;
            int renderedMark = renderedSize;
            if (e == mark) {
                markRange[0] = out.size();
            }
            if (!startTag(e)) {
                return false;
            }
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                switch (c.getNodeType()) {
                    case Node.ELEMENT_NODE -> {
                        if (c != exclude && !element((Element) c, depth + 1)) {
                            return false;
                        }
                    }
                    case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text(c.getNodeValue());
                    case Node.PROCESSING_INSTRUCTION_NODE -> {
                        out.write('<');
                        out.write('?');
                        utf8(c.getNodeName());
                        String data = c.getNodeValue();
                        if (data != null && !data.isEmpty()) {
                            out.write(' ');
                            utf8(data);
                        }
                        out.write('?');
                        out.write('>');
                    }
                    case Node.COMMENT_NODE -> {
                    }
                    default -> {
                        return false;
                    }
                }
            }
            out.write('<');
            out.write('/');
            name(e.getTagName());
            out.write('>');
            if (e == mark) {
                markRange[1] = out.size();
            }
            scopeSize = scopeMark;
            renderedSize = renderedMark;
            return true;
        }

        /** Declares the element's namespaces and writes its start tag; false to decline. */
        private boolean startTag(Element e) {
            NamedNodeMap list = attributes(e);
            int len = list == null ? 0 : list.getLength();
            if (attrs.length < len) {
                attrs = new Attr[Math.max(len, attrs.length * 2)];
            }
            int plain = 0;
            for (int i = 0; i < len; i++) {
                Attr a = (Attr) list.item(i);
                if (XMLNS.equals(a.getNamespaceURI())) {
                    String v = a.getValue();
                    // A namespace URI Santuario's canonicaliser refuses as relative: not empty and no scheme.
                    if (!v.isEmpty() && v.indexOf(':') <= 0) {
                        return false;
                    }
                    declare(a);
                } else {
                    attrs[plain++] = a;
                }
            }
            String tag = e.getTagName();
            int colon = prefixLength(e, tag);
            int binding = bindingOf(tag, colon);
            String ns = e.getNamespaceURI() == null ? "" : e.getNamespaceURI();
            String bound = binding < 0 ? null : scopeUri[binding];
            if (!ns.equals(bound != null ? bound : colon < 0 ? "" : null)) {
                return false;
            }
            String prefix = binding >= 0 ? scopePrefix[binding] : "";
            int used = 0;
            used = use(prefix, ns, used);
            for (int i = 0; i < plain; i++) {
                Attr a = attrs[i];
                String ans = a.getNamespaceURI();
                String name = a.getName();
                int ac = prefixLength(a, name);
                if (ac < 0) {
                    if (ans != null) {
                        return false;
                    }
                } else if (ac == 3 && name.startsWith("xml")) {
                    if (!XML.equals(ans)) {
                        return false;
                    }
                } else {
                    int ab = bindingOf(name, ac);
                    if (ans == null || ab < 0 || !ans.equals(scopeUri[ab])) {
                        return false;
                    }
                    used = use(scopePrefix[ab], ans, used);
                }
            }
            for (int k = 0, n = inclusive.size(); k < n; k++) {
                String p = inclusive.get(k);
                String uri = lookup(p);
                if (uri != null && indexOfUsed(p, used) < 0) {
                    used = use(p, uri, used);
                }
            }
            sortUsed(used);
            out.write('<');
            name(tag);
            for (int i = 0; i < used; i++) {
                String p = usedPrefix[i];
                String uri = usedUri[i];
                String before = rendered(p); // p occurs once in used: nothing of this tag is on the stack yet
                boolean render = p.isEmpty() && uri.isEmpty() ? before != null && !before.isEmpty() : !uri.equals(before);
                if (render) {
                    render(p, uri);
                    if (p.isEmpty()) {
                        ascii(" xmlns=\"");
                    } else {
                        ascii(" xmlns:");
                        utf8(p);
                        out.write('=');
                        out.write('"');
                    }
                    namespaceUri(uri);
                    out.write('"');
                }
            }
            sortAttributes(plain);
            for (int i = 0; i < plain; i++) {
                Attr a = attrs[i];
                out.write(' ');
                name(a.getName());
                out.write('=');
                out.write('"');
                attribute(a.getValue());
                out.write('"');
                attrs[i] = null;
            }
            out.write('>');
            return true;
        }

        /** Adds or replaces a visibly utilised prefix; returns the new count. */
        private int use(String prefix, String uri, int used) {
            int i = indexOfUsed(prefix, used);
            if (i >= 0) {
                usedUri[i] = uri;
                return used;
            }
            if (used == usedPrefix.length) {
                usedPrefix = Arrays.copyOf(usedPrefix, used * 2);
                usedUri = Arrays.copyOf(usedUri, used * 2);
            }
            usedPrefix[used] = prefix;
            usedUri[used] = uri;
            return used + 1;
        }

        private int indexOfUsed(String prefix, int used) {
            for (int i = 0; i < used; i++) {
                if (usedPrefix[i].equals(prefix)) {
                    return i;
                }
            }
            return -1;
        }

        /** Insertion sort by prefix (a start tag has a handful). */
        private void sortUsed(int used) {
            for (int i = 1; i < used; i++) {
                String p = usedPrefix[i];
                String u = usedUri[i];
                int j = i - 1;
                while (j >= 0 && usedPrefix[j].compareTo(p) > 0) {
                    usedPrefix[j + 1] = usedPrefix[j];
                    usedUri[j + 1] = usedUri[j];
                    j--;
                }
                usedPrefix[j + 1] = p;
                usedUri[j + 1] = u;
            }
        }

        /** Insertion sort by namespace URI (none first), then local name: the canonical attribute order. */
        private void sortAttributes(int plain) {
            for (int i = 1; i < plain; i++) {
                Attr a = attrs[i];
                int j = i - 1;
                while (j >= 0 && compare(attrs[j], a) > 0) {
                    attrs[j + 1] = attrs[j];
                    j--;
                }
                attrs[j + 1] = a;
            }
        }

        private static int compare(Attr x, Attr y) {
            String xn = x.getNamespaceURI() == null ? "" : x.getNamespaceURI();
            String yn = y.getNamespaceURI() == null ? "" : y.getNamespaceURI();
            int c = xn.compareTo(yn);
            if (c != 0) {
                return c;
            }
            String xl = x.getLocalName() == null ? x.getName() : x.getLocalName();
            String yl = y.getLocalName() == null ? y.getName() : y.getLocalName();
            return xl.compareTo(yl);
        }

        private void ascii(String s) {
            out.writeAscii(s, 0, s.length());
        }

        /**
         * Writes an element or attribute name. The parser hands out the same string for every occurrence of a name,
         * so the last names found to be ASCII are remembered by identity (a small table, strings only) and copied in
         * bulk without looking at their chars again.
         */
        private void name(String s) {
            if (!writeRemembered(s, asciiNames, 0L)) {
                utf8(s);
            }
        }

        /** Writes a namespace URI as an attribute value; like names, URIs that need no escaping are remembered. */
        private void namespaceUri(String uri) {
            if (!writeRemembered(uri, plainUris, ATTRIBUTE_ESCAPED)) {
                attribute(uri);
            }
        }

        /**
         * Copies {@code s} in bulk when {@code table} holds this very string or when every char of it is plain
         * ({@link #isPlain} with {@code escaped}), remembering it then if it is short; false, with nothing written,
         * for a string with a char that is not.
         */
        private boolean writeRemembered(String s, String[] table, long escaped) {
            int slot = s.hashCode() & (table.length - 1);
            if (table[slot] != s) {
                for (int i = 0, n = s.length(); i < n; i++) {
                    if (!isPlain(s.charAt(i), escaped)) {
                        return false;
                    }
                }
                if (s.length() <= MAX_REMEMBERED_CHARS) {
                    table[slot] = s;
                }
            }
            out.writeAscii(s, 0, s.length());
            return true;
        }

        /** Writes {@code s} as UTF-8 (an unpaired surrogate as '?', as {@code String.getBytes} does). */
        private void utf8(String s) {
            int n = s.length();
            int run = 0;
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c >= 0x80) {
                    out.writeAscii(s, run, i);
                    i = encode(s, i, c);
                    run = i + 1;
                }
            }
            out.writeAscii(s, run, n);
        }

        /** Writes the non-ASCII character at {@code i}; returns the index of its last char. */
        private int encode(String s, int i, char c) {
            if (c < 0x800) {
                out.write(0xC0 | (c >> 6));
                out.write(0x80 | (c & 0x3F));
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(i + 1));
                    out.write(0xF0 | (cp >> 18));
                    out.write(0x80 | ((cp >> 12) & 0x3F));
                    out.write(0x80 | ((cp >> 6) & 0x3F));
                    out.write(0x80 | (cp & 0x3F));
                    return i + 1;
                }
                out.write('?');
            } else {
                out.write(0xE0 | (c >> 12));
                out.write(0x80 | ((c >> 6) & 0x3F));
                out.write(0x80 | (c & 0x3F));
            }
            return i;
        }

        private void attribute(String value) {
            int n = value.length();
            int run = 0;
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (isPlain(c, ATTRIBUTE_ESCAPED)) {
                    continue;
                }
                out.writeAscii(value, run, i);
                switch (c) {
                    case '&' -> ascii("&amp;");
                    case '<' -> ascii("&lt;");
                    case '"' -> ascii("&quot;");
                    case '\t' -> ascii("&#x9;");
                    case '\n' -> ascii("&#xA;");
                    case '\r' -> ascii("&#xD;");
                    default -> i = encode(value, i, c);
                }
                run = i + 1;
            }
            out.writeAscii(value, run, n);
        }

        /**
         * Writes a long ASCII text (base64 certificates and signature values, mostly): the JDK's encoder copies it in
         * one vectorised pass, {@code String.indexOf} finds the four chars to escape, and the runs between them are
         * copied in bulk, which costs a fraction of a char-by-char scan. Returns false (nothing written) for text with
         * non-ASCII chars, which {@link #text(String)} then writes char by char.
         */
        private boolean longAsciiText(String value) {
            byte[] ascii = value.getBytes(StandardCharsets.UTF_8);
            int n = value.length();
            if (ascii.length != n) {
                return false;
            }
            int[] at = new int[TEXT_SPECIALS.length()];
            for (int k = 0; k < at.length; k++) {
                at[k] = value.indexOf(TEXT_SPECIALS.charAt(k));
            }
            int run = 0;
            for (int k = earliest(at); k >= 0; k = earliest(at)) {
                int next = at[k];
                out.write(ascii, run, next - run);
                escapeText(value.charAt(next));
                at[k] = value.indexOf(TEXT_SPECIALS.charAt(k), next + 1);
                run = next + 1;
            }
            out.write(ascii, run, n - run);
            return true;
        }

        /** Which of the indexes (-1: none) is the smallest, or -1 when all are -1. */
        private static int earliest(int[] at) {
            int best = -1;
            for (int k = 0; k < at.length; k++) {
                if (at[k] >= 0 && (best < 0 || at[k] < at[best])) {
                    best = k;
                }
            }
            return best;
        }

        /** Writes the escape of one of {@code TEXT_SPECIALS}. */
        private void escapeText(char c) {
            switch (c) {
                case '&' -> ascii("&amp;");
                case '<' -> ascii("&lt;");
                case '>' -> ascii("&gt;");
                default -> ascii("&#xD;");
            }
        }

        private void text(String value) {
            int n = value.length();
            if (n >= LONG_TEXT && longAsciiText(value)) {
                return;
            }
            int run = 0;
            for (int i = 0; i < n; i++) {
                char c = value.charAt(i);
                if (isPlain(c, TEXT_ESCAPED)) {
                    continue;
                }
                out.writeAscii(value, run, i);
                if (c < 0x80) {
                    escapeText(c);
                } else {
                    i = encode(value, i, c);
                }
                run = i + 1;
            }
            out.writeAscii(value, run, n);
        }
    }

    /** Whether {@code c} is ASCII and not one of the chars below 0x40 whose bits {@code escaped} sets. */
    private static boolean isPlain(char c, long escaped) {
        return c >= 0x40 ? c < 0x80 : (escaped >>> c & 1) == 0;
    }

    /** The element's attributes, or null for none (asking for them would give it an attribute map of its own). */
    private static NamedNodeMap attributes(Element e) {
        return e.hasAttributes() ? e.getAttributes() : null;
    }

    /**
     * The length of the prefix in the qualified name {@code qname} of {@code n}, or -1 for none: also for a node made
     * without namespace support (no local name), whose prefix is null whatever its name holds.
     */
    private static int prefixLength(Node n, String qname) {
        String local = n.getLocalName();
        return local == null ? -1 : qname.length() - local.length() - 1;
    }
}

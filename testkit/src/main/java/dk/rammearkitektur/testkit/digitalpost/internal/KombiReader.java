package dk.rammearkitektur.testkit.digitalpost.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Reads a {@code kombi_request} with the hardened streaming parser into small DOM copies of its MeMo message and
 * print part. Base64 content ({@code memo:content}, {@code MeddelelseIndholdData}, {@code VedhaeftningIndholdData}) is decoded on the fly into a
 * {@link Base64Stream} and replaced in the copy by a four-character placeholder, so that the copy can be validated
 * against the XSDs without holding a large attachment.
 */
public final class KombiReader {
    /** The MeMo namespace. */
    public static final String MEMO = "https://DigitalPost.dk/MeMo-1";
    /** The Fjernprint namespace. */
    public static final String FJERNPRINT = "urn:oio:fjernprint:1.0.0";
    /** The placeholder written in place of Base64 content. */
    public static final String PLACEHOLDER = "AAAA";

    private final long keepLimit;

    /**
     * What was read.
     *
     * @param channelCode the KombiValgKode, or null
     * @param memo the {@code memo:Message} copy, or null
     * @param print the {@code ForsendelseI} copy, or null
     * @param contents the decoded content of each content element of the copies
     * @param problems what is structurally wrong with the request, as (code, detail)
     */
    public record Parsed(String channelCode, Element memo, Element print, Map<Element, Base64Stream> contents,
            List<String[]> problems) {
    }

    /** A reader keeping at most {@code keepLimit} bytes of each file in memory. */
    public KombiReader(long keepLimit) {
        this.keepLimit = keepLimit;
    }

    /**
     * Reads the request.
     *
     * @throws XMLStreamException when the XML is not well-formed
     */
    public Parsed read(InputStream in, String structureCode) throws XMLStreamException {
        XMLStreamReader r = SecureXml.createStreamReader(in);
        Document doc = SecureXml.documentBuilder().newDocument();
        Map<Element, Base64Stream> contents = new IdentityHashMap<>();
        List<String[]> problems = new ArrayList<>();
        String channel = null;
        Element memo = null;
        Element print = null;
        r.nextTag();
        if (!"kombi_request".equals(r.getLocalName()) || !ns(r).isEmpty()) {
            problems.add(new String[] {structureCode, "the root must be kombi_request without a namespace"});
            return new Parsed(null, null, null, contents, problems);
        }
        // KombiValgKode first; then the message and the print part, each at most once, in either order: public
        // clients write Message first (ITK), a generated client lists ForsendelseISamling first (Valghalla), and no
        // published schema fixes the order.
        boolean sawChannel = false;
        boolean sawPrint = false;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = r.getLocalName();
            String ns = ns(r);
            if (ns.isEmpty() && name.equals("KombiValgKode") && !sawChannel && memo == null && !sawPrint) {
                channel = r.getElementText().strip();
                sawChannel = true;
            } else if (ns.equals(MEMO) && name.equals("Message") && sawChannel && memo == null) {
                if (!"memo".equals(r.getPrefix())) {
                    // A public client normalises the prefix to exactly "memo" before sending (ITK MemoDocumentNormalizer).
                    problems.add(new String[] {structureCode, "the MeMo message must use the namespace prefix memo"});
                }
                memo = copy(r, doc, contents);
            } else if (ns.equals(FJERNPRINT) && name.equals("ForsendelseISamling") && sawChannel && !sawPrint) {
                Element wrapper = copy(r, doc, contents);
                List<Element> kids = kids(wrapper);
                if (kids.size() != 1 || !"ForsendelseI".equals(kids.get(0).getLocalName())
                        || !FJERNPRINT.equals(kids.get(0).getNamespaceURI())) {
                    problems.add(new String[] {structureCode, "ForsendelseISamling must hold exactly one ForsendelseI"});
                } else {
                    print = kids.get(0);
                }
                sawPrint = true;
            } else {
                problems.add(new String[] {structureCode, "element " + name + " is not expected here (KombiValgKode "
                        + "first, then at most one memo:Message and one fjernprint:ForsendelseISamling)"});
                skip(r);
            }
        }
        if (channel == null) {
            problems.add(new String[] {structureCode, "KombiValgKode is missing"});
        }
        return new Parsed(channel, memo, print, contents, problems);
    }

    /** Child elements of {@code e}. */
    public static List<Element> kids(Element e) {
        List<Element> out = new ArrayList<>();
        for (org.w3c.dom.Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el) {
                out.add(el);
            }
        }
        return out;
    }

    private Element copy(XMLStreamReader r, Document doc, Map<Element, Base64Stream> contents) throws XMLStreamException {
        Deque<Element> stack = new ArrayDeque<>();
        Element root = null;
        Base64Stream current = null;
        int event = XMLStreamConstants.START_ELEMENT;
        while (true) {
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    String prefix = r.getPrefix();
                    String qname = prefix == null || prefix.isEmpty() ? r.getLocalName() : prefix + ":" + r.getLocalName();
                    Element e = doc.createElementNS(r.getNamespaceURI() == null || r.getNamespaceURI().isEmpty()
                            ? null : r.getNamespaceURI(), qname);
                    for (int i = 0; i < r.getNamespaceCount(); i++) {
                        String p = r.getNamespacePrefix(i);
                        e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI,
                                p == null || p.isEmpty() ? "xmlns" : "xmlns:" + p, r.getNamespaceURI(i));
                    }
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        String ans = r.getAttributeNamespace(i);
                        String ap = r.getAttributePrefix(i);
                        e.setAttributeNS(ans == null || ans.isEmpty() ? null : ans,
                                ap == null || ap.isEmpty() ? r.getAttributeLocalName(i) : ap + ":" + r.getAttributeLocalName(i),
                                r.getAttributeValue(i));
                    }
                    if (root == null) {
                        root = e;
                    } else {
                        stack.peek().appendChild(e);
                    }
                    stack.push(e);
                    if (isContent(e)) {
                        current = new Base64Stream(keepLimit);
                        contents.put(e, current);
                        e.setTextContent(PLACEHOLDER);
                    }
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (current != null) {
                        current.feed(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    } else if (!stack.isEmpty()) {
                        stack.peek().appendChild(doc.createTextNode(r.getText()));
                    }
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    Element done = stack.pop();
                    if (current != null && contents.get(done) == current) {
                        current.finish();
                        current = null;
                    }
                    if (stack.isEmpty()) {
                        return root;
                    }
                }
                default -> {
                }
            }
            event = r.next();
        }
    }

    private static boolean isContent(Element e) {
        return ("content".equals(e.getLocalName()) && MEMO.equals(e.getNamespaceURI()))
                || "MeddelelseIndholdData".equals(e.getLocalName()) || "VedhaeftningIndholdData".equals(e.getLocalName());
    }

    private static void skip(XMLStreamReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static String ns(XMLStreamReader r) {
        return r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
    }
}

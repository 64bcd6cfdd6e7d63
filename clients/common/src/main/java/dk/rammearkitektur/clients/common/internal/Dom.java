package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Small DOM helpers; documents come from SecureXml's hardened builder, one per thread. */
public final class Dom {
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(Dom::builder);

    private Dom() {
    }

    /**
     * SecureXml's hardened builder, building the whole tree as it parses (Xerces' deferred node expansion pays off
     * for large documents read in part; replies are small and read whole).
     */
    private static DocumentBuilder builder() {
        try {
            javax.xml.parsers.DocumentBuilderFactory f = SecureXml.documentBuilderFactory();
            f.setFeature("http://apache.org/xml/features/dom/defer-node-expansion", false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(ERRORS);
            b.setEntityResolver((publicId, systemId) -> {
                throw new org.xml.sax.SAXException("external entity refused");
            });
            return b;
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IllegalStateException("cannot create a hardened DocumentBuilder", e);
        }
    }

    /** A new empty document. */
    public static Document newDocument() {
        return BUILDER.get().newDocument();
    }

    /**
     * Parses {@code bytes} with this thread's hardened SecureXml builder (reused, so no factory is created per call;
     * each parse starts from the builder's configuration, so no reset is needed between documents); parser problems
     * are translated by {@link SecureXml#translate(Exception)}.
     */
    public static Document parse(byte[] bytes) {
        DocumentBuilder b = BUILDER.get();
        try {
            return b.parse(new java.io.ByteArrayInputStream(bytes));
        } catch (org.xml.sax.SAXException e) {
            throw SecureXml.translate(e);
        } catch (java.io.IOException e) {
            throw new dk.rammearkitektur.core.XmlParseException("XML could not be read: " + e.getMessage(), e);
        }
    }

    private static final org.xml.sax.ErrorHandler ERRORS = new org.xml.sax.ErrorHandler() {
        @Override
        public void warning(org.xml.sax.SAXParseException e) {
            // warnings do not stop parsing
        }

        @Override
        public void error(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e;
        }

        @Override
        public void fatalError(org.xml.sax.SAXParseException e) throws org.xml.sax.SAXException {
            throw e;
        }
    };

    /** Appends a child element with optional text. */
    public static Element add(Element parent, String ns, String qname, String text) {
        Element e = parent.getOwnerDocument().createElementNS(ns, qname);
        if (text != null) {
            e.setTextContent(text);
        }
        parent.appendChild(e);
        return e;
    }

    /** The element children of {@code parent}. */
    public static List<Element> children(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** The first element child with the given namespace and local name, or null. */
    public static Element child(Node parent, String ns, String local) {
        for (Element e : children(parent)) {
            if (local.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    /** The trimmed text of the first matching child, or null. */
    public static String childText(Node parent, String ns, String local) {
        Element e = child(parent, ns, local);
        return e == null ? null : e.getTextContent().trim();
    }
}

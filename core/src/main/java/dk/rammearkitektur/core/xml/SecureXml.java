package dk.rammearkitektur.core.xml;

import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.XmlSecurityException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerConfigurationException;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The only way the SDK creates XML parsers, transformers and schema validators. Every factory here refuses DOCTYPE
 * declarations (and with them external entities, external DTDs and entity-expansion bombs), blocks external access,
 * bounds entity expansion and turns secure processing on. Always the JDK's own implementations are used, never one
 * that happens to be on the classpath.
 *
 * <p>Refusals surface as {@link XmlSecurityException} (reason {@code xml.doctype}, {@code xml.external-access} or
 * {@code xml.entity-expansion}); documents that are simply not well-formed as {@link XmlParseException}.
 */
public final class SecureXml {
    static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    static final String EXTERNAL_GENERAL_ENTITIES = "http://xml.org/sax/features/external-general-entities";
    static final String EXTERNAL_PARAMETER_ENTITIES = "http://xml.org/sax/features/external-parameter-entities";
    static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";
    static final String ENTITY_EXPANSION_LIMIT = "jdk.xml.entityExpansionLimit";
    static final String MAX_ELEMENT_DEPTH = "jdk.xml.maxElementDepth";
    /** Entity expansions allowed: none are needed, since DOCTYPEs are refused; the limit is defence in depth. */
    static final String EXPANSION_LIMIT_VALUE = "100";
    static final String ELEMENT_DEPTH_VALUE = "256";

    private SecureXml() {
    }

    /** A namespace-aware, hardened {@link DocumentBuilderFactory}. A new instance each call; configure freely. */
    public static DocumentBuilderFactory documentBuilderFactory() {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultNSInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(DISALLOW_DOCTYPE, true);
            f.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            f.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            f.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks a required security feature", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setAttribute(ENTITY_EXPANSION_LIMIT, EXPANSION_LIMIT_VALUE);
        f.setAttribute(MAX_ELEMENT_DEPTH, ELEMENT_DEPTH_VALUE);
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setValidating(false);
        return f;
    }

    /** A hardened {@link DocumentBuilder} whose errors are not printed to the console but thrown. */
    public static DocumentBuilder documentBuilder() {
        try {
            DocumentBuilder b = documentBuilderFactory().newDocumentBuilder();
            b.setErrorHandler(THROWING);
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create a hardened DocumentBuilder", e);
        }
    }

    /** Parses a document with a hardened builder. */
    public static Document parse(InputStream in) {
        return parse(new InputSource(in));
    }

    /** Parses a document with a hardened builder. */
    public static Document parse(Reader in) {
        return parse(new InputSource(in));
    }

    /** Parses a document from a string with a hardened builder. */
    public static Document parse(String xml) {
        return parse(new InputSource(new java.io.StringReader(xml)));
    }

    private static Document parse(InputSource source) {
        try {
            return documentBuilder().parse(source);
        } catch (SAXException e) {
            throw translate(e);
        } catch (IOException e) {
            throw new XmlParseException("XML could not be read: " + e.getMessage(), e);
        }
    }

    /** A namespace-aware, hardened {@link SAXParserFactory}. */
    public static SAXParserFactory saxParserFactory() {
        SAXParserFactory f = SAXParserFactory.newDefaultNSInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(DISALLOW_DOCTYPE, true);
            f.setFeature(EXTERNAL_GENERAL_ENTITIES, false);
            f.setFeature(EXTERNAL_PARAMETER_ENTITIES, false);
            f.setFeature(LOAD_EXTERNAL_DTD, false);
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the JDK's SAX parser lacks a required security feature", e);
        }
        f.setXIncludeAware(false);
        f.setValidating(false);
        return f;
    }

    /**
     * A hardened {@link XMLInputFactory}: no DTD support, no external entities, namespace-aware, coalescing off.
     * Readers from it still report a DOCTYPE as an event; use {@link #createStreamReader(InputStream)} to have one
     * refused.
     */
    public static XMLInputFactory xmlInputFactory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setProperty(ENTITY_EXPANSION_LIMIT, EXPANSION_LIMIT_VALUE);
        f.setProperty(MAX_ELEMENT_DEPTH, ELEMENT_DEPTH_VALUE);
        f.setXMLResolver((publicId, systemId, baseUri, ns) -> {
            throw new XMLStreamException("external entity refused");
        });
        return f;
    }

    /**
     * The JDK implementation's own property (not part of the StAX API) that lets a factory hand out its last reader
     * again, reset, once that reader has been closed; the reset starts the scanner, the entity manager and the
     * limit analyser afresh under the factory's unchanged settings.
     */
    static final String REUSE_INSTANCE = "reuse-instance";

    /**
     * One hardened factory per thread that reuses its last reader once it is closed: creating a reader builds its
     * scanner, entity manager, symbol table and a copy of the settings (about 21 KB for a short reply), which the
     * profile of the CPR lookup showed on every reply. A factory that reuses readers must not be shared by threads,
     * hence one per thread. A reader still open when the next is asked for is left alone: the next one is new.
     */
    private static final ThreadLocal<XMLInputFactory> READERS = ThreadLocal.withInitial(() -> {
        XMLInputFactory f = xmlInputFactory();
        try {
            f.setProperty(REUSE_INSTANCE, Boolean.TRUE);
        } catch (IllegalArgumentException e) {
            // a JDK without the property: a new reader per call, as before
        }
        return f;
    });

    /**
     * A streaming reader that refuses a DOCTYPE or an entity reference (other than the five predefined ones and
     * character references) with {@link XmlSecurityException} as soon as it is met. The returned
     * reader throws that unchecked exception from {@code next()}. Close it when done: the thread's next reader then
     * reuses its parser, and any later call on the closed reader throws {@link IllegalStateException}.
     */
    public static XMLStreamReader createStreamReader(InputStream in) {
        try {
            DetachableInput input = new DetachableInput(in);
            return new DoctypeRefusingReader(READERS.get().createXMLStreamReader(input), input::detach);
        } catch (XMLStreamException e) {
            throw new XmlParseException("XML could not be read: " + e.getMessage(), e);
        }
    }

    /** Like {@link #createStreamReader(InputStream)}, from characters. */
    public static XMLStreamReader createStreamReader(Reader in) {
        try {
            DetachableReader input = new DetachableReader(in);
            return new DoctypeRefusingReader(READERS.get().createXMLStreamReader(input), input::detach);
        } catch (XMLStreamException e) {
            throw new XmlParseException("XML could not be read: " + e.getMessage(), e);
        }
    }

    /** A hardened {@link TransformerFactory}: no external DTDs or stylesheets, secure processing on. */
    public static TransformerFactory transformerFactory() {
        TransformerFactory f = TransformerFactory.newDefaultInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        } catch (TransformerConfigurationException e) {
            throw new IllegalStateException("the JDK's transformer lacks secure processing", e);
        }
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
        return f;
    }

    /**
     * A hardened {@link SchemaFactory} for W3C XML Schema. {@code allowedSchemaProtocols} lists the protocols from
     * which {@code xs:import}/{@code xs:include} may load (e.g. {@code "file"} or {@code "file,jar"} for schemas
     * shipped with an application); pass {@code ""} to allow none. DTDs are never loaded.
     */
    public static SchemaFactory schemaFactory(String allowedSchemaProtocols) {
        SchemaFactory f = SchemaFactory.newDefaultInstance();
        try {
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, allowedSchemaProtocols == null ? "" : allowedSchemaProtocols);
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's schema factory lacks a required security property", e);
        }
        f.setErrorHandler(THROWING);
        return f;
    }

    /**
     * A validator for {@code schema} that refuses DOCTYPEs in the validated documents and loads nothing external.
     */
    public static Validator validator(Schema schema) {
        Validator v = schema.newValidator();
        try {
            v.setFeature(DISALLOW_DOCTYPE, true);
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        } catch (SAXException e) {
            throw new IllegalStateException("the JDK's validator lacks a required security property", e);
        }
        v.setErrorHandler(THROWING);
        return v;
    }

    /** Writes {@code node} as UTF-8 XML without an XML declaration and without re-indenting. */
    public static void write(Node node, OutputStream out) {
        try {
            Transformer t = transformerFactory().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            t.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            t.transform(new DOMSource(node), new StreamResult(out));
        } catch (TransformerException e) {
            throw new XmlParseException("XML could not be written: " + e.getMessage(), e);
        }
    }

    /** Returns {@code node} as an XML string without an XML declaration. */
    public static String toString(Node node) {
        try {
            Transformer t = transformerFactory().newTransformer();
            t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter w = new StringWriter();
            t.transform(new DOMSource(node), new StreamResult(w));
            return w.toString();
        } catch (TransformerException e) {
            throw new XmlParseException("XML could not be written: " + e.getMessage(), e);
        }
    }

    /**
     * Maps a parser's exception to ours: DOCTYPE, external access and entity expansion become
     * {@link XmlSecurityException}; anything else {@link XmlParseException}.
     */
    public static RuntimeException translate(Exception e) {
        String msg = String.valueOf(e.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        String where = "";
        if (e instanceof SAXParseException spe && spe.getLineNumber() > 0) {
            where = " (line " + spe.getLineNumber() + ", column " + spe.getColumnNumber() + ")";
        }
        if (lower.contains("doctype")) {
            return new XmlSecurityException("xml.doctype", "XML refused: a DOCTYPE declaration is not allowed" + where, e);
        }
        if (lower.contains("external entity") || lower.contains("accessexternal") || lower.contains("access is not allowed")
                || lower.contains("external dtd")) {
            return new XmlSecurityException("xml.external-access", "XML refused: external entities and DTDs are not allowed" + where, e);
        }
        if (lower.contains("entity") && (lower.contains("limit") || lower.contains("expansion"))) {
            return new XmlSecurityException("xml.entity-expansion", "XML refused: entity expansion limit exceeded" + where, e);
        }
        if (lower.contains("maxelementdepth") || lower.contains("element depth")) {
            return new XmlSecurityException("xml.depth", "XML refused: elements nested deeper than " + ELEMENT_DEPTH_VALUE + where, e);
        }
        return new XmlParseException("XML is not well-formed or not valid" + where + ": " + msg, e);
    }

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException exception) {
            // warnings do not stop parsing
        }

        @Override
        public void error(SAXParseException exception) throws SAXException {
            throw exception;
        }

        @Override
        public void fatalError(SAXParseException exception) throws SAXException {
            throw exception;
        }
    };

    /** The caller's input until the reader is closed; then nothing, so a kept parser does not keep the input alive. */
    private static final class DetachableInput extends InputStream {
        private InputStream in;

        DetachableInput(InputStream in) {
            this.in = java.util.Objects.requireNonNull(in, "in == null");
        }

        void detach() {
            in = null;
        }

        private InputStream in() throws IOException {
            if (in == null) {
                throw new IOException("the XML stream reader is closed");
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in().read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            return in == null ? 0 : in.available();
        }
    }

    /** {@link DetachableInput} for characters (its own lock, so that it holds nothing of the caller's reader). */
    private static final class DetachableReader extends Reader {
        private Reader in;

        DetachableReader(Reader in) {
            this.in = java.util.Objects.requireNonNull(in, "in == null");
        }

        void detach() {
            in = null;
        }

        @Override
        public int read(char[] b, int off, int len) throws IOException {
            if (in == null) {
                throw new IOException("the XML stream reader is closed");
            }
            return in.read(b, off, len);
        }

        @Override
        public void close() {
            // the caller's reader is the caller's to close
        }
    }

    /** Delegating reader that refuses DOCTYPE events and maps stream errors to our exceptions. */
    private static final class DoctypeRefusingReader extends javax.xml.stream.util.StreamReaderDelegate {
        /** Stands in for the parser once closed, which the thread's next reader may be using by then. */
        private static final XMLStreamReader CLOSED = (XMLStreamReader) java.lang.reflect.Proxy.newProxyInstance(
                XMLStreamReader.class.getClassLoader(), new Class<?>[] {XMLStreamReader.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("the XML stream reader is closed");
                });

        private final Runnable detach;

        DoctypeRefusingReader(XMLStreamReader r, Runnable detach) {
            super(r);
            this.detach = detach;
        }

        /**
         * Frees the parser for the thread's next reader and cuts it off from the caller's input, which the kept parser
         * would otherwise hold until the thread parses again; a second close does nothing. The caller's stream is not
         * closed (as before: a StAX reader never closes its input).
         */
        @Override
        public void close() throws XMLStreamException {
            XMLStreamReader parser = getParent();
            if (parser != CLOSED) {
                setParent(CLOSED);
                try {
                    parser.close();
                } finally {
                    detach.run();
                }
            }
        }

        @Override
        public int next() throws XMLStreamException {
            int event;
            try {
                event = super.next();
            } catch (XMLStreamException e) {
                throw translateStax(e);
            }
            if (event == XMLStreamConstants.DTD) {
                throw new XmlSecurityException("xml.doctype", "XML refused: a DOCTYPE declaration is not allowed", null);
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XmlSecurityException("xml.entity", "XML refused: entity references are not allowed (line "
                        + getLocation().getLineNumber() + ", column " + getLocation().getColumnNumber() + ")", null);
            }
            return event;
        }

        @Override
        public int nextTag() throws XMLStreamException {
            int event = next();
            while ((event == XMLStreamConstants.CHARACTERS && isWhiteSpace())
                    || (event == XMLStreamConstants.CDATA && isWhiteSpace())
                    || event == XMLStreamConstants.SPACE
                    || event == XMLStreamConstants.PROCESSING_INSTRUCTION
                    || event == XMLStreamConstants.COMMENT) {
                event = next();
            }
            if (event != XMLStreamConstants.START_ELEMENT && event != XMLStreamConstants.END_ELEMENT) {
                throw new XmlParseException("XML is not as expected: expected an element at " + getLocation(), null);
            }
            return event;
        }

        @Override
        public String getElementText() throws XMLStreamException {
            try {
                return super.getElementText();
            } catch (XMLStreamException e) {
                throw translateStax(e);
            }
        }

        private static RuntimeException translateStax(XMLStreamException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
            String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
            if (lower.contains("entity") && (lower.contains("referenced") || lower.contains("not declared")
                    || lower.contains("limit") || lower.contains("expansion") || lower.contains("external"))) {
                return new XmlSecurityException("xml.entity", "XML refused: entity references are not allowed" + where, e);
            }
            return new XmlParseException("XML is not well-formed" + where + ": " + e.getMessage(), e);
        }
    }
}

package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.Source;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The published Serviceplatformen contracts in {@code ../shared/conformance/serviceplatformen} (found from the
 * {@code rammearkitektur.shared.dir} property, else by walking up from the working directory), compiled with
 * SecureXml's schema factory. Tests that need them skip, with a message, when they are absent; they are never copied
 * into the product.
 */
final class PublishedContracts {
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private PublishedContracts() {
    }

    /** The {@code conformance/serviceplatformen} directory, if present. */
    static Optional<Path> dir() {
        String prop = System.getProperty("rammearkitektur.shared.dir");
        if (prop != null && !prop.isBlank()) {
            Path p = Path.of(prop, "conformance", "serviceplatformen");
            return Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve("shared").resolve("conformance").resolve("serviceplatformen");
            if (Files.isRegularFile(p.resolve("PROVENANCE.txt"))) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** The directory, or the test is skipped (JUnit assumption) with a message saying why. */
    static Path require() {
        Optional<Path> d = dir();
        Assumptions.assumeTrue(d.isPresent(), "published contracts not found: no shared/conformance/serviceplatformen"
                + " above " + Path.of("").toAbsolutePath() + " (set -Drammearkitektur.shared.dir); conformance skipped");
        return d.get();
    }

    /** The compiled schema of these files under the published directory. */
    static Schema schema(String... relative) {
        Path base = require();
        return CACHE.computeIfAbsent(String.join("|", relative), k -> {
            Source[] sources = new Source[relative.length];
            for (int i = 0; i < relative.length; i++) {
                sources[i] = new StreamSource(base.resolve(relative[i]).toUri().toString());
            }
            try {
                javax.xml.validation.SchemaFactory f = SecureXml.schemaFactory("file");
                // the known defects of the published files, patched in memory (see internal.PublishedContracts)
                f.setResourceResolver((type, ns, publicId, systemId, baseUri) ->
                        dk.rammearkitektur.testkit.serviceplatform.internal.PublishedContracts.patched(systemId, baseUri));
                return f.newSchema(sources);
            } catch (org.xml.sax.SAXException e) {
                throw new IllegalStateException("published schema " + k + " does not compile: " + e.getMessage(), e);
            }
        });
    }

    /** The schema of the inline {@code xs:schema} elements of a published WSDL (their ancestors' namespaces copied). */
    static Schema wsdlSchema(String relative) {
        Path base = require();
        return CACHE.computeIfAbsent("wsdl:" + relative, k -> {
            try {
                Document wsdl = SecureXml.parse(Files.newInputStream(base.resolve(relative)));
                NodeList schemas = wsdl.getElementsByTagNameNS("http://www.w3.org/2001/XMLSchema", "schema");
                List<Source> sources = new ArrayList<>();
                for (int i = 0; i < schemas.getLength(); i++) {
                    Element schema = (Element) schemas.item(i);
                    for (Node n = schema.getParentNode(); n instanceof Element anc; n = n.getParentNode()) {
                        NamedNodeMap attrs = anc.getAttributes();
                        for (int j = 0; j < attrs.getLength(); j++) {
                            Attr a = (Attr) attrs.item(j);
                            if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())
                                    && !schema.hasAttributeNS(a.getNamespaceURI(), a.getLocalName())) {
                                schema.setAttributeNS(a.getNamespaceURI(), a.getName(), a.getValue());
                            }
                        }
                    }
                    sources.add(new DOMSource(schema, base.resolve(relative).toUri().toString()));
                }
                return SecureXml.schemaFactory("file").newSchema(sources.toArray(new Source[0]));
            } catch (java.io.IOException | org.xml.sax.SAXException e) {
                throw new IllegalStateException("published WSDL " + relative + " schemas do not compile: " + e.getMessage(), e);
            }
        });
    }

    /** Validates {@code element} against {@code schema}; a failure names the element and the schema's complaint. */
    static void validate(Schema schema, Element element) {
        try {
            SecureXml.validator(schema).validate(new DOMSource(element));
        } catch (org.xml.sax.SAXException | java.io.IOException e) {
            throw new AssertionError("<" + element.getLocalName() + "> does not validate against the published"
                    + " contract: " + e.getMessage(), e);
        }
    }

    /** Parses bytes with SecureXml. */
    static Document parse(byte[] bytes) {
        return SecureXml.parse(new ByteArrayInputStream(bytes));
    }

    /** The text of a published file. */
    static String read(String relative) {
        try {
            return Files.readString(require().resolve(relative));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first element of a SOAP 1.2 envelope's Body; fails unless the envelope is SOAP 1.2, as the bindings say. */
    static Element soap12Body(Document envelope) {
        Element env = envelope.getDocumentElement();
        org.junit.jupiter.api.Assertions.assertEquals(SOAP12, env.getNamespaceURI(),
                "SOAP 1.2 envelope, as the published binding");
        return Xml.kids(Xml.kid(env, SOAP12, "Body")).get(0);
    }

    /** The Header of a SOAP 1.2 envelope. */
    static Element soap12Header(Document envelope) {
        return Xml.kid(envelope.getDocumentElement(), SOAP12, "Header");
    }

    /** The soapAction of {@code operation} in the SOAP 1.2 binding of a published WSDL. */
    static String soap12Action(String wsdl, String operation) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<wsdl:operation name=\"" + operation
                + "\">\\s*<soap12:operation soapAction=\"([^\"]+)\"").matcher(read(wsdl));
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "binding operation " + operation + " in " + wsdl);
        return m.group(1);
    }

    private static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
}

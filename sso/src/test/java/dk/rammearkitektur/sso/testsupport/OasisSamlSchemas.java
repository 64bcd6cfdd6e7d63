package dk.rammearkitektur.sso.testsupport;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.Element;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * Test support (shared with the testkit through this module's test jar): the OASIS SAML 2.0 schemas compiled, to
 * validate the SAML messages the SDK and its simulator write.
 *
 * <p>Provenance: the test-scope jar {@code org.keycloak:keycloak-saml-core} (version pinned in the parent POM), paths
 * {@code schema/saml/v2/saml-schema-protocol-2.0.xsd}, {@code schema/saml/v2/saml-schema-assertion-2.0.xsd},
 * {@code schema/saml/v2/saml-schema-metadata-2.0.xsd}, and the W3C files they import:
 * {@code schema/w3c/xmldsig/xmldsig-core-schema.xsd}, {@code schema/w3c/xmlenc/xenc-schema.xsd},
 * {@code schema/w3c/xmlschema/xml.xsd}, with {@code XMLSchema.dtd} and {@code datatypes.dtd} next to the latter (the
 * W3C files name that DTD in their DOCTYPE). The SAML files there keep OASIS's own {@code schemaLocation}s (relative
 * for SAML, {@code http://www.w3.org/...} for the W3C schemas), i.e. they are not rewritten for the jar. XML
 * Encryption 1.1 ({@code xenc11:MGF} in an RSA-OAEP EncryptionMethod, which the 1.0 schema's strict wildcard needs
 * declared) is {@code bindings/schemas/xenc-schema-11.xsd} of {@code org.apache.santuario:xmlsec}, already a
 * dependency; that copy imports its two schemas by relative paths, which resolve to the files above.
 *
 * <p>Compiled with {@link SecureXml#schemaFactory(String)} allowing no protocol at all, plus a resource resolver that
 * answers every import and DTD by its file name from that jar and refuses any other name: nothing is ever read from
 * the network or the file system. Validated documents may carry no DOCTYPE ({@link SecureXml#validator(Schema)}).
 */
public final class OasisSamlSchemas {
    private static final Map<String, String> FILES = Map.of(
            "saml-schema-protocol-2.0.xsd", "schema/saml/v2/saml-schema-protocol-2.0.xsd",
            "saml-schema-assertion-2.0.xsd", "schema/saml/v2/saml-schema-assertion-2.0.xsd",
            "saml-schema-metadata-2.0.xsd", "schema/saml/v2/saml-schema-metadata-2.0.xsd",
            "xmldsig-core-schema.xsd", "schema/w3c/xmldsig/xmldsig-core-schema.xsd",
            "xenc-schema.xsd", "schema/w3c/xmlenc/xenc-schema.xsd",
            "xenc-schema-11.xsd", "bindings/schemas/xenc-schema-11.xsd",
            "xml.xsd", "schema/w3c/xmlschema/xml.xsd",
            "XMLSchema.dtd", "schema/w3c/xmlschema/XMLSchema.dtd",
            "datatypes.dtd", "schema/w3c/xmlschema/datatypes.dtd");

    private static final Schema SCHEMA = compile();

    private OasisSamlSchemas() {
    }

    /**
     * The protocol and metadata schemas (with the assertion, XML-DSig and XML-Encryption schemas they import) and
     * XML Encryption 1.1.
     */
    public static Schema schema() {
        return SCHEMA;
    }

    /**
     * Validates {@code element} (a protocol message, an assertion or metadata) against the OASIS schemas.
     *
     * @throws AssertionError naming the element and the schema's complaint, when it does not validate
     */
    public static void assertValid(Element element) {
        try {
            SecureXml.validator(SCHEMA).validate(new DOMSource(element));
        } catch (SAXException | IOException e) {
            throw new AssertionError("<" + element.getLocalName() + "> does not validate against the OASIS SAML 2.0"
                    + " schemas: " + e.getMessage(), e);
        }
    }

    /** Validates the document element of {@code xml}, parsed with {@link SecureXml}; see {@link #assertValid(Element)}. */
    public static void assertValid(String xml) {
        assertValid(SecureXml.parse(xml).getDocumentElement());
    }

    private static Schema compile() {
        SchemaFactory f = SecureXml.schemaFactory("");
        f.setResourceResolver((type, namespace, publicId, systemId, baseUri) -> input(systemId));
        try {
            return f.newSchema(new StreamSource[] {source("saml-schema-protocol-2.0.xsd"),
                source("saml-schema-metadata-2.0.xsd"), source("xenc-schema-11.xsd")});
        } catch (SAXException e) {
            throw new IllegalStateException("the OASIS SAML schemas do not compile: " + e.getMessage(), e);
        }
    }

    private static URL resource(String systemId) {
        String name = systemId == null ? "" : systemId.substring(systemId.lastIndexOf('/') + 1);
        String path = FILES.get(name);
        if (path == null) {
            throw new IllegalStateException("schema resource refused (only the OASIS and W3C files are served): "
                    + systemId);
        }
        URL url = OasisSamlSchemas.class.getClassLoader().getResource(path);
        if (url == null) {
            throw new IllegalStateException(path + " is not on the test class path");
        }
        return url;
    }

    private static StreamSource source(String name) {
        URL url = resource(name);
        return new StreamSource(open(url), url.toExternalForm());
    }

    private static LSInput input(String systemId) {
        URL url = resource(systemId);
        DOMImplementationLS ls = (DOMImplementationLS) SecureXml.documentBuilder().getDOMImplementation();
        LSInput in = ls.createLSInput();
        in.setSystemId(url.toExternalForm());
        in.setByteStream(open(url));
        return in;
    }

    private static InputStream open(URL url) {
        try {
            return url.openStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

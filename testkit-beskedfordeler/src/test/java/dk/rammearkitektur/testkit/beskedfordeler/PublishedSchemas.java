package dk.rammearkitektur.testkit.beskedfordeler;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The published Beskedfordeler schemas in {@code ../shared} (the build's {@code rammearkitektur.shared.dir}), compiled
 * with file access only; a test needing them is skipped with a message when they are absent.
 */
final class PublishedSchemas {
    private PublishedSchemas() {
    }

    /** A validator for {@code xsd} (a file of the published {@code xsd} folder); skips the test when absent. */
    static Validator validator(String xsd) throws Exception {
        Path file = file(xsd);
        Assumptions.assumeTrue(file != null, "published Beskedfordeler schema " + xsd + " not found: "
                + "rammearkitektur.shared.dir is unset or has no conformance/serviceplatformen/sf1461-sf1462-beskedfordeler/xsd");
        return compile(file);
    }

    /**
     * A validator for {@code xsd} when the published schemas are present, else empty: for a test that checks more than
     * the wire shape and must run without them.
     */
    static Optional<Validator> ifPresent(String xsd) throws Exception {
        Path file = file(xsd);
        return file == null ? Optional.empty() : Optional.of(compile(file));
    }

    private static Path file(String xsd) {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        Path file = dir == null || dir.isBlank() ? null
                : Path.of(dir, "conformance", "serviceplatformen", "sf1461-sf1462-beskedfordeler", "xsd", xsd);
        return file != null && Files.isRegularFile(file) ? file : null;
    }

    private static Validator compile(Path file) throws Exception {
        return SecureXml.validator(SecureXml.schemaFactory("file").newSchema(file.toFile()));
    }

    /** Validates a whole document. */
    static void validate(Validator v, byte[] xml) throws Exception {
        v.validate(new DOMSource(SecureXml.parse(new ByteArrayInputStream(xml)).getDocumentElement()));
    }

    /** Validates the first element of a SOAP envelope's Body. */
    static void validateSoapBody(Validator v, byte[] envelope) throws Exception {
        Element root = SecureXml.parse(new ByteArrayInputStream(envelope)).getDocumentElement();
        Element body = null;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "Body".equals(e.getLocalName())) {
                body = e;
            }
        }
        if (body == null) {
            throw new AssertionError("no SOAP Body");
        }
        v.validate(new DOMSource(first(body)));
    }

    private static Element first(Element parent) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("no element in " + parent.getLocalName());
    }
}

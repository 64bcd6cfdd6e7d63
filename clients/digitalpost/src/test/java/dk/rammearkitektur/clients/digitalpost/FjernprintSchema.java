package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Assumptions;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import dk.rammearkitektur.clients.digitalpost.memo.MemoSchemas;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;

/**
 * The published Fjernprint schema of the print part ({@code ForsendelseI}) in the shared conformance folder, never
 * copied into the product; found through {@code rammearkitektur.shared.dir}, which surefire sets to {@code ../shared}.
 */
final class FjernprintSchema {
    static final String SKIP_REASON = "published Fjernprint XSDs not found: rammearkitektur.shared.dir is unset or has no "
            + "conformance/serviceplatformen/sf1600-sf1601-fjernprint-forsendelse";
    /** Written out here so that the test does not lean on the product's constant. */
    private static final String FJERNPRINT = "urn:oio:fjernprint:1.0.0";
    private static Schema schema;

    private FjernprintSchema() {
    }

    static Path xsd() {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        if (dir == null || dir.isBlank()) {
            return null;
        }
        Path p = Path.of(dir, "conformance", "serviceplatformen", "sf1600-sf1601-fjernprint-forsendelse", "SF1600_EP_SP1-2",
                "xsd", "oio", "ForsendelseI.xsd");
        return Files.isRegularFile(p) ? p : null;
    }

    static void assumeAvailable() {
        Assumptions.assumeTrue(xsd() != null, SKIP_REASON);
    }

    private static synchronized Schema schema() {
        if (schema == null) {
            try {
                javax.xml.validation.SchemaFactory f = SecureXml.schemaFactory("file");
                // The Fjernprint files import one namespace from many files (one per element): without this feature the
                // JDK's validator reads only the first of them.
                f.setFeature("http://apache.org/xml/features/honour-all-schemaLocations", true);
                schema = f.newSchema(xsd().toFile());
            } catch (org.xml.sax.SAXException e) {
                throw new IllegalStateException("cannot load " + xsd(), e);
            }
        }
        return schema;
    }

    /**
     * Validates each part of a {@code kombi_request} that has a published schema: the {@code ForsendelseI} against
     * the Fjernprint XSD and the {@code memo:Message} against the MeMo XSD of its version.
     */
    static void validateParts(byte[] kombiRequest) {
        Document d = SecureXml.parse(new ByteArrayInputStream(kombiRequest));
        NodeList print = d.getElementsByTagNameNS(FJERNPRINT, "ForsendelseI");
        for (int i = 0; i < print.getLength(); i++) {
            validate((Element) print.item(i));
        }
        NodeList memo = d.getElementsByTagNameNS("https://DigitalPost.dk/MeMo-1", "Message");
        for (int i = 0; i < memo.getLength(); i++) {
            Element m = (Element) memo.item(i);
            Document alone = SecureXml.documentBuilder().newDocument();
            alone.appendChild(alone.importNode(m, true));
            MemoVersion v = "1.1".equals(m.getAttribute("memoVersion")) ? MemoVersion.V1_1 : MemoVersion.V1_2;
            try {
                SecureXml.validator(MemoSchemas.schema(v)).validate(new DOMSource(alone));
            } catch (Exception e) {
                throw new AssertionError("memo:Message is not valid against the published MeMo XSD: " + e.getMessage(), e);
            }
        }
    }

    private static void validate(Element forsendelse) {
        Document alone = SecureXml.documentBuilder().newDocument();
        alone.appendChild(alone.importNode(forsendelse, true));
        try {
            SecureXml.validator(schema()).validate(new DOMSource(alone));
        } catch (Exception e) {
            throw new AssertionError("ForsendelseI is not valid against the published Fjernprint XSD: " + e.getMessage(), e);
        }
    }
}

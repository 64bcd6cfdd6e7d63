package dk.rammearkitektur.testkit.serviceplatform.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.w3c.dom.ls.DOMImplementationLS;
import org.w3c.dom.ls.LSInput;
import org.xml.sax.SAXException;

/**
 * The published Serviceplatformen contracts (a folder laid out as {@code shared/conformance/serviceplatformen}:
 * {@code sf1520-cpr-personbasedataextended-4/}, {@code sf1530-cvr-online-2/}, ...), compiled with SecureXml's hardened
 * schema factory. The files are read, never changed: the one known defect (the SF1520 types file uses the PNR
 * namespace without importing it, see the folder's {@code PROVENANCE.txt}) is worked around in memory by adding the
 * missing import while the schema is compiled.
 */
public final class PublishedContracts {
    /** The SF1520 message schema, relative to the contracts folder. */
    public static final String SF1520 = "sf1520-cpr-personbasedataextended-4/PersonBaseDataExtendedServiceMsg.xsd";
    /** The SF1510 KlasseService 7 operations schema, relative to the contracts folder. */
    public static final String SF1510 = "sf1510-klasse-7/KlasseOperationer.xsd";
    /** The SF1530 message schema, relative to the contracts folder. */
    public static final String SF1530 = "sf1530-cvr-online-2/OnlineServiceMsg.xsd";
    /** The Serviceplatformen fault detail schema, relative to the contracts folder. */
    public static final String FAULT = "sf1520-cpr-personbasedataextended-4/sp/ServiceplatformFault_1.xsd";

    private static final String PNR_NS = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";
    private static final String DEFECTIVE = "PersonBaseDataExtendedServiceTypes.xsd";
    private static final Map<Path, Schema> CACHE = new ConcurrentHashMap<>();

    private PublishedContracts() {
    }

    /** True when {@code dir} holds the SF1520 and SF1530 contracts. */
    public static boolean present(Path dir) {
        return dir != null && Files.isRegularFile(dir.resolve(SF1520)) && Files.isRegularFile(dir.resolve(SF1530));
    }

    /**
     * The {@code serviceplatformen} contracts folder next to this project: the system property
     * {@code rammearkitektur.shared.dir} (set by the build) plus {@code conformance/serviceplatformen}, else
     * {@code ../shared/conformance/serviceplatformen} and {@code ../../shared/conformance/serviceplatformen}
     * relative to the working directory; null when none holds the contracts.
     */
    public static Path find() {
        String prop = System.getProperty("rammearkitektur.shared.dir");
        Path[] candidates = {prop == null || prop.isBlank() ? null : Path.of(prop, "conformance", "serviceplatformen"),
            Path.of("..", "shared", "conformance", "serviceplatformen"),
            Path.of("..", "..", "shared", "conformance", "serviceplatformen")};
        for (Path p : candidates) {
            if (present(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    /** The compiled schema of {@code xsd} (a published file), with the known defect worked around. */
    public static Schema schema(Path xsd) {
        return CACHE.computeIfAbsent(xsd.toAbsolutePath().normalize(), p -> {
            SchemaFactory f = SecureXml.schemaFactory("file");
            f.setResourceResolver((type, ns, publicId, systemId, baseUri) -> patched(systemId, baseUri));
            try {
                return f.newSchema(p.toFile());
            } catch (SAXException e) {
                throw new IllegalStateException("published contract " + p + " does not compile: " + e.getMessage(), e);
            }
        });
    }

    private static LSInput patched(String systemId, String baseUri) {
        if (systemId == null || !systemId.endsWith(DEFECTIVE) || baseUri == null) {
            return null;
        }
        URI uri = URI.create(baseUri).resolve(systemId);
        String text;
        try {
            text = Files.readString(Path.of(uri), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!text.contains("namespace=\"" + PNR_NS + "\"")) {
            int open = text.indexOf("<xsd:schema");
            int end = text.indexOf('>', open);
            text = text.substring(0, end + 1) + "<xsd:import namespace=\"" + PNR_NS
                    + "\" schemaLocation=\"../sp/PNR_1.xsd\"/>" + text.substring(end + 1);
        }
        DOMImplementationLS ls = (DOMImplementationLS) SecureXml.documentBuilder().getDOMImplementation();
        LSInput in = ls.createLSInput();
        in.setSystemId(uri.toString());
        in.setBaseURI(uri.toString());
        in.setStringData(text);
        return in;
    }
}

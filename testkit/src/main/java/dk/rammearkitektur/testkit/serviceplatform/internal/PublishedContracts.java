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
 * schema factory. The files are read, never changed: two known defects are worked around in memory while the schema
 * is compiled. The SF1520 types file uses the PNR namespace without importing it (see the folder's
 * {@code PROVENANCE.txt}): the missing import is added. The {@code SagDokObjekt.xsd} of SF1510 KlasseService 7 gives
 * the {@code Sortering} element the pattern {@code ^(?:100|[1-9]\d?)$}, written in a regex dialect XML Schema does
 * not have (a non-capturing group; {@code ^} and {@code $} are not anchors there), which the JDK's validator refuses
 * to compile: it is replaced by the XML Schema pattern {@code 100|[1-9][0-9]?}, the same set of values (XML Schema
 * patterns always match the whole value).
 */
public final class PublishedContracts {
    /** The SF1520 message schema, relative to the contracts folder. */
    public static final String SF1520 = "sf1520-cpr-personbasedataextended-4/PersonBaseDataExtendedServiceMsg.xsd";
    /** The SF1510 KlasseService 7 operations schema, relative to the contracts folder. */
    public static final String SF1510 = "sf1510-klasse-7/KlasseOperationer.xsd";
    /** The SF1470 Sags- og Dokumentindeks 6 operations schema, relative to the contracts folder. */
    public static final String SF1470 = "sf1470-sagdokumentindeks-6/wsdl/xsd/6.0.STS-0/SagDokumentIndeksOperationer.xsd";
    /**
     * The SF1490 Ydelsesindeks 6 YdelseIndeks operations schema, relative to the contracts folder; it imports the
     * BevillingIndeks and OekonomiskEffektueringIndeks operations, so it validates the bodies of all three ports.
     */
    public static final String SF1490 = "sf1490-ydelsesindeks-6/xsd/6.0.STS-0/YdelseIndeksOperationer.xsd";
    /** The Organisation 6 (SF1500) BrugerService operations schema, relative to the contracts folder. */
    public static final String SF1500_BRUGER = "sf1500-sf1510-stoettesystemer-6/xsd/6.0.STS-0/BrugerOperationer.xsd";
    /** The Organisation 6 (SF1500) OrganisationEnhedService operations schema, relative to the contracts folder. */
    public static final String SF1500_ENHED =
            "sf1500-sf1510-stoettesystemer-6/xsd/6.0.STS-0/OrganisationEnhedOperationer.xsd";
    /** The Organisation 6 (SF1500) OrganisationFunktionService operations schema, relative to the contracts folder. */
    public static final String SF1500_FUNKTION =
            "sf1500-sf1510-stoettesystemer-6/xsd/6.0.STS-0/OrganisationFunktionOperationer.xsd";
    /** The SF1530 message schema, relative to the contracts folder. */
    public static final String SF1530 = "sf1530-cvr-online-2/OnlineServiceMsg.xsd";
    /** The Serviceplatformen fault detail schema, relative to the contracts folder. */
    public static final String FAULT = "sf1520-cpr-personbasedataextended-4/sp/ServiceplatformFault_1.xsd";

    private static final String PNR_NS = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";
    private static final String DEFECTIVE = "PersonBaseDataExtendedServiceTypes.xsd";
    private static final String SAGDOK = "SagDokObjekt.xsd";
    private static final String BAD_SORTERING = "<pattern value=\"^(?:100|[1-9]\\d?)$\"/>";
    private static final String GOOD_SORTERING = "<pattern value=\"100|[1-9][0-9]?\"/>";
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

    /**
     * A resource resolver's answer for the published files: a patched copy of a file with a known defect (see the
     * class comment), or null to read the file as it is.
     */
    public static LSInput patched(String systemId, String baseUri) {
        if (systemId == null || baseUri == null || !(systemId.endsWith(DEFECTIVE) || systemId.endsWith(SAGDOK))) {
            return null;
        }
        if (systemId.endsWith(SAGDOK)) {
            URI uri = URI.create(baseUri).resolve(systemId);
            String text;
            try {
                text = Files.readString(Path.of(uri), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (!text.contains(BAD_SORTERING)) {
                return null;
            }
            return input(uri, text.replace(BAD_SORTERING, GOOD_SORTERING));
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
        return input(uri, text);
    }

    private static LSInput input(URI uri, String text) {
        DOMImplementationLS ls = (DOMImplementationLS) SecureXml.documentBuilder().getDOMImplementation();
        LSInput in = ls.createLSInput();
        in.setSystemId(uri.toString());
        in.setBaseURI(uri.toString());
        in.setStringData(text);
        return in;
    }
}

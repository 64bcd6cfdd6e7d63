package dk.rammearkitektur.testkit.serviceplatform.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.xml.sax.SAXException;

/**
 * The contract XSDs the client ships (shared contracts, not shared code), loaded from the classpath once each and
 * compiled with SecureXml's hardened schema factory.
 */
public final class Contracts {
    /** Where the clients module keeps the contracts. */
    public static final String BASE = "/dk/rammearkitektur/clients/serviceplatform/";
    private static final Map<String, Schema> CACHE = new ConcurrentHashMap<>();

    private Contracts() {
    }

    /**
     * The compiled schema at {@code BASE + relative}, e.g. {@code cpr/PersonBaseDataExtended_4.xsd}, or at
     * {@code relative} itself when it starts with a slash (another client module's contracts).
     */
    public static Schema schema(String relative) {
        return CACHE.computeIfAbsent(relative, r -> {
            URL url = Contracts.class.getResource(r.startsWith("/") ? r : BASE + r);
            if (url == null) {
                throw new IllegalStateException("contract " + BASE + r + " is not on the classpath");
            }
            try {
                return SecureXml.schemaFactory("file,jar").newSchema(new StreamSource(url.toExternalForm()));
            } catch (SAXException e) {
                throw new IllegalStateException("contract " + r + " does not compile: " + e.getMessage(), e);
            }
        });
    }
}

package dk.rammearkitektur.testkit.digitalpost.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

/** Loads the published Fjernprint schema of the print part ({@code ForsendelseI}) from a contracts folder. */
public final class PrintSchema {
    /** Where {@code ForsendelseI.xsd} lies below the contracts folder. */
    public static final Path RELATIVE = Path.of("sf1600-sf1601-fjernprint-forsendelse", "SF1600_EP_SP1-2", "xsd", "oio",
            "ForsendelseI.xsd");

    private PrintSchema() {
    }

    /**
     * The compiled schema, or null when {@code contractsDir} does not hold it.
     *
     * @throws IllegalStateException when the file is there but does not compile
     */
    public static Schema load(Path contractsDir) {
        Path xsd = contractsDir == null ? null : contractsDir.resolve(RELATIVE);
        if (xsd == null || !Files.isRegularFile(xsd)) {
            return null;
        }
        // A compiled schema is immutable and thread-safe; compiling the ~130 files once per JVM keeps simulators cheap.
        return CACHE.computeIfAbsent(xsd.toAbsolutePath().normalize(), PrintSchema::compile);
    }

    private static final java.util.Map<Path, Schema> CACHE = new java.util.concurrent.ConcurrentHashMap<>();

    private static Schema compile(Path xsd) {
        try {
            SchemaFactory f = SecureXml.schemaFactory("file");
            // The schema imports one namespace from one file per element; the JDK reads only the first import of a
            // namespace unless told to honour all of them.
            f.setFeature("http://apache.org/xml/features/honour-all-schemaLocations", true);
            return f.newSchema(xsd.toFile());
        } catch (org.xml.sax.SAXException e) {
            throw new IllegalStateException("cannot load the Fjernprint schema " + xsd + ": " + e.getMessage(), e);
        }
    }
}

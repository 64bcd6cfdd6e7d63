package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.SkipExecutionHook;
import org.junit.jupiter.api.Assumptions;

/**
 * The published MeMo schemas in the shared conformance folder (never copied into the product), found through the
 * system property {@code rammearkitektur.shared.dir} that surefire sets.
 */
public final class MemoSchemas {
    public static final String SKIP_REASON =
            "published MeMo XSDs not found: system property rammearkitektur.shared.dir is unset or has no conformance/memo-xsd";

    private static final Map<MemoVersion, Schema> SCHEMAS = new EnumMap<>(MemoVersion.class);

    private MemoSchemas() {
    }

    public static Path xsdDir() {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        if (dir == null || dir.isBlank()) {
            return null;
        }
        Path p = Path.of(dir, "conformance", "memo-xsd");
        return Files.isRegularFile(p.resolve("MeMo_core.xsd")) && Files.isRegularFile(p.resolve("Version1.2/MeMo_core.xsd")) ? p : null;
    }

    public static boolean available() {
        return xsdDir() != null;
    }

    /** Skips the calling JUnit test, with the reason, when the schemas are not there. */
    public static void assumeAvailable() {
        Assumptions.assumeTrue(available(), SKIP_REASON);
    }

    public static synchronized Schema schema(MemoVersion version) {
        return SCHEMAS.computeIfAbsent(version, v -> {
            Path core = v == MemoVersion.V1_1 ? xsdDir().resolve("MeMo_core.xsd") : xsdDir().resolve("Version1.2/MeMo_core.xsd");
            try {
                return SecureXml.schemaFactory("file").newSchema(core.toFile());
            } catch (org.xml.sax.SAXException e) {
                throw new IllegalStateException("cannot load " + core, e);
            }
        });
    }

    /** Validates {@code xml} against the published schema of {@code version}; fails with the parser's message. */
    public static void validate(MemoVersion version, byte[] xml) {
        try {
            SecureXml.validator(schema(version)).validate(new StreamSource(new ByteArrayInputStream(xml)));
        } catch (Exception e) {
            throw new AssertionError("not valid against the MeMo " + version.attribute() + " XSD: " + e.getMessage(), e);
        }
    }

    /** Skips a jqwik property, with the reason, when the schemas are not there. */
    public static final class SkipWithoutSchemas implements SkipExecutionHook {
        @Override
        public SkipResult shouldBeSkipped(LifecycleContext context) {
            return available() ? SkipResult.doNotSkip() : SkipResult.skip(SKIP_REASON);
        }
    }
}

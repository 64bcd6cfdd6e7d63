package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.ValidationException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link ExampleConfig}: file, environment overrides and the errors a misconfiguration gives. */
class ExampleConfigTest {
    @TempDir
    Path dir;

    @Test
    void environmentWinsOverTheFileKeyByKey() throws IOException {
        Path f = Files.write(dir.resolve("c.properties"), List.of("environment=test", "certificate.password=file"));
        ExampleConfig c = ExampleConfig.load(f, Map.of("RAMMEARKITEKTUR_CERTIFICATE_PASSWORD", "env",
                "RAMMEARKITEKTUR_DIGITALPOST_AUTHORITY_CVR", "29189846"));
        assertEquals("test", c.required("environment"));
        assertEquals("env", c.required("certificate.password"));
        assertEquals("29189846", c.required("digitalpost.authority-cvr"));
        assertFalse(c.get("auth").isPresent());
    }

    @Test
    void missingKeysNameTheKeyAndTheVariable() {
        ExampleConfig c = ExampleConfig.fromEnvironment(Map.of("RAMMEARKITEKTUR_ENVIRONMENT", "test"));
        ValidationException e = assertThrows(ValidationException.class, c::serviceplatformClient);
        assertEquals("config.certificate.password", e.violations().get(0).path());
        assertEquals("must be set (in the properties file or RAMMEARKITEKTUR_CERTIFICATE_PASSWORD)",
                e.violations().get(0).rule());
    }

    @Test
    void aMissingCertificateFileIsAValidationError() {
        ExampleConfig c = ExampleConfig.fromEnvironment(Map.of("RAMMEARKITEKTUR_ENVIRONMENT", "test",
                "RAMMEARKITEKTUR_CERTIFICATE_PASSWORD", "x",
                "RAMMEARKITEKTUR_CERTIFICATE_FILE", dir.resolve("absent.p12").toString()));
        ValidationException e = assertThrows(ValidationException.class, c::serviceplatformClient);
        assertEquals("config.certificate.file", e.violations().get(0).path());
    }

    @Test
    void anUnreadableFileIsAValidationError() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ExampleConfig.load(dir.resolve("absent.properties"), Map.of()));
        assertEquals("config", e.violations().get(0).path());
    }

    @Property(tries = 200)
    void blankValuesCountAsUnset(@ForAll @AlphaChars @StringLength(min = 1, max = 12) String key,
            @ForAll("blanks") String blank) {
        ExampleConfig c = ExampleConfig.fromEnvironment(Map.of(
                "RAMMEARKITEKTUR_" + key.toUpperCase(java.util.Locale.ROOT), blank));
        assertFalse(c.get(key).isPresent());
        ValidationException e = assertThrows(ValidationException.class, () -> c.required(key));
        assertEquals("config." + key, e.violations().get(0).path());
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> blanks() {
        return net.jqwik.api.Arbitraries.strings().withChars(' ', '\t').ofMaxLength(5);
    }
}

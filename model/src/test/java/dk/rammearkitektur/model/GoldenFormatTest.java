package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.rammearkitektur.model.json.RammearkitekturJson;
import dk.rammearkitektur.model.xml.ModelXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Pins the wire formats: the sample case must read from, and write as, the checked-in documents. A change here is a
 * change of the published format. Set {@code -Dgolden.write=<dir>} to write the current output for review.
 */
class GoldenFormatTest {
    private static String resource(String name) throws IOException {
        try (InputStream in = GoldenFormatTest.class.getResourceAsStream("golden/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource golden/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void maybeWrite(String name, String content) throws IOException {
        String dir = System.getProperty("golden.write");
        if (dir != null) {
            Files.writeString(Path.of(dir, name), content, StandardCharsets.UTF_8);
        }
    }

    @Test
    void json() throws IOException {
        ObjectMapper pretty = RammearkitekturJson.builder().indent(true).build();
        maybeWrite("case.json", pretty.writeValueAsString(Samples.aCase()) + "\n");
        String golden = resource("case.json");
        assertEquals(Samples.aCase(), RammearkitekturJson.read(golden, Case.class));
        assertEquals(golden, pretty.writeValueAsString(Samples.aCase()) + "\n", "property order and form are part of the format");
        JsonNode expected = RammearkitekturJson.mapper().readTree(golden);
        assertEquals(expected, RammearkitekturJson.mapper().readTree(RammearkitekturJson.write(Samples.aCase())));
    }

    @Test
    void xml() throws IOException {
        maybeWrite("case.xml", ModelXml.writeString(Samples.aCase()) + "\n");
        String golden = resource("case.xml");
        assertEquals(Samples.aCase(), ModelXml.read(golden, Case.class));
        assertEquals(golden.strip(), ModelXml.writeString(Samples.aCase()).strip());
    }
}

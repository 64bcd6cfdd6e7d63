package dk.rammearkitektur.testkit.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Decoding the console's form posts. */
class ConsoleFormTest {
    @Provide
    Arbitrary<Map<String, String>> forms() {
        // no lone surrogates: they are not text, and URLEncoder turns them into '?'
        return Arbitraries.maps(Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMinLength(1).ofMaxLength(12),
                Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(40)).ofMaxSize(ConsoleForm.MAX_FIELDS);
    }

    @Property
    void decodesWhatTheJdkEncodes(@ForAll("forms") Map<String, String> fields) {
        StringJoiner body = new StringJoiner("&");
        fields.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        assertEquals(fields, new LinkedHashMap<>(ConsoleForm.parse(body.toString()).fields()));
    }

    @Property
    void anyInputIsAFormOrAValidationException(@ForAll String body) {
        try {
            ConsoleForm.parse(body);
        } catch (ValidationException e) {
            assertTrue(e.getMessage().contains("form"), e.getMessage());
        }
    }

    @Test
    void malformedInputNamesTheFieldAndTheRule() {
        ValidationException e = assertThrows(ValidationException.class, () -> ConsoleForm.parse("kind=%4"));
        assertTrue(e.getMessage().contains("form.kind") && e.getMessage().contains("%XX"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> ConsoleForm.parse("a=1&a=2"));
        assertTrue(e.getMessage().contains("form.a") && e.getMessage().contains("once"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> ConsoleForm.parse("a=%C3%28"));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
        e = assertThrows(ValidationException.class, () -> ConsoleForm.parse("").required("csrf"));
        assertTrue(e.getMessage().contains("form.csrf") && e.getMessage().contains("required"), e.getMessage());
    }

    @Test
    void plusIsASpaceAndAMissingValueIsEmpty() {
        ConsoleForm f = ConsoleForm.parse("code=a+b&flag&x=%2B");
        assertEquals("a b", f.required("code"));
        assertEquals("", f.required("flag"));
        assertEquals("+", f.required("x"));
        assertEquals("d", f.optional("nothing", "d"));
    }
}

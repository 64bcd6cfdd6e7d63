package dk.rammearkitektur.sso.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SsoTextsTest {
    @Test
    void splitTrimsAndDropsEmptyParts() {
        assertEquals(List.of("a", "b", "c"), SsoTexts.split(" a, b,,c ,"));
        assertEquals(List.of(), SsoTexts.split(" , "));
    }

    @Test
    void uuids() {
        assertTrue(SsoTexts.isUuid("4053d58d-bd5e-48d9-b9d8-2c041faeccd5"));
        assertTrue(SsoTexts.isUuid("4053D58D-BD5E-48D9-B9D8-2C041FAECCD5"));
        assertFalse(SsoTexts.isUuid("1-1-1-1-1"));
        assertFalse(SsoTexts.isUuid("4053d58d-bd5e-48d9-b9d8-2c041faeccd5x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " a", "a ", "a\nb", "a\u0000", "\uD800x", "a,b"})
    void tokensRefused(String s) {
        assertEquals("p", assertThrows(ValidationException.class, () -> SsoTexts.requireToken(s, "p", false))
                .violations().get(0).path());
    }

    @Test
    void tokensAccepted() {
        assertEquals("a,b", SsoTexts.requireToken("a,b", "p", true));
        assertEquals("æ😀", SsoTexts.requireToken("æ😀", "p", false));
    }
}

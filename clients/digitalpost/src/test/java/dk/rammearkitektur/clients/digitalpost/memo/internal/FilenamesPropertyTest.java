package dk.rammearkitektur.clients.digitalpost.memo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class FilenamesPropertyTest {

    @Property(tries = 500)
    void sanitizingReplacesEachRunOfForbiddenCharactersWithOneDash(@ForAll String name) {
        String expected = name.replaceAll("[<>:\"/\\\\|?*\r\n\u00a0\u2000-\u200a\u2028\u205f\u2060\u3000]+", "-");
        String clean = Filenames.sanitize(name);
        assertEquals(expected, clean);
        assertFalse(Filenames.hasForbidden(clean));
    }
}

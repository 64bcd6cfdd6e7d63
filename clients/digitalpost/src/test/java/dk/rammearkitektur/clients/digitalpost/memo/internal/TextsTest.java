package dk.rammearkitektur.clients.digitalpost.memo.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void acceptsWhatXmlAllows() {
        assertTrue(Texts.isXmlSafe(""));
        assertTrue(Texts.isXmlSafe("æøå \t\r\n <&> \uD83D\uDE00 \uE000 \uFFFD \u0085 \u2028"));
    }

    @Test
    void refusesControlCharactersNonCharactersAndLoneSurrogates() {
        for (String bad : new String[] {"\u0000", "\u0001", "\u001F", "\uFFFE", "\uFFFF", "\uD800", "\uDC00", "\uDC00\uD800", "a\uD83D"}) {
            assertFalse(Texts.isXmlSafe(bad), bad);
        }
    }
}

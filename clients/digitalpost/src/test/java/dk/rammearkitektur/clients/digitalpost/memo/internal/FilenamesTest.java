package dk.rammearkitektur.clients.digitalpost.memo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FilenamesTest {

    @Test
    void knowsExactlyTheForbiddenCharacters() {
        String forbidden = "<>:\"/\\|?*\r\n\u00a0\u2028\u205f\u2060\u3000";
        for (int i = 0; i < forbidden.length(); i++) {
            assertTrue(Filenames.isForbidden(forbidden.charAt(i)), Integer.toHexString(forbidden.charAt(i)));
        }
        for (int cp = 0x2000; cp <= 0x200A; cp++) {
            assertTrue(Filenames.isForbidden(cp));
        }
        for (int cp : new int[] {'a', ' ', '-', '.', '\t', 0x200B, 0x1FFF, 0x2011, 0x2029, 0xE6, 0x1F600}) {
            assertFalse(Filenames.isForbidden(cp), Integer.toHexString(cp));
        }
    }
}

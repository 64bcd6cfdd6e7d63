package dk.rammearkitektur.sso.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.ValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentityReaderTest {
    @Test
    void subjectNameParts() {
        assertEquals(Map.of("C", "DK", "O", "11111111", "CN", "Navn, med komma", "SERIAL", "abc"),
                IdentityReader.subjectName("C=DK, O=11111111 ,CN=Navn\\, med komma,serial=abc"));
    }

    @Test
    void subjectNameRefusals() {
        assertEquals("nameId", assertThrows(ValidationException.class, () -> IdentityReader.subjectName("C=DK,,O=1"))
                .violations().get(0).path());
        assertThrows(ValidationException.class, () -> IdentityReader.subjectName("C=DK,c=SE"));
        assertThrows(ValidationException.class, () -> IdentityReader.subjectName("=x"));
    }
}

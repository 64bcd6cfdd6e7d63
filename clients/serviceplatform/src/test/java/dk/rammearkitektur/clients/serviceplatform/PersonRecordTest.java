package dk.rammearkitektur.clients.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class PersonRecordTest {
    @Property(tries = 300)
    void toStringNeverShowsTheCpr(@ForAll @NumericChars @StringLength(10) String cpr, @ForAll boolean protectedAddress) {
        PersonRecord p = new PersonRecord(cpr, "Navn", null, null, null, null, PersonStatus.ACTIVE, null,
                new PostalAddress("Vej", "1", null, null, null, "8000", "Aarhus C", null), protectedAddress, null);
        assertFalse(p.toString().contains(cpr), p.toString());
        assertTrue(p.toString().contains("cpr=" + cpr.substring(0, 6) + "-****,"), p.toString());
        assertEquals(protectedAddress, !p.toString().contains("Vej"));
    }

    @Property(tries = 200)
    void statusCodesMapOrRefuse(@ForAll @IntRange(min = -5, max = 120) int code) {
        boolean known = java.util.Set.of(1, 3, 5, 7, 20, 30, 50, 60, 70, 80, 90).contains(code);
        if (known) {
            PersonStatus.fromCode(code);
        } else {
            assertThrows(IllegalArgumentException.class, () -> PersonStatus.fromCode(code));
        }
    }

    @Test
    void civilStatusRoundTrip() {
        for (CivilStatus s : CivilStatus.values()) {
            assertEquals(s, CivilStatus.fromCode(s.code()));
        }
        assertThrows(IllegalArgumentException.class, () -> CivilStatus.fromCode("X"));
    }

    @Test
    void oneLineAddress() {
        assertEquals("Testvej 12, 2. tv, 8000 Aarhus C",
                new PostalAddress("Testvej", "12", "2", "tv", null, "8000", "Aarhus C", 751).oneLine());
        assertEquals("8000 Aarhus C", new PostalAddress(null, null, null, null, null, "8000", "Aarhus C", null).oneLine());
        assertEquals("", new PostalAddress(null, null, null, null, null, null, null, null).oneLine());
    }
}

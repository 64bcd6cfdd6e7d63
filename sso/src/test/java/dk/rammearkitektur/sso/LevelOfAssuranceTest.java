package dk.rammearkitektur.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LevelOfAssuranceTest {
    @Test
    void valuesAndUris() {
        assertEquals(LevelOfAssurance.SUBSTANTIAL, LevelOfAssurance.fromValue("Substantial"));
        assertEquals(LevelOfAssurance.HIGH, LevelOfAssurance.fromValue(" high "));
        assertEquals(LevelOfAssurance.LOW, LevelOfAssurance.fromValue("https://data.gov.dk/concept/core/nsis/loa/Low"));
        assertEquals("https://data.gov.dk/concept/core/nsis/loa/Substantial", LevelOfAssurance.SUBSTANTIAL.uri());
    }

    @Test
    void legacyMappingAsOiosamlJava() {
        assertEquals(2, LevelOfAssurance.LOW.legacyAssuranceLevel());
        assertEquals(3, LevelOfAssurance.SUBSTANTIAL.legacyAssuranceLevel());
        assertEquals(3, LevelOfAssurance.HIGH.legacyAssuranceLevel());
    }

    @Test
    void ordering() {
        assertTrue(LevelOfAssurance.HIGH.isAtLeast(LevelOfAssurance.SUBSTANTIAL));
        assertTrue(LevelOfAssurance.SUBSTANTIAL.isAtLeast(LevelOfAssurance.SUBSTANTIAL));
        assertFalse(LevelOfAssurance.LOW.isAtLeast(LevelOfAssurance.SUBSTANTIAL));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Medium", "3", "https://data.gov.dk/concept/core/nsis/loa/", "Substantial2"})
    void unknownValues(String v) {
        assertEquals("levelOfAssurance",
                assertThrows(ValidationException.class, () -> LevelOfAssurance.fromValue(v)).violations().get(0).path());
    }
}

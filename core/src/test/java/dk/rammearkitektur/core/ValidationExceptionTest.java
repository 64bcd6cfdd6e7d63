package dk.rammearkitektur.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class ValidationExceptionTest {

    @Test
    void messageListsEveryViolationWithItsPath() {
        Violations v = Violations.at("sag");
        v.require(false, "titel", "must not be blank");
        v.add("parter[2].cpr", "must be 10 digits");
        ValidationException e = assertThrows(ValidationException.class, v::throwIfAny);
        assertEquals("2 violations: sag.titel: must not be blank; sag.parter[2].cpr: must be 10 digits", e.getMessage());
        assertEquals(List.of(Violation.of("sag.titel", "must not be blank"), Violation.of("sag.parter[2].cpr", "must be 10 digits")),
                e.violations());
    }

    @Test
    void singleViolationMessageIsJustThePathAndRule() {
        assertEquals("cvr: must be 8 digits", new ValidationException("cvr", "must be 8 digits").getMessage());
    }

    @Test
    void nestedViolationsAreReRootedUnderTheField() {
        Violations v = Violations.at("sag");
        Object result = v.nested("parter[0]", () -> {
            throw new ValidationException("cpr", "must be 10 digits");
        });
        assertNull(result);
        assertEquals("sag.parter[0].cpr", v.list().get(0).path());
    }

    @Test
    void indexPathsAreJoinedWithoutDot() {
        assertEquals("files[1]", Violation.of("[1]", "r").under("files").path());
        assertEquals("a.b", Violation.of("b", "r").under("a").path());
        assertEquals("b", Violation.of("b", "r").under("").path());
    }

    @Test
    void emptyCollectionDoesNotThrow() {
        Violations v = Violations.at("x");
        v.require(true, "y", "never");
        v.throwIfAny();
        assertTrue(v.isEmpty());
    }

    @Test
    void anExceptionNeedsAViolation() {
        assertThrows(IllegalArgumentException.class, () -> new ValidationException(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Violation.of(" ", "rule"));
    }

    @Property(tries = 200)
    void everyViolationAppearsInTheMessage(@ForAll @Size(min = 1, max = 8) List<@AlphaChars @StringLength(min = 1, max = 12) String> fields) {
        Violations v = Violations.at("root");
        for (int i = 0; i < fields.size(); i++) {
            v.add(fields.get(i) + "[" + i + "]", "rule " + i);
        }
        ValidationException e = assertThrows(ValidationException.class, v::throwIfAny);
        assertEquals(fields.size(), e.violations().size());
        for (int i = 0; i < fields.size(); i++) {
            assertTrue(e.getMessage().contains("root." + fields.get(i) + "[" + i + "]: rule " + i), e.getMessage());
        }
    }
}

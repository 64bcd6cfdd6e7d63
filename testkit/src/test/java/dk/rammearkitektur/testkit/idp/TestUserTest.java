package dk.rammearkitektur.testkit.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TestUserTest {
    @Property(tries = 200)
    void citizenToStringNeverShowsTheCpr(@ForAll @IntRange(min = 1, max = 28) int day,
            @ForAll @IntRange(min = 1, max = 12) int month, @ForAll @IntRange(min = 0, max = 9999) int serial) {
        String cpr = String.format("%02d%02d80%04d", day, month, serial);
        TestUser u = TestUser.citizen("c").cpr(cpr).name("A", "B").build();
        assertFalse(u.toString().contains(cpr), u.toString());
        assertTrue(u.toString().contains(cpr.substring(0, 6) + "-****"), u.toString());
    }

    @Test
    void refusalsNameTheField() {
        assertPath("cvr", () -> TestUser.professional("p").name("A", "B").orgName("O").cvr("123").build());
        assertPath("orgName", () -> TestUser.professional("p").name("A", "B").cvr("11111111").build());
        assertPath("cpr", () -> TestUser.citizen("c").name("A", "B").cpr("3213801234").build());
        assertPath("key", () -> TestUser.citizen("a b").name("A", "B").cpr("0101801234").build());
        assertPath("name", () -> TestUser.citizen("c").cpr("0101801234").build());
    }

    private static void assertPath(String path, Runnable r) {
        ValidationException e = assertThrows(ValidationException.class, r::run);
        assertEquals(path, e.violations().get(0).path(), e.getMessage());
    }

    @Test
    void uuidIsStableForAKey() {
        TestUser a = TestUser.citizen("c").name("A", "B").cpr("0101801234").build();
        TestUser b = TestUser.citizen("c").name("X", "Y").cpr("0101801234").build();
        assertEquals(a.uuid(), b.uuid());
    }
}

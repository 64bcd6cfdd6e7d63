package dk.rammearkitektur.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void masksOneCprInBothForms() {
        assertEquals("010190-****", PersonalData.maskCpr("0101901234"));
        assertEquals("010190-****", PersonalData.maskCpr("010190-1234"));
        assertEquals("**********", PersonalData.maskCpr("12ab"));
        assertEquals("null", PersonalData.maskCpr(null));
    }

    @Test
    void masksCprNumbersGluedToNamesWhereTextIsQuotedFromADocument() {
        assertEquals("Element type \"ra:cp830112-****\" must be followed",
                PersonalData.maskCprNumbersAnywhere("Element type \"ra:cp8301121458\" must be followed"));
        assertEquals("x010190-****9y", PersonalData.maskCprNumbersAnywhere("x01019012349y"));
        assertEquals("line 12, column 818", PersonalData.maskCprNumbersAnywhere("line 12, column 818"));
        assertEquals("ra:cp8301121458", PersonalData.maskCprNumbers("ra:cp8301121458"), "the everyday mask leaves names");
    }

    @Test
    void aCauseChainWithACprIsCopiedMasked() {
        Exception inner = new IllegalStateException("inner 0101901234");
        Exception outer = new RuntimeException("at <cpr0101901234>", inner);
        Throwable masked = PersonalData.withoutCprNumbers(outer);
        assertEquals("java.lang.RuntimeException: at <cpr010190-****>", masked.getMessage());
        assertEquals("java.lang.IllegalStateException: inner 010190-****", masked.getCause().getMessage());
        assertEquals(outer.getStackTrace()[0], masked.getStackTrace()[0]);
        Exception clean = new RuntimeException("no number");
        assertTrue(PersonalData.withoutCprNumbers(clean) == clean, "a clean chain is kept as it is");
        XmlParseException e = new XmlParseException("bad <cp8301121458", outer);
        assertFalse(e.getMessage().contains("8301121458"), e.getMessage());
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            assertFalse(c.getMessage().contains("0101901234"), c.getMessage());
        }
    }

    @Test
    void aCauseChainThatLoopsEnds() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        Throwable same = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> PersonalData.withoutCprNumbers(a));
        assertTrue(same == a, "no number: kept as it is");
        Exception c = new Exception("c 0101901234");
        Exception d = new Exception("d", c);
        c.initCause(d);
        Throwable masked = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(5),
                () -> PersonalData.withoutCprNumbers(c));
        int links = 0;
        for (Throwable t = masked; t != null; t = t.getCause()) {
            assertFalse(t.getMessage().contains("0101901234"), t.getMessage());
            links++;
        }
        assertEquals(21, links, "copied up to the bound");
    }

    @Test
    void masksCprNumbersInText() {
        assertEquals("person 010190-**** and 311299-**** (replacement 710190-****)",
                PersonalData.maskCprNumbers("person 0101901234 and 311299-4321 (replacement 7101901234)"));
        assertEquals("<cpr>010190-****</cpr>", PersonalData.maskCprNumbers("<cpr>0101901234</cpr>"));
        assertEquals("cprNumber=010190-****&x=1", PersonalData.maskCprNumbers("cprNumber=0101901234&x=1"));
    }

    @Test
    void leavesOtherNumbersAlone() {
        String uuid = "123e4567-e89b-42d3-a456-426614174000";
        assertEquals(uuid, PersonalData.maskCprNumbers(uuid));
        assertEquals("order 12345678901 ok", PersonalData.maskCprNumbers("order 12345678901 ok"));
        assertEquals("month 13: 0113901234", PersonalData.maskCprNumbers("month 13: 0113901234"));
        assertEquals("cvr 12345678", PersonalData.maskCprNumbers("cvr 12345678"));
    }

    @Provide
    Arbitrary<String> cprs() {
        Arbitrary<Integer> day = Arbitraries.integers().between(1, 31).map(d -> d); // plain days
        Arbitrary<Integer> replacementDay = Arbitraries.integers().between(61, 91);
        return Combinators.combine(Arbitraries.oneOf(day, replacementDay), Arbitraries.integers().between(1, 12),
                Arbitraries.integers().between(0, 99), Arbitraries.integers().between(0, 9999), Arbitraries.of(true, false))
                .as((d, m, y, s, dash) -> String.format("%02d%02d%02d%s%04d", d, m, y, dash ? "-" : "", s));
    }

    @Property(tries = 500)
    void noCprSurvivesMasking(@ForAll("cprs") String cpr, @ForAll("noise") String before, @ForAll("noise") String after) {
        String text = before + " " + cpr + " " + after;
        String masked = PersonalData.maskCprNumbers(text);
        assertFalse(masked.contains(cpr), masked);
        assertFalse(PersonalData.containsCprNumber(masked), masked);
        assertTrue(masked.contains(cpr.substring(0, 6) + "-" + PersonalData.MASK), masked);
    }

    @Provide
    Arbitrary<String> noise() {
        return Arbitraries.strings().withChars("abc xyz:=<>/\"'").ofMaxLength(20);
    }
}

package dk.rammearkitektur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class IdentifierCommandsTest {
    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void cprPrintsTheFactsWithTheNumberMasked() {
        Result r = run("cpr", "070761-4285");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("cpr:         070761-****"), r.out());
        assertTrue(r.out().contains("birth date:  1961-07-07"), r.out());
        assertTrue(r.out().contains("sex:         male"), r.out());
        assertTrue(r.out().contains("modulus 11:  passes"), r.out());
        assertTrue(r.out().contains("replacement: no"), r.out());
        assertFalse(r.out().contains("4285"), r.out());
    }

    @Test
    void cprReplacementNumberWithoutModulus11() {
        Result r = run("cpr", "6702104002");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("birth date:  2010-02-07"), r.out());
        assertTrue(r.out().contains("sex:         female"), r.out());
        assertTrue(r.out().contains("does not pass"), r.out());
        assertTrue(r.out().contains("replacement: yes"), r.out());
    }

    @Test
    void invalidCprExitsWithTwoAndNamesTheRule() {
        Result r = run("cpr", "3213904285");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("cpr: the first six digits must be a real date"), r.err());
        assertFalse(r.err().contains("3213904285"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void cvr() {
        Result ok = run("cvr", "25313763");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("cvr:         25313763"), ok.out());
        Result bad = run("cvr", "25313764");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("cvr: fails the modulus-11 check"), bad.err());
        Result shortNumber = run("cvr", "123");
        assertEquals(2, shortNumber.code());
        assertTrue(shortNumber.err().contains("cvr: must be 8 digits"), shortNumber.err());
    }

    @Test
    void helpListsBothCommands() {
        Result r = run("--help");
        assertTrue(r.out().contains("cpr"), r.out());
        assertTrue(r.out().contains("cvr"), r.out());
    }
}

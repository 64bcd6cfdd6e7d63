package dk.rammearkitektur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    static String[] run(String... args) {
        return run(Main.newCommandLine(), args);
    }

    /** Runs {@code cl}; returns the exit code, standard output and standard error. */
    static String[] run(CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new String[] {String.valueOf(code), out.toString(), err.toString()};
    }

    @Test
    void versionPrintsTheBuildVersion() {
        String[] r = run("--version");
        assertEquals("0", r[0]);
        assertTrue(r[1].startsWith("rammearkitektur 0.1.0"), r[1]);
        assertTrue(r[1].contains("Java " + System.getProperty("java.version")), r[1]);
        assertEquals(r[1], run("version")[1]);
    }

    @Test
    void helpListsTheSubcommands() {
        String[] r = run("--help");
        assertEquals("0", r[0]);
        assertTrue(r[1].contains("Usage: rammearkitektur"), r[1]);
        assertTrue(r[1].contains("version"), r[1]);
    }

    @Test
    void unknownOptionIsAUsageError() {
        String[] r = run("--no-such-option");
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("Unknown option"), r[2]);
    }
}

package dk.rammearkitektur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.examples.demo.ReferenceDemo;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code rammearkitektur demo} through the command line, as the README's Quick start runs it. */
class DemoCommandTest {
    @Test
    void demoRunsAllStepsAndExitsWithZero() {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute("demo");
        String text = out.toString();
        assertEquals(0, code, text + err);
        for (int step = 1; step <= ReferenceDemo.STEPS; step++) {
            assertTrue(text.contains("[" + step + "/" + ReferenceDemo.STEPS + "] "), "step " + step + " missing:\n"
                    + text);
        }
        assertTrue(text.contains("[7/9] Index the case and its documents in the Sags- og Dokumentindeks"), text);
        assertTrue(text.contains("[8/9] Report the sygedagpenge grant and its first payment to the Ydelsesindeks"), text);
        assertTrue(text.contains("[9/9] Receive the letters' delivery statuses from the Beskedfordeler"), text);
        assertTrue(text.contains("DECIDED since"), text);
        assertTrue(text.contains("Demo completed: exit code 0"), text);
        assertFalse(PersonalData.containsCprNumber(text + err), text + err);
    }

    @Test
    void demoIsListedInTheHelp() {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        assertEquals(0, cl.execute("--help"));
        assertTrue(out.toString().contains("demo"), out.toString());
    }
}

package dk.rammearkitektur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** What every command of the tool does alike: help, version, exit codes, one-line errors, shell completion. */
class CommandConventionsTest {

    /** The path of every command below the top one, found by walking the tree, so a new command is covered. */
    private static List<List<String>> commandPaths() {
        List<List<String>> paths = new ArrayList<>();
        collect(Main.newCommandLine(), List.of(), paths);
        return paths;
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> paths) {
        for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
            List<String> sub = Stream.concat(path.stream(), Stream.of(e.getKey())).toList();
            paths.add(sub);
            collect(e.getValue(), sub, paths);
        }
    }

    @Test
    void theWalkFindsTheNestedSubcommands() {
        List<List<String>> paths = commandPaths();
        for (List<String> expected : List.of(List.of("index", "case"), List.of("index", "benefit"),
                List.of("index", "search"), List.of("events", "listen"), List.of("events", "publish"),
                List.of("memo", "send"), List.of("cert", "info"), List.of("completion"), List.of("help"))) {
            assertTrue(paths.contains(expected), expected + " in " + paths);
        }
    }

    @Test
    void helpAndHOnEveryCommandPrintUsageAndTheExitCodes() {
        List<List<String>> paths = new ArrayList<>(commandPaths());
        paths.add(List.of());
        for (List<String> path : paths) {
            for (String flag : List.of("--help", "-h")) {
                String[] args = Stream.concat(path.stream(), Stream.of(flag)).toArray(String[]::new);
                String[] r = MainTest.run(args);
                String what = String.join(" ", args) + ": " + r[2];
                assertEquals("0", r[0], what);
                assertEquals("", r[2], what);
                assertTrue(r[1].contains("Usage: " + String.join(" ", Stream.concat(Stream.of("rammearkitektur"),
                        path.stream()).toList()) + " "), what + r[1]);
                assertTrue(r[1].contains("-h, --help"), what + r[1]);
                assertTrue(r[1].contains("--verbose"), what + r[1]);
                assertTrue(r[1].contains("Exit codes:"), what + r[1]);
                for (Map.Entry<String, String> code : ExitCodes.help().entrySet()) {
                    assertTrue(r[1].contains(code.getKey() + "   " + code.getValue()), what + r[1]);
                }
            }
        }
    }

    @Test
    void everyCommandThatGroupsSubcommandsIsAOneLineUsageErrorWithoutOne() {
        List<List<String>> groups = new ArrayList<>();
        groups.add(List.of());
        for (List<String> path : commandPaths()) {
            CommandLine c = Main.newCommandLine();
            for (String name : path) {
                c = c.getSubcommands().get(name);
            }
            if (!c.getSubcommands().isEmpty() && !path.equals(List.of("help"))) {
                groups.add(path);
            }
        }
        assertTrue(groups.containsAll(List.of(List.of(), List.of("cert"), List.of("memo"), List.of("index"),
                List.of("events"))), groups.toString());
        for (List<String> path : groups) {
            String name = String.join(" ", Stream.concat(Stream.of("rammearkitektur"), path.stream()).toList());
            String[] r = MainTest.run(path.toArray(String[]::new));
            assertEquals("2", r[0], name + ": " + r[2]);
            assertEquals("", r[1], name);
            assertOneLineWithoutStackTrace(r[2]);
            assertEquals(name + ": Missing required subcommand (see '" + name + " --help')", r[2].strip());
        }
    }

    @Test
    void versionIsOnTheTopCommand() {
        String[] r = MainTest.run("-V");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].matches("(?s)rammearkitektur \\d+\\.\\d+\\.\\d+.*"), r[1]);
        assertTrue(MainTest.run("--help")[1].contains("-V, --version"));
    }

    @Test
    void versionFallsBackToTheManifestThenUnknown() {
        assertTrue(VersionCommand.version(VersionCommand.RESOURCE, null).matches("\\d+\\.\\d+\\.\\d+.*"));
        assertEquals("unknown", VersionCommand.version("/no/such/version.properties", null));
        assertEquals("1.2.3", VersionCommand.version("/no/such/version.properties", "1.2.3"));
        String unfiltered = "/dk/rammearkitektur/cli/unfiltered-version.properties";
        assertEquals("unknown", VersionCommand.version(unfiltered, null));
        assertEquals("1.2.3", VersionCommand.version(unfiltered, "1.2.3"));
    }

    private static void assertOneLineWithoutStackTrace(String err) {
        assertEquals(1, err.lines().count(), err);
        assertFalse(err.contains("Exception"), err);
        assertFalse(err.contains("\tat "), err);
    }

    @Test
    void anInvalidArgumentIsOneLineAndTheStackTraceComesWithVerbose() {
        String[] r = MainTest.run("cpr", "3213904285");
        assertEquals("2", r[0]);
        assertOneLineWithoutStackTrace(r[2]);
        assertTrue(r[2].startsWith("invalid: cpr: "), r[2]);
        assertFalse(r[2].contains("3213904285"), r[2]);
        for (String[] args : List.of(new String[] {"cpr", "--verbose", "3213904285"},
                new String[] {"--verbose", "cpr", "3213904285"})) {
            String[] verbose = MainTest.run(args);
            assertEquals("2", verbose[0]);
            assertTrue(verbose[2].startsWith(r[2]), verbose[2]);
            assertTrue(verbose[2].contains("ValidationException"), verbose[2]);
            assertTrue(verbose[2].contains("\tat dk.rammearkitektur."), verbose[2]);
            assertFalse(verbose[2].contains("3213904285"), verbose[2]);
        }
    }

    @Test
    void aMissingInputFileIsInvalidInputOnOneLine() {
        Path missing = Path.of("no-such-dir", "in.xml");
        String[] r = MainTest.run("verify", "--trust", "trust.pem", missing.toString());
        assertEquals("2", r[0], r[2]);
        assertOneLineWithoutStackTrace(r[2]);
        assertEquals("invalid: " + missing + ": no such file", r[2].strip());
    }

    /** Fails as a bug would: a multi-line message with a CPR number, caused by another one. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new IllegalStateException("went wrong\n  for 0101901234",
                    new IllegalArgumentException("cause about 0202902345"));
        }
    }

    @Test
    void anUnexpectedErrorIsOneLineMaskedAndWithoutItsCause() {
        CommandLine cl = Main.newCommandLine();
        cl.addSubcommand(new Boom());
        String[] r = MainTest.run(cl, "boom");
        assertEquals("1", r[0]);
        assertEquals(1, r[2].lines().count(), r[2]);
        assertTrue(r[2].startsWith("error: IllegalStateException: went wrong for 010190"), r[2]);
        assertFalse(r[2].contains("0101901234"), r[2]);
        assertFalse(r[2].contains("cause"), r[2]);
        assertFalse(r[2].contains("\tat "), r[2]);

        CommandLine verbose = Main.newCommandLine();
        verbose.addSubcommand(new Boom());
        String[] v = MainTest.run(verbose, "boom", "--verbose");
        assertEquals("1", v[0]);
        assertTrue(v[2].contains("\tat dk.rammearkitektur.cli.CommandConventionsTest$Boom.call"), v[2]);
        assertTrue(v[2].contains("Caused by: java.lang.IllegalArgumentException"), v[2]);
        assertFalse(v[2].contains("0101901234"), v[2]);
        assertFalse(v[2].contains("0202902345"), v[2]);
    }

    @Test
    void aBadOptionOrArgumentIsOneLinePointingToTheHelp() {
        String[] missing = MainTest.run("cpr");
        assertEquals("2", missing[0]);
        assertOneLineWithoutStackTrace(missing[2]);
        assertTrue(missing[2].startsWith("rammearkitektur cpr: Missing required parameter: '<number>'"), missing[2]);
        assertTrue(missing[2].strip().endsWith("(see 'rammearkitektur cpr --help')"), missing[2]);
        assertEquals("", missing[1]);

        String[] typo = MainTest.run("index", "serch");
        assertEquals("2", typo[0]);
        assertOneLineWithoutStackTrace(typo[2]);
        assertTrue(typo[2].contains("did you mean search"), typo[2]);

        String[] extra = MainTest.run("cvr", "12345674", "0101901234");
        assertEquals("2", extra[0]);
        assertOneLineWithoutStackTrace(extra[2]);
        assertFalse(extra[2].contains("0101901234"), extra[2]);
    }

    @Test
    void theCompletionScriptCoversEveryCommand() {
        String[] r = MainTest.run("completion");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].contains("complete -F _complete_rammearkitektur"), r[1]);
        for (List<String> path : commandPaths()) {
            String function = "_picocli_rammearkitektur_" + String.join("_", path).replace("-", "");
            assertTrue(r[1].contains(function + "()"), function);
        }
    }

    @Test
    void theDocsListEveryExitCode() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "cli.md"), StandardCharsets.UTF_8);
        for (Map.Entry<String, String> code : ExitCodes.help().entrySet()) {
            assertTrue(doc.contains("| " + code.getKey().strip() + " |"), code.getKey());
        }
    }
}

package dk.rammearkitektur.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every {@code rammearkitektur} command, defined here only; {@link Main} lists them in each
 * command's help and {@code docs/cli.md} in a table.
 */
public final class ExitCodes {
    /** Done. */
    public static final int OK = 0;
    /** Something failed: the platform refused the call, could not be reached, or the tool broke. */
    public static final int ERROR = 1;
    /** Invalid input: a bad option or argument, a missing file or one that does not validate, bad configuration. */
    public static final int INVALID = 2;
    /** Refused as untrusted: a signature, certificate or token, or XML refused as unsafe. */
    public static final int REFUSED = 3;
    /** Not found: the register or index has no match, or fewer events came than asked for. */
    public static final int NOT_FOUND = 4;

    private ExitCodes() {
    }

    /** The codes with their meaning, in order, as picocli's exit code list (key {@code " 0"}, value the meaning). */
    static Map<String, String> help() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(" " + OK, "done");
        m.put(" " + ERROR, "failed: refused by the platform, unreachable, or an unexpected error");
        m.put(" " + INVALID, "invalid input: options, arguments, files or configuration");
        m.put(" " + REFUSED, "refused as untrusted: signature, certificate, token or unsafe XML");
        m.put(" " + NOT_FOUND, "not found: no match in the register or index");
        return m;
    }
}

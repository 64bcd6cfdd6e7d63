package dk.rammearkitektur.cli;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.NoSuchFileException;
import java.util.stream.Collectors;
import picocli.CommandLine;

/**
 * Turns an error into one line on standard error and the {@link ExitCodes exit code}: the SDK's exceptions by their
 * kind, bad options and arguments as invalid input with a pointer to the command's help. The stack trace follows
 * only with {@code --verbose}. Never prints a full CPR number, and never a cause's message.
 */
final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        PrintWriter err = cl.getErr();
        int code;
        String line;
        if (ex instanceof ValidationException ve) {
            code = ExitCodes.INVALID;
            line = "invalid: " + (ve.violations().size() == 1 ? "" : ve.violations().size() + " violation(s): ")
                    + ve.violations().stream().map(Violation::toString).collect(Collectors.joining("; "));
        } else if (ex instanceof NoSuchFileException nf) {
            code = ExitCodes.INVALID;
            line = "invalid: " + nf.getFile() + ": no such file";
        } else if (ex instanceof SecurityCheckException se) {
            code = ExitCodes.REFUSED;
            line = "refused (" + se.reason() + "): " + se.getMessage();
        } else {
            code = ExitCodes.ERROR;
            String kind = ex.getClass().getSimpleName();
            line = "error: " + (ex.getMessage() == null ? kind
                    : ex instanceof RammearkitekturException ? ex.getMessage() : kind + ": " + ex.getMessage());
        }
        err.println(oneLine(line));
        if (verbose(cl)) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(PersonalData.maskCprNumbers(trace.toString()));
        }
        err.flush();
        return code;
    }

    @Override
    public int handleParseException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String line = ex.getMessage();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            line += "; did you mean " + String.join(" or ", u.getSuggestions()) + "?";
        }
        String name = cl.getCommandSpec().qualifiedName();
        cl.getErr().println(oneLine(name + ": " + line + " (see '" + name + " --help')"));
        cl.getErr().flush();
        return ExitCodes.INVALID;
    }

    /** The message on one line, CPR numbers masked. */
    static String oneLine(String message) {
        return PersonalData.maskCprNumbers(message.strip().replaceAll("\\s*\\R\\s*", " "));
    }

    private static boolean verbose(CommandLine cl) {
        for (CommandLine.ParseResult r = cl.getCommandSpec().root().commandLine().getParseResult(); r != null;
                r = r.subcommand()) {
            if (r.hasMatchedOption(Main.VERBOSE)) {
                return true;
            }
        }
        return false;
    }
}

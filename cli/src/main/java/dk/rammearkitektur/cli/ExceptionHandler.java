package dk.rammearkitektur.cli;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import picocli.CommandLine;

/** Turns the SDK's exceptions into an error line and the documented exit code; never prints a full CPR number. */
final class ExceptionHandler implements CommandLine.IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
        var err = cl.getErr();
        if (ex instanceof ValidationException ve) {
            err.println("invalid: " + ve.violations().size() + " violation(s)");
            for (Violation v : ve.violations()) {
                err.println("  " + PersonalData.maskCprNumbers(v.toString()));
            }
            return Main.EXIT_INVALID;
        }
        if (ex instanceof SecurityCheckException se) {
            err.println("refused (" + se.reason() + "): " + PersonalData.maskCprNumbers(se.getMessage()));
            return Main.EXIT_REFUSED;
        }
        err.println("error: " + PersonalData.maskCprNumbers(String.valueOf(ex.getMessage())));
        return 1;
    }
}

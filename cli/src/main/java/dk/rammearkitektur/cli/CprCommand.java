package dk.rammearkitektur.cli;

import dk.rammearkitektur.model.Cpr;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur cpr <number>}: parses a CPR number and prints birth date, sex, modulus 11 and whether it is
 * a replacement number. The number itself is printed masked. Exit code 0, or 2 when the number is invalid.
 */
@Command(name = "cpr", description = "Check a CPR number (DDMMYYSSSS or DDMMYY-SSSS) and print what it encodes.")
final class CprCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "<number>", description = "The CPR number.")
    String number;

    @Override
    public Integer call() {
        Cpr cpr = Cpr.parse(number.strip());
        PrintWriter out = spec.commandLine().getOut();
        out.println("cpr:         " + cpr);
        out.println("birth date:  " + cpr.birthDate());
        out.println("sex:         " + cpr.sex().name().toLowerCase(java.util.Locale.ROOT));
        out.println("modulus 11:  " + (cpr.passesModulus11() ? "passes" : "does not pass (allowed: not required since 2007)"));
        out.println("replacement: " + (cpr.isReplacementNumber() ? "yes (erstatningspersonnummer, day + 60)" : "no"));
        out.flush();
        return ExitCodes.OK;
    }
}

package dk.rammearkitektur.cli;

import dk.rammearkitektur.model.Cvr;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur cvr <number>}: checks a CVR number (eight digits, modulus 11) and prints it. Exit code 0,
 * or 2 when the number is invalid.
 */
@Command(name = "cvr", description = "Check a CVR number (8 digits, weighted modulus 11).")
final class CvrCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(index = "0", paramLabel = "<number>", description = "The CVR number.")
    String number;

    @Override
    public Integer call() {
        Cvr cvr = Cvr.parse(number.strip());
        PrintWriter out = spec.commandLine().getOut();
        out.println("cvr:         " + cvr.value());
        out.println("modulus 11:  passes (weights 2,7,6,5,4,3,2,1)");
        out.flush();
        return ExitCodes.OK;
    }
}

package dk.rammearkitektur.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code rammearkitektur} command-line tool for testers and integrators. Run {@code rammearkitektur --help} for
 * the subcommands. Exit codes: 0 success, 1 unexpected error, 2 invalid input, 3 refused (signature, certificate or
 * token not trusted).
 */
@Command(name = "rammearkitektur",
        mixinStandardHelpOptions = true,
        versionProvider = VersionCommand.Provider.class,
        description = "Tools for the fælleskommunale rammearkitektur: identifiers, signing, simulators and demos.",
        subcommands = {
            VersionCommand.class,
            CprCommand.class,
            CvrCommand.class,
            MemoCommand.class,
            SignCommand.class,
            VerifyCommand.class,
            CertCommand.class,
            CprLookupCommand.class,
            EventsCommand.class,
            CvrLookupCommand.class,
            KlasseCommand.class,
            IndexCommand.class,
            SimulatorCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main implements Runnable {
    /** Exit code for invalid input (a validation error). */
    public static final int EXIT_INVALID = 2;
    /** Exit code for something refused as untrusted. */
    public static final int EXIT_REFUSED = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code instead of exiting; used by tests. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    /** The configured picocli command line, for embedding and tests. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ExceptionHandler());
        return cl;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

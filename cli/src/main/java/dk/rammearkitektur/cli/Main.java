package dk.rammearkitektur.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code rammearkitektur} command-line tool for testers and integrators. Every command and subcommand takes
 * {@code -h}/{@code --help} (added to each by {@link #newCommandLine()}) and {@code --verbose}, the top command
 * {@code -V}/{@code --version}; every help lists the {@link ExitCodes}. Errors are one line on standard error, with
 * the stack trace only under {@code --verbose}.
 */
@Command(name = "rammearkitektur",
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
            CompletionCommand.class,
            CommandLine.HelpCommand.class,
        })
public final class Main {
    /** The option that shows stack traces; inherited by every subcommand. */
    static final String VERBOSE = "--verbose";
    private static final String HELP = "Show this help message and exit.";

    @Option(names = {"-h", "--help"}, usageHelp = true, description = HELP)
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print version information and exit.")
    boolean version;

    @Option(names = VERBOSE, scope = ScopeType.INHERIT,
            description = "On an error, print the stack trace too (CPR numbers masked).")
    boolean verbose;

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
        ExceptionHandler handler = new ExceptionHandler();
        cl.setExecutionExceptionHandler(handler);
        cl.setParameterExceptionHandler(handler);
        Deque<CommandLine> todo = new ArrayDeque<>();
        todo.add(cl);
        while (!todo.isEmpty()) {
            CommandLine c = todo.remove();
            if (c.getCommandSpec().findOption("--help") == null) {
                c.getCommandSpec().addOption(CommandLine.Model.OptionSpec.builder("-h", "--help").usageHelp(true)
                        .type(boolean.class).description(HELP).build());
            }
            c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCodes.help());
            todo.addAll(c.getSubcommands().values());
        }
        return cl;
    }
}

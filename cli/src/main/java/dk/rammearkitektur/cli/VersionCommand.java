package dk.rammearkitektur.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code rammearkitektur version}: prints the SDK version and the Java runtime. */
@Command(name = "version", description = "Print the SDK version and the Java runtime.")
final class VersionCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new Provider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        return 0;
    }

    /** Reads the version from the build's {@code version.properties}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "rammearkitektur " + sdkVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            };
        }
    }

    static String sdkVersion() {
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("/dk/rammearkitektur/cli/version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}

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
        return ExitCodes.OK;
    }

    /** The version lines for {@code --version} and {@code version}. */
    static final class Provider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "rammearkitektur " + sdkVersion(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
            };
        }
    }

    /** Where the build writes the version (a filtered resource: the shaded jar has no Implementation-Version). */
    static final String RESOURCE = "/dk/rammearkitektur/cli/version.properties";

    static String sdkVersion() {
        return version(RESOURCE, VersionCommand.class.getPackage().getImplementationVersion());
    }

    /**
     * The {@code version} in the resource, else the manifest's version, else {@code unknown}: a class-path run from
     * an IDE may have the resource unfiltered and no manifest.
     */
    static String version(String resource, String manifestVersion) {
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream(resource)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            p.clear();
        }
        String v = p.getProperty("version", "").strip();
        if (!v.isEmpty() && !v.contains("${")) {
            return v;
        }
        return manifestVersion == null || manifestVersion.isBlank() ? "unknown" : manifestVersion;
    }
}

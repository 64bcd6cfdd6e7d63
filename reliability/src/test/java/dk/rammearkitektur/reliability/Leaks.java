package dk.rammearkitektur.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** What a soak compares before and after: the live threads it counts and the JVM's open file descriptors. */
public final class Leaks {
    private Leaks() {
    }

    /** The names of the live threads whose name {@code counted} accepts, sorted. */
    public static List<String> threads(Predicate<String> counted) {
        List<String> names = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.isAlive() && counted.test(t.getName())) {
                names.add(t.getName());
            }
        }
        names.sort(null);
        return names;
    }

    /** Open file descriptors of this JVM, or -1 where /proc is not available. */
    public static long openFiles() {
        Path fd = Path.of("/proc/self/fd");
        if (!Files.isDirectory(fd)) {
            return -1;
        }
        try (Stream<Path> s = Files.list(fd)) {
            return s.count();
        } catch (IOException e) {
            return -1;
        }
    }
}

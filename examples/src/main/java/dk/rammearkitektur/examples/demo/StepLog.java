package dk.rammearkitektur.examples.demo;

import dk.rammearkitektur.core.PersonalData;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * The demo's output: a progress line per step, indented detail lines, and the step's duration. Every line passes
 * through {@link PersonalData#maskCprNumbers(String)} so no CPR number is ever printed in full.
 */
final class StepLog {
    private final PrintWriter out;
    private final int total;
    private long stepStarted;
    private int step;

    StepLog(PrintWriter out, int total) {
        this.out = Objects.requireNonNull(out, "out == null");
        this.total = total;
    }

    void line(String text) {
        out.println(PersonalData.maskCprNumbers(text));
        out.flush();
    }

    void begin(int number, String title) {
        step = number;
        stepStarted = System.nanoTime();
        line("[" + number + "/" + total + "] " + title);
    }

    void detail(String label, String text) {
        line(String.format(Locale.ROOT, "      %-9s %s", label, text));
    }

    /** Ends the step and returns its duration in milliseconds. */
    long end() {
        long ms = millisSince(stepStarted);
        line(String.format(Locale.ROOT, "      step %d of %d done in %d ms", step, total, ms));
        return ms;
    }

    static long millisSince(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1_000_000L;
    }
}

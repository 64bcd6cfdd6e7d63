package dk.rammearkitektur.core;

import java.time.Duration;

/**
 * How long a call may take: to connect, to wait for data between reads, and in total including retries.
 *
 * @param connect the longest wait for a connection (TCP and TLS handshake)
 * @param read the longest wait for the reply's next bytes
 * @param total the longest a whole call may take, all attempts included
 */
public record Timeouts(Duration connect, Duration read, Duration total) {

    /** Checks the settings; a bad setting throws {@link ValidationException} naming it. */
    public Timeouts {
        Violations v = Violations.at("timeouts");
        positive(v, "connect", connect);
        positive(v, "read", read);
        if (positive(v, "total", total) && connect != null && read != null && !connect.isNegative()) {
            v.require(total.compareTo(connect) >= 0, "total", "must be at least the connect timeout");
        }
        v.throwIfAny();
    }

    /** 5 s to connect, 30 s to read, 60 s in total. */
    public static Timeouts defaults() {
        return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60));
    }

    /** Timeouts with the given values. */
    public static Timeouts of(Duration connect, Duration read, Duration total) {
        return new Timeouts(connect, read, total);
    }

    private static boolean positive(Violations v, String field, Duration d) {
        return v.require(d != null, field, "must be set") && v.require(!d.isNegative() && !d.isZero(), field, "must be positive");
    }
}

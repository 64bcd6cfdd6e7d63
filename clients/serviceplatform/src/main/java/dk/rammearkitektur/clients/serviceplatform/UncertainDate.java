package dk.rammearkitektur.clients.serviceplatform;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A date from the CPR register with the register's uncertainty marker (SF1520 {@code usikkerhedDatoType} and
 * {@code usikkerhedDatoTidType}: {@code dato} and an optional {@code usikkerhedsmarkering}). For the date-time
 * variants the SDK keeps the date as written in the reply and drops the time of day.
 *
 * @param date the date
 * @param uncertaintyMarker the register's uncertainty marker (usikkerhedsmarkering) as sent, or null when none is set
 */
public record UncertainDate(LocalDate date, String uncertaintyMarker) {
    /** Requires the date; a blank marker is treated as none. */
    public UncertainDate {
        Objects.requireNonNull(date, "date == null");
        uncertaintyMarker = uncertaintyMarker == null || uncertaintyMarker.isBlank() ? null : uncertaintyMarker.trim();
    }

    /** A certain date (no marker), or null when {@code date} is null. */
    public static UncertainDate certain(LocalDate date) {
        return date == null ? null : new UncertainDate(date, null);
    }

    /** True when the register marks the date as uncertain. */
    public boolean uncertain() {
        return uncertaintyMarker != null;
    }
}

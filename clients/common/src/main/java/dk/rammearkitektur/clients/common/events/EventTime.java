package dk.rammearkitektur.clients.common.events;

import dk.rammearkitektur.core.ValidationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * A point in time in the envelope ({@code sd:TidspunktType}): either a date-time ({@code TidsstempelDatoTid}) or a
 * boundary indicator ({@code GraenseIndikator}, an open end). Exactly one of the two is set.
 *
 * @param dateTime the date-time, years 1 to 9999 with an offset of whole minutes within ±14:00; or null
 * @param boundary the boundary indicator; or null
 */
public record EventTime(OffsetDateTime dateTime, Boolean boundary) {
    private static final int MAX_OFFSET_SECONDS = 14 * 3600;

    /** Checks that exactly one part is set and that the date-time fits {@code xs:dateTime}. */
    public EventTime {
        if ((dateTime == null) == (boundary == null)) {
            throw new ValidationException("Tidspunkt", "must have either a date-time or a boundary indicator");
        }
        if (dateTime != null && (dateTime.getYear() < 1 || dateTime.getYear() > 9999)) {
            throw new ValidationException("Tidspunkt.TidsstempelDatoTid", "must be in the years 1 to 9999");
        }
        if (dateTime != null && !fitsXsd(dateTime.getOffset())) {
            throw new ValidationException("Tidspunkt.TidsstempelDatoTid", "must have an offset of whole minutes within ±14:00");
        }
    }

    /** A date-time. */
    public static EventTime of(OffsetDateTime dateTime) {
        return new EventTime(dateTime, null);
    }

    /** An instant, in UTC. */
    public static EventTime of(Instant instant) {
        return of(instant.atOffset(ZoneOffset.UTC));
    }

    /** A boundary indicator ({@code GraenseIndikator}). */
    public static EventTime boundary(boolean value) {
        return new EventTime(null, value);
    }

    /** True when this is a boundary indicator rather than a date-time. */
    public boolean isBoundary() {
        return boundary != null;
    }

    private static boolean fitsXsd(ZoneOffset offset) {
        int seconds = offset.getTotalSeconds();
        return seconds % 60 == 0 && Math.abs(seconds) <= MAX_OFFSET_SECONDS;
    }
}

package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.core.PersonalData;
import java.util.Objects;

/**
 * What SF6002 answered to a subscribe or unsubscribe: the platform's {@code Result} text and the SDK's reading of it.
 * The platform declares {@code Result} as a plain string (S1 {@code CprSubscriptionServiceMsg.xsd}); the values
 * seen in public code are {@code ADDED}, {@code ALREADY_EXISTED}, {@code REMOVED} and {@code NON_EXISTING_PNR}
 * (research note {@code notes/sf6002.md} §1.5: S1c magenta-aps/cprbroker@6cb2ace, S3
 * magenta-aps/mox_cpr_delta_mo@e1ea035, S5), so any other text is kept as {@link Outcome#OTHER}.
 *
 * @param outcome the SDK's reading of {@code text}
 * @param text the platform's {@code Result}, trimmed
 */
public record SubscriptionResult(Outcome outcome, String text) {

    /** The SDK's names for the platform's results. */
    public enum Outcome {
        /** {@code ADDED}: the number is now followed. */
        ADDED,
        /** {@code ALREADY_EXISTED}: the number was followed already (a second subscribe; S5). */
        ALREADY_SUBSCRIBED,
        /** {@code REMOVED}: the number is no longer followed. */
        REMOVED,
        /**
         * {@code NON_EXISTING_PNR}: the number is not followed. After unsubscribe it was not subscribed (S5: add, add,
         * remove, remove). After subscribe it was not added: [INFERRED, S1c] CPR does not know the number; no public
         * sample shows that case.
         */
        NOT_SUBSCRIBED,
        /** Any other text: the result set is open; see {@link SubscriptionResult#text()}. */
        OTHER
    }

    /** Checks that both parts are given. */
    public SubscriptionResult {
        Objects.requireNonNull(outcome, "outcome == null");
        Objects.requireNonNull(text, "text == null");
    }

    /**
     * Reads the platform's {@code Result} text: leading and trailing white space is ignored, the four known values
     * are matched exactly (case matters, as the platform sends them upper case), anything else is {@link Outcome#OTHER}.
     *
     * @param text the {@code Result} element's text
     * @return the result
     */
    public static SubscriptionResult of(String text) {
        String t = Objects.requireNonNull(text, "text == null").strip();
        Outcome o = switch (t) {
            case "ADDED" -> Outcome.ADDED;
            case "ALREADY_EXISTED" -> Outcome.ALREADY_SUBSCRIBED;
            case "REMOVED" -> Outcome.REMOVED;
            case "NON_EXISTING_PNR" -> Outcome.NOT_SUBSCRIBED;
            default -> Outcome.OTHER;
        };
        return new SubscriptionResult(o, t);
    }

    /** Whether the number is followed after the call: {@link Outcome#ADDED} or {@link Outcome#ALREADY_SUBSCRIBED}. */
    public boolean followed() {
        return outcome == Outcome.ADDED || outcome == Outcome.ALREADY_SUBSCRIBED;
    }

    /** The outcome, and for {@link Outcome#OTHER} the platform's text with any CPR-shaped number masked. */
    @Override
    public String toString() {
        return outcome == Outcome.OTHER ? "OTHER(" + PersonalData.maskCprNumbers(text) + ")" : outcome.name();
    }
}

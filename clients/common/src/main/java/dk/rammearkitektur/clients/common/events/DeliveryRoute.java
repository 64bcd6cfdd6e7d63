package dk.rammearkitektur.clients.common.events;

import dk.rammearkitektur.clients.common.events.internal.Describe;
import dk.rammearkitektur.clients.common.events.internal.Values;
import dk.rammearkitektur.core.ValidationException;
import java.util.UUID;

/**
 * One leg of the way the message travelled ({@code Leverancerute}). Every part is optional. Of the route's local
 * extension ({@code LeveranceruteLokalUdvidelse}) only the delivery attempt count ({@code AntalLeveranceforsoeg}) is
 * kept.
 *
 * @param distributionSystem {@code Fordelingssystem}, a UUID (lower case) or a URN
 * @param receivedAt {@code ModtagelsesTidspunkt}
 * @param deliveredAt {@code LeveranceTidspunkt}
 * @param receivedFrom {@code ModtagetFraSystem}
 * @param deliveredPursuantTo {@code ErLeveretIHenholdTil}, a UUID (lower case) or a URN
 * @param deliveryAttempts {@code AntalLeveranceforsoeg}, not negative; or null
 */
public record DeliveryRoute(String distributionSystem, EventTime receivedAt, EventTime deliveredAt, UUID receivedFrom,
        String deliveredPursuantTo, Integer deliveryAttempts) {
    /** Validates and normalises the identifiers. */
    public DeliveryRoute {
        distributionSystem = Values.optionalUnikId(distributionSystem, "Leverancerute.Fordelingssystem");
        deliveredPursuantTo = Values.optionalUnikId(deliveredPursuantTo, "Leverancerute.ErLeveretIHenholdTil");
        if (deliveryAttempts != null && deliveryAttempts < 0) {
            throw new ValidationException("Leverancerute.LeveranceruteLokalUdvidelse.AntalLeveranceforsoeg",
                    "must not be negative");
        }
    }

    @Override
    public String toString() {
        return Describe.masked(this);
    }
}

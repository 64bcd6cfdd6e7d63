package dk.rammearkitektur.clients.common.events;

import dk.rammearkitektur.clients.common.events.internal.Describe;
import dk.rammearkitektur.clients.common.events.internal.Values;
import java.util.UUID;

/**
 * What the recipient is asked to do ({@code Modtagerhandling}). Both parts are optional.
 *
 * @param action {@code Handling}, a UUID (lower case) or a URN
 * @param responseRecipient who to answer ({@code Responsmodtager})
 */
public record RecipientAction(String action, UUID responseRecipient) {
    /** Validates and normalises the action. */
    public RecipientAction {
        action = Values.optionalUnikId(action, "Modtagerhandling.Handling");
    }

    @Override
    public String toString() {
        return Describe.masked(this);
    }
}

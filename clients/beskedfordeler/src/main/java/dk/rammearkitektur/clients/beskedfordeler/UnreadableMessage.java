package dk.rammearkitektur.clients.beskedfordeler;

import dk.rammearkitektur.core.PersonalData;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A message that is not a readable event (Hændelsesbesked). Pulled from a dueslag, it is rejected without being
 * requeued, which moves it to the dueslag's error queue (fejlkø) at the Beskedfordeler; pushed, it is answered with an
 * error. Either way the application's unreadable-message handler sees it first, so it is never lost silently.
 *
 * @param dueslag the dueslag it came from; empty when it was pushed
 * @param amqpMessageId the AMQP {@code message-id} property, or null (always null when pushed)
 * @param body the message body as received
 * @param reason why it could not be read (field path and rule; CPR numbers masked)
 */
public record UnreadableMessage(Optional<UUID> dueslag, String amqpMessageId, byte[] body, String reason) {

    /** Checks the fields and copies the body. */
    public UnreadableMessage {
        Objects.requireNonNull(dueslag, "dueslag == null");
        Objects.requireNonNull(reason, "reason == null");
        body = body == null ? new byte[0] : body.clone();
    }

    /** A copy of the body. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnreadableMessage u && dueslag.equals(u.dueslag)
                && Objects.equals(amqpMessageId, u.amqpMessageId) && Arrays.equals(body, u.body)
                && reason.equals(u.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(dueslag, amqpMessageId, Arrays.hashCode(body), reason);
    }

    /** Without the body, which may hold personal data. */
    @Override
    public String toString() {
        return "UnreadableMessage[" + dueslag.map(d -> "dueslag " + d).orElse("pushed") + ", message-id "
                + PersonalData.maskCprNumbers(amqpMessageId) + ", " + body.length + " bytes: " + reason + "]";
    }
}

package dk.rammearkitektur.testkit.beskedfordeler;

import java.nio.charset.StandardCharsets;

/**
 * A message the simulator holds in a queue (a dueslag or its fejlkø).
 *
 * @param messageId the AMQP message id
 * @param contentType the AMQP content type
 * @param body the body
 */
public record QueuedMessage(String messageId, String contentType, byte[] body) {
    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

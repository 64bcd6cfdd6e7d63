package dk.rammearkitektur.testkit.beskedfordeler;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * A message published to {@code AFSEND_BESKED_EXCHANGE} (SF1462) and how the simulator answered it.
 *
 * @param messageId the AMQP message id the publisher set
 * @param correlationId the AMQP correlation id the reply carried back
 * @param cvr the publish token's CVR, or null when the token was refused
 * @param beskedtype the envelope's Beskedtype (lower case), or null when it was not read
 * @param statusKode the StandardRetur status the reply carried (20, 40 or 41)
 * @param fejlbeskedTekst the reply's FejlbeskedTekst ({@code OK} on success)
 * @param routedTo the dueslag the message was put on
 * @param body the published body
 */
public record PublishedBesked(String messageId, String correlationId, String cvr, String beskedtype, int statusKode,
        String fejlbeskedTekst, List<UUID> routedTo, byte[] body) {
    /** The body as UTF-8 text. */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

package dk.rammearkitektur.clients.beskedfordeler;

/**
 * The Beskedfordeler's acceptance of a published event (SF1462 AfsendBesked): {@code StandardRetur} with status 20.
 *
 * @param messageId the event's message id ({@code BeskedId})
 * @param correlationId the AMQP correlation id the reply carried
 * @param statusText the reply's {@code FejlbeskedTekst}, or null when it had none
 * @param attempts 1, or 2 when the first was refused for an expired token (status 41) and sent again with a new one
 */
public record PublishReceipt(String messageId, String correlationId, String statusText, int attempts) {
}

package dk.rammearkitektur.clients.beskedfordeler;

/**
 * What the application does with one event (Hændelsesbesked) from its dueslag. The message is acknowledged to the
 * Beskedfordeler only after this returns; when it throws, the message is given back to be delivered again (see
 * {@link EventSubscription.Builder#maxAttempts(int)}).
 */
@FunctionalInterface
public interface EventHandler {

    /**
     * Handles the event.
     *
     * @param event the event and how it was delivered
     * @throws Exception any failure: the message is not acknowledged and comes back
     */
    void handle(ReceivedEvent event) throws Exception;
}

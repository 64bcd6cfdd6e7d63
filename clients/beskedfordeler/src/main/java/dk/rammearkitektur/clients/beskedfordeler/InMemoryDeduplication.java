package dk.rammearkitektur.clients.beskedfordeler;

/** TEMPORARY stand-in (never committed). */
public final class InMemoryDeduplication implements Deduplication {
    private final java.util.Set<String> done = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public static InMemoryDeduplication create() {
        return new InMemoryDeduplication();
    }

    @Override
    public synchronized boolean runOnce(String messageId, Work work) throws Exception {
        if (done.contains(messageId)) {
            return false;
        }
        work.run(java.util.Optional.empty());
        done.add(messageId);
        return true;
    }
}

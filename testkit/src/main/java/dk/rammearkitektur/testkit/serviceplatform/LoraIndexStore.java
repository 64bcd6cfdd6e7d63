package dk.rammearkitektur.testkit.serviceplatform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What the simulated LoRa indexes' stores share: objects of kind {@code K} by UUID in insertion order, each with its
 * registrations {@code R} (oldest first), and the rules tests relax. Thread-safe; the service holds {@link #lock()}
 * while it checks and applies one request (requests are atomic).
 *
 * @param <O> an object with its registrations
 * @param <R> a registration
 * @param <K> the kinds of object
 */
abstract class LoraIndexStore<O extends LoraIndexStore.Stored<R, K>, R, K> {
    /** An object of the store: its kind and registrations, oldest first. */
    interface Stored<R, K> {
        /** Its kind. */
        K kind();

        /** Its registrations, oldest first. */
        List<R> registrations();

        /** The newest registration. */
        default R current() {
            List<R> all = registrations();
            return all.get(all.size() - 1);
        }
    }

    private final Map<UUID, O> objects = new LinkedHashMap<>();
    private final RelaxedRules relaxedRules;

    /** A store whose rules {@code fixedRules} cannot be relaxed. */
    LoraIndexStore(Set<String> fixedRules) {
        this.relaxedRules = new RelaxedRules(fixedRules);
    }

    /** Relaxes {@code ruleIds} (see the subclass's {@code relax}). */
    final void relaxRules(String... ruleIds) {
        relaxedRules.relax(ruleIds);
    }

    /** Enforces every rule again. */
    public void enforceAll() {
        relaxedRules.clear();
    }

    /** True when {@code ruleId} is relaxed. */
    public boolean relaxed(String ruleId) {
        return relaxedRules.contains(ruleId);
    }

    /** The object with {@code uuid}. */
    public synchronized Optional<O> get(UUID uuid) {
        return Optional.ofNullable(objects.get(uuid));
    }

    /** The current (newest) registration of {@code uuid}. */
    public Optional<R> current(UUID uuid) {
        return get(uuid).map(Stored::current);
    }

    /** All registrations of {@code uuid}, oldest first (empty when unknown). */
    public List<R> registrations(UUID uuid) {
        return get(uuid).map(O::registrations).orElse(List.of());
    }

    /** How many objects of {@code kind} the store holds. */
    public synchronized int count(K kind) {
        return (int) objects.values().stream().filter(o -> o.kind() == kind).count();
    }

    /** Every object, in insertion order. */
    public synchronized List<O> all() {
        return List.copyOf(objects.values());
    }

    /** Forgets every object. */
    public synchronized void clear() {
        objects.clear();
    }

    /** Stores (or replaces) {@code o} under {@code uuid}. */
    synchronized void put(UUID uuid, O o) {
        objects.put(uuid, o);
    }

    /** Removes an object; true when it was there. */
    synchronized boolean remove(UUID uuid) {
        return objects.remove(uuid) != null;
    }

    /** The lock the service holds while it checks and applies one request. */
    Object lock() {
        return this;
    }
}

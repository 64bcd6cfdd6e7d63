package dk.rammearkitektur.clients.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Deduplication} store must do, run by one subclass per store (and per database). Waits are
 * bounded: a store that deadlocks fails here instead of hanging the build.
 */
abstract class DeduplicationContractTest {
    static final long WAIT_SECONDS = 30;

    private ExecutorService threads;
    private Deduplication store;

    /** A fresh, empty store for one test. */
    abstract Deduplication newStore() throws Exception;

    /** Another instance on the same state (a second fagsystem instance), or {@code store} itself for a per-JVM store. */
    abstract Deduplication sameStateElsewhere(Deduplication store) throws Exception;

    @BeforeEach
    void startStore() throws Exception {
        threads = Executors.newCachedThreadPool();
        store = newStore();
    }

    @AfterEach
    void stopThreads() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS), "test threads did not end");
    }

    Deduplication store() {
        return store;
    }

    @Test
    void runsTheWorkOncePerId() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        assertTrue(store.runOnce("a", tx -> runs.incrementAndGet()));
        assertFalse(store.runOnce("a", tx -> runs.incrementAndGet()));
        assertTrue(store.runOnce("b", tx -> runs.incrementAndGet()));
        assertFalse(sameStateElsewhere(store).runOnce("a", tx -> runs.incrementAndGet()));
        assertEquals(2, runs.get());
    }

    @Test
    void failedWorkLeavesNoTraceAndRunsAgain() throws Exception {
        IllegalStateException boom = new IllegalStateException("handler failed");
        assertSame(boom, assertThrows(IllegalStateException.class, () -> store.runOnce("a", tx -> {
            throw boom;
        })));
        Exception checked = new Exception("checked failure");
        assertSame(checked, assertThrows(Exception.class, () -> store.runOnce("a", tx -> {
            throw checked;
        })));
        AtomicInteger runs = new AtomicInteger();
        assertTrue(store.runOnce("a", tx -> runs.incrementAndGet()));
        assertFalse(store.runOnce("a", tx -> runs.incrementAndGet()));
        assertEquals(1, runs.get());
    }

    @Test
    void aSecondCallerWaitsForTheFirstAndThenSkips() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        Future<Boolean> first = threads.submit(() -> store.runOnce("a", tx -> {
            runs.incrementAndGet();
            firstStarted.countDown();
            await(releaseFirst);
        }));
        await(firstStarted);
        Deduplication other = sameStateElsewhere(store);
        Future<Boolean> second = threads.submit(() -> other.runOnce("a", tx -> runs.incrementAndGet()));
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS),
                "the second caller must wait while the first runs");
        releaseFirst.countDown();
        assertTrue(first.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertFalse(second.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(1, runs.get());
    }

    @Test
    void aSecondCallerRunsTheWorkWhenTheFirstFails() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        Future<Boolean> first = threads.submit(() -> store.runOnce("a", tx -> {
            firstStarted.countDown();
            await(releaseFirst);
            throw new IllegalStateException("first handler failed");
        }));
        await(firstStarted);
        Deduplication other = sameStateElsewhere(store);
        AtomicInteger secondRuns = new AtomicInteger();
        Future<Boolean> second = threads.submit(() -> other.runOnce("a", tx -> secondRuns.incrementAndGet()));
        assertThrows(TimeoutException.class, () -> second.get(300, TimeUnit.MILLISECONDS),
                "the second caller must wait while the first runs");
        releaseFirst.countDown();
        Exception failure = assertThrows(Exception.class, () -> first.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof IllegalStateException, failure::toString);
        assertTrue(second.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(1, secondRuns.get());
    }

    @Test
    void concurrentCallersOnTwoInstancesRunEachIdExactlyOnce() throws Exception {
        int threadCount = 6;
        int idCount = 25;
        Deduplication[] instances = {store, sameStateElsewhere(store)};
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        AtomicInteger claimed = new AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(threadCount);
        List<Callable<Void>> callers = new ArrayList<>();
        for (int t = 0; t < threadCount; t++) {
            Deduplication instance = instances[t % instances.length];
            callers.add(() -> {
                start.await(WAIT_SECONDS, TimeUnit.SECONDS);
                for (int i = 0; i < idCount; i++) {
                    String id = "id-" + i;
                    if (instance.runOnce(id, tx -> {
                        runs.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
                        Thread.sleep(1); // widens the window in which a broken store lets a second caller in
                    })) {
                        claimed.incrementAndGet();
                    }
                }
                return null;
            });
        }
        for (Future<Void> caller : threads.invokeAll(callers, WAIT_SECONDS * 4, TimeUnit.SECONDS)) {
            caller.get(); // rethrows a caller's failure; CancellationException when it timed out
        }
        assertEquals(idCount, runs.size());
        runs.forEach((id, count) -> assertEquals(1, count.get(), id));
        assertEquals(idCount, claimed.get());
    }

    static void await(CountDownLatch latch) throws InterruptedException {
        assertTrue(latch.await(WAIT_SECONDS, TimeUnit.SECONDS), "timed out waiting");
    }
}

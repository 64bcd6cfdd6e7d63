package dk.rammearkitektur.clients.digitalpost.memo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    @Test
    void givesArraysOfItsSizeAndReusesWhatWasGivenBack() {
        BufferPool pool = new BufferPool(16, 2);
        byte[] a = pool.take();
        assertEquals(16, a.length);
        byte[] b = pool.take();
        assertNotSame(a, b);
        pool.give(a);
        assertSame(a, pool.take());
    }

    @Test
    void keepsAtMostItsBoundAndNothingOfAnotherSize() {
        BufferPool pool = new BufferPool(8, 2);
        byte[] a = pool.take();
        byte[] b = pool.take();
        byte[] c = pool.take();
        pool.give(a);
        pool.give(b);
        pool.give(c);
        pool.give(new byte[9]);
        Set<byte[]> again = Collections.newSetFromMap(new IdentityHashMap<>());
        again.add(pool.take());
        again.add(pool.take());
        byte[] third = pool.take();
        assertTrue(again.contains(a) && again.contains(b), "the first two given back are kept");
        assertTrue(third != a && third != b && third != c && third.length == 8, "the third was not kept");
    }

    @Test
    void refusesNonPositiveSizes() {
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BufferPool(1, 0));
    }

    @Test
    void neverHandsOneArrayToTwoHoldersAtOnce() throws Exception {
        BufferPool pool = new BufferPool(4, 2);
        Set<byte[]> held = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
        AtomicInteger clashes = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            Future<?>[] runs = new Future<?>[4];
            for (int t = 0; t < runs.length; t++) {
                runs[t] = threads.submit(() -> {
                    for (int i = 0; i < 20_000; i++) {
                        byte[] b = pool.take();
                        if (!held.add(b)) {
                            clashes.incrementAndGet();
                        }
                        held.remove(b);
                        pool.give(b);
                    }
                });
            }
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
            assertTrue(threads.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(0, clashes.get());
    }
}

package dk.rammearkitektur.clients.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random sequences of message ids, some of whose handling fails, against a model: the work runs for an id until it
 * succeeds once and never after, runOnce answers accordingly, and the ids handled are exactly the distinct ids that
 * had at least one successful attempt.
 */
class DeduplicationPropertiesTest {
    private static final AtomicInteger TABLES = new AtomicInteger();

    record Attempt(String id, boolean fails) {
    }

    @Property(tries = 300)
    void inMemoryStoreMatchesTheModel(@ForAll("attempts") List<Attempt> attempts) throws Exception {
        check(InMemoryDeduplication.create(), attempts);
    }

    @Property(tries = 60)
    void jdbcStoreMatchesTheModel(@ForAll("attempts") List<Attempt> attempts, @ForAll JdbcDeduplication.Dialect dialect)
            throws Exception {
        JdbcDeduplication store = JdbcDeduplication.builder(TestDatabases.h2Memory("properties"))
                .table("prop_" + TABLES.incrementAndGet()).dialect(dialect).build();
        store.createTableIfMissing();
        check(store, attempts);
    }

    @Provide
    Arbitrary<List<Attempt>> attempts() {
        return Combinators.combine(Arbitraries.integers().between(0, 7), Arbitraries.integers().between(0, 2))
                .as((id, dice) -> new Attempt("besked-" + id, dice == 0))
                .list().ofMaxSize(30);
    }

    private static void check(Deduplication store, List<Attempt> attempts) throws Exception {
        Set<String> handled = new HashSet<>();
        List<String> succeeded = new ArrayList<>();
        Set<String> expected = new LinkedHashSet<>();
        for (Attempt attempt : attempts) {
            AtomicInteger runs = new AtomicInteger();
            boolean alreadyHandled = handled.contains(attempt.id());
            Deduplication.Work work = tx -> {
                runs.incrementAndGet();
                if (attempt.fails()) {
                    throw new IllegalStateException("handling " + attempt.id() + " failed");
                }
                succeeded.add(attempt.id());
            };
            if (attempt.fails() && !alreadyHandled) {
                assertThrows(IllegalStateException.class, () -> store.runOnce(attempt.id(), work));
            } else {
                assertEquals(!alreadyHandled, store.runOnce(attempt.id(), work), attempt.toString());
            }
            assertEquals(alreadyHandled ? 0 : 1, runs.get(), attempt.toString());
            if (!attempt.fails()) {
                handled.add(attempt.id());
                expected.add(attempt.id());
            }
        }
        assertEquals(new ArrayList<>(expected), succeeded, "each id with a successful attempt ran successfully once");
    }
}

package dk.rammearkitektur.clients.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.SubscriptionResult.Outcome;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The reading of SF6002's open {@code Result} vocabulary. */
class SubscriptionResultPropertyTest {
    private static final Map<String, Outcome> KNOWN = Map.of("ADDED", Outcome.ADDED,
            "ALREADY_EXISTED", Outcome.ALREADY_SUBSCRIBED, "REMOVED", Outcome.REMOVED,
            "NON_EXISTING_PNR", Outcome.NOT_SUBSCRIBED);

    @Provide
    Arbitrary<String> whiteSpace() {
        return Arbitraries.of(" ", "\n", "\t", "\r\n ").list().ofMaxSize(3).map(l -> String.join("", l));
    }

    @Property(tries = 300)
    void knownValuesAreReadWhateverTheWhiteSpace(@ForAll("known") String value, @ForAll("whiteSpace") String before,
            @ForAll("whiteSpace") String after) {
        SubscriptionResult r = SubscriptionResult.of(before + value + after);
        assertEquals(KNOWN.get(value), r.outcome());
        assertEquals(value, r.text());
        assertEquals(r.outcome().name(), r.toString());
        assertEquals(value.equals("ADDED") || value.equals("ALREADY_EXISTED"), r.followed());
    }

    @Provide
    Arbitrary<String> known() {
        return Arbitraries.of(KNOWN.keySet());
    }

    @Property(tries = 500)
    void anyOtherTextIsOtherAndKeptTrimmed(@ForAll String text) {
        SubscriptionResult r = SubscriptionResult.of(text);
        if (KNOWN.containsKey(text.strip())) {
            assertEquals(KNOWN.get(text.strip()), r.outcome());
        } else {
            assertEquals(Outcome.OTHER, r.outcome());
            assertFalse(r.followed());
        }
        assertEquals(text.strip(), r.text());
    }

    @Property(tries = 200)
    void caseMattersAsThePlatformSendsUpperCase(@ForAll("known") String value) {
        assertEquals(Outcome.OTHER, SubscriptionResult.of(value.toLowerCase(java.util.Locale.ROOT)).outcome());
    }

    @Test
    void otherTextIsShownWithCprNumbersMasked() {
        SubscriptionResult r = SubscriptionResult.of("PNR 0101011234 BLOCKED");
        assertEquals(Outcome.OTHER, r.outcome());
        assertEquals("PNR 0101011234 BLOCKED", r.text());
        assertFalse(r.toString().contains("0101011234"), r.toString());
        assertTrue(r.toString().startsWith("OTHER(PNR 010101"), r.toString());
        assertThrows(NullPointerException.class, () -> SubscriptionResult.of(null));
    }
}

package dk.rammearkitektur.clients.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever the builder accepts survives writing and parsing unchanged, bare and in {@code ModtagBeskedInput}; and
 * whatever bytes arrive, the parser either returns a message or throws {@link ValidationException}, nothing else.
 */
class EventMessagePropertyTest {
    @Provide
    Arbitrary<EventMessage> messages() {
        return Envelopes.messages();
    }

    @Property(tries = 300)
    void builderOutputRoundTripsThroughXml(@ForAll("messages") EventMessage m) {
        assertEquals(m, EventMessage.parse(m.toXml()));
        assertEquals(m, EventMessage.parse(m.toModtagBeskedInput()));
    }

    @Property(tries = 200)
    void cprNumbersNeverShowInToString(@ForAll("messages") EventMessage m) {
        assertFalse(dk.rammearkitektur.core.PersonalData.containsCprNumber(m.toString()), m.toString());
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(40), Envelopes.urns().map(u -> u + Arbitraries.strings()
                .ofMaxLength(3).sample()), Envelopes.uuids().map(u -> " " + u + "\t"));
    }

    @Property(tries = 500)
    void theBuilderAcceptsOnlyWhatRoundTrips(@ForAll("anyText") String id, @ForAll("anyText") String type,
            @ForAll("anyText") String version, @ForAll("anyText") String ip) {
        EventMessage m;
        try {
            m = EventMessage.builder().messageId(id).messageType(type).version(version)
                    .delivery(new DeliveryInfo(null, null, null, ip, null, null)).build();
        } catch (ValidationException e) {
            assertTrue(e.violations().stream().allMatch(v -> v.path().startsWith("Haendelsesbesked.")
                    || v.path().equals("Leveranceinformation.KildesystemIPAdresse")), e.getMessage());
            return;
        }
        assertEquals(m, EventMessage.parse(m.toXml()));
    }

    @Provide
    Arbitrary<byte[]> mutated() {
        Arbitrary<byte[]> originals = Arbitraries.oneOf(Arbitraries.just(Samples.kombitLike()),
                Envelopes.messages().map(EventMessage::toXml), Envelopes.messages().map(EventMessage::toModtagBeskedInput));
        return Combinators.combine(originals, Arbitraries.integers().between(0, 3), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8))
                .as(EventMessagePropertyTest::mutate);
    }

    private static byte[] mutate(byte[] original, int kind, double where, double length, byte[] noise) {
        int at = (int) (where * original.length);
        int end = Math.min(original.length, at + 1 + (int) (length * 40));
        return switch (kind) {
            case 0 -> Arrays.copyOf(original, at);
            case 1 -> splice(original, at, at, noise);
            case 2 -> splice(original, at, end, new byte[0]);
            default -> splice(original, at, Math.min(original.length, at + noise.length), noise);
        };
    }

    private static byte[] splice(byte[] original, int from, int to, byte[] insert) {
        byte[] out = new byte[original.length - (to - from) + insert.length];
        System.arraycopy(original, 0, out, 0, from);
        System.arraycopy(insert, 0, out, from, insert.length);
        System.arraycopy(original, to, out, from + insert.length, original.length - to);
        return out;
    }

    @Property(tries = 1000)
    void mutatedBytesGiveAMessageOrAValidationException(@ForAll("mutated") byte[] xml) {
        try {
            EventMessage m = EventMessage.parse(xml);
            assertEquals(m, EventMessage.parse(m.toXml()));
        } catch (ValidationException e) {
            assertFalse(e.violations().isEmpty());
            assertTrue(e.violations().get(0).path().startsWith("Haendelsesbesked")
                    || e.violations().get(0).path().startsWith("ModtagBeskedInput")
                    || e.violations().get(0).path().startsWith("AfsendBeskedInput"), e.getMessage());
        }
    }
}

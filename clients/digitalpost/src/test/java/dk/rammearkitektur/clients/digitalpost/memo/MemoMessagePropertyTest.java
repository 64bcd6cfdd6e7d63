package dk.rammearkitektur.clients.digitalpost.memo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.memo.MemoGenerator.Fault;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;

/** Generated messages: valid ones round-trip and match the published XSDs; invalid ones are refused with a path. */
public class MemoMessagePropertyTest {

    /** A generated message and how it was made, for readable counterexamples. */
    public record Generated(MemoVersion version, MessageType type, Fault fault, long seed) {
        public MemoMessage build() {
            return new MemoGenerator(seed, version, type, fault).message();
        }
    }

    @Provide
    public Arbitrary<Generated> validMessages() {
        return Combinators.combine(Arbitraries.of(MemoVersion.class), Arbitraries.of(MessageType.class), Arbitraries.longs())
                .as((v, t, seed) -> new Generated(v, t, Fault.NONE, seed));
    }

    @Provide
    Arbitrary<Generated> invalidMessages() {
        List<Fault> faults = Arrays.stream(Fault.values()).filter(f -> f != Fault.NONE).collect(Collectors.toList());
        return Combinators.combine(Arbitraries.of(MemoVersion.class), Arbitraries.of(MessageType.class), Arbitraries.of(faults),
                        Arbitraries.longs())
                .as(Generated::new)
                .filter(g -> g.fault().appliesTo(g.version(), g.type()));
    }

    @Property(tries = 1000)
    void validMessagesRoundTripLosslessly(@ForAll("validMessages") Generated g) throws IOException {
        MemoMessage m = g.build();
        byte[] xml = MemoXml.toBytes(m);
        MemoMessage back = MemoXml.read(new ByteArrayInputStream(xml));
        assertEquals(m, back);
        assertEquals(m.toString(), back.toString());
    }

    @Property(tries = 1000)
    @AddLifecycleHook(MemoSchemas.SkipWithoutSchemas.class)
    void validMessagesMatchThePublishedSchema(@ForAll("validMessages") Generated g) {
        MemoMessage m = g.build();
        MemoSchemas.validate(m.version(), MemoXml.toBytes(m));
    }

    @Property(tries = 1000)
    void invalidMessagesAreRefusedWithTheFieldPath(@ForAll("invalidMessages") Generated g) {
        ValidationException e = assertThrows(ValidationException.class, g::build, g.fault().name());
        List<String> paths = e.violations().stream().map(Violation::path).collect(Collectors.toList());
        assertTrue(paths.contains(g.fault().path), g.fault() + " expected " + g.fault().path + " in " + paths);
        assertTrue(paths.stream().allMatch(p -> p.equals("message") || p.startsWith("message.")), paths.toString());
        assertTrue(e.getMessage().contains(g.fault().path + ": "), e.getMessage());
        assertFalse(e.violations().stream().anyMatch(v -> v.rule().isBlank()));
    }

    @Example
    void everyFaultIsRefusedWithItsPathInEveryVersionAndTypeItAppliesTo() {
        for (Fault fault : Fault.values()) {
            if (fault == Fault.NONE) {
                continue;
            }
            int applicable = 0;
            for (MemoVersion version : MemoVersion.values()) {
                for (MessageType type : MessageType.values()) {
                    if (!fault.appliesTo(version, type)) {
                        continue;
                    }
                    applicable++;
                    for (long seed = 1; seed <= 3; seed++) {
                        invalidMessagesAreRefusedWithTheFieldPath(new Generated(version, type, fault, seed));
                    }
                }
            }
            assertTrue(applicable > 0, fault + " applies to no version and type");
        }
    }
}

package dk.rammearkitektur.sso.privileges;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.model.KleNumber;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class KleConstraintTest {
    /** Two-digit parts from a small range, so that generated codes and values share prefixes often. */
    private static Arbitrary<String> part() {
        return Arbitraries.integers().between(0, 3).map(i -> String.format("%02d", i));
    }

    @Provide
    Arbitrary<String> codes() {
        return part().list().ofMinSize(1).ofMaxSize(3).map(ps -> String.join(".", ps));
    }

    @Provide
    Arbitrary<List<String>> values() {
        Arbitrary<String> prefix = part().list().ofMinSize(1).ofMaxSize(2).map(ps -> String.join(".", ps) + ".*");
        return Arbitraries.oneOf(codes(), prefix, Arbitraries.just(KleConstraint.MATCHES_NOTHING)).list().ofMinSize(1)
                .ofMaxSize(3);
    }

    @Property(tries = 2000)
    void coversAgreesWithTextualPrefixes(@ForAll("codes") String code, @ForAll("values") List<String> values,
            @ForAll boolean withFacet) {
        KleNumber kle = KleNumber.of(code, withFacet ? "G01" : null);
        boolean expected = false;
        for (String v : values) {
            if (v.equals("99.99.99")) {
                continue;
            }
            // a prefix "a.b.*" covers "a.b" and "a.b.<anything>"; anything else only itself
            expected |= v.endsWith(".*") ? (code + ".").startsWith(v.substring(0, v.length() - 1)) : code.equals(v);
        }
        boolean covers = new KleConstraint(values).covers(kle);
        Statistics.label("covers").collect(covers);
        assertEquals(expected, covers, code + " in " + values);
        Statistics.label("covers").coverage(c -> {
            c.check(true).percentage(p -> p > 5);
            c.check(false).percentage(p -> p > 5);
        });
    }
}

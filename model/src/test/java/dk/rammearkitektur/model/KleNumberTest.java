package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.ValidationException;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KleNumberTest {
    @Provide
    Arbitrary<String> kleTexts() {
        Arbitrary<String> pair = Arbitraries.integers().between(0, 99).map(i -> String.format("%02d", i));
        Arbitrary<String> number = Combinators.combine(pair, pair, pair, Arbitraries.integers().between(1, 3))
                .as((a, b, c, level) -> level == 1 ? a : level == 2 ? a + "." + b : a + "." + b + "." + c);
        Arbitrary<String> facet = Combinators.combine(Arbitraries.chars().range('A', 'Z'), Arbitraries.integers().between(0, 99))
                .as((l, n) -> l + String.format("%02d", n));
        return Combinators.combine(number, facet.injectNull(0.5)).as((n, f) -> f == null ? n : n + " " + f);
    }

    @Property(tries = 300)
    void parseToStringRoundTrip(@ForAll("kleTexts") String text) {
        KleNumber kle = KleNumber.parse(text);
        assertEquals(text, kle.toString());
        assertEquals(kle, KleNumber.parse(kle.toString()));
    }

    @Test
    void parts() {
        KleNumber kle = KleNumber.parse("27.24.00 G01");
        assertEquals("27.24.00", kle.number());
        assertEquals(Optional.of("G01"), kle.facet());
        assertEquals(3, kle.level());
        assertEquals(2, KleNumber.parse("27.24").level());
        assertEquals(1, KleNumber.parse("27").level());
        assertEquals(KleNumber.parse("27.24.00"), kle.withFacet(null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2", "27.2", "27.24.00.00", "27-24", "27.24.00 g01", "27.24.00 G1", "27.24.00  G01", "27.24.00 "})
    void refusesMalformed(String text) {
        assertEquals("kle", assertThrows(ValidationException.class, () -> KleNumber.parse(text)).violations().get(0).path());
    }

    @Test
    void typedIdsDoNotMix() {
        UUID uuid = UUID.randomUUID();
        assertNotEquals((Object) CaseId.of(uuid), DocumentId.of(uuid));
        assertEquals(CaseId.of(uuid), CaseId.parse(uuid.toString()));
        assertEquals("id", assertThrows(ValidationException.class, () -> PartyId.parse("not-a-uuid")).violations().get(0).path());
        assertThrows(ValidationException.class, () -> BenefitId.parse("1-1-1-1-1"));
    }
}

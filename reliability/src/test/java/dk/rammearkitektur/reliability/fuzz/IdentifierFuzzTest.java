package dk.rammearkitektur.reliability.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.PNumber;
import dk.rammearkitektur.testkit.model.ModelArbitraries;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The identifier parsers (CPR, CVR, P-number, KLE, case id) fed arbitrary strings and mutated valid numbers: each
 * input is either accepted, and then its canonical form parses to the same value, or refused with a
 * {@link ValidationException} at the identifier's path; never another exception, never an unmasked CPR number in
 * the message. The model's own tests cover the rules (century table, modulus 11, single-digit changes).
 */
class IdentifierFuzzTest {

    private static <T> void check(String input, String path, Function<String, T> parse, Function<T, String> canonical) {
        T parsed;
        try {
            parsed = parse.apply(input);
        } catch (ValidationException e) {
            assertEquals(path, e.violations().get(0).path(), e.getMessage());
            assertFalse(PersonalData.containsCprNumber(e.getMessage()), e.getMessage());
            return;
        } catch (RuntimeException e) {
            throw new AssertionError("not a ValidationException for " + describe(input) + ": " + e, e);
        }
        assertEquals(parsed, parse.apply(canonical.apply(parsed)), "canonical form parses to the same value");
    }

    private static String describe(String s) {
        StringBuilder b = new StringBuilder("\"");
        s.codePoints().forEach(c -> b.append(c >= ' ' && c < 127 ? Character.toString(c) : String.format("\\u%04x", c)));
        return b.append('"').toString();
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(16),
                Arbitraries.strings().withChars("0123456789- .\t٣０").ofMaxLength(14),
                Arbitraries.strings().numeric().ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(2000));
    }

    private static Arbitrary<String> mutated(Arbitrary<String> valid) {
        return net.jqwik.api.Combinators.combine(valid, Mutation.some()).as((v, m) -> Mutation.applyAll(m, v));
    }

    @Property(tries = 1000)
    void cprFromArbitraryText(@ForAll("anyText") String text) {
        check(text, "cpr", Cpr::parse, Cpr::value);
    }

    @Property(tries = 1000)
    void cprFromMutatedNumbers(@ForAll("mutatedCprs") String text) {
        check(text, "cpr", Cpr::parse, Cpr::value);
    }

    @Provide
    Arbitrary<String> mutatedCprs() {
        return mutated(Arbitraries.oneOf(ModelArbitraries.cprs().map(Cpr::value),
                ModelArbitraries.cprs().map(c -> c.value().substring(0, 6) + "-" + c.value().substring(6))));
    }

    @Property(tries = 1000)
    void cvrFromArbitraryAndMutatedText(@ForAll("cvrInputs") String text) {
        check(text, "cvr", Cvr::parse, Cvr::value);
    }

    @Provide
    Arbitrary<String> cvrInputs() {
        return Arbitraries.oneOf(anyText(), mutated(ModelArbitraries.cvrs().map(Cvr::value)));
    }

    @Property(tries = 500)
    void pNumberFromArbitraryAndMutatedText(@ForAll("pNumberInputs") String text) {
        check(text, "pNumber", PNumber::parse, PNumber::value);
    }

    @Provide
    Arbitrary<String> pNumberInputs() {
        return Arbitraries.oneOf(anyText(), mutated(ModelArbitraries.pNumbers().map(PNumber::value)));
    }

    @Property(tries = 500)
    void kleFromArbitraryAndMutatedText(@ForAll("kleInputs") String text) {
        check(text, "kle", KleNumber::parse, KleNumber::toString);
    }

    @Provide
    Arbitrary<String> kleInputs() {
        return Arbitraries.oneOf(anyText(), mutated(ModelArbitraries.kleNumbers().map(KleNumber::toString)));
    }

    @Property(tries = 500)
    void caseIdFromArbitraryAndMutatedText(@ForAll("caseIdInputs") String text) {
        check(text, "id", CaseId::parse, id -> id.value().toString());
    }

    @Provide
    Arbitrary<String> caseIdInputs() {
        return Arbitraries.oneOf(anyText(), mutated(ModelArbitraries.caseIds().map(id -> id.value().toString())));
    }

    @Property(tries = 10)
    void nullIsAValidationException(@ForAll("parsers") Function<String, Object> parse) {
        try {
            parse.apply(null);
            throw new AssertionError("null accepted");
        } catch (ValidationException e) {
            assertFalse(e.violations().isEmpty());
        }
    }

    @Provide
    Arbitrary<Function<String, Object>> parsers() {
        return Arbitraries.of(List.<Function<String, Object>>of(Cpr::parse, Cvr::parse, PNumber::parse,
                KleNumber::parse, CaseId::parse));
    }
}

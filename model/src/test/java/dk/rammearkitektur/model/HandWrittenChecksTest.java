package dk.rammearkitektur.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.core.ValidationException;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The identifiers and value types check their formats by hand (for speed); these properties compare each check with
 * the regular expression it implements, on strings built mostly from the characters that matter.
 */
class HandWrittenChecksTest {
    private static boolean accepts(Consumer<String> check, String s) {
        try {
            check.accept(s);
            return true;
        } catch (ValidationException e) {
            return false;
        }
    }

    private static Arbitrary<String> from(String alphabet, int maxLength) {
        return Arbitraries.oneOf(Arbitraries.strings().withChars(alphabet).ofMaxLength(maxLength),
                Arbitraries.strings().ofMaxLength(maxLength));
    }

    @Provide
    Arbitrary<String> emailish() {
        return from("ab.@ \t-", 12);
    }

    @Provide
    Arbitrary<String> phoneish() {
        return from("0123456789 +", 24);
    }

    @Provide
    Arbitrary<String> mediaTypeish() {
        return from("az09/+.-!#$&^_A", 12);
    }

    @Provide
    Arbitrary<String> uuidish() {
        return Arbitraries.oneOf(Arbitraries.create(UUID::randomUUID).map(UUID::toString)
                .flatMap(u -> Arbitraries.integers().between(0, 35).flatMap(i -> Arbitraries.of('-', 'g', 'A', 'f', '0', 'x')
                        .map(c -> u.substring(0, i) + c + u.substring(i + 1)))), from("0a-F", 40));
    }

    @Provide
    Arbitrary<String> kleish() {
        return from("0123456789. G", 12);
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(8),
                Arbitraries.strings().withChars("a\t\n\r\u0000\u001f\uD800\uDC00\uDBFF\uDFFF\uFFFE\uFFFF\uFFFD\uE000").ofMaxLength(6));
    }

    /** XML 1.0 Char production restricted as the model restricts it, written independently with code points. */
    private static boolean legalByCodePoints(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            boolean ok = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Property(tries = 1000)
    void legalTextIsXmlCharWithoutControls(@ForAll("anyText") String s) {
        assertEquals(legalByCodePoints(s), dk.rammearkitektur.model.internal.Checks.isLegalText(s), s);
    }

    @Property(tries = 1000)
    void emailMatchesRegex(@ForAll("emailish") String s) {
        Pattern regex = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
        boolean expected = !s.isBlank() && regex.matcher(s).matches();
        assertEquals(expected, accepts(x -> ContactDetails.of(x, null), s), s);
    }

    @Property(tries = 1000)
    void phoneMatchesRegex(@ForAll("phoneish") String s) {
        boolean expected = Pattern.compile("\\+?[0-9][0-9 ]{6,18}[0-9]").matcher(s).matches();
        assertEquals(expected, accepts(x -> ContactDetails.of(null, x), s), s);
    }

    @Property(tries = 1000)
    void mediaTypeMatchesRegex(@ForAll("mediaTypeish") String s) {
        boolean expected = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}").matcher(s).matches();
        assertEquals(expected, accepts(x -> DocumentPart.of("n", x, 0, "0".repeat(64)), s), s);
    }

    @Property(tries = 1000)
    void uuidMatchesRegex(@ForAll("uuidish") String s) {
        boolean expected = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}").matcher(s).matches();
        assertEquals(expected, accepts(CaseId::parse, s), s);
    }

    @Property(tries = 1000)
    void kleMatchesRegex(@ForAll("kleish") String s) {
        boolean expected = Pattern.compile("\\d{2}(\\.\\d{2}){0,2}( [A-Z]\\d{2})?").matcher(s).matches()
                && s.chars().allMatch(c -> c < 128);
        assertEquals(expected, accepts(KleNumber::parse, s), s);
    }
}

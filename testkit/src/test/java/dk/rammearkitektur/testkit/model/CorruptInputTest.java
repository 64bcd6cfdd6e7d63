package dk.rammearkitektur.testkit.model;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.XmlSecurityException;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseParty;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.json.RammearkitekturJson;
import dk.rammearkitektur.model.xml.ModelXml;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Corrupted JSON and XML never escape as anything but the SDK's own exceptions (no NPE, no Jackson or JAXB
 * exception), and the messages never contain a CPR number from the input.
 */
class CorruptInputTest {
    /** A position (as a fraction of the length), an edit kind and a replacement text. */
    record Edit(double at, int kind, String text) {
        String apply(String s) {
            int i = (int) (at * s.length());
            int j = Math.min(s.length(), i + 1 + text.length());
            switch (kind) {
                case 0:
                    return s.substring(0, i) + text + s.substring(i);
                case 1:
                    return s.substring(0, i) + s.substring(j);
                case 2:
                    return s.substring(0, i) + text + s.substring(j);
                default:
                    return s.substring(0, i);
            }
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        return ModelArbitraries.cases();
    }

    @Provide
    Arbitrary<List<Edit>> edits() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of("", "\"", "{", "}", "[", "]", ",", ":", "null", "0", "-1", "1e400",
                "<", ">", "/", "&", "<!DOCTYPE x>", "<x/>", "\u0000", "\uD800", "true", "\"kind\":\"case\""),
                Arbitraries.strings().ofMaxLength(4));
        return Combinators.combine(Arbitraries.doubles().between(0, 1), Arbitraries.integers().between(0, 3), text)
                .as(Edit::new).list().ofMinSize(1).ofMaxSize(3);
    }

    private static String corrupt(String s, List<Edit> edits) {
        String out = s;
        for (Edit e : edits) {
            out = e.apply(out);
        }
        return out;
    }

    private static void assertNoCpr(Case c, RammearkitekturException e) {
        for (CaseParty p : c.parties()) {
            if (p.party() instanceof Person person) {
                assertFalse(String.valueOf(e.getMessage()).contains(person.cpr().value()), e.getMessage());
            }
        }
    }

    @Property(tries = 500)
    void corruptJsonYieldsValidationException(@ForAll("cases") Case c, @ForAll("edits") List<Edit> edits) {
        String json = corrupt(RammearkitekturJson.write(c), edits);
        try {
            RammearkitekturJson.read(json, Case.class);
            Statistics.collect("read");
        } catch (ValidationException e) {
            Statistics.collect("refused");
            assertNoCpr(c, e);
        }
    }

    @Property(tries = 300)
    void corruptXmlYieldsOurExceptions(@ForAll("cases") Case c, @ForAll("edits") List<Edit> edits) {
        String xml = corrupt(ModelXml.writeString(c), edits);
        try {
            ModelXml.read(xml.getBytes(StandardCharsets.UTF_8), Case.class);
            Statistics.collect("read");
        } catch (ValidationException | XmlParseException | XmlSecurityException e) {
            Statistics.collect(e.getClass().getSimpleName());
            assertNoCpr(c, e);
        }
    }
}

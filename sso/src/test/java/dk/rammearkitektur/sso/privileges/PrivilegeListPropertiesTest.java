package dk.rammearkitektur.sso.privileges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dk.rammearkitektur.core.RammearkitekturException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

class PrivilegeListPropertiesTest {

    @Provide
    Arbitrary<PrivilegeList> lists() {
        return PrivilegeArbitraries.lists();
    }

    @Property(tries = 500)
    void writeThenParseGivesTheSameList(@ForAll("lists") PrivilegeList list, @ForAll BppNamespace ns) {
        PrivilegeList viaBase64 = PrivilegeList.parse(list.toBase64(ns));
        assertEquals(list, viaBase64);
        assertEquals(ns, viaBase64.namespace());
        assertEquals(list, PrivilegeList.parseXml(list.toXml(ns)));
        assertEquals(list.toXml(ns), viaBase64.toXml());
    }

    @Property(tries = 300)
    void constraintsBeforePrivilegesAndSpacedCommasReadTheSame(@ForAll("lists") PrivilegeList list, @ForAll BppNamespace ns) {
        // Rewrite every group with its constraints first and ", " between values.
        StringBuilder b = new StringBuilder("<bpp:PrivilegeList xmlns:bpp=\"" + ns.uri() + "\">\n");
        for (PrivilegeGroup g : list.groups()) {
            b.append(" <PrivilegeGroup Scope=\"").append(g.scope().uri()).append("\">\n");
            for (DataConstraint c : g.constraints()) {
                b.append("  <Constraint Name=\"").append(c.name()).append("\"> ").append(String.join(" , ", c.values()))
                        .append("\n</Constraint>\n");
            }
            for (String p : g.privileges()) {
                b.append("  <Privilege>\n").append(escape(p)).append(" </Privilege>\n");
            }
            b.append(" </PrivilegeGroup>\n");
        }
        b.append("</bpp:PrivilegeList>");
        assertEquals(list, PrivilegeList.parseXml(b.toString()));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    // --- fuzzing: nothing but the SDK's exceptions -------------------------------------------------------------------

    @Provide
    Arbitrary<String> mutatedDocuments() {
        Arbitrary<String> valid = PrivilegeArbitraries.lists().flatMap(l -> Arbitraries.of(BppNamespace.values()).map(l::toXml));
        return Combinators.combine(valid, Arbitraries.integers().between(0, 1_000_000),
                Arbitraries.integers().between(1, 40),
                Arbitraries.of("", "<", ">", "&", "&x;", "\"", "<!DOCTYPE a>", "]]>", "<PrivilegeGroup>", "</PrivilegeGroup>",
                        "<Constraint Name=\"http://sts.kombit.dk/constraints/KLE/1\">", ",", "\u0000", "\uD800", "é",
                        "urn:dk:gov:saml:cprNumberIdentifier:0101901234", "xmlns:bpp=\"x\"", "Scope=\"\""))
                .as((doc, at, cut, insert) -> {
                    int i = at % (doc.length() + 1);
                    int j = Math.min(doc.length(), i + (cut % 3 == 0 ? 0 : cut));
                    return doc.substring(0, i) + insert + doc.substring(j);
                });
    }

    @Property(tries = 2000)
    void mutatedXmlFailsOnlyWithTypedExceptions(@ForAll("mutatedDocuments") String xml) {
        String outcome = outcome(() -> PrivilegeList.parseXml(xml));
        Statistics.label("outcome").collect(outcome);
        assertNotNull(outcome);
        Statistics.label("outcome").coverage(c -> {
            c.check("parsed").percentage(p -> p > 1);
            c.check("ValidationException").percentage(p -> p > 1);
            c.check("XmlParseException").percentage(p -> p > 1);
        });
    }

    @Property(tries = 1000)
    void mutatedBase64FailsOnlyWithTypedExceptions(@ForAll("mutatedDocuments") String xml) {
        String b64 = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
        String outcome = outcome(() -> PrivilegeList.parse(b64));
        Statistics.label("outcome").collect(outcome);
        assertNotNull(outcome);
    }

    @Property(tries = 1000)
    void arbitraryTextFailsOnlyWithTypedExceptions(@ForAll String text) {
        assertNotNull(outcome(() -> PrivilegeList.parse(text)));
        assertNotNull(outcome(() -> PrivilegeList.parseXml(text)));
    }

    @Property(tries = 1000)
    void arbitraryBytesFailOnlyWithTypedExceptions(@ForAll byte[] bytes) {
        assertNotNull(outcome(() -> PrivilegeList.parseXml(bytes)));
        assertNotNull(outcome(() -> PrivilegeList.parse(Base64.getEncoder().encodeToString(bytes))));
    }

    /** Runs the parse; a RammearkitekturException is an expected outcome, anything else fails the property. */
    private static String outcome(Runnable parse) {
        try {
            parse.run();
            return "parsed";
        } catch (RammearkitekturException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                throw new AssertionError("a typed exception without a message", e);
            }
            if (e.getMessage().contains("0101901234")) {
                throw new AssertionError("a CPR number in a message: " + e.getMessage(), e);
            }
            return e.getClass().getSimpleName();
        }
    }
}

package dk.rammearkitektur.reliability.fuzz;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * One edit of a text: positions are fractions of its length, so the same edit applies to any input and shrinks well.
 *
 * @param kind what the edit does
 * @param from where it starts, 0 to 1
 * @param to where it ends (for ranges), 0 to 1
 * @param text what is inserted, where the edit inserts
 */
record Mutation(Kind kind, double from, double to, String text) {

    /** What an edit does. */
    enum Kind { DELETE, INSERT, REPLACE, DUPLICATE, TRUNCATE, SWAP_HALVES, REPEAT }

    /** Fragments that break XML, JSON, encodings and parsers' assumptions. */
    static final List<String> NASTY = List.of("<", ">", "&", "&amp;", "&#0;", "&#xD800;", "]]>", "<![CDATA[", "\"", "'",
            "<!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>", "&e;", "<?xml version='1.0'?>", "\u0000", "\uFFFE",
            "\uD800", "é", "\u202E", "-", "0101901234", "99999999999999999999999999", "-1", "NaN", "null", "{", "}",
            "[", "]", ":", ",", "xmlns:a='urn:x'", "<a:b/>", "</", "/>", "=", " ", "\t", "\r\n", "T25:61:61Z",
            "9999-99-99", "1970-01-01T00:00:00Z");

    /** A single edit. */
    static Arbitrary<Mutation> any() {
        Arbitrary<String> texts = Arbitraries.oneOf(Arbitraries.of(NASTY),
                Arbitraries.strings().ofMaxLength(12), Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40));
        return Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.doubles().between(0, 1),
                Arbitraries.doubles().between(0, 1), texts).as(Mutation::new);
    }

    /** Between one and four edits. */
    static Arbitrary<List<Mutation>> some() {
        return any().list().ofMinSize(1).ofMaxSize(4);
    }

    /** Applies every edit in order. */
    static String applyAll(List<Mutation> edits, String text) {
        String s = text;
        for (Mutation m : edits) {
            s = m.apply(s);
        }
        return s;
    }

    /** This edit applied to {@code s}. */
    String apply(String s) {
        int n = s.length();
        int a = (int) Math.floor(Math.min(from, to) * n);
        int b = (int) Math.floor(Math.max(from, to) * n);
        b = Math.min(b, Math.min(n, a + 200));
        return switch (kind) {
            case DELETE -> s.substring(0, a) + s.substring(b);
            case INSERT -> s.substring(0, a) + text + s.substring(a);
            case REPLACE -> s.substring(0, a) + text + s.substring(b);
            case DUPLICATE -> s.substring(0, b) + s.substring(a, b) + s.substring(b);
            case TRUNCATE -> s.substring(0, a);
            case SWAP_HALVES -> s.substring(n / 2) + s.substring(0, n / 2);
            case REPEAT -> s.substring(0, a) + text.repeat(50) + s.substring(a);
        };
    }
}

package dk.rammearkitektur.clients.digitalpost.memo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.memo.MemoGenerator.Fault;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.KombiXml;
import dk.rammearkitektur.clients.digitalpost.KombiXmlTest;

/** Generated messages on the wire: damaged XML is refused by the reader with the field path; kombi requests round-trip. */
class MemoXmlPropertyTest {

    /** A way to damage a valid message's XML and the path the reader must name. */
    enum Damage {
        UUID_VERSION_1("message.header.messageUuid"),
        DATE_WITH_OFFSET("message.body.createdDateTime"),
        FILENAME_WITH_PIPE("message.body.mainDocument.files[0].filename"),
        LABEL_REMOVED("message.header.label"),
        BASE64_BROKEN("message.body.mainDocument.files[0].content"),
        LANGUAGE_TOO_LONG("message.body.mainDocument.files[0].language");

        final String path;

        Damage(String path) {
            this.path = path;
        }

        String apply(String xml) {
            switch (this) {
                case UUID_VERSION_1:
                    return replaceFirstElement(xml, "messageUUID", "8c2b0c8e-2f8e-1c5a-9d3b-3f1f8a7e2b10");
                case DATE_WITH_OFFSET:
                    return replaceFirstElement(xml, "createdDateTime", "2025-03-03T10:00:00+01:00");
                case FILENAME_WITH_PIPE:
                    return replaceFirstElement(xml, "filename", "a|b.pdf");
                case LABEL_REMOVED: {
                    int start = xml.indexOf("<memo:label>");
                    int header = xml.indexOf("<memo:Sender>");
                    int end = xml.indexOf("</memo:label>", start) + "</memo:label>".length();
                    assertTrue(start > 0 && start < header, "the header's label comes before the sender");
                    return xml.substring(0, start) + xml.substring(end);
                }
                case BASE64_BROKEN:
                    return replaceFirstElement(xml, "content", "QUJD*");
                default:
                    return replaceFirstElement(xml, "language", "dan");
            }
        }

        private static String replaceFirstElement(String xml, String name, String value) {
            String open = "<memo:" + name + ">";
            int start = xml.indexOf(open);
            int end = xml.indexOf("</memo:" + name + ">", start);
            assertTrue(start >= 0 && end > start, name + " present");
            return xml.substring(0, start + open.length()) + value + xml.substring(end);
        }
    }

    @Provide
    Arbitrary<MemoMessagePropertyTest.Generated> letters() {
        return Combinators.combine(Arbitraries.of(MemoVersion.class), Arbitraries.longs())
                .as((v, seed) -> new MemoMessagePropertyTest.Generated(v, MessageType.DIGITALPOST, Fault.NONE, seed));
    }

    @Property(tries = 300)
    void damagedXmlIsRefusedWithTheFieldPath(@ForAll("letters") MemoMessagePropertyTest.Generated g, @ForAll Damage damage) {
        String xml = new String(MemoXml.toBytes(g.build()), StandardCharsets.UTF_8);
        String bad = damage.apply(xml);
        ValidationException e = assertThrows(ValidationException.class,
                () -> MemoXml.read(new ByteArrayInputStream(bad.getBytes(StandardCharsets.UTF_8))), damage.name());
        List<String> paths = e.violations().stream().map(Violation::path).collect(Collectors.toList());
        assertTrue(paths.contains(damage.path), damage + " expected " + damage.path + " in " + paths);
    }

    @Provide
    Arbitrary<MemoMessagePropertyTest.Generated> anyMessages() {
        return new MemoMessagePropertyTest().validMessages();
    }

    @Property(tries = 300)
    void kombiRequestsRoundTrip(@ForAll("anyMessages") MemoMessagePropertyTest.Generated g, @ForAll boolean withPrint)
            throws IOException {
        MemoMessage m = g.build();
        KombiRequest k = m.isNemSms() ? KombiRequest.nemSms(m)
                : withPrint ? KombiRequest.automatic(m, KombiXmlTest.print()) : KombiRequest.digitalPost(m);
        KombiRequest back = KombiXml.read(new ByteArrayInputStream(KombiXml.toBytes(k)), FileContentSink.inMemory());
        assertEquals(k, back);
    }
}

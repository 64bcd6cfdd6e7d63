package dk.rammearkitektur.testkit.digitalpost.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.KombiXml;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.core.RammearkitekturException;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.Arrays;
import javax.xml.stream.XMLStreamException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.w3c.dom.Element;

class KombiReaderTest {
    private static byte[] request(byte[] pdf, boolean automatic) {
        MemoMessage m = MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).label("Brev")
                        .sender(Sender.cvr("29189846", "Kommune").build()).recipient(Recipient.cpr("0101901234").build()).build())
                .body(MessageBody.builder(Instant.parse("2026-11-25T09:00:00Z"),
                        MainDocument.of("Brev", MemoFile.pdf("brev.pdf", pdf))).build())
                .build();
        KombiRequest r = automatic ? KombiRequest.automatic(m, PrintShipment.builder("s-1", FileContent.ofBytes(pdf))
                .cpr("0101901234").title("Brev").build()) : KombiRequest.digitalPost(m);
        return KombiXml.toBytes(r);
    }

    @Property(tries = 300)
    void contentIsDecodedOnTheFlyAndReplacedByAPlaceholder(@ForAll @Size(max = 4000) byte[] pdf, @ForAll boolean automatic)
            throws Exception {
        KombiReader.Parsed p = new KombiReader(Long.MAX_VALUE).read(new ByteArrayInputStream(request(pdf, automatic)), "X");
        assertTrue(p.problems().isEmpty());
        assertEquals(automatic ? "Automatisk Valg" : "Digital Post", p.channelCode());
        Element content = MemoChecks.first(p.memo(), "content");
        assertEquals(KombiReader.PLACEHOLDER, content.getTextContent());
        Base64Stream s = p.contents().get(content);
        assertNull(s.finish());
        assertTrue(Arrays.equals(pdf, s.bytesIfComplete()));
        assertEquals(automatic, p.print() != null);
        if (automatic) {
            assertEquals(pdf.length, p.contents().get(MemoChecks.first(p.print(), "MeddelelseIndholdData")).size());
        }
        assertTrue(MemoChecks.memo(p.memo(), false).isEmpty(), MemoChecks.memo(p.memo(), false).toString());
    }

    @Property(tries = 300)
    void anyDamagedRequestGivesAParseErrorOrProblemsNeverAnotherException(@ForAll @IntRange(min = 0, max = 2000) int cut,
            @ForAll @IntRange(min = 0, max = 2000) int at, @ForAll byte garbage) {
        byte[] full = request(new byte[300], true);
        byte[] damaged = Arrays.copyOf(full, Math.min(cut + 100, full.length));
        if (at < damaged.length) {
            damaged[at] = garbage;
        }
        try {
            KombiReader.Parsed p = new KombiReader(1000).read(new ByteArrayInputStream(damaged), "X");
            assertNotNull(p.problems());
        } catch (XMLStreamException | RammearkitekturException expected) {
            assertNotNull(expected.getMessage());
        }
    }

    @Property(tries = 200)
    void forbiddenFilenameCharactersAreFound(@ForAll @IntRange(min = 0, max = 0xFFFF) int c) {
        String name = "a" + (char) c + "b.pdf";
        boolean expected = "<>:\"/\\|?*\r\n\u00a0\u2028\u205f\u2060\u3000".indexOf(c) >= 0 || (c >= 0x2000 && c <= 0x200a);
        assertEquals(expected, MemoChecks.forbiddenFilename(name), Integer.toHexString(c));
    }
}

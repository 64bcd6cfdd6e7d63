package dk.rammearkitektur.clients.digitalpost.memo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The writer's pooled buffers: a write nested in another (from a file's content stream) and repeated writes agree. */
class MemoXmlBufferReuseTest {

    private static MemoMessage letter(FileContent content) {
        return MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).messageUuid(MemoSamples.MESSAGE_UUID).label("Brev")
                        .mandatory(false).legalNotification(false)
                        .sender(Sender.cvr("29189846", "Aarhus Kommune").build())
                        .recipient(Recipient.cpr(MemoSamples.CPR).build()).build())
                .body(MessageBody.builder(MemoSamples.CREATED,
                        MainDocument.of("Brev", MemoFile.of(MemoFile.PDF, "brev.pdf", "da", content))).build())
                .build();
    }

    @Test
    void aWriteNestedInAnotherUsesItsOwnBuffers() {
        byte[] pdf = new byte[300_001];
        new Random(7).nextBytes(pdf);
        byte[] inner = MemoXml.toBytes(letter(FileContent.ofBytes(pdf)));
        byte[] expected = MemoXml.toBytes(letter(FileContent.ofBytes(inner)));
        byte[] nested = MemoXml.toBytes(letter(FileContent.ofStream(() -> {
            byte[] again = MemoXml.toBytes(letter(FileContent.ofBytes(pdf)));
            return new ByteArrayInputStream(again);
        })));
        assertArrayEquals(expected, nested);
    }

    @Test
    void repeatedWritesOfDifferentSizesGiveTheSameBytes() {
        Random random = new Random(11);
        for (int size : new int[] {0, 1, 2, 3, 98_303, 98_304, 98_305, 250_000, 65_536, 10}) {
            byte[] pdf = new byte[size];
            random.nextBytes(pdf);
            MemoMessage m = letter(FileContent.ofBytes(pdf));
            byte[] first = MemoXml.toBytes(m);
            byte[] second = MemoXml.toBytes(m);
            assertArrayEquals(first, second, "size " + size);
            try {
                MemoMessage back = MemoXml.read(new ByteArrayInputStream(first));
                assertArrayEquals(pdf, back.body().mainDocument().files().get(0).content().readAllBytes(), "size " + size);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}

package dk.rammearkitektur.clients.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.internal.BodyLength;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessagePropertyTest;

/**
 * The body length announced in {@code Content-Length} is the length of the body the writer then produces, for
 * content of known size (counted without reading) and of unknown size (read once in the dry run).
 */
class BodyLengthPropertyTest {

    @Property(tries = 60)
    void theDryRunCountsExactlyWhatIsWritten(@ForAll("messages") MemoMessagePropertyTest.Generated g) throws IOException {
        MemoMessage m = g.build();
        KombiRequest k = m.isNemSms() ? KombiRequest.nemSms(m) : KombiRequest.digitalPost(m);
        assertEquals(KombiXml.toBytes(k).length, BodyLength.of(k));
    }

    @Provide
    Arbitrary<MemoMessagePropertyTest.Generated> messages() {
        return new MemoMessagePropertyTest().validMessages();
    }

    @Property(tries = 60)
    void printedLettersOfKnownAndUnknownSizeAreCountedExactly(@ForAll @IntRange(max = 5000) int size,
            @ForAll boolean sizeKnown) throws IOException {
        byte[] bytes = new byte[size];
        for (int i = 0; i < size; i++) {
            bytes[i] = (byte) (i * 31 + size);
        }
        FileContent content = sizeKnown ? FileContent.ofBytes(bytes) : FileContent.ofStream(() -> new ByteArrayInputStream(bytes));
        PrintShipment.Builder p = KombiXmlTest.printBuilder(content);
        KombiRequest k = KombiRequest.physicalPost(p.build());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        KombiXml.write(k, out);
        assertEquals(out.size(), BodyLength.of(k));
    }

    @Example
    void contentThatIsNotTheSizeItAnnouncedFailsInsteadOfCorruptingTheBody() throws IOException {
        byte[] bytes = new byte[100];
        FileContent lying = new FileContent() {
            @Override
            public InputStream openStream() {
                return new ByteArrayInputStream(bytes);
            }

            @Override
            public OptionalLong knownSize() {
                return OptionalLong.of(99);
            }
        };
        KombiRequest k = KombiRequest.physicalPost(KombiXmlTest.printBuilder(lying).build());
        long announced = BodyLength.of(k);
        IOException e = assertThrows(IOException.class, () -> KombiXml.write(k, new ByteArrayOutputStream()));
        assertTrue(e.getMessage().contains("not the 99 it announced"), e.getMessage());
        assertTrue(announced > 0);
    }
}

package dk.rammearkitektur.clients.digitalpost.memo.internal;

import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.OptionalLong;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes file content as the Base64 text of the element a StAX writer has just opened: flushes the writer, then
 * encodes large chunks straight to the byte stream beneath it, so neither the file nor its encoding is held whole.
 */
public final class Base64Out {
    /** Bytes read per chunk; a multiple of 3 so that every full chunk encodes without padding. */
    static final int SOURCE_CHUNK = 3 * 32 * 1024;

    /** Pooled rather than allocated per write: zeroing 224 KiB per message showed in the profile of benchmark 3. */
    private static final BufferPool SOURCES = new BufferPool(SOURCE_CHUNK, 4);
    private static final BufferPool ENCODED = new BufferPool(SOURCE_CHUNK / 3 * 4, 4);

    private final Base64.Encoder encoder = Base64.getEncoder();

    /** Writes {@code content} into the open element of {@code w}; {@code raw} is the stream {@code w} writes to. */
    public void write(XMLStreamWriter w, OutputStream raw, FileContent content) throws XMLStreamException, IOException {
        w.writeCharacters("");
        w.flush();
        OptionalLong size = content.knownSize();
        if (raw instanceof ByteCounter counter && size.isPresent()) {
            counter.addBase64Of(size.getAsLong());
            return;
        }
        long total = 0;
        byte[] source = SOURCES.take();
        byte[] encoded = ENCODED.take();
        try (InputStream in = content.openStream()) {
            while (true) {
                int n = in.readNBytes(source, 0, source.length);
                total += n;
                if (n == source.length) {
                    raw.write(encoded, 0, encoder.encode(source, encoded));
                } else {
                    if (n > 0) {
                        raw.write(encoded, 0, encoder.encode(Arrays.copyOf(source, n), encoded));
                    }
                    break;
                }
            }
        } finally {
            SOURCES.give(source);
            ENCODED.give(encoded);
        }
        if (size.isPresent() && total != size.getAsLong()) {
            // the announced body length was computed from the known size: a different length would corrupt the body
            throw new IOException("the file content has " + total + " bytes, not the " + size.getAsLong() + " it announced");
        }
    }
}

package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.MemoStaxReader;
import dk.rammearkitektur.clients.digitalpost.memo.internal.MemoStaxWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * Streams MeMo messages to and from XML (namespace {@code https://DigitalPost.dk/MeMo-1}, prefix {@code memo:}).
 *
 * <p>Writing Base64-encodes each file's {@link FileContent} on the fly; reading decodes it on the fly into a
 * {@link FileContentSink}, so a 100 MB attachment is never held in the heap (unless the chosen content or sink keeps
 * it in memory). Reading uses the SDK's hardened parser: a DOCTYPE is refused with
 * {@link dk.rammearkitektur.core.XmlSecurityException}, XML that is not well-formed gives
 * {@link dk.rammearkitektur.core.XmlParseException}, and a message that breaks the schema or the rules of
 * {@link MemoMessage} gives one {@link dk.rammearkitektur.core.ValidationException} with field paths.
 */
public final class MemoXml {
    private MemoXml() {
    }

    /**
     * Writes {@code message} as a UTF-8 XML document. Flushes {@code out} but does not close it.
     *
     * @throws IOException if {@code out} or a file's content fails
     */
    public static void write(MemoMessage message, OutputStream out) throws IOException {
        MemoStaxWriter.write(message, out);
    }

    /** Writes {@code message} into a byte array; for small messages and tests. */
    public static byte[] toBytes(MemoMessage message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(message, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a file's content could not be read", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads one message, sending each file's decoded bytes to {@code sink}. Does not close {@code in}.
     *
     * @throws IOException if {@code in} or the sink fails
     */
    public static MemoMessage read(InputStream in, FileContentSink sink) throws IOException {
        Objects.requireNonNull(in, "in == null");
        Objects.requireNonNull(sink, "sink == null");
        return MemoStaxReader.read(in, sink);
    }

    /** Reads one message, keeping file contents in memory up to {@link FileContentSink#DEFAULT_IN_MEMORY_LIMIT} each. */
    public static MemoMessage read(InputStream in) throws IOException {
        return read(in, FileContentSink.inMemory());
    }
}

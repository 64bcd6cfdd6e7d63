package dk.rammearkitektur.clients.digitalpost.internal;

import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The exact byte length of a {@code kombi_request} body, known before its first byte is sent, so that the body goes
 * with a {@code Content-Length} as every public client sends it. A dry run of the streaming writer counts the bytes
 * it would write; file content whose size is known ({@link dk.rammearkitektur.clients.digitalpost.FileContent#knownSize()})
 * is not read but counted as its Base64 length, other content is read once and discarded. Nothing is held in memory.
 */
public final class BodyLength {
    private BodyLength() {
    }

    /** The number of bytes {@link KombiStax#write} writes for {@code request}. */
    public static long of(KombiRequest request) throws IOException {
        Counter c = new Counter();
        KombiStax.write(request, c);
        return c.count;
    }

    /** The length of the unbroken, padded Base64 text of {@code bytes} bytes. */
    static long base64Length(long bytes) {
        return (bytes + 2) / 3 * 4;
    }

    /** A stream that counts and discards; the writers add file lengths without producing the text. */
    static final class Counter extends OutputStream {
        private long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }

        /** Counts {@code n} bytes that were not written. */
        void add(long n) {
            count += n;
        }
    }
}

package dk.rammearkitektur.clients.digitalpost.memo.internal;

import java.io.OutputStream;

/**
 * A stream that counts and discards, for a dry run of a writer that measures a body before it is sent: the writers
 * add the Base64 length of file content of known size ({@link #addBase64Of(long)}) without reading or encoding it.
 */
public final class ByteCounter extends OutputStream {
    private long count;

    /** The length of the unbroken, padded Base64 text of {@code bytes} bytes. */
    public static long base64Length(long bytes) {
        return (bytes + 2) / 3 * 4;
    }

    @Override
    public void write(int b) {
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        count += len;
    }

    /** Counts the Base64 text of {@code bytes} bytes, which was not written. */
    void addBase64Of(long bytes) {
        count += base64Length(bytes);
    }

    /** The bytes counted so far. */
    public long count() {
        return count;
    }
}

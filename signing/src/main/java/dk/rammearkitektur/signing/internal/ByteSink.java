package dk.rammearkitektur.signing.internal;

import java.io.OutputStream;
import java.util.Arrays;
import java.security.MessageDigest;

/**
 * An unsynchronised, growable byte buffer for canonicalisation output, which is written mostly one byte at a time
 * (where {@code ByteArrayOutputStream}'s synchronised writes and a {@code DigestOutputStream}'s per-byte digest
 * updates dominated the profile). One per thread ({@link #forThisThread()}); not thread-safe.
 */
public final class ByteSink extends OutputStream {
    private static final ThreadLocal<ByteSink> SINKS = ThreadLocal.withInitial(ByteSink::new);
    private static final int MAX_RETAINED = 1 << 20;

    private byte[] buf = new byte[4096];
    private int size;

    private ByteSink() {
    }

    /** This thread's sink, emptied. */
    public static ByteSink forThisThread() {
        ByteSink s = SINKS.get();
        if (s.buf.length > MAX_RETAINED) {
            s.buf = new byte[4096];
        }
        s.size = 0;
        return s;
    }

    @Override
    public void write(int b) {
        if (size == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[size++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (size + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
        }
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    /**
     * Writes the chars {@code from} (inclusive) to {@code to} (exclusive) of {@code s}, each of which the caller has
     * checked is below 0x80, one byte per char in one bulk copy.
     */
    @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int) copies the low byte of each char: ASCII here
    public void writeAscii(String s, int from, int to) {
        int len = to - from;
        if (size + len > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + len));
        }
        s.getBytes(from, to, buf, size);
        size += len;
    }

    /** Feeds the bytes written so far to {@code md} in one update. */
    public void updateDigest(MessageDigest md) {
        md.update(buf, 0, size);
    }

    /** Feeds the bytes written so far, except those from {@code cutFrom} to {@code cutTo}, to {@code md}. */
    public void updateDigestCutting(MessageDigest md, int cutFrom, int cutTo) {
        if (cutFrom < 0 || cutTo < cutFrom || cutTo > size) {
            throw new IndexOutOfBoundsException("cut " + cutFrom + ".." + cutTo + " of " + size + " bytes");
        }
        md.update(buf, 0, cutFrom);
        md.update(buf, cutTo, size - cutTo);
    }

    /** How many bytes were written since the sink was emptied. */
    public int size() {
        return size;
    }

    /** Feeds the bytes written so far to {@code signature} in one update. */
    public void updateSignature(java.security.Signature signature) throws java.security.SignatureException {
        signature.update(buf, 0, size);
    }

    /**
     * The sink's own buffer, whose first {@link #size()} bytes were written so far: not a copy, and good only until
     * the next write or {@link #forThisThread()}.
     */
    public byte[] buffer() {
        return buf;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Copies the bytes written so far to {@code out}. */
    public void writeTo(OutputStream out) throws java.io.IOException {
        out.write(buf, 0, size);
    }

    /** Empties the sink. */
    public void reset() {
        size = 0;
    }
}

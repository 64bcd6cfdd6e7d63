package dk.rammearkitektur.benchmarks;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Deterministic test payloads. */
final class Payloads {
    private static final byte[] PDF_HEAD = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);

    private Payloads() {
    }

    /** {@code size} pseudo-random bytes starting with a PDF header. */
    static byte[] pdf(int size) {
        byte[] b = new byte[size];
        fill(b, 0, size, 0x9E3779B97F4A7C15L);
        System.arraycopy(PDF_HEAD, 0, b, 0, Math.min(PDF_HEAD.length, size));
        return b;
    }

    private static long fill(byte[] b, int off, int len, long seed) {
        long state = seed;
        for (int i = 0; i < len; i++) {
            state ^= state << 13;
            state ^= state >>> 7;
            state ^= state << 17;
            b[off + i] = (byte) state;
        }
        return state;
    }

    /** A stream of {@code size} pseudo-random bytes starting with a PDF header, generated on the fly (no heap). */
    static InputStream generatedPdf(long size) {
        return new InputStream() {
            private long pos;
            private long state = 0x9E3779B97F4A7C15L;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (pos >= size) {
                    return -1;
                }
                int n = (int) Math.min(len, size - pos);
                state = fill(b, off, n, state);
                for (int i = 0; i < n && pos + i < PDF_HEAD.length; i++) {
                    b[off + i] = PDF_HEAD[(int) pos + i];
                }
                pos += n;
                return n;
            }
        };
    }
}

package dk.rammearkitektur.clients.digitalpost.memo.internal;

import dk.rammearkitektur.core.ValidationException;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Decodes Base64 text that arrives in pieces (as a streaming XML parser reports it) and writes the bytes to a stream
 * as it goes, holding at most one chunk. Whitespace is skipped as {@code xs:base64Binary} allows; padding may only
 * end the content.
 */
public final class Base64Decoding {
    private static final int CHUNK = 64 * 1024;

    private final OutputStream out;
    private final String path;
    private final byte[] staged = new byte[CHUNK];
    private final byte[] decoded = new byte[CHUNK / 4 * 3];
    private final Base64.Decoder decoder = Base64.getDecoder();
    private int count;
    private boolean ended;
    private long total;

    /** Decodes into {@code out}; violations are reported at {@code path}. */
    public Base64Decoding(OutputStream out, String path) {
        this.out = out;
        this.path = path;
    }

    /** Feeds the next piece of text. */
    public void feed(char[] text, int start, int length) throws IOException {
        for (int i = start, end = start + length; i < end; i++) {
            char c = text[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (ended || c > 0x7F) {
                throw invalid();
            }
            staged[count++] = (byte) c;
            if (count == CHUNK) {
                decodeStaged(staged);
            }
        }
    }

    /** Ends the content; returns the number of bytes decoded. */
    public long finish() throws IOException {
        if (count % 4 != 0) {
            throw invalid();
        }
        if (count > 0) {
            decodeStaged(Arrays.copyOf(staged, count));
        }
        return total;
    }

    private void decodeStaged(byte[] src) throws IOException {
        int n;
        try {
            n = decoder.decode(src, decoded);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        ended = src[src.length - 1] == '=';
        out.write(decoded, 0, n);
        total += n;
        count = 0;
    }

    private ValidationException invalid() {
        return new ValidationException(path, "must be valid Base64");
    }
}

package dk.rammearkitektur.testkit.digitalpost.internal;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Decodes Base64 text fed in chunks (as a streaming XML reader delivers it), ignoring whitespace, and keeps only the
 * size, the SHA-256 and the first {@code keepLimit} bytes. Independent of the client's encoder.
 */
public final class Base64Stream {
    private static final int[] VALUES = new int[128];

    static {
        java.util.Arrays.fill(VALUES, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = i;
        }
    }

    private final MessageDigest sha256;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final long keepLimit;
    private final int[] quad = new int[4];
    private int inQuad;
    private int padding;
    private boolean ended;
    private long size;
    private String error;
    private String digest;

    /** A decoder keeping at most {@code keepLimit} bytes. */
    public Base64Stream(long keepLimit) {
        this.keepLimit = keepLimit;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Feeds the next characters. */
    public void feed(char[] chars, int start, int length) {
        for (int i = start; i < start + length && error == null; i++) {
            char c = chars[i];
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                continue;
            }
            if (ended) {
                error = "data after padding";
                return;
            }
            if (c == '=') {
                if (inQuad < 2) {
                    error = "misplaced padding";
                    return;
                }
                padding++;
                quad[inQuad++] = 0;
            } else if (padding > 0 || c >= 128 || VALUES[c] < 0) {
                error = padding > 0 ? "data after padding" : "character outside the Base64 alphabet";
                return;
            } else {
                quad[inQuad++] = VALUES[c];
            }
            if (inQuad == 4) {
                int bits = quad[0] << 18 | quad[1] << 12 | quad[2] << 6 | quad[3];
                int n = 3 - padding;
                byte[] out = {(byte) (bits >> 16), (byte) (bits >> 8), (byte) bits};
                emit(out, n);
                inQuad = 0;
                ended = padding > 0;
            }
        }
    }

    private void emit(byte[] b, int n) {
        sha256.update(b, 0, n);
        for (int i = 0; i < n; i++) {
            if (size + i < keepLimit) {
                kept.write(b[i]);
            }
        }
        size += n;
    }

    /** Why the text is not Base64, or null when it is (call after the last chunk). */
    public String finish() {
        if (error == null && inQuad != 0) {
            error = "length is not a multiple of 4";
        }
        if (digest == null) {
            digest = HexFormat.of().formatHex(sha256.digest());
        }
        return error;
    }

    /** The number of decoded bytes. */
    public long size() {
        return size;
    }

    /** The SHA-256 of the decoded bytes, lower-case hex; available after {@link #finish()}. */
    public String sha256() {
        return digest;
    }

    /** The decoded bytes when they were all kept, else null. */
    public byte[] bytesIfComplete() {
        return size <= keepLimit ? kept.toByteArray() : null;
    }
}

package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.util.Locale;

/**
 * One part (del) of a document variant: a reference to content by media type, size and SHA-256 digest. The model
 * never holds the bytes; they live in the vendor's content store, found by the digest.
 *
 * @param name the part's name, e.g. a file name
 * @param mediaType media type without parameters, lower case, e.g. {@code application/pdf}
 * @param size size of the content in bytes, not negative
 * @param sha256 SHA-256 of the content as 64 lower-case hex digits (upper case input is lower-cased)
 */
public record DocumentPart(String name, String mediaType, long size, String sha256) {

    /** Validates every field; paths under {@code part}. */
    public DocumentPart {
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        Violations v = Violations.at("part");
        Checks.text(v, "name", name, 255);
        if (Checks.required(v, "mediaType", mediaType)) {
            v.require(isMediaType(mediaType), "mediaType", "must be a lower-case media type such as application/pdf");
        }
        v.require(size >= 0, "size", "must not be negative");
        if (Checks.required(v, "sha256", sha256)) {
            v.require(sha256.length() == 64 && isLowerHex(sha256), "sha256", "must be 64 hex digits");
        }
        v.throwIfAny();
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** {@code type/subtype}, each 1 to 127 of a-z, 0-9 and {@code !#$&^_.+-}, starting with a letter or digit. */
    private static boolean isMediaType(String s) {
        int slash = s.indexOf('/');
        return slash > 0 && isToken(s, 0, slash) && isToken(s, slash + 1, s.length());
    }

    private static boolean isToken(String s, int from, int to) {
        if (to - from < 1 || to - from > 127) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            boolean alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (!alnum && (i == from || "!#$&^_.+-".indexOf(c) < 0)) {
                return false;
            }
        }
        return true;
    }

    /** Static factory. */
    public static DocumentPart of(String name, String mediaType, long size, String sha256) {
        return new DocumentPart(name, mediaType, size, sha256);
    }
}

package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

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
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,126}/[a-z0-9][a-z0-9!#$&^_.+-]{0,126}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Validates every field; paths under {@code part}. */
    public DocumentPart {
        sha256 = sha256 == null ? null : sha256.toLowerCase(Locale.ROOT);
        Violations v = Violations.at("part");
        Checks.text(v, "name", name, 255);
        if (Checks.required(v, "mediaType", mediaType)) {
            v.require(MEDIA_TYPE.matcher(mediaType).matches(), "mediaType", "must be a lower-case media type such as application/pdf");
        }
        v.require(size >= 0, "size", "must not be negative");
        if (Checks.required(v, "sha256", sha256)) {
            v.require(SHA256.matcher(sha256).matches(), "sha256", "must be 64 hex digits");
        }
        v.throwIfAny();
    }

    /** Static factory. */
    public static DocumentPart of(String name, String mediaType, long size, String sha256) {
        return new DocumentPart(name, mediaType, size, sha256);
    }
}

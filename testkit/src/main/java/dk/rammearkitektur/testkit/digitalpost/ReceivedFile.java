package dk.rammearkitektur.testkit.digitalpost;

import java.util.Optional;

/**
 * One file the simulator received: its name, media type and language as sent, the decoded size and SHA-256, and the
 * bytes themselves when they were small enough to keep (see {@link DigitalPostSimulator.Builder#keepFileBytes(long)}).
 *
 * @param filename the file name
 * @param mediaType the MIME type ({@code encodingFormat}), or {@code PDF} style format name for print
 * @param language the language code, or null for print
 * @param size the number of decoded bytes
 * @param sha256 the SHA-256 of the decoded bytes, lower-case hex
 * @param keptBytes the decoded bytes, or null when the file was larger than the keep limit
 */
public record ReceivedFile(String filename, String mediaType, String language, long size, String sha256,
        byte[] keptBytes) {

    /** The decoded bytes, when they were kept. */
    public Optional<byte[]> bytes() {
        return Optional.ofNullable(keptBytes == null ? null : keptBytes.clone());
    }

    @Override
    public String toString() {
        return "ReceivedFile[" + filename + ", " + mediaType + ", " + size + " bytes, sha256=" + sha256 + "]";
    }
}

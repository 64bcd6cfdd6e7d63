package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Filenames;
import java.nio.file.Path;

/**
 * One file of a document (fil): its MIME type, name, language and content. The content is streamed when the message
 * is written; see {@link FileContent}.
 *
 * @param encodingFormat the MIME type, e.g. {@code application/pdf}
 * @param filename the file name, at most 256 characters, without {@code < > : " / \ | ? *}, line breaks or
 *     special spaces (see {@link #sanitizeFilename(String)})
 * @param language the two-letter language code, e.g. {@code da}
 * @param content where the bytes come from
 */
public record MemoFile(String encodingFormat, String filename, String language, FileContent content) {

    /** The MIME type of PDF, the usual main document. */
    public static final String PDF = "application/pdf";

    /** A Danish PDF file held in memory. */
    public static MemoFile pdf(String filename, byte[] bytes) {
        return new MemoFile(PDF, filename, "da", FileContent.ofBytes(bytes));
    }

    /** A Danish PDF file read from {@code path} when the message is written. */
    public static MemoFile pdf(String filename, Path path) {
        return new MemoFile(PDF, filename, "da", FileContent.ofPath(path));
    }

    /** Creates the value. */
    public static MemoFile of(String encodingFormat, String filename, String language, FileContent content) {
        return new MemoFile(encodingFormat, filename, language, content);
    }

    /**
     * Replaces every run of characters Digital Post refuses in file names with {@code -}, as the platform's
     * validation since September 2025 requires; null stays null.
     */
    public static String sanitizeFilename(String filename) {
        return Filenames.sanitize(filename);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

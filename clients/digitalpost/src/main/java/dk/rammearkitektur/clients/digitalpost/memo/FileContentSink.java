package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Sinks;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.function.BiFunction;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;

/**
 * Where {@link MemoXml#read(java.io.InputStream, FileContentSink)} puts the decoded bytes of each file it meets, so
 * that large attachments never sit in the heap unless the caller wants them there.
 *
 * <p>Ready-made sinks: {@link #inMemory(long)} for small messages, {@link #tempFiles(Path)} for large ones,
 * {@link #toStreams(BiFunction)} to hand the bytes to the caller, and {@link #discarding()} to only check them.
 */
@FunctionalInterface
public interface FileContentSink {
    /** The largest file {@link #inMemory()} keeps: 16 MiB. */
    long DEFAULT_IN_MEMORY_LIMIT = 16L * 1024 * 1024;

    /**
     * Starts receiving one file.
     *
     * @param path the file's field path, e.g. {@code message.body.mainDocument.files[0]}
     * @param filename the file's name as given in the message (checked only after reading); null for the print
     *     part of a {@link KombiRequest}
     * @return where the decoded bytes go
     * @throws IOException if the target cannot be opened
     */
    Target open(String path, String filename) throws IOException;

    /** Receives the decoded bytes of one file, then hands back the content the message will refer to. */
    interface Target {
        /** Where the decoded bytes are written; the reader does not close it. */
        OutputStream output();

        /** Called after the last byte; returns the content for the {@link MemoFile}. */
        FileContent complete() throws IOException;

        /** Called instead of {@link #complete()} when reading failed; releases what was written. */
        default void discard() {
        }
    }

    /** Keeps each file in memory, refusing files over {@link #DEFAULT_IN_MEMORY_LIMIT}. */
    static FileContentSink inMemory() {
        return inMemory(DEFAULT_IN_MEMORY_LIMIT);
    }

    /** Keeps each file in memory, refusing (with a violation at the file's content) files over {@code maxBytes}. */
    static FileContentSink inMemory(long maxBytes) {
        return Sinks.inMemory(maxBytes);
    }

    /**
     * Writes each file to a new temporary file in {@code directory}; the content refers to that file. The caller
     * deletes the files when done; files of a failed read are deleted.
     */
    static FileContentSink tempFiles(Path directory) {
        return Sinks.tempFiles(directory);
    }

    /**
     * Writes each file to the stream {@code streams} returns for (path, filename) and keeps nothing; the message's
     * content then only knows its size. The caller closes the streams.
     */
    static FileContentSink toStreams(BiFunction<String, String, OutputStream> streams) {
        return Sinks.toStreams(streams);
    }

    /** Decodes and counts each file's bytes without keeping them; for validating a message. */
    static FileContentSink discarding() {
        return toStreams((path, filename) -> OutputStream.nullOutputStream());
    }
}

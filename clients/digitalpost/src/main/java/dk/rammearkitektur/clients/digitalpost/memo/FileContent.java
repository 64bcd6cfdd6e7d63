package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Contents;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * Where the bytes of a {@link MemoFile} (filindhold) come from. The writer opens the stream once per write and
 * Base64-encodes it on the fly, so large attachments never sit in the heap unless they were given as bytes.
 *
 * <p>Start with {@link #ofBytes(byte[])}, {@link #ofPath(Path)} or {@link #ofStream(Supplier)}. Contents given as
 * bytes compare equal by their bytes, contents given as paths by their path, others by identity.
 */
@FunctionalInterface
public interface FileContent {
    /**
     * Opens a new stream over the content; the caller closes it. The writer reads it into buffers it reuses for later
     * writes (the SDK's choice, to keep the allocation per letter low), so the stream must not keep the array handed
     * to its {@code read(byte[], int, int)} after the call returns, as the {@code InputStream} contract expects.
     */
    InputStream openStream() throws IOException;

    /** The number of bytes, when known without reading the content. */
    default OptionalLong knownSize() {
        return OptionalLong.empty();
    }

    /** Reads the whole content into memory; meant for small files and tests. */
    default byte[] readAllBytes() throws IOException {
        try (InputStream in = openStream()) {
            return in.readAllBytes();
        }
    }

    /** Content held in memory; the array is copied. */
    static FileContent ofBytes(byte[] bytes) {
        return Contents.bytes(bytes);
    }

    /** Content read from a file each time the message is written; the file must exist when it is written. */
    static FileContent ofPath(Path path) {
        return Contents.path(path);
    }

    /** Content read from a fresh stream that {@code streams} supplies each time the message is written. */
    static FileContent ofStream(Supplier<? extends InputStream> streams) {
        return Contents.stream(streams);
    }
}

package dk.rammearkitektur.clients.digitalpost.memo.internal;

import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.Supplier;

/** The {@link FileContent} implementations behind its static factories. */
public final class Contents {
    private Contents() {
    }

    /** In-memory content; copies the array. */
    public static FileContent bytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes == null");
        return new Bytes(bytes.clone());
    }

    /** In-memory content that takes ownership of {@code bytes} without copying. */
    public static FileContent owning(byte[] bytes) {
        return new Bytes(bytes);
    }

    /** Content read from a file. */
    public static FileContent path(Path path) {
        Objects.requireNonNull(path, "path == null");
        return new FromPath(path);
    }

    /** Content read from a supplier of streams. */
    public static FileContent stream(Supplier<? extends InputStream> streams) {
        Objects.requireNonNull(streams, "streams == null");
        return new FromSupplier(streams);
    }

    /** Content that was handed to a caller's stream while reading and not kept. */
    public static FileContent notKept(long size) {
        return new NotKept(size);
    }

    /** Content held in memory. */
    static final class Bytes implements FileContent {
        private final byte[] bytes;

        Bytes(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public InputStream openStream() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public OptionalLong knownSize() {
            return OptionalLong.of(bytes.length);
        }

        @Override
        public byte[] readAllBytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "FileContent[" + bytes.length + " bytes]";
        }
    }

    /** Content read from a file. */
    record FromPath(Path path) implements FileContent {
        @Override
        public InputStream openStream() throws IOException {
            return Files.newInputStream(path);
        }

        @Override
        public OptionalLong knownSize() {
            try {
                return OptionalLong.of(Files.size(path));
            } catch (IOException e) {
                return OptionalLong.empty();
            }
        }

        @Override
        public String toString() {
            return "FileContent[file " + path.getFileName() + "]";
        }
    }

    /** Content read from a supplier of streams. */
    static final class FromSupplier implements FileContent {
        private final Supplier<? extends InputStream> streams;

        FromSupplier(Supplier<? extends InputStream> streams) {
            this.streams = streams;
        }

        @Override
        public InputStream openStream() throws IOException {
            InputStream in = streams.get();
            if (in == null) {
                throw new IOException("the content supplier returned null");
            }
            return in;
        }

        @Override
        public String toString() {
            return "FileContent[stream]";
        }
    }

    /** Content that went to the caller's stream while reading; only its size is known. */
    record NotKept(long size) implements FileContent {
        @Override
        public InputStream openStream() throws IOException {
            throw new IOException("the file content was streamed to a sink while reading and was not kept");
        }

        @Override
        public OptionalLong knownSize() {
            return OptionalLong.of(size);
        }

        @Override
        public String toString() {
            return "FileContent[" + size + " bytes, not kept]";
        }
    }
}

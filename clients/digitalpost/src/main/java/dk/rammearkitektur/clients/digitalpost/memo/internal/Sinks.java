package dk.rammearkitektur.clients.digitalpost.memo.internal;

import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.FileContentSink;
import dk.rammearkitektur.core.ValidationException;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.BiFunction;

/** The ready-made {@link FileContentSink}s. */
public final class Sinks {
    private Sinks() {
    }

    /** Keeps files in memory up to {@code maxBytes} each. */
    public static FileContentSink inMemory(long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("maxBytes < 0");
        }
        return (path, filename) -> new InMemory(path, maxBytes);
    }

    /** Writes files to temporary files in {@code directory}. */
    public static FileContentSink tempFiles(Path directory) {
        Objects.requireNonNull(directory, "directory == null");
        return (path, filename) -> {
            Path file = Files.createTempFile(directory, "memo-", ".bin");
            OutputStream out = Files.newOutputStream(file);
            return new FileContentSink.Target() {
                @Override
                public OutputStream output() {
                    return out;
                }

                @Override
                public FileContent complete() throws IOException {
                    out.close();
                    return Contents.path(file);
                }

                @Override
                public void discard() {
                    try {
                        out.close();
                        Files.deleteIfExists(file);
                    } catch (IOException e) {
                        // best effort: the file lives in the caller's directory
                    }
                }
            };
        };
    }

    /** Hands files to the caller's streams and keeps only their size. */
    public static FileContentSink toStreams(BiFunction<String, String, OutputStream> streams) {
        Objects.requireNonNull(streams, "streams == null");
        return (path, filename) -> {
            OutputStream target = streams.apply(path, filename);
            if (target == null) {
                throw new IOException("the sink returned no stream for " + path);
            }
            Counting counting = new Counting(target);
            return new FileContentSink.Target() {
                @Override
                public OutputStream output() {
                    return counting;
                }

                @Override
                public FileContent complete() throws IOException {
                    counting.flush();
                    return Contents.notKept(counting.count);
                }
            };
        };
    }

    /** An in-memory target that refuses content over its limit. */
    private static final class InMemory extends ByteArrayOutputStream implements FileContentSink.Target {
        private final String path;
        private final long max;

        InMemory(String path, long max) {
            super(8192);
            this.path = path;
            this.max = max;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            if ((long) count + len > max) {
                throw new ValidationException(path + ".content", "must be at most " + max + " bytes to be read into memory");
            }
            super.write(b, off, len);
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public OutputStream output() {
            return this;
        }

        @Override
        public FileContent complete() {
            return Contents.owning(count == buf.length ? buf : toByteArray());
        }

        @Override
        public void discard() {
            buf = new byte[0];
            count = 0;
        }
    }

    /** Counts the bytes written through it. */
    private static final class Counting extends FilterOutputStream {
        long count;

        Counting(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}

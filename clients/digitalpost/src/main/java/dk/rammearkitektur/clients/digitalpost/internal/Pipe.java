package dk.rammearkitektur.clients.digitalpost.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded in-memory pipe between a writer thread (the streaming XML writer) and the HTTP client reading the
 * request body: at most {@code chunks} chunks of {@code chunkSize} bytes are buffered, so a 100 MB request never sits
 * in the heap. A writer failure surfaces as an {@link IOException} on the reading side instead of a silently short
 * body; closing the reading side stops the writer.
 */
public final class Pipe {
    private static final byte[] EOF = new byte[0];

    private final BlockingQueue<byte[]> queue;
    private final int chunkSize;
    private volatile boolean readerClosed;
    private volatile Throwable writerFailure;

    /** A pipe buffering at most {@code chunks} chunks of {@code chunkSize} bytes. */
    public Pipe(int chunks, int chunkSize) {
        this.queue = new ArrayBlockingQueue<>(chunks);
        this.chunkSize = chunkSize;
    }

    /** Records why the writer failed; the reader then fails instead of seeing the end. */
    public void fail(Throwable cause) {
        writerFailure = cause;
        put(EOF);
    }

    /** The writer's failure, or null. */
    public Throwable failure() {
        return writerFailure;
    }

    /** Stops the writer: the reading side is done. */
    public void closeReader() {
        readerClosed = true;
        queue.clear();
    }

    private boolean put(byte[] chunk) {
        try {
            while (!readerClosed) {
                if (queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The writing side. */
    public OutputStream output() {
        return new OutputStream() {
            private byte[] buf = new byte[chunkSize];
            private int len;
            private boolean closed;

            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int n) throws IOException {
                while (n > 0) {
                    int k = Math.min(n, buf.length - len);
                    System.arraycopy(b, off, buf, len, k);
                    len += k;
                    off += k;
                    n -= k;
                    if (len == buf.length) {
                        flushChunk();
                    }
                }
            }

            private void flushChunk() throws IOException {
                if (len > 0) {
                    if (!put(Arrays.copyOf(buf, len))) {
                        throw new IOException("the request body is no longer read");
                    }
                    len = 0;
                }
            }

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    flushChunk();
                    put(EOF);
                }
            }
        };
    }

    /** The reading side. */
    public InputStream input() {
        return new InputStream() {
            private byte[] current;
            private int pos;
            private boolean ended;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int n) throws IOException {
                if (n == 0) {
                    return 0;
                }
                while (current == null || pos == current.length) {
                    if (ended) {
                        return -1;
                    }
                    try {
                        current = queue.take();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("interrupted while reading the request body");
                    }
                    pos = 0;
                    if (current == EOF) {
                        ended = true;
                        if (writerFailure != null) {
                            throw new IOException("the request body could not be written", writerFailure);
                        }
                        return -1;
                    }
                }
                int k = Math.min(n, current.length - pos);
                System.arraycopy(current, pos, b, off, k);
                pos += k;
                return k;
            }

            @Override
            public void close() {
                closeReader();
            }
        };
    }
}

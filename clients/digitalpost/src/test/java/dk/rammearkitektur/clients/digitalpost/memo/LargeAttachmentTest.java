package dk.rammearkitektur.clients.digitalpost.memo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A 100 MiB attachment is written and read back in a JVM with a 32 MiB heap: the content is streamed, never held.
 */
class LargeAttachmentTest {
    static final long SIZE = 100L * 1024 * 1024;

    /** Generates {@code size} pseudo-random bytes without holding them. */
    static InputStream generated(long size) {
        return new InputStream() {
            long left = size;
            long state = 0x9E3779B97F4A7C15L;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    state ^= state << 13;
                    state ^= state >>> 7;
                    state ^= state << 17;
                    b[off + i] = (byte) state;
                }
                left -= n;
                return n;
            }
        };
    }

    static long crc(InputStream in) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buf = new byte[65536];
        int n;
        while ((n = in.read(buf)) > 0) {
            crc.update(buf, 0, n);
        }
        return crc.getValue();
    }

    /** Counts and checksums what is written to it. */
    static final class Checksumming extends OutputStream {
        final CRC32 crc = new CRC32();
        long count;

        @Override
        public void write(int b) {
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            count += len;
        }
    }

    /**
     * Run in a forked JVM: writes a message with a {@code args[0]}-byte generated attachment through a pipe into the
     * reader with a checksumming sink, then prints the XML size, decoded size and checksums.
     */
    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[0]);
        MemoMessage m = MemoMessage.builder(MemoVersion.V1_2)
                .header(MemoSamples.minimal(MemoVersion.V1_2).header())
                .body(MessageBody.builder(MemoSamples.CREATED, MainDocument.of("Stor",
                        MemoFile.of("application/pdf", "stor.pdf", "da", FileContent.ofStream(() -> generated(size))))).build())
                .build();
        PipedInputStream in = new PipedInputStream(1 << 16);
        PipedOutputStream pipe = new PipedOutputStream(in);
        Checksumming xmlBytes = new Checksumming();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<?> written = writer.submit(() -> {
            try (OutputStream out = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    pipe.write(b);
                    xmlBytes.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    pipe.write(b, off, len);
                    xmlBytes.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    pipe.close();
                }
            }) {
                MemoXml.write(m, out);
            }
            return null;
        });
        Checksumming decoded = new Checksumming();
        MemoMessage back = MemoXml.read(in, FileContentSink.toStreams((path, name) -> decoded));
        written.get();
        writer.shutdown();
        long heapMax = Runtime.getRuntime().maxMemory();
        System.out.println("xml=" + xmlBytes.count + " decoded=" + decoded.count + " crc=" + decoded.crc.getValue()
                + " expectedCrc=" + crc(generated(size)) + " knownSize="
                + back.body().mainDocument().files().get(0).content().knownSize().getAsLong() + " maxHeap=" + heapMax);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void hundredMebibyteAttachmentStreamsThroughA32MebibyteHeap() throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx32m", "-XX:+UseSerialGC", "-cp", classpath, LargeAttachmentTest.class.getName(), Long.toString(SIZE)));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(50, TimeUnit.SECONDS), output);
        assertEquals(0, p.exitValue(), output);
        String line = output.lines().filter(l -> l.startsWith("xml=")).findFirst().orElseThrow(() -> new AssertionError(output));
        long xml = value(line, "xml");
        assertTrue(xml > SIZE / 3 * 4, line);
        assertEquals(SIZE, value(line, "decoded"), line);
        assertEquals(SIZE, value(line, "knownSize"), line);
        assertEquals(value(line, "expectedCrc"), value(line, "crc"), line);
        assertTrue(value(line, "maxHeap") < SIZE / 2, "the child's heap must be far smaller than the attachment: " + line);
    }

    private static long value(String line, String key) {
        for (String part : line.split(" ")) {
            if (part.startsWith(key + "=")) {
                return Long.parseLong(part.substring(key.length() + 1));
            }
        }
        throw new AssertionError(key + " not in " + line);
    }
}

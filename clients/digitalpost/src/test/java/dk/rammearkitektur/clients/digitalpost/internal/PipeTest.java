package dk.rammearkitektur.clients.digitalpost.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PipeTest {

    private static Thread writer(Pipe p, byte[] data, int[] chunks, boolean failAtEnd) {
        Thread t = new Thread(() -> {
            OutputStream out = p.output();
            try {
                int pos = 0;
                int i = 0;
                while (pos < data.length) {
                    int n = Math.min(data.length - pos, Math.max(1, chunks[i++ % chunks.length]));
                    if (n == 1 && i % 2 == 0) {
                        out.write(data[pos]);
                    } else {
                        out.write(data, pos, n);
                    }
                    pos += n;
                }
                if (failAtEnd) {
                    throw new IOException("file vanished");
                }
                out.close();
            } catch (IOException e) {
                p.fail(e);
            }
        });
        t.start();
        return t;
    }

    @Property(tries = 200)
    void bytesComeOutAsTheyWentIn(@ForAll @Size(max = 5000) byte[] data, @ForAll @Size(min = 1, max = 5) int[] chunks,
            @ForAll @IntRange(min = 1, max = 4) int queue, @ForAll @IntRange(min = 1, max = 700) int chunkSize)
            throws Exception {
        Pipe p = new Pipe(queue, chunkSize);
        Thread t = writer(p, data, chunks, false);
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        try (InputStream in = p.input()) {
            byte[] buf = new byte[97];
            int n;
            while ((n = in.read(buf)) >= 0) {
                got.write(buf, 0, n);
            }
        }
        t.join(5000);
        assertArrayEquals(data, got.toByteArray());
    }

    @Property(tries = 100)
    void aWriterFailureIsAnIoExceptionNeverAShortBody(@ForAll @Size(max = 3000) byte[] data,
            @ForAll @IntRange(min = 1, max = 300) int chunkSize) throws Exception {
        Pipe p = new Pipe(2, chunkSize);
        Thread t = writer(p, data, new int[] {chunkSize}, true);
        InputStream in = p.input();
        IOException e = assertThrows(IOException.class, () -> in.transferTo(OutputStream.nullOutputStream()));
        assertEquals("file vanished", e.getCause().getMessage());
        t.join(5000);
        assertEquals("file vanished", p.failure().getMessage());
    }

    @Test
    void closingTheReaderStopsABlockedWriter() throws Exception {
        Pipe p = new Pipe(1, 16);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                p.output().write(new byte[10_000]);
            } catch (IOException e) {
                seen.set(e);
            }
        });
        t.start();
        Thread.sleep(50);
        p.input().close();
        t.join(5000);
        assertTrue(!t.isAlive() && seen.get() instanceof IOException, String.valueOf(seen.get()));
        assertTrue(List.of("the request body is no longer read").contains(seen.get().getMessage()));
    }
}

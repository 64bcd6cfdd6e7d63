package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.clients.digitalpost.FileContent;
import dk.rammearkitektur.clients.digitalpost.MemoXml;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/**
 * Absolute check: a 100 MB attachment goes out with a 64 MB heap. Run with {@code -Xmx64m}. Writes a MeMo letter
 * whose attachment is 100 MB generated on the fly through the MeMo writer into a counting null sink, and prints the
 * bytes written, the time, the heap limit and the peak heap use. Exits 1 if the heap limit is above 64 MB or the
 * output is not the size the Base64 of 100 MB needs.
 *
 * <p>Usage: {@code java -Xmx64m -cp benchmarks.jar dk.rammearkitektur.benchmarks.LargeAttachmentCheck}
 */
public final class LargeAttachmentCheck {
    static final long SIZE = 100L * 1000 * 1000;

    private LargeAttachmentCheck() {
    }

    /** Runs the check. */
    public static void main(String[] args) throws IOException {
        long maxHeap = Runtime.getRuntime().maxMemory();
        MemoWriteBenchmark.Counting sink = new MemoWriteBenchmark.Counting();
        long t0 = System.nanoTime();
        MemoXml.write(MemoWriteBenchmark.letter(FileContent.ofStream(() -> Payloads.generatedPdf(SIZE))), sink);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long base64 = (SIZE + 2) / 3 * 4;
        boolean ok = maxHeap <= 64L * 1024 * 1024 && sink.count >= base64;
        System.out.printf(Locale.ROOT, "large attachment: %d bytes of attachment -> %d bytes of MeMo XML in %.1f s"
                        + " (%.0f MB/s of attachment); max heap %d MiB, peak heap used %d MiB (sum of pool peaks): %s%n",
                SIZE, sink.count, seconds, SIZE / 1e6 / seconds, maxHeap >> 20, peak >> 20, ok ? "PASS" : "FAIL");
        if (!ok) {
            System.exit(1);
        }
    }
}

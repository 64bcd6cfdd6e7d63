package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.memo.MemoXml;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.MailboxEntry;
import dk.rammearkitektur.testkit.digitalpost.ReceivedFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Absolute check: a 100 MB attachment goes out with a 64 MB heap. Run with {@code -Xmx64m}.
 * <ul>
 *   <li>{@code send} (default): sends a letter whose 100 MB PDF is generated on the fly through
 *       {@link DigitalPostClient} to the in-process Digital Post simulator (client and simulator share the 64 MB), and
 *       checks that exactly one letter arrived whose file has the size and SHA-256 of what was sent;</li>
 *   <li>{@code write}: the MeMo writer alone, streaming the same letter to a counting null sink.</li>
 * </ul>
 * Prints the time, the heap limit and the peak heap use; exits 1 if the heap limit is above 64 MB or a check fails.
 *
 * <p>Usage: {@code java -Xmx64m -cp benchmarks.jar dk.rammearkitektur.benchmarks.LargeAttachmentCheck [send|write]}
 */
public final class LargeAttachmentCheck {
    /** Result lines: plain text on stdout (see logback.xml). */
    private static final Logger RESULTS = LoggerFactory.getLogger("results");
    static final long SIZE = 100L * 1000 * 1000;
    private static final String CPR = "0101901234";

    private LargeAttachmentCheck() {
    }

    /** Runs the check. */
    public static void main(String[] args) throws Exception {
        boolean send = args.length == 0 || args[0].equals("send");
        long maxHeap = Runtime.getRuntime().maxMemory();
        long t0 = System.nanoTime();
        String outcome;
        boolean ok;
        if (send) {
            String expected = sha256(Payloads.generatedPdf(SIZE));
            try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start();
                    DigitalPostClient client = sim.clientBuilder().retryPolicy(RetryPolicy.none())
                            .timeouts(Timeouts.of(Duration.ofSeconds(10), Duration.ofMinutes(5), Duration.ofMinutes(10)))
                            .build()) {
                t0 = System.nanoTime();
                SendReceipt receipt = client.send(KombiRequest.digitalPost(MemoWriteBenchmark.letter(CPR,
                        FileContent.ofStream(() -> Payloads.generatedPdf(SIZE)))));
                List<MailboxEntry> box = sim.mailbox(CPR);
                ReceivedFile file = box.size() == 1 && box.get(0).files().size() == 1 ? box.get(0).files().get(0) : null;
                ok = receipt.accepted() && file != null && file.size() == SIZE && file.sha256().equals(expected);
                outcome = String.format(Locale.ROOT, "sent through DigitalPostClient to the simulator: accepted=%s,"
                        + " mailbox entries=%d, received %s bytes, SHA-256 %s", receipt.accepted(), box.size(),
                        file == null ? "-" : String.valueOf(file.size()),
                        file != null && file.sha256().equals(expected) ? "matches" : "DIFFERS");
            }
        } else {
            MemoWriteBenchmark.Counting sink = new MemoWriteBenchmark.Counting();
            MemoXml.write(MemoWriteBenchmark.letter(CPR, FileContent.ofStream(() -> Payloads.generatedPdf(SIZE))), sink);
            ok = sink.count >= (SIZE + 2) / 3 * 4;
            outcome = "MeMo writer to a null sink: " + sink.count + " bytes of XML";
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        ok &= maxHeap <= 64L * 1024 * 1024;
        RESULTS.info(String.format(Locale.ROOT, "large attachment (%s): %d bytes; %s; %.1f s (%.0f MB/s); max heap %d MiB,"
                        + " peak heap used %d MiB: %s", send ? "send" : "write", SIZE, outcome, seconds,
                SIZE / 1e6 / seconds, maxHeap >> 20, peakHeap() >> 20, ok ? "PASS" : "FAIL"));
        System.exit(ok ? 0 : 1);
    }

    private static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static String sha256(InputStream in) throws IOException, NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        for (int n; (n = in.read(buf)) > 0;) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}

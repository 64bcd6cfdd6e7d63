package dk.rammearkitektur.testkit.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.DigitalPostEnvironment;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.core.Timeouts;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A 100 MiB attachment is sent to the simulator from a JVM with a 64 MiB heap: the request body is streamed. */
class LargeAttachmentSendTest {
    static final long SIZE = 100L * 1024 * 1024;

    /** Generates {@code size} pseudo-random bytes without holding them. */
    static InputStream generated(long size) {
        return new InputStream() {
            long left = size;
            long state = 0x2545F4914F6CDD1DL;

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

    private static X509Certificate certificate(Path pem) throws Exception {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(Files.readAllBytes(pem)));
    }

    /**
     * Run in the forked JVM: args are the simulator's base URL, the PKCS#12 file and password, the TLS anchor and STS
     * certificate files, the CVR, the CPR and the attachment size.
     */
    public static void main(String[] args) throws Exception {
        long size = Long.parseLong(args[7]);
        try (DigitalPostClient client = DigitalPostClient.builder()
                .environment(DigitalPostEnvironment.custom(URI.create(args[0])))
                .systemCertificate(Path.of(args[1]), args[2].toCharArray())
                .trustAnchors(List.of(certificate(Path.of(args[3]))))
                .stsCertificates(List.of(certificate(Path.of(args[4]))))
                .authorityCvr(args[5])
                .timeouts(Timeouts.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(60)))
                .build()) {
            SendReceipt r = client.send(KombiRequest.digitalPost(Letters.letter(MemoVersion.V1_2, args[6],
                    FileContent.ofStream(() -> generated(size)))));
            System.out.println("accepted=" + r.accepted() + " maxHeap=" + Runtime.getRuntime().maxMemory());
        }
    }

    @Test
    @Timeout(value = 90, unit = TimeUnit.SECONDS)
    void hundredMebibyteAttachmentIsSentFromA64MebibyteHeap(@TempDir Path dir) throws Exception {
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().keepFileBytes(0).build().start()) {
            char[] pw = "secret".toCharArray();
            Path p12 = Files.write(dir.resolve("system.p12"), sim.pki().oces3Organisation().pkcs12(pw));
            Path anchor = Files.write(dir.resolve("anchor.cer"), sim.tlsTrustAnchor().getEncoded());
            Path sts = Files.write(dir.resolve("sts.cer"), sim.stsCertificate().getEncoded());
            String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:+UseSerialGC", "-cp", classpath, LargeAttachmentSendTest.class.getName(),
                    sim.baseUri().toString(), p12.toString(), new String(pw), anchor.toString(), sts.toString(),
                    sim.authorityCvr(), Letters.CPR, Long.toString(SIZE)));
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(80, TimeUnit.SECONDS), output);
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(0, p.exitValue(), output);
            assertTrue(output.contains("accepted=true"), output);
            long maxHeap = Long.parseLong(output.lines().filter(l -> l.startsWith("accepted=")).findFirst().orElseThrow()
                    .replaceAll(".*maxHeap=", "").strip());
            assertTrue(maxHeap < SIZE / 1.5, "the child's heap must be smaller than the attachment: " + maxHeap);
            List<MailboxEntry> box = sim.mailbox(Letters.CPR);
            assertEquals(1, box.size(), sim.conformanceReport());
            ReceivedFile file = box.get(0).files().get(0);
            assertEquals(SIZE, file.size());
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = generated(SIZE)) {
                byte[] buf = new byte[1 << 16];
                int n;
                while ((n = in.read(buf)) > 0) {
                    sha.update(buf, 0, n);
                }
            }
            assertEquals(HexFormat.of().formatHex(sha.digest()), file.sha256());
            assertTrue(file.bytes().isEmpty(), "the simulator kept only size and hash");
            System.out.println("100 MiB sent from a 64 MiB heap in " + millis + " ms");
        }
    }
}

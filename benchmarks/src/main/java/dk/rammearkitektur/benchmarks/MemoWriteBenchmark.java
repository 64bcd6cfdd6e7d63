package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MemoXml;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 3: MeMo serialisation of a letter with a 10 MB PDF attachment to a null stream, against
 * {@code java.util.Base64} encoding of the same 10 MB to a null stream. Both move the same bytes, so the ratio of
 * operations per second is the ratio of MB/s (MB/s = ops/s x 10). Goal: ratio at least 0.9.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
public class MemoWriteBenchmark {
    /** The attachment size: 10 MB. */
    static final int SIZE = 10 * 1000 * 1000;

    private byte[] pdf;
    private MemoMessage message;
    private byte[] sourceChunk;
    private byte[] encodedChunk;

    /** Builds the attachment (pseudo-random bytes behind a PDF header) and the letter. */
    @Setup
    public void setup() {
        pdf = Payloads.pdf(SIZE);
        message = letter("0101901234", FileContent.ofBytes(pdf));
        sourceChunk = new byte[3 * 32 * 1024];
        encodedChunk = new byte[4 * 32 * 1024];
    }

    /** A digital letter to the CPR recipient {@code cpr} with one main document holding {@code content}. */
    static MemoMessage letter(String cpr, FileContent content) {
        return MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).label("Afgørelse om boligstøtte")
                        .mandatory(false).legalNotification(false)
                        .sender(Sender.cvr("29189846", "Aarhus Kommune").build())
                        .recipient(Recipient.cpr(cpr).build()).build())
                .body(MessageBody.builder(Instant.parse("2026-11-25T09:00:00Z"),
                        MainDocument.of("Afgørelse", MemoFile.of(MemoFile.PDF, "afgoerelse.pdf", "da", content))).build())
                .build();
    }

    /** The whole MeMo XML, attachment Base64-encoded on the fly. */
    @Benchmark
    public long sdk() throws IOException {
        Counting out = new Counting();
        MemoXml.write(message, out);
        return out.count;
    }

    /**
     * Base64 of the same bytes, nothing else: {@code java.util.Base64} encoding 96 KiB chunks (copied into a reused
     * buffer, as any stream source must be) into a reused output buffer that stays in cache, each written to the null
     * stream. The fastest way the JDK offers: one call over the whole array into a 13 MB buffer measured about ten
     * times slower (memory-bound), {@code Encoder.wrap} slower still.
     */
    @Benchmark
    public long baseline() throws IOException {
        Counting out = new Counting();
        Base64.Encoder encoder = Base64.getEncoder();
        for (int off = 0; off < pdf.length; off += sourceChunk.length) {
            int n = Math.min(sourceChunk.length, pdf.length - off);
            byte[] src = sourceChunk;
            if (n == sourceChunk.length) {
                System.arraycopy(pdf, off, src, 0, n);
            } else {
                src = Arrays.copyOfRange(pdf, off, off + n);
            }
            out.write(encodedChunk, 0, encoder.encode(src, encodedChunk));
        }
        return out.count;
    }

    /** A null stream that counts, so the work cannot be optimised away. */
    static final class Counting extends OutputStream {
        long count;

        @Override
        public void write(int b) {
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            count += len;
        }
    }
}

package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.clients.digitalpost.internal.KombiStax;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import dk.rammearkitektur.clients.digitalpost.memo.FileContentSink;
import dk.rammearkitektur.clients.digitalpost.memo.MemoXml;

/**
 * Streams the body of an SF1601 KombiPostAfsend call ({@code kombi_request}, no namespace) to and from XML: the
 * {@code KombiValgKode}, the {@code memo:Message} and the print part {@code fjernprint:ForsendelseISamling}. File
 * content is Base64-encoded and decoded on the fly as in {@link MemoXml}.
 */
public final class KombiXml {
    private KombiXml() {
    }

    /** Writes {@code request} as a UTF-8 XML document; flushes but does not close {@code out}. */
    public static void write(KombiRequest request, OutputStream out) throws IOException {
        KombiStax.write(request, out);
    }

    /** Writes {@code request} into a byte array; for small requests and tests. */
    public static byte[] toBytes(KombiRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(request, out);
        } catch (IOException e) {
            throw new UncheckedIOException("a file's content could not be read", e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a request, sending each file's decoded bytes (MeMo files, the printed letter and its attachments) to
     * {@code sink}. Elements of the print part this SDK does not model ({@code MeddelelsesFormatObjekt}, attachments
     * by reference, the extra post parameters) are refused with a violation; {@code DigitalPostParametre} and
     * {@code ForsendelseAfsender} are read into {@link PrintShipment#digitalPostParameters()} and
     * {@link PrintShipment.SenderDetails#senderAddress()}.
     */
    public static KombiRequest read(InputStream in, FileContentSink sink) throws IOException {
        Objects.requireNonNull(in, "in == null");
        Objects.requireNonNull(sink, "sink == null");
        return KombiStax.read(in, sink);
    }
}

package dk.rammearkitektur.testkit.digitalpost;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A delivery status the simulator emitted, as the platform delivers it through Beskedfordeler: a
 * {@code PKO_PostStatus} document ({@link #xml()}), its Beskedfordeler envelope ({@link #beskedfordelerDocument()})
 * and its main fields.
 *
 * @param messageUuid the MeMo messageUUID, or null for a print-only letter
 * @param transmissionId the transmission id, or null
 * @param shipmentId the print shipment's id, or null
 * @param channel the KanalKode, e.g. {@code Digital Post}
 * @param status the TransaktionsStatusKode, e.g. {@code Afleveret Digital Post}
 * @param at when it happened (simulator clock)
 * @param document the PKO_PostStatus document, UTF-8
 */
public record PostStatusEvent(UUID messageUuid, String transmissionId, String shipmentId, String channel, String status,
        Instant at, byte[] document) {

    /** The PKO_PostStatus document as text. */
    public String xml() {
        return new String(document, StandardCharsets.UTF_8);
    }

    /** A new stream over the PKO_PostStatus document. */
    public java.io.InputStream openStream() {
        return new java.io.ByteArrayInputStream(document);
    }

    /** The id of the Beskedfordeler message carrying this status: derived from the document, so stable. */
    public String beskedId() {
        return UUID.nameUUIDFromBytes(document).toString();
    }

    /**
     * The status as the Beskedfordeler (SF1461) delivers it from a dueslag: a {@code Haendelsesbesked} in the published
     * Beskedfordeler schema, the {@code PKO_PostStatus} Base64-encoded in {@code Beskeddata/Base64} (the element a
     * public receiver reads; its namespace is not published, so it has none here). BeskedId is {@link #beskedId()};
     * Beskedtype is the simulator's own URN ({@link #BESKEDTYPE}), the platform's value is not published.
     */
    public byte[] haendelsesbesked() {
        return haendelsesbeskedXml().getBytes(StandardCharsets.UTF_8);
    }

    /** The same as the Beskedfordeler pushes it to a receiver: wrapped in {@code ModtagBeskedInput}. */
    public byte[] beskedfordelerDocument() {
        return ("<sts:ModtagBeskedInput xmlns:sts=\"urn:oio:sts:1.0.0\">" + haendelsesbeskedXml()
                + "</sts:ModtagBeskedInput>").getBytes(StandardCharsets.UTF_8);
    }

    private String haendelsesbeskedXml() {
        return "<besked:Haendelsesbesked xmlns:besked=\"urn:oio:besked:kuvert:1.0\" "
                + "xmlns:sd=\"urn:oio:sagdok:3.0.0\"><besked:BeskedId><sd:UUIDIdentifikator>" + beskedId()
                + "</sd:UUIDIdentifikator></besked:BeskedId><besked:BeskedVersion>1.0</besked:BeskedVersion>"
                + "<besked:Beskedkuvert><besked:Filtreringsdata><besked:Beskedtype><sd:URNIdentifikator>" + BESKEDTYPE
                + "</sd:URNIdentifikator></besked:Beskedtype></besked:Filtreringsdata><besked:Leveranceinformation>"
                + "<besked:Dannelsestidspunkt><sd:TidsstempelDatoTid>" + at + "</sd:TidsstempelDatoTid>"
                + "</besked:Dannelsestidspunkt></besked:Leveranceinformation></besked:Beskedkuvert><besked:Beskeddata>"
                + "<Base64>" + java.util.Base64.getEncoder().encodeToString(document) + "</Base64></besked:Beskeddata>"
                + "</besked:Haendelsesbesked>";
    }

    /** The simulator's own Beskedtype for PKO_PostStatus messages. */
    public static final String BESKEDTYPE = "urn:rammearkitektur:simulator:beskedtype:pko-poststatus";

    @Override
    public String toString() {
        return "PostStatusEvent[" + messageUuid + ", " + channel + ", " + status + "]";
    }
}

package dk.rammearkitektur.testkit.digitalpost;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * A delivery status the simulator emitted, as the platform delivers it through Beskedfordeler: a
 * {@code PKO_PostStatus} document ({@link #xml()}) and its main fields.
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

    @Override
    public String toString() {
        return "PostStatusEvent[" + messageUuid + ", " + channel + ", " + status + "]";
    }
}

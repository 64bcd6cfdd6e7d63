package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.clients.digitalpost.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.internal.Replies;
import java.io.InputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/**
 * A delivery status the platform reports after sending ({@code PKO_PostStatus}, delivered through Beskedfordeler):
 * received, delivered or failed, correlated by {@link #messageUuid()} and {@link #transmissionId()}. The same
 * status can arrive more than once; {@link DeliveryStatusLog} keeps each only once.
 *
 * @param kind what the status means
 * @param statusText the platform's status text ({@code TransaktionsStatusKode}), e.g. {@code Afleveret Digital Post}
 * @param channel the channel ({@code KanalKode}), e.g. {@code Digital Post} or {@code Fysisk Post}, or null
 * @param transmissionId the transmission ({@code TransmissionId}), or null
 * @param messageUuid the MeMo message's UUID ({@code MessageUUID}), or null
 * @param messageId the sender's message id ({@code MessageId}), or null
 * @param shipmentId the print shipment's id ({@code AfsendelseIdentifikator}), or null
 * @param time when it happened ({@code TransaktionsDatoTid}), or null
 * @param correlationId the platform's correlation id, or null
 * @param errorCode the error code ({@code FejlDetaljer/FejlKode}), or null
 * @param errorText the error text ({@code FejlDetaljer/FejlTekst}), or null
 */
public record DeliveryStatus(Kind kind, String statusText, String channel, String transmissionId, UUID messageUuid,
        String messageId, String shipmentId, Instant time, String correlationId, String errorCode, String errorText) {

    /** What a status means for the letter. */
    public enum Kind {
        /** Received by the platform's channel (Modtaget ...). */
        RECEIVED,
        /** Delivered to the recipient's mailbox or handed to the postal service (Afleveret ...). */
        DELIVERED,
        /** Failed (Fejlet). */
        FAILED,
        /** Another step of a printed letter (Afsendt, Klar, ...). */
        IN_PROGRESS;

        /** Classifies a status text, ignoring case: Fejlet, Modtaget ..., Afleveret ..., anything else. */
        public static Kind of(String statusText) {
            String s = statusText == null ? "" : statusText.strip().toLowerCase(Locale.ROOT);
            if (s.startsWith("fejl")) {
                return FAILED;
            }
            if (s.startsWith("afleveret")) {
                return DELIVERED;
            }
            if (s.startsWith("modtaget")) {
                return RECEIVED;
            }
            return IN_PROGRESS;
        }
    }

    /**
     * Parses a {@code PKO_PostStatus} document with the SDK's hardened parser. Unknown elements are ignored, so
     * that new fields from the platform do not break the receiver.
     *
     * @throws dk.rammearkitektur.core.ValidationException if the document is not a PKO_PostStatus or lacks its status
     */
    public static DeliveryStatus parse(InputStream in) {
        return Replies.deliveryStatus(in);
    }

    /** The identity used to recognise a repeated status: transmission, message, shipment, status text and time. */
    public String deduplicationKey() {
        return String.join("|", String.valueOf(transmissionId), String.valueOf(messageUuid), String.valueOf(shipmentId),
                String.valueOf(statusText).strip().toLowerCase(Locale.ROOT), String.valueOf(time));
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

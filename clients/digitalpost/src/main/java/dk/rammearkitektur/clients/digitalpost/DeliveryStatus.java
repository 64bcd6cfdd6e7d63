package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.digitalpost.internal.Beskedfordeler;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.internal.Replies;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A delivery status the platform reports after sending ({@code PKO_PostStatus}, delivered through Beskedfordeler),
 * correlated by {@link #messageUuid()}, {@link #transmissionId()} or, for print, {@link #shipmentId()}. The same
 * status can arrive more than once; {@link DeliveryStatusLog} keeps each only once.
 *
 * <p>KOMBIT's status catalogue ("Beskedfordeler – PKO_PostStatus") is not public. {@link Kind} knows only texts a
 * public source shows; any other text is {@link Kind#UNKNOWN}, never taken for a delivery. A status with failure
 * details ({@code FejlDetaljer}) is {@link Kind#FAILED} whatever its text, as public receivers treat it.
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
 * @param print the print fields of a printed letter's status, or null when the status has none
 */
public record DeliveryStatus(Kind kind, String statusText, String channel, String transmissionId, UUID messageUuid,
        String messageId, String shipmentId, Instant time, String correlationId, String errorCode, String errorText,
        PrintDetails print) {

    /** What a status means for the letter. */
    public enum Kind {
        /** Received by the channel ({@code Modtaget Digital Post}; for print {@code Modtaget}). */
        RECEIVED,
        /** Delivered to the recipient's Digital Post mailbox ({@code Afleveret Digital Post}). */
        DELIVERED,
        /** Failed ({@code Fejlet}, or any status with failure details). */
        FAILED,
        /**
         * A step of a printed letter on its way: {@code Afsendt}, {@code Klar}, {@code Afleveret til print og
         * kuvertering}, {@code Opdatering fra Post Danmark}. Handing a letter to print is not a delivery.
         */
        IN_PROGRESS,
        /** The printed letter was recalled ({@code Tilbagekaldt}). */
        WITHDRAWN,
        /** A text no public source shows; keep the {@link #statusText()} and look it up with KOMBIT. */
        UNKNOWN;

        private static final Map<String, Kind> KNOWN = Map.ofEntries(
                // Digital Post: the texts OS2Valghalla's receiver handles.
                Map.entry("modtaget digital post", RECEIVED), Map.entry("afleveret digital post", DELIVERED),
                Map.entry("fejlet", FAILED),
                // Print: the steps in public PKO_PostStatus classes that cite KOMBIT's catalogue.
                Map.entry("afsendt", IN_PROGRESS), Map.entry("modtaget", RECEIVED), Map.entry("klar", IN_PROGRESS),
                Map.entry("afleveret til print og kuvertering", IN_PROGRESS),
                Map.entry("opdatering fra post danmark", IN_PROGRESS), Map.entry("tilbagekaldt", WITHDRAWN));

        /** Classifies a status text, ignoring case and surrounding space; {@link #UNKNOWN} for any other text. */
        public static Kind of(String statusText) {
            String s = statusText == null ? "" : statusText.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            return KNOWN.getOrDefault(s, UNKNOWN);
        }
    }

    /**
     * The print fields of a {@code PKO_PostStatus}; each may be null.
     *
     * @param shipmentRef the platform's shipment id ({@code ForsendelseIdentifikator})
     * @param userName the sending user ({@code BrugerNavn})
     * @param unit the sending unit ({@code EnhedTekst})
     * @param senderSystemId the sending system ({@code AfsenderSystemIdentifikator})
     * @param shipmentTypeId the shipment type ({@code ForsendelseTypeIdentifikator})
     * @param events the shipment's events ({@code ForsendelseHaendelseSamling/ForsendelseHaendelse}), in order
     */
    public record PrintDetails(String shipmentRef, String userName, String unit, String senderSystemId,
            String shipmentTypeId, List<PrintEvent> events) {
        /** Copies the events. */
        public PrintDetails {
            events = events == null ? List.of() : List.copyOf(events);
        }
    }

    /**
     * One event of a printed letter ({@code ForsendelseHaendelse}); each part may be null.
     *
     * @param type the event's type code ({@code …TypeKode})
     * @param time when it happened ({@code …DatoTid})
     * @param amount the amount charged ({@code …Beloeb}), as given
     */
    public record PrintEvent(String type, Instant time, String amount) {
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

    /**
     * Parses a status as Beskedfordeler (SF1461) delivers it: a {@code ModtagBeskedInput} pushed to the receiver's
     * service, or a {@code Haendelsesbesked} as pulled, with the {@code PKO_PostStatus} in {@code Beskeddata}, itself
     * or Base64-encoded in a {@code Base64} element (as a public receiver reads it); the envelope is read by
     * {@link EventMessage#parse(InputStream)}. Answer a push with {@link #beskedfordelerReceivedReply()}.
     *
     * @throws dk.rammearkitektur.core.ValidationException if the envelope or the status inside is not acceptable
     */
    public static DeliveryStatus parseBeskedfordeler(InputStream in) {
        return Beskedfordeler.status(in);
    }

    /**
     * The status a Beskedfordeler event carries, for a receiver that reads events itself (e.g. with the Beskedfordeler
     * client): the first {@code Beskeddata} that is a {@code PKO_PostStatus} or holds one Base64-encoded. Correlate
     * it with the {@link SendReceipt} by {@link #messageUuid()} or {@link #transmissionId()}.
     *
     * @throws dk.rammearkitektur.core.ValidationException if no payload holds a PKO_PostStatus, or the status is not
     *         acceptable
     */
    public static DeliveryStatus of(EventMessage message) {
        return Beskedfordeler.status(message);
    }

    /**
     * The body a receiver answers a Beskedfordeler push with when it has taken the status:
     * {@code ModtagBeskedOutput} with {@code StandardRetur/StatusKode} 20 and {@code FejlbeskedTekst} Ok.
     */
    public static String beskedfordelerReceivedReply() {
        return Beskedfordeler.receivedReply();
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

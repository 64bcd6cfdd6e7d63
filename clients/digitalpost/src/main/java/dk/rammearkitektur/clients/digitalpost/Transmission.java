package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.core.Violations;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One logical send of a {@link KombiRequest}: the request with the transaction id ({@code x-TransaktionsId}) and
 * transaction time ({@code x-TransaktionsTid}) fixed once. Together with the MeMo messageUUID these let the platform
 * recognise a resend as the same transaction and message; whether and how it does is not published (see
 * {@link DigitalPostClient}). Keep it (or its ids) until the send is confirmed, and resend exactly this value after a
 * timeout; never prepare a new one for a retry.
 *
 * @param transactionId the transaction id
 * @param transactionTime the transaction time, whole seconds, UTC
 * @param request what is sent
 */
public record Transmission(UUID transactionId, Instant transactionTime, KombiRequest request) {

    /** Checks that every part is set; the time is truncated to whole seconds. */
    public Transmission {
        Violations v = Violations.at("transmission");
        v.require(transactionId != null, "transactionId", "must be set");
        v.require(transactionTime != null, "transactionTime", "must be set");
        v.require(request != null, "request", "must be set");
        v.throwIfAny();
        transactionTime = transactionTime.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A transmission with ids the caller kept from an earlier attempt. */
    public static Transmission of(UUID transactionId, Instant transactionTime, KombiRequest request) {
        return new Transmission(transactionId, transactionTime, request);
    }

    /** The MeMo messageUUID of the request, or null for a print-only request. */
    public UUID messageUuid() {
        return request.memo() == null ? null : request.memo().header().messageUuid();
    }

    @Override
    public String toString() {
        return "Transmission[" + transactionId + ", " + transactionTime + ", " + request.channel() + ", message "
                + messageUuid() + "]";
    }
}

package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Lists;
import dk.rammearkitektur.clients.digitalpost.internal.Replies;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;

/**
 * The synchronous reply to an SF1601 KombiPostAfsend call ({@code kombi_response}). {@link #accepted()} means the
 * platform took the request, not that the letter was delivered: delivery is reported later as
 * {@link DeliveryStatus} events. A printed letter may be accepted without a transmission id.
 *
 * @param accepted the {@code Result}
 * @param transmissionId the platform's id of the transmission ({@code TransmissionID}), or null
 * @param advices the platform's advice texts ({@code Advis}), possibly none
 * @param errorCode the error id or code ({@code FejlId} / {@code FejlKode}) when not accepted, or null
 * @param errorText the error text ({@code FejlTekst}, else the first advice text) when not accepted, or null
 */
public record SendReceipt(boolean accepted, String transmissionId, List<Advice> advices, String errorCode,
        String errorText) {

    /** Copies the list. */
    public SendReceipt {
        advices = Lists.copy(advices);
    }

    /**
     * Parses a {@code kombi_response} with the SDK's hardened parser; elements are matched by local name in any
     * namespace.
     *
     * @throws dk.rammearkitektur.core.XmlParseException if the reply has no {@code Result} or is not XML
     */
    public static SendReceipt parse(InputStream in) {
        return Replies.sendReceipt(in);
    }

    /** The transmission id, when the platform gave one. */
    public Optional<String> transmission() {
        return Optional.ofNullable(transmissionId);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /**
     * One advice from the platform (Advis).
     *
     * @param id the advice's id ({@code AdvisId}), or null
     * @param text the advice text ({@code AdvisTekst}), or null
     */
    public record Advice(String id, String text) {
        @Override
        public String toString() {
            return Describe.record(this);
        }
    }
}

package dk.rammearkitektur.clients.digitalpost.internal;

import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.events.EventPayload;
import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.core.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@code PKO_PostStatus} delivered through Beskedfordeler (SF1461): the envelope is read by {@link EventMessage}
 * (a push's {@code ModtagBeskedInput}, or a bare {@code Haendelsesbesked} as pulled); the status is the first
 * {@code Beskeddata} that is a {@code PKO_PostStatus} element or holds one Base64-encoded in a {@code Base64} element,
 * as a public receiver reads it.
 */
public final class Beskedfordeler {
    /** The namespace of ModtagBeskedInput and ModtagBeskedOutput. */
    public static final String STS = "urn:oio:sts:1.0.0";
    /** The namespace of StandardRetur. */
    public static final String SAGDOK = "urn:oio:sagdok:3.0.0";

    private static final String POST_STATUS = "PKO_PostStatus";

    private Beskedfordeler() {
    }

    /** Parses the envelope and the status inside it. */
    public static DeliveryStatus status(InputStream in) {
        return status(EventMessage.parse(Objects.requireNonNull(in, "in == null")));
    }

    /** The status inside a parsed message. */
    public static DeliveryStatus status(EventMessage message) {
        Objects.requireNonNull(message, "message == null");
        for (EventPayload payload : message.payloads()) {
            if (POST_STATUS.equals(payload.rootName())) {
                return Replies.deliveryStatus(new ByteArrayInputStream(payload.documentBytes()));
            }
            Optional<byte[]> decoded = base64(payload);
            if (decoded.isPresent()) {
                return Replies.deliveryStatus(new ByteArrayInputStream(decoded.get()));
            }
        }
        throw new ValidationException("Haendelsesbesked.Beskeddata", "must hold a PKO_PostStatus, itself or Base64-encoded");
    }

    private static Optional<byte[]> base64(EventPayload payload) {
        try {
            return payload.base64Content();
        } catch (ValidationException e) {
            throw e.under("Haendelsesbesked");
        }
    }

    /** The receiver's answer that the message was taken: {@code ModtagBeskedOutput/StandardRetur} 20, "Ok". */
    public static String receivedReply() {
        return "<sts:ModtagBeskedOutput xmlns:sts=\"" + STS + "\" xmlns:sd=\"" + SAGDOK + "\"><sd:StandardRetur>"
                + "<sd:StatusKode>20</sd:StatusKode><sd:FejlbeskedTekst>Ok</sd:FejlbeskedTekst></sd:StandardRetur>"
                + "</sts:ModtagBeskedOutput>";
    }
}

package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.core.TransportException;
import java.util.Optional;

/**
 * A Digital Post call did not complete as a conversation: see the subclasses {@link DigitalPostTimeoutException},
 * {@link DigitalPostConnectionException} and {@link DigitalPostReplyException}. When a send failed this way the
 * letter may or may not have been delivered ({@link #mayHaveReachedService()}); resend the same
 * {@link #transmission()} with {@link DigitalPostClient#resend(Transmission)}, which keeps the transaction id and
 * messageUUID (how the platform treats a repeat is not published; see {@link DigitalPostClient}).
 */
public class DigitalPostTransportException extends TransportException {
    private static final long serialVersionUID = 1L;

    private final transient Transmission transmission;

    /** Creates the exception. */
    public DigitalPostTransportException(String message, boolean mayHaveReachedService, Transmission transmission,
            Throwable cause) {
        super(message, mayHaveReachedService, cause);
        this.transmission = transmission;
    }

    /** The transmission whose send failed; empty for token fetches and lookups. */
    public Optional<Transmission> transmission() {
        return Optional.ofNullable(transmission);
    }
}

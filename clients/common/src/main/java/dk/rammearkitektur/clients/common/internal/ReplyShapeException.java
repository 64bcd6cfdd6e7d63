package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.ServiceCall;

/**
 * Thrown by the readers of reply content (JAXB, mappers), which do not know the call they read for; the code that
 * made the call turns it into a {@link MalformedReplyException} for its {@link ServiceCall} with {@link #forCall}.
 * Never reaches a caller of the SDK.
 */
public final class ReplyShapeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception; the message says which part of the reply is wrong and how. */
    public ReplyShapeException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The public exception for {@code call}. */
    public MalformedReplyException forCall(ServiceCall call) {
        return new MalformedReplyException(call, getMessage(), getCause());
    }
}

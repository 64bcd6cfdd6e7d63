package dk.rammearkitektur.clients.beskedfordeler.push;

import dk.rammearkitektur.core.xml.XmlText;
import dk.rammearkitektur.clients.beskedfordeler.Deduplication;
import dk.rammearkitektur.clients.beskedfordeler.EventHandler;
import dk.rammearkitektur.clients.beskedfordeler.InMemoryDeduplication;
import dk.rammearkitektur.clients.beskedfordeler.UnreadableMessage;
import dk.rammearkitektur.clients.beskedfordeler.internal.EventDispatch;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.Violations;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives pushed events (SF1461 BeskedFåTilsendt) for any HTTP framework: give it the request body and the
 * caller's TLS certificate chain, send back the {@link PushResponse}. The caller must be the Beskedfordeler: its
 * certificate must be one of the pinned {@linkplain Builder#platformCertificates platform certificates} and within its
 * validity. The event is handed to the {@link EventHandler} through the {@link Deduplication} store; status 20 is
 * answered only after the handler returned (or when the event had been handled before), so the platform delivers
 * again whatever was not handled (research note {@code services-breadth.md}, section 3: anything but 20 leaves the
 * message in the dueslag to be retried).
 *
 * <p>The SDK's choices: a caller that is not the platform gets HTTP 403 with status 40; an unreadable body HTTP 400
 * with status 40 (after the unreadable-message handler saw it); a failed handler HTTP 500 with status 50 and a text
 * that does not reveal the failure (it is logged, CPR numbers masked). Thread-safe.
 */
public final class PushReceiver {
    private static final Logger LOG = LoggerFactory.getLogger("dk.rammearkitektur.clients.beskedfordeler.push");
    private static final String STS = "urn:oio:sts:1.0.0";
    private static final String SAGDOK = "urn:oio:sagdok:3.0.0";
    /** The largest body read, 16 MiB; larger requests are refused. */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final EventDispatch dispatch;
    private final List<X509Certificate> platform;
    private final Clock clock;

    private PushReceiver(Builder b) {
        this.dispatch = new EventDispatch(b.handler,
                b.deduplication != null ? b.deduplication : InMemoryDeduplication.create(), b.onUnreadable);
        this.platform = List.copyOf(b.platform);
        this.clock = b.clock;
    }

    /** A builder for a receiver. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Handles one push.
     *
     * @param body the request body ({@code ModtagBeskedInput})
     * @param callerChain the caller's TLS certificate chain, leaf first; empty or null when it sent none
     */
    public PushResponse receive(byte[] body, List<X509Certificate> callerChain) {
        String refusal = checkCaller(callerChain);
        if (refusal != null) {
            LOG.warn("Push refused: {}", refusal);
            return answer(403, 40, refusal);
        }
        if (body == null || body.length > MAX_BODY_BYTES) {
            return answer(413, 40, "the body must be at most " + MAX_BODY_BYTES + " bytes");
        }
        EventMessage message;
        try {
            message = EventMessage.parse(body);
        } catch (RammearkitekturException e) {
            return unreadable(body, PersonalData.maskCprNumbers(e.getMessage()));
        }
        try {
            boolean ran = dispatch.handle(message, Optional.empty(), false);
            LOG.debug("Pushed event {} {}", message.messageId(), ran ? "handled" : "had been handled before");
            return answer(200, 20, "OK");
        } catch (Exception e) {
            LOG.warn("Pushed event {}: the handler failed, answered 50 so it is delivered again: {}",
                    message.messageId(), PersonalData.maskCprNumbers(e.toString()));
            return answer(500, 50, "The receiver could not handle the message now; deliver it again.");
        }
    }

    /** The answer to a request that is not a POST. */
    public PushResponse methodNotAllowed() {
        return answer(405, 40, "only POST is accepted");
    }

    private String checkCaller(List<X509Certificate> chain) {
        if (chain == null || chain.isEmpty()) {
            return "the caller sent no TLS client certificate";
        }
        X509Certificate leaf = chain.get(0);
        if (!platform.contains(leaf)) {
            return "the caller's certificate is not a pinned Beskedfordeler certificate";
        }
        try {
            leaf.checkValidity(Date.from(clock.instant()));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return "the caller's certificate is not valid now";
        }
        return null;
    }

    private PushResponse unreadable(byte[] body, String reason) {
        UnreadableMessage m = new UnreadableMessage(Optional.empty(), null, body, reason);
        LOG.error("Unreadable pushed message answered 40: {}", m);
        dispatch.unreadable(m);
        return answer(400, 40, reason);
    }

    private static PushResponse answer(int http, int status, String text) {
        String xml = "<sts:ModtagBeskedOutput xmlns:sts=\"" + STS + "\" xmlns:sd=\"" + SAGDOK + "\"><sd:StandardRetur>"
                + "<sd:StatusKode>" + status + "</sd:StatusKode><sd:FejlbeskedTekst>" + escape(text)
                + "</sd:FejlbeskedTekst></sd:StandardRetur></sts:ModtagBeskedOutput>";
        return new PushResponse(http, status, xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        return XmlText.escape(s);
    }

    /** Settings for a {@link PushReceiver}. */
    public static final class Builder {
        private EventHandler handler;
        private Deduplication deduplication;
        private Collection<X509Certificate> platform = List.of();
        private Clock clock = Clock.systemUTC();
        private Consumer<UnreadableMessage> onUnreadable = m -> { };

        private Builder() {
        }

        /** What to do with each event. Required. */
        public Builder handler(EventHandler handler) {
            this.handler = handler;
            return this;
        }

        /** Where handled message ids are remembered (default: a new {@link InMemoryDeduplication}). */
        public Builder deduplication(Deduplication deduplication) {
            this.deduplication = deduplication;
            return this;
        }

        /**
         * The Beskedfordeler's TLS client certificates (its function certificate, as KOMBIT publishes it; more than
         * one while it is renewed). Required: pushes from any other certificate are refused.
         */
        public Builder platformCertificates(Collection<X509Certificate> certificates) {
            this.platform = certificates;
            return this;
        }

        /** The clock the platform certificate's validity is checked with (default: the system clock, UTC). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** Told of each unreadable message before it is answered with an error (default: only logged). */
        public Builder onUnreadable(Consumer<UnreadableMessage> onUnreadable) {
            this.onUnreadable = onUnreadable;
            return this;
        }

        /**
         * Checks the settings and builds the receiver.
         *
         * @throws dk.rammearkitektur.core.ValidationException naming each bad setting
         */
        public PushReceiver build() {
            Violations v = Violations.at("pushReceiver");
            v.require(handler != null, "handler", "must be set");
            v.require(platform != null && !platform.isEmpty() && platform.stream().allMatch(c -> c != null),
                    "platformCertificates", "must hold at least one certificate");
            v.require(clock != null, "clock", "must be set");
            v.require(onUnreadable != null, "onUnreadable", "must not be null");
            v.throwIfAny();
            return new PushReceiver(this);
        }
    }
}

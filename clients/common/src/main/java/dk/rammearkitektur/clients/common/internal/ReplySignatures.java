package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.signing.wss.WsSecurityVerifier;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.w3c.dom.Document;

/**
 * Checks the WS-Security signature of a service's reply: the token policies have the service sign its replies
 * (RecipientToken X509, AlwaysToInitiator) and KOMBIT hands out the service signing certificates to verify them
 * (research note row f7). With certificates configured, every reply that is not a fault must carry a signature by one
 * of them (pinned, in a BinarySecurityToken) over the Body and a fresh Timestamp, or it is refused with a
 * {@link dk.rammearkitektur.signing.wss.WsSecurityException} or {@link dk.rammearkitektur.signing.SignatureException}.
 * Faults are not checked (an SDK choice: a forged fault can only make a call fail). Replies need no WS-Addressing
 * headers.
 */
public final class ReplySignatures {
    private ReplySignatures() {
    }

    /** The reply check for these pinned service signing certificates. */
    public static Consumer<Document> verifier(List<X509Certificate> serviceCertificates, Clock clock, Duration skew) {
        WsSecurityVerifier verifier = WsSecurityVerifier.builder()
                .binarySecurityTokens(SignatureTrust.pinned(List.copyOf(serviceCertificates)))
                .requireAddressing(false).clock(clock).skew(skew).build();
        return verifier::verify;
    }
}

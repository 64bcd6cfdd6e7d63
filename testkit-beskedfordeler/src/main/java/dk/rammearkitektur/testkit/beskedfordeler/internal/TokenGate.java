package dk.rammearkitektur.testkit.beskedfordeler.internal;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.saml.SamlAssertionVerifier;
import dk.rammearkitektur.signing.saml.TrustedIssuer;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated Beskedfordeler's token check, shared by the connection (SASL EXTERNAL) and the publish handler (the
 * {@code token} header): the assertion must be signed by the configured STS certificate(s) only, be valid now (clock
 * and skew), name the expected audience, carry a holder-of-key confirmation whose certificate is the TLS client
 * certificate, and name a CVR. Uses the signing module's verifier, never client code.
 *
 * <p>Broker-J instantiates its plug-ins itself, so a running simulator registers its gate under a unique name (the
 * authentication provider's name) and the provider looks it up.
 */
public final class TokenGate {
    private static final Map<String, TokenGate> GATES = new ConcurrentHashMap<>();

    private final String name;
    private final List<X509Certificate> stsCertificates;
    private final String issuer;
    private final Clock clock;
    private final Duration skew;
    private volatile boolean expireAll;
    private final AtomicInteger refuseNext = new AtomicInteger();
    private final AtomicInteger expireNextPublishes = new AtomicInteger();

    /**
     * The outcome of a check: accepted with the token's CVR and the audience it was for, or refused with a reason (and
     * whether because it expired).
     *
     * @param accepted whether the token passed
     * @param expired whether it was refused for its validity window (or the expiry fault)
     * @param cvr the token's CvrNumberIdentifier when accepted
     * @param audience the audience it was accepted for
     * @param reason why it was refused
     */
    public record Verdict(boolean accepted, boolean expired, String cvr, String audience, String reason) {
        static Verdict refused(String reason) {
            return new Verdict(false, false, null, null, reason);
        }
    }

    /** A gate for tokens of {@code issuer} signed by one of {@code stsCertificates}. */
    public TokenGate(String name, String issuer, List<X509Certificate> stsCertificates, Clock clock, Duration skew) {
        this.name = Objects.requireNonNull(name, "name == null");
        this.issuer = Objects.requireNonNull(issuer, "issuer == null");
        this.stsCertificates = List.copyOf(stsCertificates);
        this.clock = Objects.requireNonNull(clock, "clock == null");
        this.skew = Objects.requireNonNull(skew, "skew == null");
    }

    /** Makes this gate findable by {@link #named(String)}; returns this. */
    public TokenGate register() {
        GATES.put(name, this);
        return this;
    }

    /** Forgets this gate. */
    public void unregister() {
        GATES.remove(name, this);
    }

    /** The gate registered as {@code name}, or null. */
    public static TokenGate named(String name) {
        return GATES.get(name);
    }

    /** The name the gate is registered under. */
    public String name() {
        return name;
    }

    /** When on, every otherwise valid token counts as expired. */
    public void expireAll(boolean on) {
        expireAll = on;
    }

    /** The next {@code count} connection attempts are refused whatever they present. */
    public void refuseNext(int count) {
        refuseNext.set(count);
    }

    /** True (and counts down) when this connection attempt is to be refused by fault injection. */
    /** Counts the next {@code count} publish tokens as expired, however valid they are. */
    public void expireNextPublishes(int count) {
        expireNextPublishes.set(count);
    }

    /** True (once per count set) when a publish token is to count as expired. */
    public boolean drawPublishExpiry() {
        return expireNextPublishes.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    boolean drawRefusal() {
        return refuseNext.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    /**
     * Checks {@code token} (the SAML assertion's XML text) for one of {@code audiences}, presented over a TLS
     * connection with client certificate {@code peer} (null: refused).
     */
    public Verdict check(String token, X509Certificate peer, String... audiences) {
        if (peer == null) {
            return Verdict.refused("no TLS client certificate");
        }
        if (token == null || token.isBlank()) {
            return Verdict.refused("no token");
        }
        SamlAssertion assertion = null;
        String matched = null;
        String refusal = TokenException.AUDIENCE;
        for (String audience : audiences) {
            try {
                org.w3c.dom.Element element = SecureXml.parse(token).getDocumentElement();
                assertion = verifier(audience).verify(element);
                matched = audience;
                break;
            } catch (SecurityCheckException e) {
                if (!TokenException.AUDIENCE.equals(e.reason())) {
                    boolean expired = TokenException.EXPIRED.equals(e.reason())
                            || TokenException.NOT_YET_VALID.equals(e.reason());
                    return new Verdict(false, expired, null, null, e.reason());
                }
            } catch (RammearkitekturException | IllegalArgumentException e) {
                refusal = "token is not a SAML assertion";
                break;
            }
        }
        if (assertion == null) {
            return Verdict.refused(refusal);
        }
        if (!peer.equals(assertion.holderOfKeyCertificate().orElse(null))) {
            return Verdict.refused("the holder-of-key is not the TLS client certificate");
        }
        String cvr = assertion.attribute(SamlAssertion.CVR_ATTRIBUTE).orElse(null);
        if (cvr == null || cvr.isBlank()) {
            return Verdict.refused("the token names no CVR");
        }
        if (expireAll) {
            return new Verdict(false, true, null, null, TokenException.EXPIRED + " (fault injection)");
        }
        return new Verdict(true, false, cvr, matched, null);
    }

    /**
     * The broker principal of an accepted token: the CVR for a receive token (the owner the dueslag queues of that
     * authority name, so only it may consume them), {@code afsend:<cvr>} for a publish token (which may consume no
     * dueslag).
     */
    public static String principalName(Verdict accepted) {
        return ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID.equals(accepted.audience()) ? accepted.cvr()
                : "afsend:" + accepted.cvr();
    }

    private SamlAssertionVerifier verifier(String audience) {
        // no cache: the simulator's clock is read on every check
        return SamlAssertionVerifier.builder(TrustedIssuer.pinned(issuer, stsCertificates)).audience(audience)
                .clock(clock).skew(skew).requireHolderOfKey(true).noVerifiedTokenCache().build();
    }
}

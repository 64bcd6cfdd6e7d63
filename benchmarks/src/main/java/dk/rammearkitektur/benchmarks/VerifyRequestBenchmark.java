package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.signing.wss.VerifiedMessage;
import dk.rammearkitektur.signing.wss.WsSecurityVerifier;
import java.security.GeneralSecurityException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;

/**
 * Benchmark 2: full WS-Security verification of a signed request (timestamp, SAML token, holder-of-key, message
 * signature, coverage of Body, Timestamp and addressing) per second, against raw RSA-2048 PKCS#1 v1.5 SHA-256
 * verifications per second. The token was seen before, so the SAML verifier's verified-token cache answers for its
 * signature (the steady state of a service); {@link VerifyNewTokenBenchmark} measures a token never seen. Goal: ratio
 * at least 0.6.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
public class VerifyRequestBenchmark {
    private Document signed;
    private WsSecurityVerifier verifier;
    private RawRsaVerification raw;

    /** Signs one request, and one raw signature, to verify over and over. */
    @Setup
    public void setup() throws GeneralSecurityException {
        signed = SigningFixtures.signedRequest();
        verifier = newVerifier();
        verifier.verify((Document) signed.cloneNode(true));
        raw = new RawRsaVerification(signed);
    }

    /** The verifier under test. */
    WsSecurityVerifier newVerifier() {
        return SigningFixtures.verifier(true);
    }

    /**
     * Verifies the signed request (parsed once in setup; verification only marks ID attributes, which it does the same
     * way every time, so the document can be verified again and again).
     */
    @Benchmark
    public VerifiedMessage sdk() {
        return verifier.verify(signed);
    }

    /** One raw RSA-2048 verification. */
    @Benchmark
    public boolean baseline() throws GeneralSecurityException {
        return raw.verify();
    }
}

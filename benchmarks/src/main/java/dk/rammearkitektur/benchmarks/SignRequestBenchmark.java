package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.signing.wss.WsSecuritySigner;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
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
 * Benchmark 1: signed SOAP request creation (WS-Security header with a SAML holder-of-key token; Body, Timestamp and
 * the addressing headers To, Action, MessageID and ReplyTo signed) per second, against raw RSA-2048 PKCS#1 v1.5
 * SHA-256 signatures per second with the same key over a SignedInfo-sized message. Goal: ratio at least 0.95.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
public class SignRequestBenchmark {
    private Document template;
    private WsSecuritySigner signer;
    private PrivateKey key;
    private Signature rsa;
    private byte[] signedInfo;

    /** Builds the template request, the signer and the raw signature engine. */
    @Setup
    public void setup() throws GeneralSecurityException {
        template = SigningFixtures.unsignedRequest();
        signer = SigningFixtures.signer(SigningFixtures.token());
        key = SigningFixtures.CLIENT.privateKey();
        rsa = Signature.getInstance("SHA256withRSA");
        signedInfo = SigningFixtures.baselineMessage(SigningFixtures.signedRequest());
    }

    /** A fresh copy of the unsigned request, signed in place. */
    @Benchmark
    public Document sdk() {
        Document d = (Document) template.cloneNode(true);
        return signer.sign(d);
    }

    /** One raw RSA-2048 signature over the bytes of a real SignedInfo. */
    @Benchmark
    public byte[] baseline() throws GeneralSecurityException {
        rsa.initSign(key);
        rsa.update(signedInfo);
        return rsa.sign();
    }
}

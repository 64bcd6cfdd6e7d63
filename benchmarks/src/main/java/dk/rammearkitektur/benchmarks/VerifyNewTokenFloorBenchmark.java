package dk.rammearkitektur.benchmarks;

import dk.rammearkitektur.signing.DigestAlgorithm;
import dk.rammearkitektur.signing.internal.ByteSink;
import dk.rammearkitektur.signing.internal.Engines;
import dk.rammearkitektur.signing.internal.ExclusiveC14n;
import dk.rammearkitektur.signing.internal.IdRegistry;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
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
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The floor under benchmark 2b, recorded beside it: of verifying {@link VerifyRequestBenchmark}'s request with a new
 * token, only the computing XML-DSig prescribes, done with the SDK's canonicaliser and the JDK's engines and nothing
 * else: the token's exclusive canonical form with its enveloped digest and its STR-Transform digest, the canonical
 * form of both SignedInfos and their RSA-2048 verifications, and the canonical form and SHA-256 of the six signed
 * parts. Less than a verifier must do: no element is looked up, no structure, algorithm, time, audience, trust or
 * holder-of-key check is made, no DigestValue or SignatureValue is decoded, no digest is compared. Its ratio to the same
 * raw RSA-2048 verification as 2b's baseline is therefore more than any verifier that starts from the DOM can reach
 * with these engines; benchmark 2b's goal lies above it when it is below 0.4.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
public class VerifyNewTokenFloorBenchmark {
    private static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private Element token;
    private Element tokenSignature;
    private Element tokenSignedInfo;
    private Element messageSignedInfo;
    private List<Element> parts;
    private byte[] tokenSignatureValue;
    private byte[] messageSignatureValue;
    private PublicKey sts;
    private PublicKey client;
    private Signature rsa;
    private RawRsaVerification raw;

    /** Finds the signed request's parts, and signs one raw message for the baseline. */
    @Setup
    public void setup() throws GeneralSecurityException {
        Document signed = SigningFixtures.signedRequest();
        IdRegistry ids = IdRegistry.register(signed);
        token = (Element) signed.getElementsByTagNameNS("urn:oasis:names:tc:SAML:2.0:assertion", "Assertion").item(0);
        parts = new ArrayList<>();
        NodeList sigs = signed.getElementsByTagNameNS(DSIG, "Signature");
        for (int i = 0; i < sigs.getLength(); i++) {
            Element sig = (Element) sigs.item(i);
            Element si = (Element) sig.getElementsByTagNameNS(DSIG, "SignedInfo").item(0);
            byte[] value = Base64.getMimeDecoder().decode(
                    sig.getElementsByTagNameNS(DSIG, "SignatureValue").item(0).getTextContent());
            if (sig.getParentNode() == token) {
                tokenSignature = sig;
                tokenSignedInfo = si;
                tokenSignatureValue = value;
                continue;
            }
            messageSignedInfo = si;
            messageSignatureValue = value;
            NodeList refs = si.getElementsByTagNameNS(DSIG, "Reference");
            for (int r = 0; r < refs.getLength(); r++) {
                Element ref = (Element) refs.item(r);
                Node transform = ref.getElementsByTagNameNS(DSIG, "Transform").item(0);
                if (!((Element) transform).getAttribute("Algorithm").endsWith("#STR-Transform")) {
                    parts.add(ids.get(ref.getAttribute("URI").substring(1)));
                }
            }
        }
        if (tokenSignedInfo == null || messageSignedInfo == null || parts.size() != 6) {
            throw new IllegalStateException("the fixture's request no longer has the expected shape: " + parts.size());
        }
        sts = SigningFixtures.STS.certificate().getPublicKey();
        client = SigningFixtures.CLIENT.certificate().getPublicKey();
        rsa = Signature.getInstance("SHA256withRSA");
        if ((sdk() & 0x3) != 0x3) {
            throw new IllegalStateException("a signature of the fixture does not verify");
        }
        requireDigestsAsSigned(signed);
        raw = new RawRsaVerification(signed);
    }

    /** Checks that the digests {@link #sdk()} computes are the ones the request's References carry. */
    private void requireDigestsAsSigned(Document signed) throws GeneralSecurityException {
        List<String> expected = new ArrayList<>();
        for (Element si : List.of(tokenSignedInfo, messageSignedInfo)) {
            NodeList values = si.getElementsByTagNameNS(DSIG, "DigestValue");
            for (int i = 0; i < values.getLength(); i++) {
                expected.add(values.item(i).getTextContent().trim());
            }
        }
        List<String> computed = new ArrayList<>();
        for (byte[] digest : tokenDigests()) {
            computed.add(Base64.getEncoder().encodeToString(digest));
        }
        for (Element part : parts) {
            computed.add(Base64.getEncoder().encodeToString(ExclusiveC14n.digest(part, DigestAlgorithm.SHA256)));
        }
        if (expected.size() != computed.size() || !new HashSet<>(expected).equals(new HashSet<>(computed))) {
            throw new IllegalStateException("the floor's digests are not the request's: " + computed + " against " + expected);
        }
    }

    /**
     * The prescribed work: the token's digests, its SignedInfo verified, the six parts' digests, the message's SignedInfo
     * verified. Returns bit 0 and 1 for the two verdicts, mixed with the digests' first bytes above them.
     */
    @Benchmark
    public int sdk() throws GeneralSecurityException {
        byte[][] digests = tokenDigests();
        int mix = digests[0][0] + digests[1][0];
        int verdicts = verify(tokenSignedInfo, sts, tokenSignatureValue) ? 1 : 0;
        for (Element part : parts) {
            mix += ExclusiveC14n.digest(part, DigestAlgorithm.SHA256)[0];
        }
        verdicts |= verify(messageSignedInfo, client, messageSignatureValue) ? 2 : 0;
        return verdicts | (mix << 8 & 0x7fffff00);
    }

    /** The token's enveloped-signature digest and its STR-Transform digest, from one canonical form. */
    private byte[][] tokenDigests() throws GeneralSecurityException {
        ByteSink sink = ByteSink.forThisThread();
        try {
            int[] cut = ExclusiveC14n.canonicalizeMarking(token, tokenSignature, sink);
            MessageDigest md = Engines.digest(DigestAlgorithm.SHA256);
            sink.updateDigestCutting(md, cut[0], cut[1]);
            byte[] enveloped = md.digest();
            sink.updateDigest(md);
            return new byte[][] {enveloped, md.digest()};
        } finally {
            sink.reset();
        }
    }

    private boolean verify(Element signedInfo, PublicKey key, byte[] value) throws GeneralSecurityException {
        ByteSink sink = ByteSink.forThisThread();
        try {
            ExclusiveC14n.canonicalize(signedInfo, sink);
            rsa.initVerify(key);
            sink.updateSignature(rsa);
            return rsa.verify(value);
        } finally {
            sink.reset();
        }
    }

    /** One raw RSA-2048 verification, as in {@link VerifyRequestBenchmark}. */
    @Benchmark
    public boolean baseline() throws GeneralSecurityException {
        return raw.verify();
    }
}

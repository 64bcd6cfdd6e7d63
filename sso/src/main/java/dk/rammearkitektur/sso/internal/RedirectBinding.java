package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.signing.SignatureAlgorithm;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The SAML HTTP-Redirect binding: raw DEFLATE (no zlib header), base64, URL encoding, and the detached query-string
 * signature over the exact bytes {@code SAMLRequest=..&RelayState=..&SigAlg=..}.
 */
public final class RedirectBinding {
    /** The largest inflated message accepted: 256 KiB (the SDK's choice). */
    static final int MAX_INFLATED = 256 * 1024;

    private RedirectBinding() {
    }

    /** Raw DEFLATE of the UTF-8 message, base64 (not URL-encoded). */
    public static String deflateBase64(String xml) {
        Deflater d = new Deflater(Deflater.DEFLATED, true);
        try {
            d.setInput(xml.getBytes(StandardCharsets.UTF_8));
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            d.end();
        }
    }

    /** The inverse of {@link #deflateBase64}; refuses bad base64, bad DEFLATE data and output over 256 KiB. */
    public static String inflateBase64(String base64) {
        byte[] raw;
        try {
            raw = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED, "SAMLRequest: not base64");
        }
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int rounds = 0;
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED || ++rounds > MAX_INFLATED) {
                    throw new SsoRefusedException(SsoRefusedException.MALFORMED,
                            "SAMLRequest: inflates to more than " + MAX_INFLATED + " bytes");
                }
            }
            if (!inf.finished()) {
                throw new SsoRefusedException(SsoRefusedException.MALFORMED, "SAMLRequest: truncated DEFLATE data");
            }
            return out.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED, "SAMLRequest: not raw DEFLATE data");
        } finally {
            inf.end();
        }
    }

    /** {@code URLEncoder} with UTF-8. */
    public static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The unsigned query part: {@code <param>=..&RelayState=..&SigAlg=..} (RelayState left out when null). */
    public static String signedPart(String param, String xml, String relayState, SignatureAlgorithm algorithm) {
        StringBuilder q = new StringBuilder(param).append('=').append(urlEncode(deflateBase64(xml)));
        if (relayState != null) {
            q.append("&RelayState=").append(urlEncode(relayState));
        }
        return q.append("&SigAlg=").append(urlEncode(algorithm.uri())).toString();
    }

    /** The complete signed redirect URL to {@code destination}. */
    public static String signedUrl(String destination, String param, String xml, String relayState,
            SigningCredential credential, SignatureAlgorithm algorithm) {
        String part = signedPart(param, xml, relayState, algorithm);
        byte[] sig = sign(part.getBytes(StandardCharsets.UTF_8), credential.privateKey(), algorithm);
        return destination + (destination.contains("?") ? "&" : "?") + part + "&Signature="
                + urlEncode(Base64.getEncoder().encodeToString(sig));
    }

    /** Signs bytes with the JCA engine for {@code algorithm} (RSA-SHA256 or RSASSA-PSS SHA-256). */
    public static byte[] sign(byte[] data, PrivateKey key, SignatureAlgorithm algorithm) {
        try {
            Signature s = engine(algorithm);
            s.initSign(key);
            s.update(data);
            return s.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the redirect query could not be signed with " + algorithm, e);
        }
    }

    /**
     * Verifies a received query string (raw, still URL-encoded, without {@code ?}) against the certificates; returns
     * the inflated message of {@code param}. The signed bytes are rebuilt from the raw parameter values in the order
     * the binding prescribes.
     *
     * @throws SsoRefusedException {@link SsoRefusedException#QUERY_SIGNATURE} when unsigned, signed with another
     *     algorithm than RSA-SHA256 / RSASSA-PSS SHA-256, or not verifying with any certificate
     */
    public static String verify(String rawQuery, String param, List<X509Certificate> certificates) {
        Map<String, String> raw = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&", 20)) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            if (raw.containsKey(name)) {
                throw new SsoRefusedException(SsoRefusedException.QUERY_SIGNATURE, name + ": occurs more than once");
            }
            raw.put(name, eq < 0 ? "" : pair.substring(eq + 1));
        }
        String message = raw.get(param);
        String sigAlg = raw.get("SigAlg");
        String signature = raw.get("Signature");
        if (message == null || sigAlg == null || signature == null) {
            throw new SsoRefusedException(SsoRefusedException.QUERY_SIGNATURE,
                    param + ", SigAlg and Signature: all three are required");
        }
        String alg = URLDecoder.decode(sigAlg, StandardCharsets.UTF_8);
        SignatureAlgorithm algorithm;
        if (SignatureAlgorithm.RSA_SHA256.uri().equals(alg)) {
            algorithm = SignatureAlgorithm.RSA_SHA256;
        } else if (SignatureAlgorithm.RSA_PSS_SHA256.uri().equals(alg)) {
            algorithm = SignatureAlgorithm.RSA_PSS_SHA256;
        } else {
            throw new SsoRefusedException(SsoRefusedException.QUERY_SIGNATURE, "SigAlg: algorithm refused");
        }
        StringBuilder signed = new StringBuilder(param).append('=').append(message);
        if (raw.containsKey("RelayState")) {
            signed.append("&RelayState=").append(raw.get("RelayState"));
        }
        signed.append("&SigAlg=").append(sigAlg);
        byte[] sig;
        try {
            sig = Base64.getMimeDecoder().decode(URLDecoder.decode(signature, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new SsoRefusedException(SsoRefusedException.QUERY_SIGNATURE, "Signature: not base64");
        }
        byte[] data = signed.toString().getBytes(StandardCharsets.UTF_8);
        for (X509Certificate c : certificates) {
            if (verifies(data, sig, c.getPublicKey(), algorithm)) {
                return inflateBase64(URLDecoder.decode(message, StandardCharsets.UTF_8));
            }
        }
        throw new SsoRefusedException(SsoRefusedException.QUERY_SIGNATURE,
                "Signature: does not verify with a trusted certificate");
    }

    private static boolean verifies(byte[] data, byte[] sig, PublicKey key, SignatureAlgorithm algorithm) {
        try {
            Signature s = engine(algorithm);
            s.initVerify(key);
            s.update(data);
            return s.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static Signature engine(SignatureAlgorithm algorithm) throws GeneralSecurityException {
        if (algorithm == SignatureAlgorithm.RSA_PSS_SHA256) {
            Signature s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            return s;
        }
        if (algorithm == SignatureAlgorithm.RSA_SHA256) {
            return Signature.getInstance("SHA256withRSA");
        }
        throw new GeneralSecurityException("query signatures use RSA-SHA256 or RSASSA-PSS SHA-256 only");
    }
}

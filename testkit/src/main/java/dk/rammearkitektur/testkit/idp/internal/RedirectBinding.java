package dk.rammearkitektur.testkit.idp.internal;

import dk.rammearkitektur.core.ValidationException;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * The SAML HTTP-Redirect binding as the simulator speaks it: raw DEFLATE + base64 + URL encoding, and the detached
 * signature over the exact query bytes {@code SAMLRequest|SAMLResponse=..[&RelayState=..]&SigAlg=..}.
 */
public final class RedirectBinding {
    /** The largest inflated message accepted. */
    public static final int MAX_INFLATED = 256 * 1024;
    /** The longest query string accepted. */
    public static final int MAX_QUERY = 64 * 1024;

    /** How a query signature checked out. */
    public enum Check {
        /** Signed with an accepted algorithm and the signature verifies. */
        VALID,
        /** No Signature or SigAlg parameter. */
        UNSIGNED,
        /** SigAlg is not rsa-sha256 or sha256-rsa-MGF1. */
        UNSUPPORTED_ALGORITHM,
        /** The signature does not verify with the key. */
        INVALID
    }

    private RedirectBinding() {
    }

    /** Raw DEFLATE, then base64 (not yet URL-encoded). */
    public static String deflate(String xml) {
        Deflater d = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        d.setInput(xml.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    /**
     * Base64-decodes and inflates a Redirect message.
     *
     * @param field the parameter name, for the exception
     * @param base64 the decoded parameter value
     * @return the XML bytes
     * @throws ValidationException naming {@code field} when it is not base64, not raw DEFLATE, or inflates past
     *     {@link #MAX_INFLATED}
     */
    public static byte[] inflate(String field, String base64) {
        if (base64 == null || base64.isEmpty()) {
            throw new ValidationException(field, "is required");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(field, "must be base64");
        }
        Inflater inf = new Inflater(true);
        try {
            inf.setInput(raw);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[4096];
            int rounds = 0;
            while (true) {
                int n = inf.inflate(buf);
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED || ++rounds > MAX_INFLATED) {
                    throw new ValidationException(field, "inflates to more than " + MAX_INFLATED + " bytes");
                }
                if (inf.finished()) {
                    return out.toByteArray();
                }
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    throw new ValidationException(field, "must be complete raw DEFLATE data");
                }
            }
        } catch (DataFormatException e) {
            throw new ValidationException(field, "must be raw DEFLATE data");
        } finally {
            inf.end();
        }
    }

    /**
     * Splits a raw query string into parameters, keeping the raw (still URL-encoded) values.
     *
     * @throws ValidationException ({@code query}) when it is longer than {@link #MAX_QUERY} or repeats a parameter
     */
    public static Map<String, String> rawParameters(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        if (rawQuery.length() > MAX_QUERY) {
            throw new ValidationException("query", "is longer than " + MAX_QUERY + " characters");
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (out.put(name, value) != null) {
                throw new ValidationException("query." + decode(name), "must not be repeated");
            }
        }
        return out;
    }

    /** URL-decodes a raw value. */
    public static String decode(String raw) {
        try {
            return raw == null ? null : URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ValidationException("query", "is not correctly URL-encoded");
        }
    }

    /** URL-encodes a value. */
    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * Checks the query-string signature of a Redirect message.
     *
     * @param raw the raw parameters ({@link #rawParameters(String)})
     * @param messageParameter {@code SAMLRequest} or {@code SAMLResponse}
     * @param key the sender's public key
     */
    public static Check verify(Map<String, String> raw, String messageParameter, PublicKey key) {
        String sigAlg = raw.get("SigAlg");
        String signature = raw.get("Signature");
        if (sigAlg == null || signature == null || sigAlg.isEmpty() || signature.isEmpty()) {
            return Check.UNSIGNED;
        }
        String alg = decode(sigAlg);
        if (!Saml.RSA_SHA256.equals(alg) && !Saml.RSA_SHA256_MGF1.equals(alg)) {
            return Check.UNSUPPORTED_ALGORITHM;
        }
        StringBuilder signed = new StringBuilder(messageParameter).append('=').append(raw.getOrDefault(messageParameter, ""));
        if (raw.containsKey("RelayState")) {
            signed.append("&RelayState=").append(raw.get("RelayState"));
        }
        signed.append("&SigAlg=").append(sigAlg);
        try {
            byte[] sig = Base64.getMimeDecoder().decode(decode(signature));
            Signature s = signature(alg);
            s.initVerify(key);
            s.update(signed.toString().getBytes(StandardCharsets.UTF_8));
            return s.verify(sig) ? Check.VALID : Check.INVALID;
        } catch (IllegalArgumentException | java.security.GeneralSecurityException e) {
            return Check.INVALID;
        }
    }

    /**
     * Builds a signed Redirect query string.
     *
     * @param messageParameter {@code SAMLRequest} or {@code SAMLResponse}
     * @param xml the message
     * @param relayState the relay state, or null
     * @param key the signing key
     * @param sigAlg {@link Saml#RSA_SHA256} or {@link Saml#RSA_SHA256_MGF1}
     */
    public static String signedQuery(String messageParameter, String xml, String relayState, PrivateKey key, String sigAlg) {
        StringBuilder q = new StringBuilder(messageParameter).append('=').append(encode(deflate(xml)));
        if (relayState != null) {
            q.append("&RelayState=").append(encode(relayState));
        }
        q.append("&SigAlg=").append(encode(sigAlg));
        try {
            Signature s = signature(sigAlg);
            s.initSign(key);
            s.update(q.toString().getBytes(StandardCharsets.UTF_8));
            return q + "&Signature=" + encode(Base64.getEncoder().encodeToString(s.sign()));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the Redirect message", e);
        }
    }

    private static Signature signature(String alg) throws java.security.GeneralSecurityException {
        if (Saml.RSA_SHA256_MGF1.equals(alg)) {
            Signature s = Signature.getInstance("RSASSA-PSS");
            s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            return s;
        }
        return Signature.getInstance("SHA256withRSA");
    }
}

package dk.rammearkitektur.signing;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.internal.Names;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A private key with its certificate chain (leaf first): what a system signs with, e.g. an OCES3 organisation
 * certificate (organisationscertifikat). Load it with {@link #fromPkcs12(byte[], char[])} or {@link #fromPem(String)}.
 * The key is checked to belong to the leaf certificate. {@code toString()} never shows the key.
 */
public final class SigningCredential {
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    private SigningCredential(PrivateKey privateKey, List<X509Certificate> chain) {
        this.privateKey = privateKey;
        this.chain = chain;
    }

    /**
     * A credential from a key and its chain (leaf first). Throws {@link ValidationException} when the chain is empty
     * or the key does not belong to the leaf certificate.
     */
    public static SigningCredential of(PrivateKey privateKey, List<X509Certificate> chain) {
        Objects.requireNonNull(privateKey, "privateKey == null");
        Objects.requireNonNull(chain, "chain == null");
        if (chain.isEmpty()) {
            throw new ValidationException("credential.chain", "must contain at least the signing certificate");
        }
        List<X509Certificate> copy = List.copyOf(chain);
        if (!matches(privateKey, copy.get(0).getPublicKey())) {
            throw new ValidationException("credential.privateKey", "does not belong to the certificate "
                    + Names.subject(copy.get(0)));
        }
        return new SigningCredential(privateKey, copy);
    }

    /**
     * Loads the only key entry of a PKCS#12 file. The password is used, not stored; the caller zeroes its array.
     * Throws {@link ValidationException} for a wrong password, a damaged file or not exactly one key entry.
     */
    public static SigningCredential fromPkcs12(byte[] pkcs12, char[] password) {
        return fromPkcs12(pkcs12, password, null);
    }

    /** Loads the key entry {@code alias} (or the only one if {@code alias} is null) of a PKCS#12 file. */
    public static SigningCredential fromPkcs12(byte[] pkcs12, char[] password, String alias) {
        Objects.requireNonNull(pkcs12, "pkcs12 == null");
        Objects.requireNonNull(password, "password == null");
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(pkcs12), password);
        } catch (IOException | GeneralSecurityException e) {
            throw new ValidationException("pkcs12", "could not be opened (wrong password or damaged file)", e);
        }
        try {
            String chosen = alias;
            if (chosen == null) {
                List<String> keys = new ArrayList<>();
                for (String a : Collections.list(ks.aliases())) {
                    if (ks.isKeyEntry(a)) {
                        keys.add(a);
                    }
                }
                if (keys.size() != 1) {
                    throw new ValidationException("pkcs12", "must hold exactly one key entry (or name an alias), found "
                            + keys.size());
                }
                chosen = keys.get(0);
            }
            Key key = ks.getKey(chosen, password);
            if (!(key instanceof PrivateKey pk)) {
                throw new ValidationException("pkcs12." + chosen, "must be a private key entry");
            }
            Certificate[] certs = ks.getCertificateChain(chosen);
            if (certs == null || certs.length == 0) {
                throw new ValidationException("pkcs12." + chosen, "must have a certificate chain");
            }
            List<X509Certificate> chain = new ArrayList<>();
            for (Certificate c : certs) {
                chain.add((X509Certificate) c);
            }
            return of(pk, chain);
        } catch (GeneralSecurityException e) {
            throw new ValidationException("pkcs12", "key entry could not be read", e);
        }
    }

    /** Like {@link #fromPkcs12(byte[], char[])}, reading the file. */
    public static SigningCredential fromPkcs12(Path file, char[] password) {
        Objects.requireNonNull(file, "file == null");
        try {
            return fromPkcs12(Files.readAllBytes(file), password);
        } catch (IOException e) {
            throw new ValidationException("pkcs12", "could not be read from " + file, e);
        }
    }

    /**
     * Loads a credential from PEM text holding one private key (PKCS#8 or PKCS#1/SEC1) and its certificates, leaf
     * first or in any order (the leaf is the one matching the key; the rest follow as found).
     */
    public static SigningCredential fromPem(String pem) {
        return fromPem(pem, pem);
    }

    /** Loads a credential from a PEM private key and separate PEM certificates (leaf first or any order). */
    public static SigningCredential fromPem(String keyPem, String certificatesPem) {
        PrivateKey key = Pem.privateKey(keyPem);
        List<X509Certificate> certs = new ArrayList<>(Pem.certificates(certificatesPem));
        for (int i = 0; i < certs.size(); i++) {
            if (matches(key, certs.get(i).getPublicKey())) {
                X509Certificate leaf = certs.remove(i);
                certs.add(0, leaf);
                return of(key, certs);
            }
        }
        throw new ValidationException("pem", "no certificate matches the private key");
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** The signing (leaf) certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The chain, leaf first; unmodifiable. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The leaf certificate's public key. */
    public PublicKey publicKey() {
        return certificate().getPublicKey();
    }

    /** The default signature method for this key: RSA-SHA256 or ECDSA-SHA256. */
    public SignatureAlgorithm defaultAlgorithm() {
        return SignatureAlgorithm.defaultFor(privateKey.getAlgorithm());
    }

    private static boolean matches(PrivateKey priv, PublicKey pub) {
        if (!priv.getAlgorithm().equalsIgnoreCase(pub.getAlgorithm())
                && !(priv.getAlgorithm().startsWith("EC") && pub.getAlgorithm().startsWith("EC"))) {
            return false;
        }
        String alg = priv.getAlgorithm().toUpperCase(java.util.Locale.ROOT).startsWith("EC") ? "SHA256withECDSA" : "SHA256withRSA";
        try {
            byte[] probe = "rammearkitektur key check".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature s = Signature.getInstance(alg);
            s.initSign(priv);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(pub);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "SigningCredential[" + Names.subject(certificate())
                + ", chain=" + chain.size() + "]";
    }
}

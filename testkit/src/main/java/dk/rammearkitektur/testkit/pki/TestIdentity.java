package dk.rammearkitektur.testkit.pki;

import dk.rammearkitektur.signing.Pem;
import dk.rammearkitektur.signing.SigningCredential;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/**
 * A test certificate with its private key and chain (leaf, issuing CA; the root is the trust anchor and not
 * included), issued by a {@link TestPki}. Export it as PKCS#12 or PEM, or use it directly as a
 * {@link SigningCredential}.
 */
public final class TestIdentity {
    private final String name;
    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;

    TestIdentity(String name, PrivateKey privateKey, List<X509Certificate> chain) {
        this.name = name;
        this.privateKey = privateKey;
        this.chain = List.copyOf(chain);
    }

    /** The label this identity was issued under, e.g. {@code oces3-organisation}. */
    public String name() {
        return name;
    }

    /** The leaf certificate. */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    /** The private key. */
    public PrivateKey privateKey() {
        return privateKey;
    }

    /** Leaf first, then the issuing CA. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The key and chain as a signing credential. */
    public SigningCredential credential() {
        return SigningCredential.of(privateKey, chain);
    }

    /** A PKCS#12 file (alias {@code identity}) holding the key and chain, protected by {@code password}. */
    public byte[] pkcs12(char[] password) {
        Objects.requireNonNull(password, "password == null");
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("identity", privateKey, password, chain.toArray(new Certificate[0]));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, password);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("PKCS#12 export failed", e);
        }
    }

    /** PEM text: the unencrypted PKCS#8 key followed by the chain. For tests only. */
    public String pem() {
        return Pem.encode(privateKey) + Pem.encode(chain);
    }

    /** PEM text of the chain only. */
    public String certificatesPem() {
        return Pem.encode(chain);
    }

    @Override
    public String toString() {
        return "TestIdentity[" + name + ", " + certificate().getSubjectX500Principal().getName() + "]";
    }
}

package dk.rammearkitektur.clients.common.internal;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Collections;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * The system certificate (private key and chain) and trust anchors, loaded once into JSSE key and trust managers.
 *
 * @param keyManagers for the client side of mutual TLS
 * @param trustManagers trusting exactly the configured anchors
 * @param privateKey the system certificate's private key (signs STS requests and WS-Security headers)
 * @param certificate the system certificate
 * @param chain the certificate chain, leaf first
 */
public record KeyMaterial(KeyManager[] keyManagers, TrustManager[] trustManagers, PrivateKey privateKey,
        X509Certificate certificate, X509Certificate[] chain) {

    /**
     * Loads the first private-key entry of {@code keyStore} and trusts exactly {@code anchors}.
     *
     * @throws GeneralSecurityException when the store holds no usable key entry or cannot be read
     */
    public static KeyMaterial load(KeyStore keyStore, char[] password, Collection<X509Certificate> anchors)
            throws GeneralSecurityException {
        String alias = null;
        for (String a : Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(a)) {
                alias = a;
                break;
            }
        }
        if (alias == null) {
            throw new GeneralSecurityException("the key store holds no private key entry");
        }
        PrivateKey key = (PrivateKey) keyStore.getKey(alias, password);
        java.security.cert.Certificate[] raw = keyStore.getCertificateChain(alias);
        if (key == null || raw == null || raw.length == 0 || !(raw[0] instanceof X509Certificate)) {
            throw new GeneralSecurityException("the key entry has no X.509 certificate chain");
        }
        X509Certificate[] chain = new X509Certificate[raw.length];
        for (int i = 0; i < raw.length; i++) {
            chain[i] = (X509Certificate) raw[i];
        }
        KeyStore single = KeyStore.getInstance("PKCS12");
        try {
            single.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        single.setKeyEntry("system", key, password, chain);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(single, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try {
            trust.load(null, null);
        } catch (java.io.IOException e) {
            throw new GeneralSecurityException(e);
        }
        int i = 0;
        for (X509Certificate c : anchors) {
            trust.setCertificateEntry("anchor-" + i++, c);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        return new KeyMaterial(kmf.getKeyManagers(), tmf.getTrustManagers(), key, chain[0], chain);
    }
}

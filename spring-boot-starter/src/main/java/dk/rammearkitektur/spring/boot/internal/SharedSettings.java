package dk.rammearkitektur.spring.boot.internal;

import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.Pem;
import dk.rammearkitektur.spring.boot.RammearkitekturProperties;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Reads the shared {@code rammearkitektur.*} settings into the SDK's types. Every problem is a
 * {@link ValidationException} whose path is the property key, so the failure analyser can name it.
 */
public final class SharedSettings {
    private final RammearkitekturProperties properties;

    /** Reads from {@code properties}. */
    public SharedSettings(RammearkitekturProperties properties) {
        this.properties = properties;
    }

    /** The properties read. */
    public RammearkitekturProperties properties() {
        return properties;
    }

    /** {@code rammearkitektur.environment}, required. */
    public String environment() {
        return required(properties.getEnvironment(), "rammearkitektur.environment");
    }

    /**
     * The STS protocol {@code rammearkitektur.auth} picks: {@link StsProtocol#REST} for {@code sts-rest},
     * {@link StsProtocol#SOAP} for the other two models; checks it is one of the three.
     */
    public StsProtocol stsProtocol() {
        String auth = properties.getAuth();
        if (!List.of("invocation-context", "sts-soap", "sts-rest").contains(auth)) {
            throw new ValidationException("rammearkitektur.auth", "must be invocation-context, sts-soap or sts-rest");
        }
        return "sts-rest".equals(auth) ? StsProtocol.REST : StsProtocol.SOAP;
    }

    /** The certificates of the PEM file under {@code key}, required. */
    public List<X509Certificate> pem(Path file, String key) {
        required(file, key);
        try {
            return Pem.certificates(Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new ValidationException(key, "could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            if (e instanceof ValidationException) {
                throw ((ValidationException) e).under(key);
            }
            throw new ValidationException(key, "is not a PEM file of certificates: " + e.getMessage());
        }
    }

    /** {@code rammearkitektur.trust-anchors}. */
    public List<X509Certificate> trustAnchors() {
        return pem(properties.getTrustAnchors(), "rammearkitektur.trust-anchors");
    }

    /** {@code rammearkitektur.sts.certificates}. */
    public List<X509Certificate> stsCertificates() {
        return pem(properties.getSts().getCertificates(), "rammearkitektur.sts.certificates");
    }

    /** {@code rammearkitektur.sts.cvr}, required. */
    public String stsCvr() {
        return required(properties.getSts().getCvr(), "rammearkitektur.sts.cvr");
    }

    /** The timeouts, the SDK's defaults for unset ones (a bad one fails with the SDK's path {@code timeouts.*}). */
    public Timeouts timeouts() {
        RammearkitekturProperties.Timeouts t = properties.getTimeouts();
        Timeouts d = Timeouts.defaults();
        return Timeouts.of(t.getConnect() != null ? t.getConnect() : d.connect(),
                t.getRead() != null ? t.getRead() : d.read(), t.getTotal() != null ? t.getTotal() : d.total());
    }

    /** The retry policy, the SDK's defaults for unset values. */
    public RetryPolicy retryPolicy() {
        RammearkitekturProperties.Retry r = properties.getRetry();
        RetryPolicy d = RetryPolicy.defaults();
        return new RetryPolicy(r.getMaxAttempts() != null ? r.getMaxAttempts() : d.maxAttempts(),
                r.getInitialDelay() != null ? r.getInitialDelay() : d.initialDelay(),
                r.getMultiplier() != null ? r.getMultiplier() : d.multiplier(),
                r.getMaxDelay() != null ? r.getMaxDelay() : d.maxDelay());
    }

    /**
     * Hands {@code rammearkitektur.certificate.*} to a client builder: a PKCS#12 file and its password, or a key store
     * holding the one key entry to use and the key's password.
     */
    public void systemCertificate(BiConsumer<Path, char[]> pkcs12, BiConsumer<KeyStore, char[]> keyStore) {
        RammearkitekturProperties.Certificate c = properties.getCertificate();
        String password = required(c.getPassword(), "rammearkitektur.certificate.password");
        if (c.getFile() != null && c.getKeyStore() != null) {
            throw new ValidationException("rammearkitektur.certificate.key-store",
                    "must not be set together with rammearkitektur.certificate.file");
        }
        if (c.getFile() != null) {
            pkcs12.accept(c.getFile(), password.toCharArray());
            return;
        }
        required(c.getKeyStore(), "rammearkitektur.certificate.file");
        char[] keyPassword = (c.getKeyPassword() != null ? c.getKeyPassword() : password).toCharArray();
        keyStore.accept(keyStore(c, password.toCharArray(), keyPassword), keyPassword);
    }

    /** The system certificate itself (the certificate of the key entry {@code rammearkitektur.certificate.*} names). */
    public X509Certificate systemCertificate() {
        KeyStore[] store = new KeyStore[1];
        systemCertificate((file, password) -> {
            try (InputStream in = Files.newInputStream(file)) {
                KeyStore s = KeyStore.getInstance("PKCS12");
                s.load(in, password);
                store[0] = s;
            } catch (IOException | GeneralSecurityException e) {
                throw new ValidationException("rammearkitektur.certificate.file",
                        "could not be read as PKCS#12: " + e.getMessage());
            }
        }, (s, keyPassword) -> store[0] = s);
        try {
            for (String alias : Collections.list(store[0].aliases())) {
                if (store[0].isKeyEntry(alias) && store[0].getCertificate(alias) instanceof X509Certificate c) {
                    return c;
                }
            }
        } catch (GeneralSecurityException e) {
            throw new ValidationException("rammearkitektur.certificate.file", "is not usable: " + e.getMessage());
        }
        throw new ValidationException("rammearkitektur.certificate.file", "holds no key entry with a certificate");
    }

    /** Loads the key store and keeps only the entry under the alias (or its only key entry). */
    private static KeyStore keyStore(RammearkitekturProperties.Certificate c, char[] password, char[] keyPassword) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(c.getKeyStore())) {
            store = KeyStore.getInstance(c.getKeyStoreType());
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new ValidationException("rammearkitektur.certificate.key-store",
                    "could not be read as " + c.getKeyStoreType() + ": " + e.getMessage());
        }
        try {
            List<String> keys = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).toList();
            String alias = c.getAlias();
            if (alias == null) {
                if (keys.size() != 1) {
                    throw new ValidationException("rammearkitektur.certificate.alias",
                            "must be set: the key store has " + keys.size() + " keys");
                }
                return store;
            }
            if (!keys.contains(alias)) {
                throw new ValidationException("rammearkitektur.certificate.alias", "is not a key entry of the key store");
            }
            KeyStore one = KeyStore.getInstance("PKCS12");
            one.load(null, null);
            KeyStore.ProtectionParameter protection = new KeyStore.PasswordProtection(keyPassword);
            one.setEntry(alias, store.getEntry(alias, protection), protection);
            return one;
        } catch (IOException | GeneralSecurityException e) {
            throw new ValidationException("rammearkitektur.certificate.key-store", "is not usable: " + e.getMessage());
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** {@code value}, or a violation of {@code key}: must be set. */
    public static <T> T required(T value, String key) {
        if (value == null || value instanceof String s && s.isBlank()) {
            throw new ValidationException(key, "must be set");
        }
        return value;
    }
}

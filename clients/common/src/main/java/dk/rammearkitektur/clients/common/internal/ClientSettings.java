package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.Violations;
import io.micrometer.observation.ObservationRegistry;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;

/**
 * The settings the Serviceplatformen and Digital Post client builders share (system certificate, trust anchors, STS
 * certificates, timeouts, retries, clock, skew, token renewal, STS fault backoff, proxy, observation registry), with
 * their defaults and
 * one check per setting. Each builder calls the checks in its own order under its own path prefix. Mutable; one per
 * builder.
 */
public final class ClientSettings {
    /** The largest clock skew a client tolerates. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);
    /** The rule broken by a clock skew outside 0 to {@link #MAX_CLOCK_SKEW}. */
    public static final String CLOCK_SKEW_RULE = "must be between 0 and 15 minutes";
    /** The rule broken by an empty certificate list or one holding null. */
    public static final String CERTIFICATES_RULE = "must hold at least one certificate";

    private KeyStore keyStore;
    private char[] keyPassword;
    private byte[] pkcs12;
    private Path pkcs12Path;
    private final List<X509Certificate> trustAnchors = new ArrayList<>();
    private final List<X509Certificate> stsCertificates = new ArrayList<>();
    private Timeouts timeouts = Timeouts.defaults();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private Clock clock = Clock.systemUTC();
    private Duration clockSkew = Duration.ofMinutes(5);
    private Duration renewalMargin = Duration.ofMinutes(5);
    private Duration stsFaultBackoff = Duration.ofSeconds(30);
    private InetSocketAddress proxy;
    private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

    /** The system certificate as PKCS#12 bytes (copied) and the store's password (copied). */
    public void systemCertificate(byte[] pkcs12, char[] password) {
        this.pkcs12 = pkcs12 == null ? null : pkcs12.clone();
        this.pkcs12Path = null;
        this.keyStore = null;
        this.keyPassword = password == null ? null : password.clone();
    }

    /** The system certificate as a PKCS#12 file and the store's password (copied). */
    public void systemCertificate(Path pkcs12File, char[] password) {
        this.pkcs12Path = pkcs12File;
        this.pkcs12 = null;
        this.keyStore = null;
        this.keyPassword = password == null ? null : password.clone();
    }

    /** The system certificate from a loaded key store and the key's password (copied). */
    public void systemCertificate(KeyStore keyStore, char[] keyPassword) {
        this.keyStore = keyStore;
        this.pkcs12 = null;
        this.pkcs12Path = null;
        this.keyPassword = keyPassword == null ? null : keyPassword.clone();
    }

    /** Replaces the trust anchors; null clears them. */
    public void trustAnchors(Collection<X509Certificate> anchors) {
        replace(trustAnchors, anchors);
    }

    /** Replaces the STS signing certificates; null clears them. */
    public void stsCertificates(Collection<X509Certificate> certificates) {
        replace(stsCertificates, certificates);
    }

    /** Sets the timeouts. */
    public void timeouts(Timeouts timeouts) {
        this.timeouts = timeouts;
    }

    /** Sets the retry policy. */
    public void retryPolicy(RetryPolicy retryPolicy) {
        this.retryPolicy = retryPolicy;
    }

    /** Sets the clock. */
    public void clock(Clock clock) {
        this.clock = clock;
    }

    /** Sets the tolerated clock skew. */
    public void clockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew;
    }

    /** Sets how long before expiry a cached token is renewed. */
    public void renewalMargin(Duration renewalMargin) {
        this.renewalMargin = renewalMargin;
    }

    /** Sets how long an STS refusal is remembered. */
    public void stsFaultBackoff(Duration stsFaultBackoff) {
        this.stsFaultBackoff = stsFaultBackoff;
    }

    /** Sets the HTTP proxy, or null for none. */
    public void proxy(InetSocketAddress proxy) {
        this.proxy = proxy;
    }

    /** Sets the registry the client's observations go to. */
    public void observationRegistry(ObservationRegistry registry) {
        this.observationRegistry = registry;
    }

    /** The registry the client's observations go to; {@link ObservationRegistry#NOOP} by default. */
    public ObservationRegistry observationRegistry() {
        return observationRegistry;
    }

    /** Checks that the observation registry is set (it is {@link ObservationRegistry#NOOP} unless replaced). */
    public void checkObservationRegistry(Violations v) {
        v.require(observationRegistry != null, "observationRegistry",
                "must be set (ObservationRegistry.NOOP for none)");
    }

    /** The trust anchors (live list). */
    public List<X509Certificate> trustAnchors() {
        return trustAnchors;
    }

    /** The STS signing certificates (live list). */
    public List<X509Certificate> stsCertificates() {
        return stsCertificates;
    }

    /** The timeouts. */
    public Timeouts timeouts() {
        return timeouts;
    }

    /** The retry policy. */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** The tolerated clock skew. */
    public Duration clockSkew() {
        return clockSkew;
    }

    /** How long before expiry a cached token is renewed. */
    public Duration renewalMargin() {
        return renewalMargin;
    }

    /** How long an STS refusal is remembered. */
    public Duration stsFaultBackoff() {
        return stsFaultBackoff;
    }

    /** The HTTP proxy, or null. */
    public InetSocketAddress proxy() {
        return proxy;
    }

    /** Checks that timeouts, retry policy and clock are set, in that order. */
    public void checkTimeoutsRetriesClock(Violations v) {
        v.require(timeouts != null, "timeouts", "must be set");
        v.require(retryPolicy != null, "retryPolicy", "must be set");
        v.require(clock != null, "clock", "must be set");
    }

    /** Whether the clock skew is set and between 0 and {@link #MAX_CLOCK_SKEW}. */
    public boolean clockSkewInRange() {
        return clockSkew != null && !clockSkew.isNegative() && clockSkew.compareTo(MAX_CLOCK_SKEW) <= 0;
    }

    /** Checks the token renewal margin (0 to 1 hour) and the STS fault backoff (at least 1 second). */
    public void checkTokenTiming(Violations v) {
        v.require(renewalMargin != null && !renewalMargin.isNegative()
                && renewalMargin.compareTo(Duration.ofHours(1)) <= 0, "tokenRenewalMargin", "must be between 0 and 1 hour");
        v.require(stsFaultBackoff != null && stsFaultBackoff.compareTo(Duration.ofSeconds(1)) >= 0, "stsFaultBackoff",
                "must be at least 1 second");
    }

    /** Whether the trust anchors hold at least one certificate and no null. */
    public boolean trustAnchorsUsable() {
        return usable(trustAnchors);
    }

    /** Checks that the STS certificates hold at least one certificate and no null. */
    public void checkStsCertificates(Violations v) {
        v.require(usable(stsCertificates), "stsCertificates", CERTIFICATES_RULE);
    }

    /** Whether {@code cvr} is a CVR number: exactly 8 digits. */
    public static boolean isCvr(String cvr) {
        return cvr != null && cvr.matches("\\d{8}");
    }

    /** Checks that a system certificate and its password are given; true when both are. */
    public boolean checkSystemCertificateGiven(Violations v) {
        return v.require(keyStore != null || pkcs12 != null || pkcs12Path != null, "systemCertificate", "must be set")
                && v.require(keyPassword != null, "systemCertificate.password", "must be set");
    }

    /**
     * Reads the system certificate's key store (loading PKCS#12 bytes or file when not given loaded).
     *
     * @param v where a store that cannot be read is reported under {@code systemCertificate}
     * @param readErrorDetail whether the reader's own message is appended to the "could not be read" rule
     * @return the store, or null after adding a violation
     */
    public KeyStore readKeyStore(Violations v, boolean readErrorDetail) {
        try {
            if (keyStore != null) {
                return keyStore;
            }
            byte[] bytes = pkcs12 != null ? pkcs12 : Files.readAllBytes(pkcs12Path);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(bytes), keyPassword);
            return ks;
        } catch (IOException e) {
            v.add("systemCertificate", "could not be read (wrong password or not PKCS#12)"
                    + (readErrorDetail ? ": " + e.getMessage() : ""));
        } catch (GeneralSecurityException e) {
            v.add("systemCertificate", "is not usable: " + e.getMessage());
        }
        return null;
    }

    /**
     * Takes the key and chain from {@code store} with the trust anchors and checks that the certificate is valid at
     * the clock's instant (now when no clock is set).
     *
     * @return the key material (also when it is not valid now, with a violation added), or null when unusable
     */
    public KeyMaterial keyMaterial(Violations v, KeyStore store) {
        try {
            KeyMaterial km = KeyMaterial.load(store, keyPassword, trustAnchors);
            try {
                km.certificate().checkValidity(Date.from(clock == null ? Instant.now() : clock.instant()));
            } catch (CertificateException e) {
                v.add("systemCertificate", "must be valid now (" + e.getClass().getSimpleName() + ")");
            }
            return km;
        } catch (GeneralSecurityException e) {
            v.add("systemCertificate", "is not usable: " + e.getMessage());
        }
        return null;
    }

    /** Checks that the clock skew is set and in range and that the trust anchors hold certificates and no null. */
    public void checkClockSkewAndTrustAnchors(Violations v) {
        if (v.require(clockSkew() != null, "clockSkew", "must be set")) {
            v.require(clockSkewInRange(), "clockSkew", CLOCK_SKEW_RULE);
        }
        List<X509Certificate> anchors = trustAnchors();
        v.require(!anchors.isEmpty(), "trustAnchors", CERTIFICATES_RULE);
        v.require(!anchors.contains(null), "trustAnchors", "must not contain null");
    }

    /**
     * The system certificate's key material: {@link #checkSystemCertificateGiven}, {@link #readKeyStore} (with the
     * reader's detail) and, when the trust anchors are usable, {@link #keyMaterial}.
     *
     * @return the key material, or null with the reasons added to {@code v}
     */
    public KeyMaterial checkedKeyMaterial(Violations v) {
        if (!checkSystemCertificateGiven(v)) {
            return null;
        }
        KeyStore store = readKeyStore(v, true);
        return store != null && trustAnchorsUsable() ? keyMaterial(v, store) : null;
    }

    /** Overwrites the password with zeros. */
    public void clearPassword() {
        if (keyPassword != null) {
            Arrays.fill(keyPassword, '\0');
        }
    }

    private static boolean usable(List<X509Certificate> certificates) {
        return !certificates.isEmpty() && !certificates.contains(null);
    }

    private static void replace(List<X509Certificate> target, Collection<X509Certificate> source) {
        target.clear();
        if (source != null) {
            target.addAll(source);
        }
    }
}

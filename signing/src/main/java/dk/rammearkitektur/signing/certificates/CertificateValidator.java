package dk.rammearkitektur.signing.certificates;

import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.UntrustedCertificateException;
import dk.rammearkitektur.signing.certificates.CertificateReport.Problem;
import dk.rammearkitektur.signing.certificates.CertificateReport.RevocationStatus;
import dk.rammearkitektur.signing.internal.Bc;
import dk.rammearkitektur.signing.internal.CrlFetcher;
import dk.rammearkitektur.signing.internal.Names;
import dk.rammearkitektur.signing.internal.OcspClient;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates certificates the PKIX way against configured trust anchors: builds the path (OCES3's RSASSA-PSS
 * SHA-512 CA signatures included), checks validity with an injected clock and skew, basic constraints and key usage
 * (the leaf must allow digitalSignature and, unless {@link Builder#allowCaSigners(boolean)} opts in, must not be a CA
 * certificate), refused algorithms, and revocation by OCSP (cached, with timeouts) and CRL
 * (configured, or downloaded from the distribution points and cached).
 * Revocation is hard-fail by default: an unknown status refuses the certificate unless {@link Builder#softFail(boolean)}
 * is set. Thread-safe; build one per trust configuration and reuse it.
 *
 * <pre>{@code
 * CertificateValidator v = CertificateValidator.builder().trustAnchor(ocesRoot).crl(crl).build();
 * CertificateReport r = v.validate(chain);     // or v.requireTrusted(chain)
 * }</pre>
 */
public final class CertificateValidator {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateValidator.class);
    private static final int MAX_PATH = 8;
    /**
     * Critical extensions this validator processes or may safely ignore. Name constraints (2.5.29.30), policy
     * constraints (2.5.29.36) and inhibitAnyPolicy (2.5.29.54) are not processed, so a certificate marking them critical
     * is refused (fail closed) rather than accepted unchecked.
     */
    private static final Set<String> KNOWN_CRITICAL = Set.of("2.5.29.15", "2.5.29.19", "2.5.29.32", "2.5.29.37",
            "2.5.29.17", "2.5.29.14", "2.5.29.35");
    private static final int DIGITAL_SIGNATURE = 0;
    private static final int KEY_CERT_SIGN = 5;

    private final List<X509Certificate> anchors;
    private final List<X509Certificate> intermediates;
    private final List<X509CRL> crls;
    private final Clock clock;
    private final Duration skew;
    private final boolean revocationChecking;
    private final boolean ocsp;
    private final URI ocspResponder;
    private final boolean softFail;
    private final boolean requireDigitalSignature;
    private final boolean allowCaSigners;
    private final AlgorithmPolicy policy;
    private final OcspClient ocspClient;
    private final CrlFetcher crlFetcher;
    private final boolean fetchCrls;
    private final URI crlDistributionPoint;

    private CertificateValidator(Builder b) {
        this.anchors = List.copyOf(b.anchors);
        this.intermediates = List.copyOf(b.intermediates);
        this.crls = List.copyOf(b.crls);
        this.clock = b.clock;
        this.skew = b.skew;
        this.revocationChecking = b.revocationChecking;
        this.ocsp = b.ocsp;
        this.ocspResponder = b.ocspResponder;
        this.softFail = b.softFail;
        this.requireDigitalSignature = b.requireDigitalSignature;
        this.allowCaSigners = b.allowCaSigners;
        this.policy = b.policy;
        this.ocspClient = new OcspClient(b.timeouts, b.ocspCacheTtl, clock, skew);
        this.crlFetcher = new CrlFetcher(b.timeouts, b.crlCacheTtl, clock);
        this.fetchCrls = b.fetchCrls;
        this.crlDistributionPoint = b.crlDistributionPoint;
    }

    /** A builder; at least one trust anchor is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** The configured trust anchors. */
    public List<X509Certificate> trustAnchors() {
        return anchors;
    }

    /** Validates a certificate with its optional chain (leaf first, extra certificates in any order). */
    public CertificateReport validate(List<X509Certificate> chain) {
        Objects.requireNonNull(chain, "chain == null");
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("chain must contain at least the certificate to validate");
        }
        Instant now = clock.instant();
        X509Certificate leaf = chain.get(0);
        List<Problem> problems = new ArrayList<>();
        List<X509Certificate> path = buildPath(chain, problems);
        RevocationStatus revocation = RevocationStatus.NOT_CHECKED;
        if (problems.isEmpty()) {
            checkPath(path, now, problems);
        }
        if (problems.isEmpty() && revocationChecking) {
            revocation = checkRevocation(path, now, problems);
        }
        CertificateReport report = new CertificateReport(leaf, path, revocation, problems, now);
        if (!report.trusted()) {
            LOG.debug("{}", report.summary());
        }
        return report;
    }

    /** Validates a single certificate (its intermediates must be configured). */
    public CertificateReport validate(X509Certificate certificate) {
        return validate(List.of(certificate));
    }

    /** Validates and throws {@link UntrustedCertificateException} with the report unless the certificate is trusted. */
    public CertificateReport requireTrusted(List<X509Certificate> chain) {
        CertificateReport r = validate(chain);
        if (!r.trusted()) {
            throw new UntrustedCertificateException(r);
        }
        return r;
    }

    private List<X509Certificate> buildPath(List<X509Certificate> chain, List<Problem> problems) {
        List<X509Certificate> candidates = new ArrayList<>(chain.subList(1, chain.size()));
        candidates.addAll(intermediates);
        List<X509Certificate> path = new ArrayList<>();
        X509Certificate current = chain.get(0);
        path.add(current);
        for (int depth = 0; depth < MAX_PATH; depth++) {
            if (anchors.contains(current)) {
                return path;
            }
            for (X509Certificate anchor : anchors) {
                if (issuedBy(current, anchor)) {
                    path.add(anchor);
                    return path;
                }
            }
            X509Certificate next = null;
            for (X509Certificate c : candidates) {
                if (!path.contains(c) && issuedBy(current, c)) {
                    next = c;
                    break;
                }
            }
            if (next == null) {
                problems.add(problem(UntrustedCertificateException.UNTRUSTED, current,
                        "no path to a trust anchor (issuer " + Names.display(current.getIssuerX500Principal())
                                + " unknown or signature invalid)"));
                return path;
            }
            path.add(next);
            current = next;
        }
        problems.add(problem(UntrustedCertificateException.UNTRUSTED, chain.get(0), "path longer than " + MAX_PATH));
        return path;
    }

    private static boolean issuedBy(X509Certificate cert, X509Certificate issuer) {
        if (!cert.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            cert.verify(issuer.getPublicKey());
            return true;
        } catch (GeneralSecurityException | RuntimeException jdkRefused) {
            try {
                cert.verify(issuer.getPublicKey(), Bc.PROVIDER);
                return true;
            } catch (GeneralSecurityException | RuntimeException e) {
                return false;
            }
        }
    }

    private void checkPath(List<X509Certificate> path, Instant now, List<Problem> problems) {
        int last = path.size() - 1;
        for (int i = 0; i < path.size(); i++) {
            X509Certificate c = path.get(i);
            boolean anchor = i == last && anchors.contains(c);
            if (anchor && i > 0) {
                // An anchor that issued the certificate below it must be a CA: a pinned end-entity anchor may not
                // vouch for certificates its key holder makes.
                boolean[] ku = c.getKeyUsage();
                if ((c.getVersion() >= 3 && c.getBasicConstraints() < 0) || (ku != null && (ku.length <= KEY_CERT_SIGN || !ku[KEY_CERT_SIGN]))) {
                    problems.add(problem(UntrustedCertificateException.UNTRUSTED, c,
                            "trust anchor is not a CA (basicConstraints CA=false or no keyCertSign) but issued "
                                    + Names.display(path.get(i - 1).getSubjectX500Principal())));
                }
                break;
            }
            checkValidity(c, now, problems);
            if (!policy.allowsCertificateSignature(c.getSigAlgName()) || (pssWithSha1(c) && !policy.sha1Allowed())) {
                problems.add(problem(UntrustedCertificateException.ALGORITHM, c,
                        "signature algorithm " + c.getSigAlgName() + " refused by the algorithm policy"));
            }
            try {
                policy.checkKey(c.getPublicKey());
            } catch (SignatureException e) {
                problems.add(problem(UntrustedCertificateException.ALGORITHM, c, e.getMessage()));
            }
            for (String oid : c.getCriticalExtensionOIDs() == null ? Set.<String>of() : c.getCriticalExtensionOIDs()) {
                if (!KNOWN_CRITICAL.contains(oid)) {
                    problems.add(problem(UntrustedCertificateException.UNTRUSTED, c, "unknown critical extension " + oid));
                }
            }
            if (i == 0) {
                boolean[] ku = c.getKeyUsage();
                if (requireDigitalSignature && (ku == null || !ku[DIGITAL_SIGNATURE])) {
                    problems.add(problem(UntrustedCertificateException.KEY_USAGE, c,
                            "key usage does not allow digitalSignature"));
                }
                if (!allowCaSigners && c.getBasicConstraints() >= 0) {
                    problems.add(problem(UntrustedCertificateException.CA_AS_SIGNER, c,
                            "is a CA certificate (basicConstraints CA=true); a CA may not sign as an end entity"));
                }
            } else {
                if (c.getBasicConstraints() < 0) {
                    problems.add(problem(UntrustedCertificateException.KEY_USAGE, c, "issues certificates but is not a CA"));
                } else if (c.getBasicConstraints() < i - 1) {
                    problems.add(problem(UntrustedCertificateException.KEY_USAGE, c, "path length constraint exceeded"));
                }
                boolean[] ku = c.getKeyUsage();
                if (ku != null && !ku[KEY_CERT_SIGN]) {
                    problems.add(problem(UntrustedCertificateException.KEY_USAGE, c, "key usage does not allow keyCertSign"));
                }
            }
        }
    }

    private static boolean pssWithSha1(X509Certificate c) {
        if (!"1.2.840.113549.1.1.10".equals(c.getSigAlgOID())) {
            return false;
        }
        byte[] params = c.getSigAlgParams();
        if (params == null) {
            return true;
        }
        try {
            return org.bouncycastle.asn1.pkcs.RSASSAPSSparams.getInstance(params).getHashAlgorithm().getAlgorithm()
                    .equals(org.bouncycastle.asn1.oiw.OIWObjectIdentifiers.idSHA1);
        } catch (RuntimeException e) {
            return true;
        }
    }

    private void checkValidity(X509Certificate c, Instant now, List<Problem> problems) {
        if (now.minus(skew).isAfter(c.getNotAfter().toInstant())) {
            problems.add(problem(UntrustedCertificateException.EXPIRED, c, "expired at " + c.getNotAfter().toInstant()));
        }
        if (now.plus(skew).isBefore(c.getNotBefore().toInstant())) {
            problems.add(problem(UntrustedCertificateException.NOT_YET_VALID, c,
                    "not valid before " + c.getNotBefore().toInstant()));
        }
    }

    private RevocationStatus checkRevocation(List<X509Certificate> path, Instant now, List<Problem> problems) {
        RevocationStatus leafStatus = RevocationStatus.NOT_CHECKED;
        for (int i = 0; i + 1 < path.size(); i++) {
            X509Certificate cert = path.get(i);
            X509Certificate issuer = path.get(i + 1);
            RevocationStatus s = status(cert, issuer, now);
            if (i == 0) {
                leafStatus = s;
            }
            if (s == RevocationStatus.REVOKED) {
                problems.add(problem(UntrustedCertificateException.REVOKED, cert, "revoked"));
                return i == 0 ? s : leafStatus;
            }
            if (s == RevocationStatus.UNKNOWN) {
                if (softFail) {
                    LOG.warn("revocation status unknown, accepted by soft-fail: {}",
                            Names.subject(cert));
                } else {
                    problems.add(problem(UntrustedCertificateException.REVOCATION_UNKNOWN, cert,
                            "revocation status could not be established (no OCSP answer, no current CRL)"));
                    return leafStatus;
                }
            }
        }
        return leafStatus;
    }

    private RevocationStatus status(X509Certificate cert, X509Certificate issuer, Instant now) {
        if (ocsp) {
            URI url = ocspResponder != null ? ocspResponder : OcspClient.responderUrl(cert);
            if (url != null) {
                RevocationStatus s = ocspClient.status(cert, issuer, url);
                if (s != RevocationStatus.UNKNOWN) {
                    return s;
                }
            }
        }
        return crlStatus(cert, issuer, now);
    }

    private RevocationStatus crlStatus(X509Certificate cert, X509Certificate issuer, Instant now) {
        RevocationStatus configured = crlStatus(crls, cert, issuer, now);
        if (configured != RevocationStatus.UNKNOWN || !fetchCrls) {
            return configured;
        }
        List<URI> points = crlDistributionPoint != null ? List.of(crlDistributionPoint)
                : CrlFetcher.distributionPoints(cert);
        for (URI point : points) {
            X509CRL crl = crlFetcher.fetch(point);
            if (crl != null) {
                RevocationStatus s = crlStatus(List.of(crl), cert, issuer, now);
                if (s != RevocationStatus.UNKNOWN) {
                    return s;
                }
            }
        }
        return RevocationStatus.UNKNOWN;
    }

    private RevocationStatus crlStatus(List<X509CRL> candidates, X509Certificate cert, X509Certificate issuer,
            Instant now) {
        for (X509CRL crl : candidates) {
            if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
                continue;
            }
            try {
                crl.verify(issuer.getPublicKey());
            } catch (GeneralSecurityException | RuntimeException e) {
                try {
                    crl.verify(issuer.getPublicKey(), Bc.PROVIDER);
                } catch (GeneralSecurityException | RuntimeException e2) {
                    LOG.debug("CRL from {} ignored: signature invalid", Names.display(crl.getIssuerX500Principal()));
                    continue;
                }
            }
            Date next = crl.getNextUpdate();
            if (next != null && now.minus(skew).isAfter(next.toInstant())) {
                LOG.debug("CRL from {} ignored: stale", Names.display(crl.getIssuerX500Principal()));
                continue;
            }
            if (crl.getThisUpdate().toInstant().isAfter(now.plus(skew))) {
                continue;
            }
            X509CRLEntry entry = crl.getRevokedCertificate(cert.getSerialNumber());
            if (entry != null && !entry.getRevocationDate().toInstant().isAfter(now.plus(skew))) {
                return RevocationStatus.REVOKED;
            }
            return RevocationStatus.GOOD;
        }
        return RevocationStatus.UNKNOWN;
    }

    private static Problem problem(String reason, X509Certificate c, String message) {
        return new Problem(reason, Names.subject(c), message);
    }

    /** Builds a {@link CertificateValidator}. */
    public static final class Builder {
        private final Set<X509Certificate> anchors = new LinkedHashSet<>();
        private final Set<X509Certificate> intermediates = new LinkedHashSet<>();
        private final List<X509CRL> crls = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(5);
        private boolean revocationChecking = true;
        private boolean ocsp = true;
        private URI ocspResponder;
        private boolean softFail;
        private boolean requireDigitalSignature = true;
        private boolean allowCaSigners;
        private AlgorithmPolicy policy = AlgorithmPolicy.defaults();
        private Timeouts timeouts = Timeouts.of(Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10));
        private Duration ocspCacheTtl = Duration.ofMinutes(5);
        private Duration crlCacheTtl = Duration.ofHours(1);
        private boolean fetchCrls = true;
        private URI crlDistributionPoint;

        private Builder() {
        }

        /** Adds a trust anchor (a root CA, or a pinned end-entity certificate). */
        public Builder trustAnchor(X509Certificate anchor) {
            anchors.add(Objects.requireNonNull(anchor, "anchor == null"));
            return this;
        }

        /** Adds trust anchors. */
        public Builder trustAnchors(Collection<X509Certificate> anchors) {
            anchors.forEach(this::trustAnchor);
            return this;
        }

        /** Adds an intermediate CA certificate usable to build paths (it is not trusted by itself). */
        public Builder intermediate(X509Certificate intermediate) {
            intermediates.add(Objects.requireNonNull(intermediate, "intermediate == null"));
            return this;
        }

        /** Adds a CRL; it is used only when its signature verifies with the issuer in the path and it is current. */
        public Builder crl(X509CRL crl) {
            crls.add(Objects.requireNonNull(crl, "crl == null"));
            return this;
        }

        /** The clock for validity, CRL and OCSP freshness; default the system UTC clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** Allowed clock skew, default 5 minutes; at most 1 hour. */
        public Builder skew(Duration skew) {
            Objects.requireNonNull(skew, "skew == null");
            if (skew.isNegative() || skew.compareTo(Duration.ofHours(1)) > 0) {
                throw new IllegalArgumentException("skew must be between 0 and 1 hour, was " + skew);
            }
            this.skew = skew;
            return this;
        }

        /** Switches revocation checking on (default) or off. Off is meant for pinned certificates and tests. */
        public Builder revocationChecking(boolean on) {
            this.revocationChecking = on;
            return this;
        }

        /** Whether OCSP is asked (default true); the responder comes from the certificate's AIA unless overridden. */
        public Builder ocsp(boolean on) {
            this.ocsp = on;
            return this;
        }

        /** Asks this OCSP responder instead of the one named in the certificates. */
        public Builder ocspResponder(URI url) {
            this.ocspResponder = Objects.requireNonNull(url, "url == null");
            this.ocsp = true;
            return this;
        }

        /** Accepts an unknown revocation status with a warning instead of refusing (default false: hard-fail). */
        public Builder softFail(boolean softFail) {
            this.softFail = softFail;
            return this;
        }

        /** Whether the leaf must allow digitalSignature (default true). */
        public Builder requireDigitalSignature(boolean require) {
            this.requireDigitalSignature = require;
            return this;
        }

        /**
         * Whether the certificate being validated may itself be a CA certificate (basicConstraints CA=true); default
         * false, since a CA key signs certificates and CRLs, not documents, messages or TLS handshakes.
         */
        public Builder allowCaSigners(boolean allow) {
            this.allowCaSigners = allow;
            return this;
        }

        /** The algorithm policy for certificate signatures and key sizes; default {@link AlgorithmPolicy#defaults()}. */
        public Builder algorithmPolicy(AlgorithmPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy == null");
            return this;
        }

        /** Timeouts for OCSP requests and CRL downloads; default 3 s connect, 5 s read, 10 s total. */
        public Builder timeouts(Timeouts timeouts) {
            this.timeouts = Objects.requireNonNull(timeouts, "timeouts == null");
            return this;
        }

        /** How long an OCSP answer is reused at most (also bounded by its nextUpdate); default 5 minutes. */
        public Builder ocspCacheTtl(Duration ttl) {
            this.ocspCacheTtl = Objects.requireNonNull(ttl, "ttl == null");
            return this;
        }

        /**
         * Whether CRLs are downloaded from the certificates' HTTP distribution points when no configured CRL covers
         * a certificate (default true). Downloads use the timeouts and are cached until nextUpdate, at most an hour.
         */
        public Builder fetchCrls(boolean fetch) {
            this.fetchCrls = fetch;
            return this;
        }

        /** Downloads CRLs from this URL instead of the distribution points named in the certificates. */
        public Builder crlDistributionPoint(URI url) {
            this.crlDistributionPoint = Objects.requireNonNull(url, "url == null");
            this.fetchCrls = true;
            return this;
        }

        /** The validator; throws {@link IllegalStateException} without a trust anchor. */
        public CertificateValidator build() {
            if (anchors.isEmpty()) {
                throw new IllegalStateException("at least one trust anchor is required");
            }
            return new CertificateValidator(this);
        }
    }
}

package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.signing.certificates.CertificateReport.RevocationStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.jcajce.JcaCertificateID;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an OCSP responder about one certificate, checks the answer (signed by the issuer or by a responder the
 * issuer delegated to, nonce echoed, fresh) and caches it. Any failure yields {@link RevocationStatus#UNKNOWN}.
 */
public final class OcspClient {
    private static final Logger LOG = LoggerFactory.getLogger(OcspClient.class);
    private static final int MAX_RESPONSE = 64 * 1024;

    private final HttpClient http;
    private final Timeouts timeouts;
    private final Duration cacheTtl;
    private final Clock clock;
    private final Duration skew;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(RevocationStatus status, Instant until) {
    }

    /** A client using the given timeouts, cache lifetime, clock and skew. */
    public OcspClient(Timeouts timeouts, Duration cacheTtl, Clock clock, Duration skew) {
        this.timeouts = timeouts;
        this.cacheTtl = cacheTtl;
        this.clock = clock;
        this.skew = skew;
        this.http = HttpClient.newBuilder().connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The OCSP responder URL from the certificate's authority information access, or null. */
    public static URI responderUrl(X509Certificate cert) {
        byte[] ext = cert.getExtensionValue(Extension.authorityInfoAccess.getId());
        if (ext == null) {
            return null;
        }
        try {
            AuthorityInformationAccess aia = AuthorityInformationAccess.getInstance(
                    ASN1OctetString.getInstance(ext).getOctets());
            for (AccessDescription ad : aia.getAccessDescriptions()) {
                if (ad.getAccessMethod().equals(AccessDescription.id_ad_ocsp)
                        && ad.getAccessLocation().getTagNo() == GeneralName.uniformResourceIdentifier) {
                    return URI.create(ASN1IA5String.getInstance(ad.getAccessLocation().getName()).getString());
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("unreadable authority information access: {}", e.toString());
        }
        return null;
    }

    /** The status of {@code cert} issued by {@code issuer}, asking {@code url}; never throws. */
    public RevocationStatus status(X509Certificate cert, X509Certificate issuer, URI url) {
        String key = issuer.getSubjectX500Principal().getName() + "#" + cert.getSerialNumber() + "@" + url;
        Instant now = clock.instant();
        Cached c = cache.get(key);
        if (c != null && now.isBefore(c.until())) {
            return c.status();
        }
        RevocationStatus s;
        Instant until = now.plus(cacheTtl);
        try {
            Answer a = ask(cert, issuer, url, now);
            s = a.status;
            if (a.nextUpdate != null && a.nextUpdate.isBefore(until)) {
                until = a.nextUpdate;
            }
        } catch (IOException | RuntimeException | org.bouncycastle.operator.OperatorCreationException
                | org.bouncycastle.cert.ocsp.OCSPException | CertificateEncodingException e) {
            LOG.debug("OCSP request to {} failed: {}", url, e.toString());
            return RevocationStatus.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RevocationStatus.UNKNOWN;
        }
        if (s != RevocationStatus.UNKNOWN) {
            cache.put(key, new Cached(s, until));
            if (cache.size() > 10_000) {
                cache.clear();
            }
        }
        return s;
    }

    private record Answer(RevocationStatus status, Instant nextUpdate) {
    }

    private Answer ask(X509Certificate cert, X509Certificate issuer, URI url, Instant now) throws IOException,
            InterruptedException, org.bouncycastle.operator.OperatorCreationException,
            org.bouncycastle.cert.ocsp.OCSPException, CertificateEncodingException {
        CertificateID id = new JcaCertificateID(new JcaDigestCalculatorProviderBuilder().setProvider(Bc.PROVIDER).build()
                .get(CertificateID.HASH_SHA1), issuer, cert.getSerialNumber());
        byte[] nonce = new byte[16];
        random.nextBytes(nonce);
        Extension nonceExtension = Extension.create(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                new DEROctetString(nonce));
        OCSPReq req = new OCSPReqBuilder().addRequest(id).setRequestExtensions(new Extensions(nonceExtension)).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeouts.read())
                .header("Content-Type", "application/ocsp-request")
                .POST(HttpRequest.BodyPublishers.ofByteArray(req.getEncoded())).build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200 || response.body().length > MAX_RESPONSE) {
            LOG.debug("OCSP responder {} answered HTTP {}", url, response.statusCode());
            return new Answer(RevocationStatus.UNKNOWN, null);
        }
        OCSPResp resp = new OCSPResp(response.body());
        if (resp.getStatus() != OCSPResp.SUCCESSFUL || !(resp.getResponseObject() instanceof BasicOCSPResp basic)) {
            return new Answer(RevocationStatus.UNKNOWN, null);
        }
        if (!signedByIssuerOrDelegate(basic, issuer)) {
            LOG.debug("OCSP response from {} not signed by the issuer or a delegated responder", url);
            return new Answer(RevocationStatus.UNKNOWN, null);
        }
        // Many production responders send pre-produced answers without a nonce; such an answer must then carry a
        // nextUpdate that has not passed (checked below). An echoed nonce must be ours.
        Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
        boolean nonceEchoed = echoed != null;
        if (nonceEchoed && !java.util.Arrays.equals(echoed.getExtnValue().getOctets(),
                nonceExtension.getExtnValue().getOctets())) {
            LOG.debug("OCSP response from {} carries another nonce", url);
            return new Answer(RevocationStatus.UNKNOWN, null);
        }
        for (SingleResp single : basic.getResponses()) {
            if (!single.getCertID().equals(id)) {
                continue;
            }
            if (single.getThisUpdate().toInstant().isAfter(now.plus(skew))) {
                return new Answer(RevocationStatus.UNKNOWN, null);
            }
            Instant next = single.getNextUpdate() == null ? null : single.getNextUpdate().toInstant();
            if (!nonceEchoed && next == null) {
                LOG.debug("OCSP response from {} has neither our nonce nor a nextUpdate", url);
                return new Answer(RevocationStatus.UNKNOWN, null);
            }
            if (next != null && next.isBefore(now.minus(skew))) {
                return new Answer(RevocationStatus.UNKNOWN, null);
            }
            CertificateStatus st = single.getCertStatus();
            if (st == CertificateStatus.GOOD) {
                return new Answer(RevocationStatus.GOOD, next);
            }
            if (st instanceof RevokedStatus) {
                return new Answer(RevocationStatus.REVOKED, next);
            }
            return new Answer(RevocationStatus.UNKNOWN, null);
        }
        return new Answer(RevocationStatus.UNKNOWN, null);
    }

    private static boolean signedByIssuerOrDelegate(BasicOCSPResp basic, X509Certificate issuer) {
        try {
            JcaContentVerifierProviderBuilder vb = new JcaContentVerifierProviderBuilder().setProvider(Bc.PROVIDER);
            if (basic.isSignatureValid(vb.build(issuer.getPublicKey()))) {
                return true;
            }
            X509CertificateHolder issuerHolder = new JcaX509CertificateHolder(issuer);
            for (X509CertificateHolder h : basic.getCerts()) {
                X509Certificate responder = new JcaX509CertificateConverter().setProvider(Bc.PROVIDER).getCertificate(h);
                boolean delegated = h.getIssuer().equals(issuerHolder.getSubject())
                        && h.isSignatureValid(vb.build(issuerHolder))
                        && responder.getExtendedKeyUsage() != null
                        && responder.getExtendedKeyUsage().contains(KeyPurposeId.id_kp_OCSPSigning.getId());
                if (delegated && basic.isSignatureValid(vb.build(responder.getPublicKey()))) {
                    return true;
                }
            }
        } catch (Exception e) {
            LOG.debug("OCSP response signature could not be checked: {}", e.toString());
        }
        return false;
    }

    /** Visible for tests: the number of cached answers. */
    public int cached() {
        return cache.size();
    }

}

package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.core.Timeouts;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bouncycastle.asn1.ASN1IA5String;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads CRLs over HTTP with timeouts and a size limit and caches each until its nextUpdate (at most the cache
 * lifetime). The caller checks the CRL's signature and freshness. Failures yield null.
 */
public final class CrlFetcher {
    private static final Logger LOG = LoggerFactory.getLogger(CrlFetcher.class);
    private static final int MAX_CRL = 20 * 1024 * 1024;

    private final HttpClient http;
    private final Timeouts timeouts;
    private final Duration cacheTtl;
    private final Clock clock;
    private final Map<URI, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(X509CRL crl, Instant until) {
    }

    /** A fetcher with the given timeouts, cache lifetime and clock. */
    public CrlFetcher(Timeouts timeouts, Duration cacheTtl, Clock clock) {
        this.timeouts = timeouts;
        this.cacheTtl = cacheTtl;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeouts.connect())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The HTTP(S) CRL distribution points named in the certificate. */
    public static List<URI> distributionPoints(X509Certificate cert) {
        List<URI> out = new ArrayList<>();
        byte[] ext = cert.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (ext == null) {
            return out;
        }
        try {
            CRLDistPoint dps = CRLDistPoint.getInstance(ASN1OctetString.getInstance(ext).getOctets());
            for (DistributionPoint dp : dps.getDistributionPoints()) {
                DistributionPointName name = dp.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName g : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (g.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        String u = ASN1IA5String.getInstance(g.getName()).getString();
                        if (u.startsWith("http://") || u.startsWith("https://")) {
                            out.add(URI.create(u));
                        }
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.debug("unreadable CRL distribution points: {}", e.toString());
        }
        return out;
    }

    /** The CRL at {@code url}, from the cache when still current; null when it cannot be had. */
    public X509CRL fetch(URI url) {
        Instant now = clock.instant();
        Cached c = cache.get(url);
        if (c != null && now.isBefore(c.until())) {
            return c.crl();
        }
        try {
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeouts.read()).GET().build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            byte[] body;
            try (InputStream in = response.body()) {
                body = in.readNBytes(MAX_CRL + 1);
            }
            if (response.statusCode() != 200 || body.length > MAX_CRL) {
                LOG.debug("CRL download from {} failed: HTTP {}, {} bytes", url, response.statusCode(), body.length);
                return null;
            }
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(body));
            Instant until = now.plus(cacheTtl);
            if (crl.getNextUpdate() != null && crl.getNextUpdate().toInstant().isBefore(until)) {
                until = crl.getNextUpdate().toInstant();
            }
            cache.put(url, new Cached(crl, until));
            return crl;
        } catch (IOException | CertificateException | CRLException | RuntimeException e) {
            LOG.debug("CRL download from {} failed: {}", url, e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}

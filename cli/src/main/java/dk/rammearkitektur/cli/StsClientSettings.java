package dk.rammearkitektur.cli;

import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.signing.Pem;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Properties;

/**
 * What every client that fetches its own STS tokens takes from the configuration: the system certificate
 * ({@code certificate.file}, {@code certificate.password}), {@code trust.anchors}, the authority's {@code sts.cvr},
 * the STS protocol ({@code auth=sts-rest}, else SOAP) and {@code sts.certificates}, read and checked in that order.
 */
record StsClientSettings(Path certificate, char[] password, List<X509Certificate> trustAnchors, String cvr,
        StsProtocol protocol, List<X509Certificate> stsCertificates) {

    static StsClientSettings of(CprLookupCommand.Config config, Properties p) {
        return new StsClientSettings(Path.of(config.required(p, "certificate.file")),
                config.required(p, "certificate.password").toCharArray(),
                Pem.certificates(CprLookupCommand.Config.read(config.required(p, "trust.anchors"), "trust.anchors")),
                config.required(p, "sts.cvr"),
                "sts-rest".equals(config.get(p, "auth")) ? StsProtocol.REST : StsProtocol.SOAP,
                Pem.certificates(CprLookupCommand.Config.read(config.required(p, "sts.certificates"),
                        "sts.certificates")));
    }
}

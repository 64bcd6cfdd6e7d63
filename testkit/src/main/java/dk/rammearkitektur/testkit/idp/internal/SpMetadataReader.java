package dk.rammearkitektur.testkit.idp.internal;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.idp.RegisteredSp;
import dk.rammearkitektur.testkit.serviceplatform.internal.SimulatorExchanges;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.net.URI;
import java.security.cert.X509Certificate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads the parts of SP metadata the simulator needs ({@link RegisteredSp#fromMetadata(String)}). */
public final class SpMetadataReader {
    private SpMetadataReader() {
    }

    /** Reads SP metadata; see {@link RegisteredSp#fromMetadata(String)}. */
    public static RegisteredSp read(String xml) {
        Document doc = SecureXml.parse(xml);
        Element root = doc.getDocumentElement();
        if (!Saml.METADATA.equals(root.getNamespaceURI()) || !"EntityDescriptor".equals(root.getLocalName())) {
            throw new ValidationException("EntityDescriptor", "the root element must be md:EntityDescriptor");
        }
        String entityId = Saml.attr(root, "entityID");
        if (entityId == null) {
            throw new ValidationException("EntityDescriptor@entityID", "is required");
        }
        Element sp = Xml.kid(root, Saml.METADATA, "SPSSODescriptor");
        if (sp == null) {
            throw new ValidationException("EntityDescriptor/SPSSODescriptor", "is required");
        }
        URI acs = firstLocation(sp, "AssertionConsumerService", Saml.POST);
        if (acs == null) {
            throw new ValidationException("SPSSODescriptor/AssertionConsumerService",
                    "an HTTP-POST AssertionConsumerService with a Location is required");
        }
        URI slo = firstLocation(sp, "SingleLogoutService", Saml.REDIRECT);
        X509Certificate signing = null;
        X509Certificate encryption = null;
        int i = 0;
        for (Element kd : Xml.kids(sp, Saml.METADATA, "KeyDescriptor")) {
            String path = "SPSSODescriptor/KeyDescriptor[" + i++ + "]";
            String use = kd.getAttribute("use");
            X509Certificate c = certificate(kd, path);
            if ((use.isEmpty() || "signing".equals(use)) && signing == null) {
                signing = c;
            }
            if ((use.isEmpty() || "encryption".equals(use)) && encryption == null) {
                encryption = c;
            }
            if (!use.isEmpty() && !"signing".equals(use) && !"encryption".equals(use)) {
                throw new ValidationException(path + "@use", "must be signing or encryption");
            }
        }
        if (signing == null) {
            throw new ValidationException("SPSSODescriptor/KeyDescriptor", "a signing certificate is required");
        }
        if (encryption == null) {
            throw new ValidationException("SPSSODescriptor/KeyDescriptor", "an encryption certificate is required");
        }
        return new RegisteredSp(entityId, acs, slo, signing, encryption);
    }

    /** The Location of the SP's first {@code endpoint} element with {@code binding}, or null when it has none. */
    private static URI firstLocation(Element sp, String endpoint, String binding) {
        for (Element e : Xml.kids(sp, Saml.METADATA, endpoint)) {
            if (binding.equals(e.getAttribute("Binding"))) {
                return uri(e, "SPSSODescriptor/" + endpoint + "@Location");
            }
        }
        return null;
    }

    private static URI uri(Element e, String path) {
        String v = Saml.attr(e, "Location");
        if (v == null) {
            throw new ValidationException(path, "is required");
        }
        try {
            URI u = new URI(v);
            if (!u.isAbsolute()) {
                throw new ValidationException(path, "must be an absolute URL");
            }
            return u;
        } catch (java.net.URISyntaxException ex) {
            throw new ValidationException(path, "must be a URL");
        }
    }

    private static X509Certificate certificate(Element keyDescriptor, String path) {
        Element ki = Xml.kid(keyDescriptor, Saml.DSIG, "KeyInfo");
        Element data = ki == null ? null : Xml.kid(ki, Saml.DSIG, "X509Data");
        Element cert = data == null ? null : Xml.kid(data, Saml.DSIG, "X509Certificate");
        if (cert == null) {
            throw new ValidationException(path + "/KeyInfo/X509Data/X509Certificate", "is required");
        }
        X509Certificate c = SimulatorExchanges.decodeCertificate(cert.getTextContent());
        if (c == null) {
            throw new ValidationException(path + "/KeyInfo/X509Data/X509Certificate", "must be a base64 DER certificate");
        }
        return c;
    }
}

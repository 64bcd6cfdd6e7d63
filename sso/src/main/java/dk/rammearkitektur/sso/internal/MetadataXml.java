package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.SignatureException;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.signing.xml.VerifiedSignature;
import dk.rammearkitektur.signing.xml.XmlSignatureVerifier;
import dk.rammearkitektur.sso.sp.IdpMetadata;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Reads IdP metadata and writes SP metadata. */
public final class MetadataXml {
    private static final String ROOT = "EntityDescriptor";

    private MetadataXml() {
    }

    /**
     * IdP metadata with its validity: the earliest {@code validUntil} of EntityDescriptor and IDPSSODescriptor (null
     * when neither has one) and the EntityDescriptor's {@code cacheDuration} (null when absent or not a duration
     * {@link Duration#parse} reads).
     */
    public record Read(IdpMetadata metadata, Instant validUntil, Duration cacheDuration) {
    }

    /** Reads an IdP EntityDescriptor; verifies its enveloped signature when {@code trust} is not null. */
    public static IdpMetadata readIdp(String xml, SignatureTrust trust) {
        return readIdpWithValidity(xml, trust).metadata();
    }

    /** {@link #readIdp}, with validUntil and cacheDuration. */
    public static Read readIdpWithValidity(String xml, SignatureTrust trust) {
        String r = SsoRefusedException.METADATA;
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (RammearkitekturException e) {
            throw new SsoRefusedException(r, ROOT + ": not well-formed XML or a DOCTYPE (refused)", e);
        }
        Element root = doc.getDocumentElement();
        if (!SamlDom.MD.equals(root.getNamespaceURI()) || !ROOT.equals(root.getLocalName())) {
            throw new SsoRefusedException(r, ROOT + ": the root element must be md:EntityDescriptor");
        }
        if (trust != null) {
            List<Element> sigs = SamlDom.children(root, SamlDom.DS, "Signature");
            if (sigs.size() != 1) {
                throw new SsoRefusedException(r, ROOT + ".Signature: must occur exactly once when a trust anchor is set");
            }
            try {
                VerifiedSignature v = XmlSignatureVerifier.builder(trust).build().verify(sigs.get(0));
                v.requireSigned(root);
            } catch (SignatureException e) {
                throw new SsoRefusedException(r, ROOT + ".Signature: " + e.getMessage(), e);
            } catch (RammearkitekturException e) {
                throw new SsoRefusedException(r, ROOT + ".Signature: the signing certificate is not trusted", e);
            }
        }
        String entityId = SamlDom.attribute(root, "entityID", ROOT, r);
        Element idp = SamlDom.one(root, SamlDom.MD, "IDPSSODescriptor", ROOT, r);
        String path = ROOT + ".IDPSSODescriptor";
        Map<String, String> sso = endpoints(idp, "SingleSignOnService", path);
        Map<String, String> slo = endpoints(idp, "SingleLogoutService", path);
        List<X509Certificate> signing = new ArrayList<>();
        List<X509Certificate> encryption = new ArrayList<>();
        for (Element kd : SamlDom.children(idp, SamlDom.MD, "KeyDescriptor")) {
            String use = kd.getAttribute("use");
            for (X509Certificate c : certificates(kd, path + ".KeyDescriptor")) {
                if (use.isEmpty() || use.equals("signing")) {
                    signing.add(c);
                }
                if (use.isEmpty() || use.equals("encryption")) {
                    encryption.add(c);
                }
            }
        }
        boolean want = "true".equals(idp.getAttribute("WantAuthnRequestsSigned").strip())
                || "1".equals(idp.getAttribute("WantAuthnRequestsSigned").strip());
        Instant validUntil = earliest(SamlDom.time(root, "validUntil", ROOT, false, r),
                SamlDom.time(idp, "validUntil", path, false, r));
        Duration cacheDuration = null;
        if (root.hasAttribute("cacheDuration")) {
            try {
                cacheDuration = Duration.parse(root.getAttribute("cacheDuration").strip());
            } catch (DateTimeParseException e) {
                cacheDuration = null; // an xs:duration in months or years: the refresh interval applies
            }
        }
        return new Read(new IdpMetadata(entityId, sso, slo, signing, encryption, want), validUntil, cacheDuration);
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    private static Map<String, String> endpoints(Element idp, String name, String path) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element e : SamlDom.children(idp, SamlDom.MD, name)) {
            String binding = SamlDom.attribute(e, "Binding", path + "." + name, SsoRefusedException.METADATA);
            String location = SamlDom.attribute(e, "Location", path + "." + name, SsoRefusedException.METADATA);
            out.putIfAbsent(binding, location);
        }
        return out;
    }

    private static List<X509Certificate> certificates(Element keyDescriptor, String path) {
        List<X509Certificate> out = new ArrayList<>();
        var list = keyDescriptor.getElementsByTagNameNS(SamlDom.DS, "X509Certificate");
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            for (int i = 0; i < list.getLength() && i < 10; i++) {
                byte[] der = Base64.getMimeDecoder().decode(list.item(i).getTextContent().strip());
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(der)));
            }
        } catch (CertificateException | IllegalArgumentException e) {
            throw new SsoRefusedException(SsoRefusedException.METADATA, path + ".KeyInfo.X509Data.X509Certificate: unreadable");
        }
        return out;
    }

    /** The SP EntityDescriptor. */
    public static String writeSp(String entityId, String acs, String slo, List<X509Certificate> signing,
            List<X509Certificate> encryption, String nameIdFormat, List<String> attributes, String serviceName) {
        Document doc = SamlDom.newDocument();
        Element root = doc.createElementNS(SamlDom.MD, "md:EntityDescriptor");
        root.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:ds", SamlDom.DS);
        root.setAttribute("entityID", entityId);
        doc.appendChild(root);
        Element sp = doc.createElementNS(SamlDom.MD, "md:SPSSODescriptor");
        sp.setAttribute("AuthnRequestsSigned", "true");
        sp.setAttribute("WantAssertionsSigned", "true");
        sp.setAttribute("protocolSupportEnumeration", SamlDom.SAMLP);
        root.appendChild(sp);
        for (X509Certificate c : signing) {
            keyDescriptor(sp, "signing", c);
        }
        for (X509Certificate c : encryption) {
            keyDescriptor(sp, "encryption", c);
        }
        if (slo != null) {
            Element s = doc.createElementNS(SamlDom.MD, "md:SingleLogoutService");
            s.setAttribute("Binding", IdpMetadata.REDIRECT);
            s.setAttribute("Location", slo);
            s.setAttribute("ResponseLocation", slo);
            sp.appendChild(s);
        }
        Element f = doc.createElementNS(SamlDom.MD, "md:NameIDFormat");
        f.setTextContent(nameIdFormat);
        sp.appendChild(f);
        Element a = doc.createElementNS(SamlDom.MD, "md:AssertionConsumerService");
        a.setAttribute("Binding", IdpMetadata.POST);
        a.setAttribute("Location", acs);
        a.setAttribute("index", "0");
        a.setAttribute("isDefault", "true");
        sp.appendChild(a);
        if (!attributes.isEmpty()) {
            Element acsv = doc.createElementNS(SamlDom.MD, "md:AttributeConsumingService");
            acsv.setAttribute("index", "0");
            acsv.setAttribute("isDefault", "true");
            Element name = doc.createElementNS(SamlDom.MD, "md:ServiceName");
            name.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:lang", "da");
            name.setTextContent(serviceName);
            acsv.appendChild(name);
            for (String attr : attributes) {
                Element ra = doc.createElementNS(SamlDom.MD, "md:RequestedAttribute");
                ra.setAttribute("Name", attr);
                ra.setAttribute("NameFormat", SamlDom.URI_FORMAT);
                ra.setAttribute("isRequired", "false");
                acsv.appendChild(ra);
            }
            sp.appendChild(acsv);
        }
        return SecureXml.toString(doc);
    }

    private static void keyDescriptor(Element sp, String use, X509Certificate c) {
        Document doc = sp.getOwnerDocument();
        Element kd = doc.createElementNS(SamlDom.MD, "md:KeyDescriptor");
        kd.setAttribute("use", use);
        Element ki = doc.createElementNS(SamlDom.DS, "ds:KeyInfo");
        Element xd = doc.createElementNS(SamlDom.DS, "ds:X509Data");
        Element xc = doc.createElementNS(SamlDom.DS, "ds:X509Certificate");
        try {
            xc.setTextContent(Base64.getEncoder().encodeToString(c.getEncoded()));
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("certificate could not be encoded", e);
        }
        xd.appendChild(xc);
        ki.appendChild(xd);
        kd.appendChild(ki);
        sp.appendChild(kd);
    }
}

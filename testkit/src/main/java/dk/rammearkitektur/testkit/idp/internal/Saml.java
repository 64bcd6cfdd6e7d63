package dk.rammearkitektur.testkit.idp.internal;

import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * SAML names and SAML helpers of the simulator (its own, not shared with the SDK's service provider; its DOM helpers
 * are the simulators' {@link dk.rammearkitektur.testkit.serviceplatform.internal.Xml}).
 */
public final class Saml {
    /** SAML 2.0 assertion namespace. */
    public static final String ASSERTION = "urn:oasis:names:tc:SAML:2.0:assertion";
    /** SAML 2.0 protocol namespace. */
    public static final String PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    /** SAML 2.0 metadata namespace. */
    public static final String METADATA = "urn:oasis:names:tc:SAML:2.0:metadata";
    /** XML-DSig namespace. */
    public static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";
    /** XML Encryption namespace. */
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    /** HTTP-Redirect binding. */
    public static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    /** HTTP-POST binding. */
    public static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    /** Attribute NameFormat uri. */
    public static final String URI_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";
    /** NameID format persistent. */
    public static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    /** NameID format transient. */
    public static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    /** Bearer confirmation method. */
    public static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    /** Status Success. */
    public static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    /** Status Requester. */
    public static final String REQUESTER = "urn:oasis:names:tc:SAML:2.0:status:Requester";
    /** Status Responder. */
    public static final String RESPONDER = "urn:oasis:names:tc:SAML:2.0:status:Responder";
    /** Second-level status AuthnFailed. */
    public static final String AUTHN_FAILED = "urn:oasis:names:tc:SAML:2.0:status:AuthnFailed";
    /** Second-level status NoPassive. */
    public static final String NO_PASSIVE = "urn:oasis:names:tc:SAML:2.0:status:NoPassive";
    /** Second-level status RequestDenied. */
    public static final String REQUEST_DENIED = "urn:oasis:names:tc:SAML:2.0:status:RequestDenied";
    /** RSA-SHA256 signature method. */
    public static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    /** RSASSA-PSS SHA-256 MGF1 signature method. */
    public static final String RSA_SHA256_MGF1 = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";

    private static final SecureRandom RANDOM = new SecureRandom();

    private Saml() {
    }

    /** An XML ID: {@code _} and 32 hex digits. */
    public static String newId() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return "_" + HexFormat.of().formatHex(b);
    }

    /** An xs:dateTime in UTC, whole seconds. */
    public static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * Declares on {@code root} every namespace prefix used by it and its descendants (elements and attributes), so that
     * canonicalisation of the DOM (which sees only declared namespaces) matches the serialised, reparsed document.
     */
    public static void declareNamespaces(Element root) {
        java.util.Map<String, String> found = new java.util.LinkedHashMap<>();
        collect(root, found);
        found.forEach((prefix, ns) -> {
            String qname = "xmlns:" + prefix;
            if (!root.hasAttributeNS(Xml.XMLNS, prefix)) {
                root.setAttributeNS(Xml.XMLNS, qname, ns);
            }
        });
    }

    private static void collect(Node n, java.util.Map<String, String> found) {
        if (n instanceof Element e) {
            if (e.getPrefix() != null && e.getNamespaceURI() != null) {
                found.putIfAbsent(e.getPrefix(), e.getNamespaceURI());
            }
            org.w3c.dom.NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Node a = attrs.item(i);
                if (a.getPrefix() != null && !"xmlns".equals(a.getPrefix()) && a.getNamespaceURI() != null
                        && !Xml.XMLNS.equals(a.getNamespaceURI())) {
                    found.putIfAbsent(a.getPrefix(), a.getNamespaceURI());
                }
            }
            for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                collect(c, found);
            }
        }
    }

    /** The attribute's value, or null when absent or empty. */
    public static String attr(Element e, String name) {
        String v = e.getAttribute(name);
        return v == null || v.isEmpty() ? null : v;
    }
}

package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.xml.parsers.DocumentBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Namespaces and small DOM helpers for SAML messages; refusals name the element path. */
public final class SamlDom {
    /** SAML 2.0 assertion namespace. */
    public static final String SAML = SamlAssertion.NS;
    /** SAML 2.0 protocol namespace. */
    public static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    /** SAML 2.0 metadata namespace. */
    public static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    /** XML-DSig namespace. */
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    /** XML Encryption namespace. */
    public static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    /** XML Encryption 1.1 namespace. */
    public static final String XENC11 = "http://www.w3.org/2009/xmlenc11#";
    /** The success status code. */
    public static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    /** The bearer confirmation method. */
    public static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    /** The URI attribute name format. */
    public static final String URI_FORMAT = "urn:oasis:names:tc:SAML:2.0:attrname-format:uri";
    /** The largest posted SAMLResponse or SAMLRequest accepted (base64 characters): 2 MiB (the SDK's choice). */
    public static final int MAX_POSTED = 2 * 1024 * 1024;

    private SamlDom() {
    }

    /** A new empty namespace-aware document from the hardened builder. */
    public static Document newDocument() {
        DocumentBuilder b = SecureXml.documentBuilder();
        return b.newDocument();
    }

    /** The element children of {@code parent} with this namespace and local name. */
    public static List<Element> children(Element parent, String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && name.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    /** The one child, or a refusal with {@code reason} naming {@code path.name}. */
    public static Element one(Element parent, String ns, String name, String path, String reason) {
        List<Element> found = children(parent, ns, name);
        if (found.size() != 1) {
            throw new SsoRefusedException(reason, path + "." + name + ": must occur exactly once, found " + found.size());
        }
        return found.get(0);
    }

    /** The optional child (at most one). */
    public static Element optional(Element parent, String ns, String name, String path) {
        List<Element> found = children(parent, ns, name);
        if (found.size() > 1) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED, path + "." + name + ": must occur at most once");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    /** A required, non-blank attribute. */
    public static String attribute(Element e, String name, String path, String reason) {
        if (!e.hasAttribute(name) || e.getAttribute(name).isBlank()) {
            throw new SsoRefusedException(reason, path + "@" + name + ": is required");
        }
        return e.getAttribute(name).strip();
    }

    /** An optional xs:dateTime attribute. */
    public static Instant time(Element e, String name, String path, boolean required, String reason) {
        if (!e.hasAttribute(name)) {
            if (required) {
                throw new SsoRefusedException(reason, path + "@" + name + ": is required");
            }
            return null;
        }
        try {
            return Instant.parse(e.getAttribute(name).strip());
        } catch (DateTimeParseException ex) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED, path + "@" + name + ": is not an xs:dateTime in UTC");
        }
    }

    /**
     * The status codes of a StatusResponseType element ({@code path} names it), top level first, at most five deep;
     * a missing Status or StatusCode is {@link SsoRefusedException#MALFORMED}.
     */
    public static List<String> statusCodes(Element response, String path) {
        String m = SsoRefusedException.MALFORMED;
        Element status = one(response, SAMLP, "Status", path, m);
        List<String> codes = new ArrayList<>();
        Element code = one(status, SAMLP, "StatusCode", path + ".Status", m);
        for (int depth = 0; code != null && depth < 5; depth++) {
            codes.add(attribute(code, "Value", path + ".Status.StatusCode", m));
            code = optional(code, SAMLP, "StatusCode", path + ".Status.StatusCode");
        }
        return codes;
    }

    /**
     * Checks an Issuer element ({@code path} names it): Format absent or the entity format, value the IdP's entity id;
     * {@link SsoRefusedException#ISSUER} otherwise.
     */
    public static void checkIssuer(Element issuer, String path, String idpEntityId) {
        String format = issuer.getAttribute("Format");
        if (!format.isEmpty() && !format.equals("urn:oasis:names:tc:SAML:2.0:nameid-format:entity")) {
            throw new SsoRefusedException(SsoRefusedException.ISSUER, path + "@Format: must be the entity format");
        }
        if (!idpEntityId.equals(text(issuer))) {
            throw new SsoRefusedException(SsoRefusedException.ISSUER, path + ": must be the IdP's entity id");
        }
    }

    /**
     * Parses a received protocol message with the hardened parser and requires its root to be {@code samlp:<root>};
     * refusals are {@link SsoRefusedException#MALFORMED} and name {@code field}.
     */
    public static Element parseMessage(byte[] xml, String field, String root) {
        Document doc;
        try {
            doc = SecureXml.parse(new ByteArrayInputStream(xml));
        } catch (RammearkitekturException e) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED,
                    field + ": not well-formed XML, or it has a DOCTYPE (refused)", e);
        }
        Element r = doc.getDocumentElement();
        if (!SAMLP.equals(r.getNamespaceURI()) || !root.equals(r.getLocalName())) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED, field + ": the root must be samlp:" + root);
        }
        return r;
    }

    /**
     * A protocol message posted by the HTTP-POST binding: the base64 form field {@code field} (at most
     * {@link #MAX_POSTED} characters) decoded and parsed by {@link #parseMessage}; the root must be
     * {@code samlp:<root>}. Refusals are {@link SsoRefusedException#MALFORMED} and name {@code field}. Signatures are
     * the caller's.
     */
    public static Element parsePosted(String value, String field, String root) {
        return parseMessage(base64Field(value, field), field, root);
    }

    private static byte[] base64Field(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED, field + ": is required");
        }
        if (value.length() > MAX_POSTED) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED,
                    field + ": longer than " + MAX_POSTED + " characters");
        }
        try {
            return Base64.getMimeDecoder().decode(value.strip());
        } catch (IllegalArgumentException e) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED, field + ": not base64");
        }
    }

    /** The trimmed text content of an element. */
    public static String text(Element e) {
        return e.getTextContent() == null ? "" : e.getTextContent().strip();
    }
}

package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes LogoutRequest and LogoutResponse XML for the HTTP-Redirect binding (the binding signs the query string). */
public final class LogoutXml {
    /** The PartialLogout second-level status code. */
    public static final String PARTIAL_LOGOUT = "urn:oasis:names:tc:SAML:2.0:status:PartialLogout";

    private LogoutXml() {
    }

    /**
     * An SP-initiated LogoutRequest: ID, Version, IssueInstant, Destination, NotOnOrAfter, Issuer, NameID (with its
     * Format and qualifiers when given) and SessionIndex.
     */
    public static String request(String id, Instant now, Instant notOnOrAfter, String destination, String issuer,
            String nameId, String format, String nameQualifier, String spNameQualifier, String sessionIndex) {
        Document doc = SamlDom.newDocument();
        Element req = root(doc, "samlp:LogoutRequest", id, now, destination);
        req.setAttribute("NotOnOrAfter", millis(notOnOrAfter));
        req.appendChild(text(doc, SamlDom.SAML, "saml:Issuer", issuer));
        Element n = text(doc, SamlDom.SAML, "saml:NameID", nameId);
        setIfPresent(n, "Format", format);
        setIfPresent(n, "NameQualifier", nameQualifier);
        setIfPresent(n, "SPNameQualifier", spNameQualifier);
        req.appendChild(n);
        req.appendChild(text(doc, SamlDom.SAMLP, "samlp:SessionIndex", sessionIndex));
        return SecureXml.toString(doc);
    }

    /** A LogoutResponse with the status codes (top level first). */
    public static String response(String id, Instant now, String destination, String inResponseTo, String issuer,
            List<String> statusCodes) {
        Document doc = SamlDom.newDocument();
        Element res = root(doc, "samlp:LogoutResponse", id, now, destination);
        res.setAttribute("InResponseTo", inResponseTo);
        res.appendChild(text(doc, SamlDom.SAML, "saml:Issuer", issuer));
        Element status = doc.createElementNS(SamlDom.SAMLP, "samlp:Status");
        res.appendChild(status);
        Element parent = status;
        for (String code : statusCodes) {
            Element c = doc.createElementNS(SamlDom.SAMLP, "samlp:StatusCode");
            c.setAttribute("Value", code);
            parent.appendChild(c);
            parent = c;
        }
        return SecureXml.toString(doc);
    }

    private static Element root(Document doc, String name, String id, Instant now, String destination) {
        Element r = doc.createElementNS(SamlDom.SAMLP, name);
        r.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlDom.SAML);
        doc.appendChild(r);
        r.setAttribute("ID", id);
        r.setAttribute("Version", "2.0");
        r.setAttribute("IssueInstant", millis(now));
        r.setAttribute("Destination", destination);
        return r;
    }

    private static String millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private static Element text(Document doc, String ns, String name, String value) {
        Element e = doc.createElementNS(ns, name);
        e.setTextContent(value);
        return e;
    }

    private static void setIfPresent(Element e, String name, String value) {
        if (value != null && !value.isEmpty()) {
            e.setAttribute(name, value);
        }
    }
}

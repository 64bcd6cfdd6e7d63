package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.sp.IdpMetadata;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Writes an AuthnRequest for the HTTP-Redirect binding (unsigned XML: the binding signs the query string). */
public final class AuthnRequestXml {
    private AuthnRequestXml() {
    }

    /** The AuthnRequest XML. {@code level} may be null (no RequestedAuthnContext). */
    public static String build(String id, Instant issueInstant, String destination, String acs, String issuer,
            String nameIdFormat, LevelOfAssurance level, boolean forceAuthn, boolean passive) {
        Document doc = SamlDom.newDocument();
        Element req = doc.createElementNS(SamlDom.SAMLP, "samlp:AuthnRequest");
        req.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SamlDom.SAML);
        doc.appendChild(req);
        req.setAttribute("ID", id);
        req.setAttribute("Version", "2.0");
        req.setAttribute("IssueInstant", issueInstant.truncatedTo(ChronoUnit.MILLIS).toString());
        req.setAttribute("Destination", destination);
        req.setAttribute("ProtocolBinding", IdpMetadata.POST);
        req.setAttribute("AssertionConsumerServiceURL", acs);
        if (forceAuthn) {
            req.setAttribute("ForceAuthn", "true");
        }
        if (passive) {
            req.setAttribute("IsPassive", "true");
        }
        Element iss = doc.createElementNS(SamlDom.SAML, "saml:Issuer");
        iss.setTextContent(issuer);
        req.appendChild(iss);
        Element policy = doc.createElementNS(SamlDom.SAMLP, "samlp:NameIDPolicy");
        policy.setAttribute("Format", nameIdFormat);
        policy.setAttribute("AllowCreate", "true");
        req.appendChild(policy);
        if (level != null) {
            Element ctx = doc.createElementNS(SamlDom.SAMLP, "samlp:RequestedAuthnContext");
            ctx.setAttribute("Comparison", "minimum");
            Element ref = doc.createElementNS(SamlDom.SAML, "saml:AuthnContextClassRef");
            ref.setTextContent(level.uri());
            ctx.appendChild(ref);
            req.appendChild(ctx);
        }
        return SecureXml.toString(doc);
    }
}

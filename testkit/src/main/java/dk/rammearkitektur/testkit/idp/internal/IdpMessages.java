package dk.rammearkitektur.testkit.idp.internal;

import static dk.rammearkitektur.testkit.idp.internal.Saml.ASSERTION;
import static dk.rammearkitektur.testkit.idp.internal.Saml.METADATA;
import static dk.rammearkitektur.testkit.idp.internal.Saml.PROTOCOL;
import static dk.rammearkitektur.testkit.idp.internal.Saml.time;
import static dk.rammearkitektur.testkit.serviceplatform.internal.Xml.el;

import dk.rammearkitektur.sso.Identities;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.testkit.idp.IdpProfile;
import dk.rammearkitektur.testkit.idp.TestUser;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Builds the simulator's SAML messages as DOM documents (signing and encryption are {@link XmlCrypto}'s). */
public final class IdpMessages {
    /** The OIOSAML 3 spec version value. */
    public static final String OIOSAML3_SPEC_VERSION = "OIO-SAML-3.0";
    /** The older profile's spec version value (the simulator's choice). */
    public static final String OIOSAML2_SPEC_VERSION = "DK-SAML-2.0";
    /** The older profile's KOMBIT spec version attribute name. */
    public static final String KOMBIT_SPEC_VERSION = "dk:gov:saml:attribute:KombitSpecVer";
    /** How long an assertion is valid (the simulator's choice). */
    public static final long VALIDITY_SECONDS = 300;

    private IdpMessages() {
    }

    /**
     * The metadata EntityDescriptor (unsigned; the caller signs it): IDPSSODescriptor with WantAuthnRequestsSigned, a
     * signing KeyDescriptor, SLO over Redirect and POST, NameIDFormats, SSO over Redirect, attribute declarations.
     */
    public static Document metadata(IdpProfile profile, String entityId, X509Certificate signing, URI sso, URI slo) {
        Document d = Xml.newDocument();
        Element ed = el(d, METADATA, "md:EntityDescriptor", null);
        ed.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", ASSERTION);
        ed.setAttribute("entityID", entityId);
        ed.setAttribute("ID", Saml.newId());
        Element idp = el(ed, METADATA, "md:IDPSSODescriptor", null);
        idp.setAttribute("WantAuthnRequestsSigned", "true");
        idp.setAttribute("protocolSupportEnumeration", PROTOCOL);
        Element kd = el(idp, METADATA, "md:KeyDescriptor", null);
        kd.setAttribute("use", "signing");
        Element ki = el(kd, Saml.DSIG, "ds:KeyInfo", null);
        el(el(ki, Saml.DSIG, "ds:X509Data", null), Saml.DSIG, "ds:X509Certificate", base64(signing));
        for (String binding : List.of(Saml.REDIRECT, Saml.POST)) {
            Element s = el(idp, METADATA, "md:SingleLogoutService", null);
            s.setAttribute("Binding", binding);
            s.setAttribute("Location", slo.toString());
        }
        el(idp, METADATA, "md:NameIDFormat", profile.oiosaml3() ? Saml.PERSISTENT : Identities.X509_SUBJECT_NAME);
        el(idp, METADATA, "md:NameIDFormat", Saml.TRANSIENT);
        Element sso1 = el(idp, METADATA, "md:SingleSignOnService", null);
        sso1.setAttribute("Binding", Saml.REDIRECT);
        sso1.setAttribute("Location", sso.toString());
        for (String name : attributeNames(profile)) {
            Element a = el(idp, ASSERTION, "saml:Attribute", null);
            a.setAttribute("Name", name);
            a.setAttribute("NameFormat", Saml.URI_FORMAT);
        }
        Saml.declareNamespaces(ed);
        return d;
    }

    /** Every attribute name the profile may send. */
    public static List<String> attributeNames(IdpProfile profile) {
        if (profile.oiosaml3()) {
            return List.of(Identities.SPEC_VERSION, Identities.NSIS_LOA, Identities.PROFESSIONAL_UUID,
                    Identities.PROFESSIONAL_CVR, Identities.PROFESSIONAL_ORG_NAME, Identities.CPR_NUMBER,
                    Identities.CPR_UUID, Identities.FULL_NAME, Identities.FIRST_NAME, Identities.LAST_NAME,
                    Identities.EMAIL, Identities.PRIVILEGES);
        }
        return List.of(Identities.LEGACY_SPEC_VERSION, KOMBIT_SPEC_VERSION, Identities.LEGACY_ASSURANCE_LEVEL,
                Identities.LEGACY_CVR, Identities.LEGACY_CPR, Identities.LEGACY_COMMON_NAME, Identities.LEGACY_SURNAME,
                Identities.LEGACY_EMAIL, Identities.LEGACY_ORG_NAME, Identities.LEGACY_PRIVILEGES);
    }

    /** What goes into one assertion; the fault flags bend it. */
    public static final class AssertionSpec {
        public IdpProfile profile;
        public String issuer;
        public String audience;
        public String recipient;
        public String inResponseTo;
        public Instant now;
        public String sessionIndex;
        public TestUser user;
        public boolean expired;
        public boolean lowLoa;
        public boolean missingCvr;
        public boolean malformedPrivileges;
    }

    /** The NameID value and format for the user in the profile. */
    public static String[] nameId(IdpProfile profile, TestUser user) {
        if (!profile.oiosaml3()) {
            String o = user.cvr().map(c -> ",O=" + c).orElse("");
            return new String[] {"C=DK" + o + ",CN=" + user.fullName().replace(",", "\\,") + ",Serial=" + user.uuid(),
                Identities.X509_SUBJECT_NAME};
        }
        String prefix = user.isProfessional() ? Identities.PROFESSIONAL_NAME_ID_PREFIX : Identities.PERSON_NAME_ID_PREFIX;
        return new String[] {prefix + user.uuid(), Saml.PERSISTENT};
    }

    /** An unsigned Assertion (ID set) in a new document, with the spec's statements. */
    public static Element assertion(AssertionSpec s) {
        Document d = Xml.newDocument();
        Instant issued = s.expired ? s.now.minusSeconds(2 * VALIDITY_SECONDS) : s.now;
        Instant until = issued.plusSeconds(VALIDITY_SECONDS);
        Element a = el(d, ASSERTION, "saml:Assertion", null);
        a.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:xs", "http://www.w3.org/2001/XMLSchema");
        a.setAttribute("ID", Saml.newId());
        a.setAttribute("Version", "2.0");
        a.setAttribute("IssueInstant", time(issued));
        el(a, ASSERTION, "saml:Issuer", s.issuer);
        Element subject = el(a, ASSERTION, "saml:Subject", null);
        String[] nameId = nameId(s.profile, s.user);
        Element nid = el(subject, ASSERTION, "saml:NameID", nameId[0]);
        nid.setAttribute("Format", nameId[1]);
        Element sc = el(subject, ASSERTION, "saml:SubjectConfirmation", null);
        sc.setAttribute("Method", Saml.BEARER);
        Element scd = el(sc, ASSERTION, "saml:SubjectConfirmationData", null);
        scd.setAttribute("NotOnOrAfter", time(until));
        scd.setAttribute("Recipient", s.recipient);
        scd.setAttribute("InResponseTo", s.inResponseTo);
        Element cond = el(a, ASSERTION, "saml:Conditions", null);
        cond.setAttribute("NotBefore", time(issued.minusSeconds(30)));
        cond.setAttribute("NotOnOrAfter", time(until));
        el(el(cond, ASSERTION, "saml:AudienceRestriction", null), ASSERTION, "saml:Audience", s.audience);
        LevelOfAssurance loa = s.lowLoa ? LevelOfAssurance.LOW : s.user.loa();
        Element authn = el(a, ASSERTION, "saml:AuthnStatement", null);
        authn.setAttribute("AuthnInstant", time(issued));
        authn.setAttribute("SessionIndex", s.sessionIndex);
        el(el(authn, ASSERTION, "saml:AuthnContext", null), ASSERTION, "saml:AuthnContextClassRef",
                s.profile.oiosaml3() ? loa.uri() : "urn:oasis:names:tc:SAML:2.0:ac:classes:unspecified");
        Element stmt = el(a, ASSERTION, "saml:AttributeStatement", null);
        attributes(s, loa).forEach((name, values) -> {
            Element attr = el(stmt, ASSERTION, "saml:Attribute", null);
            attr.setAttribute("Name", name);
            attr.setAttribute("NameFormat", Saml.URI_FORMAT);
            for (String v : values) {
                Element av = el(attr, ASSERTION, "saml:AttributeValue", v);
                av.setAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "xsi:type", "xs:string");
            }
        });
        Saml.declareNamespaces(a);
        return a;
    }

    private static Map<String, List<String>> attributes(AssertionSpec s, LevelOfAssurance loa) {
        TestUser u = s.user;
        Map<String, List<String>> m = new LinkedHashMap<>();
        String privileges = null;
        if (u.isProfessional() && (!u.privileges().groups().isEmpty() || s.malformedPrivileges)) {
            privileges = s.malformedPrivileges
                    ? Base64.getEncoder().encodeToString(("<bpp:PrivilegeList xmlns:bpp=\""
                            + u.privilegeNamespace().uri() + "\"><PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:"
                            + u.cvr().orElse("") + "\"><Privilege>").getBytes(StandardCharsets.UTF_8))
                    : u.privileges().toBase64(u.privilegeNamespace());
        }
        if (s.profile.oiosaml3()) {
            m.put(Identities.SPEC_VERSION, List.of(OIOSAML3_SPEC_VERSION));
            m.put(Identities.NSIS_LOA, List.of(loa.value()));
            if (u.isProfessional()) {
                m.put(Identities.PROFESSIONAL_UUID, List.of("urn:uuid:" + u.uuid()));
                if (!s.missingCvr) {
                    m.put(Identities.PROFESSIONAL_CVR, List.of(u.cvr().orElseThrow()));
                }
                m.put(Identities.PROFESSIONAL_ORG_NAME, List.of(u.orgName().orElseThrow()));
            } else {
                m.put(Identities.CPR_NUMBER, List.of(u.cpr().orElseThrow()));
                m.put(Identities.CPR_UUID, List.of("urn:uuid:" + u.uuid()));
            }
            m.put(Identities.FULL_NAME, List.of(u.fullName()));
            m.put(Identities.FIRST_NAME, List.of(u.firstName()));
            m.put(Identities.LAST_NAME, List.of(u.lastName()));
            u.email().ifPresent(e -> m.put(Identities.EMAIL, List.of(e)));
            if (privileges != null) {
                m.put(Identities.PRIVILEGES, List.of(privileges));
            }
        } else {
            m.put(Identities.LEGACY_SPEC_VERSION, List.of(OIOSAML2_SPEC_VERSION));
            m.put(KOMBIT_SPEC_VERSION, List.of("2.0"));
            m.put(Identities.LEGACY_ASSURANCE_LEVEL, List.of(String.valueOf(loa.legacyAssuranceLevel())));
            if (u.isProfessional()) {
                if (!s.missingCvr) {
                    m.put(Identities.LEGACY_CVR, List.of(u.cvr().orElseThrow()));
                }
                m.put(Identities.LEGACY_ORG_NAME, List.of(u.orgName().orElseThrow()));
            } else {
                m.put(Identities.LEGACY_CPR, List.of(u.cpr().orElseThrow()));
            }
            m.put(Identities.LEGACY_COMMON_NAME, List.of(u.fullName()));
            m.put(Identities.LEGACY_SURNAME, List.of(u.lastName()));
            u.email().ifPresent(e -> m.put(Identities.LEGACY_EMAIL, List.of(e)));
            if (privileges != null) {
                m.put(Identities.LEGACY_PRIVILEGES, List.of(privileges));
            }
        }
        return m;
    }

    /** A Response shell with Destination, InResponseTo, Issuer and a Status; the caller adds the assertion. */
    public static Element response(String issuer, String destination, String inResponseTo, Instant now, String status,
            String subStatus, String message) {
        return statusResponse("samlp:Response", issuer, destination, inResponseTo, now, status, subStatus, message);
    }

    /** A StatusResponseType element: ID, Version, IssueInstant, Destination, InResponseTo, Issuer, Status. */
    private static Element statusResponse(String name, String issuer, String destination, String inResponseTo,
            Instant now, String status, String subStatus, String message) {
        Document d = Xml.newDocument();
        Element r = el(d, PROTOCOL, name, null);
        r.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", ASSERTION);
        r.setAttribute("ID", Saml.newId());
        r.setAttribute("Version", "2.0");
        r.setAttribute("IssueInstant", time(now));
        r.setAttribute("Destination", destination);
        if (inResponseTo != null) {
            r.setAttribute("InResponseTo", inResponseTo);
        }
        el(r, ASSERTION, "saml:Issuer", issuer);
        status(r, status, subStatus, message);
        return r;
    }

    private static void status(Element parent, String status, String subStatus, String message) {
        Element st = el(parent, PROTOCOL, "samlp:Status", null);
        Element code = el(st, PROTOCOL, "samlp:StatusCode", null);
        code.setAttribute("Value", status);
        if (subStatus != null) {
            el(code, PROTOCOL, "samlp:StatusCode", null).setAttribute("Value", subStatus);
        }
        if (message != null) {
            el(st, PROTOCOL, "samlp:StatusMessage", message);
        }
    }

    /** A LogoutResponse, unsigned: the Redirect binding signs the query; for the POST binding the caller signs it. */
    public static Element logoutResponse(String issuer, String destination, String inResponseTo, Instant now,
            String status) {
        return statusResponse("samlp:LogoutResponse", issuer, destination, inResponseTo, now, status, null, null);
    }

    /** An IdP-initiated LogoutRequest with the NameID (and Format) and SessionIndex. */
    public static Element logoutRequest(String issuer, String destination, Instant now, String[] nameId,
            String sessionIndex) {
        Document d = Xml.newDocument();
        Element r = el(d, PROTOCOL, "samlp:LogoutRequest", null);
        r.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", ASSERTION);
        r.setAttribute("ID", Saml.newId());
        r.setAttribute("Version", "2.0");
        r.setAttribute("IssueInstant", time(now));
        r.setAttribute("Destination", destination);
        el(r, ASSERTION, "saml:Issuer", issuer);
        Element nid = el(r, ASSERTION, "saml:NameID", nameId[0]);
        nid.setAttribute("Format", nameId[1]);
        el(r, PROTOCOL, "samlp:SessionIndex", sessionIndex);
        return r;
    }

    /** The list of base64 DER certificates, for KeyInfo. */
    static String base64(X509Certificate c) {
        try {
            return Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dk.rammearkitektur.signing.saml;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.TokenException;
import dk.rammearkitektur.signing.internal.DecodedCertificates;
import dk.rammearkitektur.signing.xml.XmlSigner;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A SAML 2.0 assertion (sikkerhedsbillet) as a typed value, with the DOM element it was read from. Build and sign one
 * with {@link #builder()}; verify a received one with {@link SamlAssertionVerifier}, which checks the signature,
 * time window, audience and holder-of-key confirmation. {@link #parse(Element)} reads without verifying.
 * {@code toString()} masks CPR numbers.
 */
public final class SamlAssertion {
    /** The SAML 2.0 assertion namespace. */
    public static final String NS = "urn:oasis:names:tc:SAML:2.0:assertion";
    /** SubjectConfirmation method for holder-of-key. */
    public static final String HOLDER_OF_KEY = "urn:oasis:names:tc:SAML:2.0:cm:holder-of-key";
    /** NameID format for an X.509 subject name. */
    public static final String NAMEID_X509 = "urn:oasis:names:tc:SAML:1.1:nameid-format:X509SubjectName";
    /** Attribute NameFormat basic. */
    public static final String NAME_FORMAT_BASIC = "urn:oasis:names:tc:SAML:2.0:attrname-format:basic";
    /** The CVR number attribute used by KOMBIT. */
    public static final String CVR_ATTRIBUTE = "dk:gov:saml:attribute:CvrNumberIdentifier";
    /** The specification version attribute. */
    public static final String SPEC_VER_ATTRIBUTE = "dk:gov:saml:attribute:SpecVer";
    /** The privileges attribute (base64 of a privilege list). */
    public static final String PRIVILEGES_ATTRIBUTE = "dk:gov:saml:attribute:Privileges_intermediate";
    static final String DSIG = "http://www.w3.org/2000/09/xmldsig#";

    private final String id;
    private final String issuer;
    private final String subject;
    private final String nameIdFormat;
    private final Instant issueInstant;
    private final Instant notBefore;
    private final Instant notOnOrAfter;
    private final List<String> audiences;
    private final Map<String, List<String>> attributes;
    private final X509Certificate holderOfKey;
    private final X509Certificate signer;
    private final Element element;

    private SamlAssertion(String id, String issuer, String subject, String nameIdFormat, Instant issueInstant,
            Instant notBefore, Instant notOnOrAfter, List<String> audiences, Map<String, List<String>> attributes,
            X509Certificate holderOfKey, X509Certificate signer, Element element) {
        this.id = id;
        this.issuer = issuer;
        this.subject = subject;
        this.nameIdFormat = nameIdFormat;
        this.issueInstant = issueInstant;
        this.notBefore = notBefore;
        this.notOnOrAfter = notOnOrAfter;
        this.audiences = audiences;
        this.attributes = attributes;
        this.holderOfKey = holderOfKey;
        this.signer = signer;
        this.element = element;
    }

    /** A builder for a new assertion. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads an assertion element without verifying anything but its shape; throws {@link TokenException}
     * ({@value TokenException#MALFORMED}) naming the field and rule broken. Use {@link SamlAssertionVerifier} for
     * anything you will trust.
     */
    public static SamlAssertion parse(Element assertion) {
        return parse(assertion, null);
    }

    static SamlAssertion parse(Element a, X509Certificate signer) {
        Objects.requireNonNull(a, "assertion == null");
        if (!NS.equals(a.getNamespaceURI()) || !"Assertion".equals(a.getLocalName())) {
            throw malformed("Assertion", "must be a saml2:Assertion element");
        }
        if (!"2.0".equals(a.getAttribute("Version"))) {
            throw malformed("Assertion@Version", "must be 2.0");
        }
        String id = a.getAttribute("ID");
        if (id.isEmpty()) {
            throw malformed("Assertion@ID", "must be present");
        }
        Instant issued = instant(a, "IssueInstant", "Assertion@IssueInstant", true);
        String issuer = text(single(a, "Issuer", "Assertion.Issuer", true), "Assertion.Issuer");
        Element subjectEl = single(a, "Subject", "Assertion.Subject", true);
        Element nameId = single(subjectEl, "NameID", "Assertion.Subject.NameID", true);
        String subject = text(nameId, "Assertion.Subject.NameID");
        X509Certificate hok = null;
        for (Element sc : children(subjectEl, "SubjectConfirmation")) {
            if (HOLDER_OF_KEY.equals(sc.getAttribute("Method"))) {
                if (hok != null) {
                    throw malformed("Assertion.Subject.SubjectConfirmation", "must confirm at most one holder-of-key");
                }
                hok = holderOfKeyCertificate(sc);
            }
        }
        Element conditions = single(a, "Conditions", "Assertion.Conditions", true);
        Instant notBefore = instant(conditions, "NotBefore", "Assertion.Conditions@NotBefore", false);
        Instant notOnOrAfter = instant(conditions, "NotOnOrAfter", "Assertion.Conditions@NotOnOrAfter", true);
        if (notBefore != null && !notBefore.isBefore(notOnOrAfter)) {
            throw malformed("Assertion.Conditions", "NotBefore must be before NotOnOrAfter");
        }
        List<String> audiences = new ArrayList<>();
        for (Element ar : children(conditions, "AudienceRestriction")) {
            for (Element au : children(ar, "Audience")) {
                audiences.add(text(au, "Assertion.Conditions.AudienceRestriction.Audience"));
            }
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        for (Element st : children(a, "AttributeStatement")) {
            for (Element at : children(st, "Attribute")) {
                String name = at.getAttribute("Name");
                if (name.isEmpty()) {
                    throw malformed("Assertion.AttributeStatement.Attribute@Name", "must be present");
                }
                List<String> values = new ArrayList<>();
                for (Element v : children(at, "AttributeValue")) {
                    values.add(v.getTextContent());
                }
                attributes.computeIfAbsent(name, k -> new ArrayList<>()).addAll(values);
            }
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        attributes.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        return new SamlAssertion(id, issuer, subject, nameId.getAttribute("Format"), issued, notBefore, notOnOrAfter,
                List.copyOf(audiences), Collections.unmodifiableMap(frozen), hok, signer, a);
    }

    private static X509Certificate holderOfKeyCertificate(Element sc) {
        String path = "Assertion.Subject.SubjectConfirmation.SubjectConfirmationData.KeyInfo.X509Data.X509Certificate";
        Element data = single(sc, "SubjectConfirmationData", "Assertion.Subject.SubjectConfirmation.SubjectConfirmationData", true);
        List<Element> certs = new ArrayList<>();
        for (Element ki : childrenNs(data, DSIG, "KeyInfo")) {
            for (Element xd : childrenNs(ki, DSIG, "X509Data")) {
                certs.addAll(childrenNs(xd, DSIG, "X509Certificate"));
            }
        }
        if (certs.size() != 1) {
            throw malformed(path, "must hold exactly one certificate");
        }
        try {
            return DecodedCertificates.decode(certs.get(0).getTextContent());
        } catch (CertificateException | IllegalArgumentException e) {
            throw new TokenException(TokenException.MALFORMED, path + ": must be a base64 X.509 certificate", e);
        }
    }

    /** The assertion's ID attribute. */
    public String id() {
        return id;
    }

    /** The Issuer (e.g. the STS entity ID). */
    public String issuer() {
        return issuer;
    }

    /** The Subject's NameID value. */
    public String subject() {
        return subject;
    }

    /** The NameID Format, or an empty string. */
    public String nameIdFormat() {
        return nameIdFormat;
    }

    /** IssueInstant. */
    public Instant issueInstant() {
        return issueInstant;
    }

    /** Conditions NotBefore, if present. */
    public Optional<Instant> notBefore() {
        return Optional.ofNullable(notBefore);
    }

    /** Conditions NotOnOrAfter (always present in an accepted assertion). */
    public Instant notOnOrAfter() {
        return notOnOrAfter;
    }

    /** Every Audience of every AudienceRestriction. */
    public List<String> audiences() {
        return audiences;
    }

    /** Attribute names to values, in document order. */
    public Map<String, List<String>> attributes() {
        return attributes;
    }

    /** The first value of an attribute, if present. */
    public Optional<String> attribute(String name) {
        List<String> v = attributes.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The certificate confirmed by a holder-of-key SubjectConfirmation, if any. */
    public Optional<X509Certificate> holderOfKeyCertificate() {
        return Optional.ofNullable(holderOfKey);
    }

    /**
     * The {@code Recipient} of the holder-of-key {@code SubjectConfirmationData} (the KOMBIT STS puts the service's
     * entity id there), if any.
     */
    public Optional<String> recipient() {
        for (Element sc : children(single(element, "Subject", "Assertion.Subject", true), "SubjectConfirmation")) {
            if (HOLDER_OF_KEY.equals(sc.getAttribute("Method"))) {
                for (Element data : children(sc, "SubjectConfirmationData")) {
                    String r = data.getAttribute("Recipient").trim();
                    if (!r.isEmpty()) {
                        return Optional.of(r);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The certificate that verified the assertion's signature; empty for an assertion read with {@link #parse}. */
    public Optional<X509Certificate> signerCertificate() {
        return Optional.ofNullable(signer);
    }

    /**
     * This value read from {@code other}, an element with the same exclusive canonical form (so every field parses the
     * same), or with no element (null) to be kept without a DOM.
     */
    SamlAssertion readFrom(Element other) {
        return new SamlAssertion(id, issuer, subject, nameIdFormat, issueInstant, notBefore, notOnOrAfter, audiences,
                attributes, holderOfKey, signer, other);
    }

    /** The saml2:Assertion element this value was read from (the signed node, for a verified assertion). */
    public Element element() {
        return element;
    }

    /**
     * Checks that the presenter proved possession of the confirmed key: {@code presenterKey} (the key that verified
     * the presenter's signature, e.g. the WS-Security signature) must equal the holder-of-key certificate's key.
     * Throws {@link TokenException} ({@value TokenException#HOLDER_OF_KEY}) otherwise.
     */
    public void requireHolderOfKeyProof(PublicKey presenterKey) {
        Objects.requireNonNull(presenterKey, "presenterKey == null");
        if (holderOfKey == null) {
            throw new TokenException(TokenException.HOLDER_OF_KEY, "the assertion confirms no holder-of-key");
        }
        if (!Arrays.equals(holderOfKey.getPublicKey().getEncoded(), presenterKey.getEncoded())) {
            throw new TokenException(TokenException.HOLDER_OF_KEY,
                    "the presenter signed with another key than the assertion's holder-of-key certificate");
        }
    }

    @Override
    public String toString() {
        return PersonalData.maskCprNumbers("SamlAssertion[id=" + id + ", issuer=" + issuer + ", subject=" + subject
                + ", audiences=" + audiences + ", notOnOrAfter=" + notOnOrAfter + ", attributes=" + attributes.keySet() + "]");
    }

    // ---- DOM helpers ----

    static TokenException malformed(String path, String rule) {
        return new TokenException(TokenException.MALFORMED, path + ": " + rule);
    }

    static List<Element> children(Element parent, String localName) {
        return childrenNs(parent, NS, localName);
    }

    static List<Element> childrenNs(Element parent, String ns, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && localName.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element single(Element parent, String localName, String path, boolean required) {
        List<Element> found = children(parent, localName);
        if (found.size() > 1) {
            throw malformed(path, "must occur at most once");
        }
        if (found.isEmpty()) {
            if (required) {
                throw malformed(path, "must be present");
            }
            return null;
        }
        return found.get(0);
    }

    private static String text(Element e, String path) {
        String t = e.getTextContent().trim();
        if (t.isEmpty()) {
            throw malformed(path, "must not be empty");
        }
        return t;
    }

    private static Instant instant(Element e, String attr, String path, boolean required) {
        if (!e.hasAttribute(attr)) {
            if (required) {
                throw malformed(path, "must be present");
            }
            return null;
        }
        try {
            return dk.rammearkitektur.signing.internal.DateTimes.parse(e.getAttribute(attr));
        } catch (DateTimeParseException ex) {
            throw malformed(path, "must be an xs:dateTime with a time zone");
        }
    }

    /** Builds (and signs) a SAML 2.0 assertion as DOM. Required: issuer, subject, notOnOrAfter. */
    public static final class Builder {
        private String id = "_" + UUID.randomUUID();
        private String issuer;
        private String subject;
        private String nameIdFormat = NAMEID_X509;
        private Instant issueInstant;
        private Instant notBefore;
        private Instant notOnOrAfter;
        private final List<String> audiences = new ArrayList<>();
        private final Map<String, List<String>> attributes = new LinkedHashMap<>();
        private X509Certificate holderOfKey;
        private String recipient;
        private String authnContextClassRef = "urn:oasis:names:tc:SAML:2.0:ac:classes:X509";

        private Builder() {
        }

        /** The assertion ID; default {@code _<random UUID>}. Must start with a letter or underscore. */
        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id == null");
            return this;
        }

        /** The Issuer, e.g. the STS entity ID. */
        public Builder issuer(String issuer) {
            this.issuer = Objects.requireNonNull(issuer, "issuer == null");
            return this;
        }

        /** The Subject NameID with format X509SubjectName. */
        public Builder subject(String nameId) {
            return subject(nameId, NAMEID_X509);
        }

        /** The Subject NameID and its Format. */
        public Builder subject(String nameId, String format) {
            this.subject = Objects.requireNonNull(nameId, "nameId == null");
            this.nameIdFormat = Objects.requireNonNull(format, "format == null");
            return this;
        }

        /** Confirms the subject by holder-of-key with this certificate (KeyInfoConfirmationDataType). */
        public Builder holderOfKey(X509Certificate certificate) {
            this.holderOfKey = Objects.requireNonNull(certificate, "certificate == null");
            return this;
        }

        /**
         * The {@code Recipient} of the holder-of-key {@code SubjectConfirmationData} (with the validity window as its
         * {@code NotBefore}/{@code NotOnOrAfter}), as the KOMBIT STS writes it.
         */
        public Builder recipient(String recipient) {
            this.recipient = Objects.requireNonNull(recipient, "recipient == null");
            return this;
        }

        /** Adds an Audience to the AudienceRestriction. */
        public Builder audience(String audience) {
            audiences.add(Objects.requireNonNull(audience, "audience == null"));
            return this;
        }

        /** IssueInstant; default NotBefore, or now. */
        public Builder issueInstant(Instant instant) {
            this.issueInstant = Objects.requireNonNull(instant, "instant == null");
            return this;
        }

        /** The validity window [notBefore, notOnOrAfter). */
        public Builder validity(Instant notBefore, Instant notOnOrAfter) {
            this.notBefore = Objects.requireNonNull(notBefore, "notBefore == null");
            this.notOnOrAfter = Objects.requireNonNull(notOnOrAfter, "notOnOrAfter == null");
            return this;
        }

        /** The AuthnContextClassRef; default X509. */
        public Builder authnContextClassRef(String classRef) {
            this.authnContextClassRef = Objects.requireNonNull(classRef, "classRef == null");
            return this;
        }

        /** Adds an attribute (NameFormat basic) with one or more values. */
        public Builder attribute(String name, String... values) {
            Objects.requireNonNull(name, "name == null");
            attributes.computeIfAbsent(name, k -> new ArrayList<>()).addAll(List.of(values));
            return this;
        }

        private void validate() {
            Violations v = Violations.at("assertion");
            v.require(issuer != null && !issuer.isBlank(), "issuer", "must be set");
            v.require(subject != null && !subject.isBlank(), "subject", "must be set");
            v.require(notOnOrAfter != null, "notOnOrAfter", "must be set (call validity)");
            v.require(!id.isEmpty() && (Character.isLetter(id.charAt(0)) || id.charAt(0) == '_'), "id",
                    "must start with a letter or underscore (xs:ID)");
            if (notBefore != null && notOnOrAfter != null) {
                v.require(notBefore.isBefore(notOnOrAfter), "notBefore", "must be before notOnOrAfter");
            }
            v.throwIfAny();
        }

        /** Creates the unsigned assertion element in {@code owner} (not attached). */
        public Element toElement(Document owner) {
            Objects.requireNonNull(owner, "owner == null");
            validate();
            Instant issued = issueInstant != null ? issueInstant : notBefore != null ? notBefore : Instant.now();
            Element a = owner.createElementNS(NS, "saml:Assertion");
            a.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:saml", NS);
            a.setAttributeNS(null, "ID", id);
            a.setAttributeNS(null, "IssueInstant", time(issued));
            a.setAttributeNS(null, "Version", "2.0");
            Element issuerEl = add(a, "Issuer");
            issuerEl.setAttributeNS(null, "Format", "urn:oasis:names:tc:SAML:2.0:nameid-format:entity");
            issuerEl.setTextContent(issuer);
            Element subj = add(a, "Subject");
            Element nameId = add(subj, "NameID");
            nameId.setAttributeNS(null, "Format", nameIdFormat);
            nameId.setTextContent(subject);
            if (holderOfKey != null) {
                Element sc = add(subj, "SubjectConfirmation");
                sc.setAttributeNS(null, "Method", HOLDER_OF_KEY);
                Element data = add(sc, "SubjectConfirmationData");
                data.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:xsi",
                        XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
                if (recipient != null) {
                    if (notBefore != null) {
                        data.setAttributeNS(null, "NotBefore", time(notBefore));
                    }
                    data.setAttributeNS(null, "NotOnOrAfter", time(notOnOrAfter));
                    data.setAttributeNS(null, "Recipient", recipient);
                }
                data.setAttributeNS(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "xsi:type", "saml:KeyInfoConfirmationDataType");
                Element ki = owner.createElementNS(DSIG, "ds:KeyInfo");
                ki.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ds", DSIG);
                Element xd = owner.createElementNS(DSIG, "ds:X509Data");
                Element xc = owner.createElementNS(DSIG, "ds:X509Certificate");
                try {
                    xc.setTextContent(Base64.getEncoder().encodeToString(holderOfKey.getEncoded()));
                } catch (CertificateEncodingException e) {
                    throw new ValidationException("assertion.holderOfKey", "certificate could not be encoded", e);
                }
                xd.appendChild(xc);
                ki.appendChild(xd);
                data.appendChild(ki);
            }
            Element cond = add(a, "Conditions");
            if (notBefore != null) {
                cond.setAttributeNS(null, "NotBefore", time(notBefore));
            }
            cond.setAttributeNS(null, "NotOnOrAfter", time(notOnOrAfter));
            if (!audiences.isEmpty()) {
                Element ar = add(cond, "AudienceRestriction");
                for (String au : audiences) {
                    add(ar, "Audience").setTextContent(au);
                }
            }
            Element authn = add(a, "AuthnStatement");
            authn.setAttributeNS(null, "AuthnInstant", time(issued));
            add(add(authn, "AuthnContext"), "AuthnContextClassRef").setTextContent(authnContextClassRef);
            if (!attributes.isEmpty()) {
                Element st = add(a, "AttributeStatement");
                attributes.forEach((name, values) -> {
                    Element at = add(st, "Attribute");
                    at.setAttributeNS(null, "Name", name);
                    at.setAttributeNS(null, "NameFormat", NAME_FORMAT_BASIC);
                    for (String value : values) {
                        add(at, "AttributeValue").setTextContent(value);
                    }
                });
            }
            return a;
        }

        /**
         * Builds the assertion as the root of a new document and signs it (enveloped, ds:Signature right after
         * Issuer, reference to the assertion's ID); returns it parsed, with the signed element.
         */
        public SamlAssertion sign(XmlSigner signer) {
            Objects.requireNonNull(signer, "signer == null");
            Document doc = SecureXml.documentBuilder().newDocument();
            Element a = toElement(doc);
            doc.appendChild(a);
            Element issuerEl = children(a, "Issuer").get(0);
            signer.signEnveloped(a, issuerEl.getNextSibling());
            return parse(a, signer.credential().certificate());
        }

        private static Element add(Element parent, String localName) {
            Element e = parent.getOwnerDocument().createElementNS(NS, "saml:" + localName);
            parent.appendChild(e);
            return e;
        }

        private static String time(Instant i) {
            return i.truncatedTo(ChronoUnit.MILLIS).toString();
        }
    }
}

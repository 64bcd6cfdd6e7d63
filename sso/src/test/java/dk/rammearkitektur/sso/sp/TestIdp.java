package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.signing.SigningCredential;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.apache.xml.security.utils.EncryptionConstants;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The identity provider side, written in the test independently of the SP code: builds Responses with the DOM,
 * signs the assertion with Santuario's XMLSignature and encrypts it with XMLCipher directly. Every field is a knob a
 * refusal test turns.
 */
final class TestIdp {
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String IDP_ENTITY = "https://saml.idp.test.example/runtime";
    static final String SP_ENTITY = "https://saml.fagsystem.test.example";
    static final String ACS = "https://fagsystem.test.example/saml/acs";
    static final String SSO_URL = "https://idp.test.example/sso";
    static final Credential IDP = Credential.generate("CN=Test IdP signing");
    static final Credential STRANGER = Credential.generate("CN=Untrusted signer");
    static final Credential SP = Credential.generate("CN=Test SP");
    static final Credential SP_OLD = Credential.generate("CN=Test SP old encryption");

    static {
        org.apache.xml.security.Init.init();
    }

    /** A key pair and self-signed certificate. */
    record Credential(KeyPair keys, X509Certificate certificate) {
        static Credential generate(String dn) {
            try {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                KeyPair kp = g.generateKeyPair();
                Instant now = Instant.now();
                var builder = new JcaX509v3CertificateBuilder(new X500Name(dn), BigInteger.valueOf(now.toEpochMilli()),
                        Date.from(now.minusSeconds(3600)), Date.from(now.plusSeconds(86_400)), new X500Name(dn),
                        kp.getPublic());
                var signer = new JcaContentSignerBuilder("SHA256withRSA").build(kp.getPrivate());
                return new Credential(kp, new JcaX509CertificateConverter().getCertificate(builder.build(signer)));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        SigningCredential toSigning() {
            return SigningCredential.of(keys.getPrivate(), List.of(certificate));
        }
    }

    /** How the plaintext is laid out inside the EncryptedAssertion. */
    enum Layout { NORMAL, WRAPPED_SIGNATURE_MOVED, TWO_ASSERTIONS }

    // Response knobs
    String destination = ACS;
    String inResponseTo;
    String responseIssuer = IDP_ENTITY;
    List<String> status = List.of("urn:oasis:names:tc:SAML:2.0:status:Success");
    // Assertion knobs
    String assertionId = "_a" + Long.toHexString(System.nanoTime());
    String assertionIssuer = IDP_ENTITY;
    String nameId;
    String nameIdFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    String recipient = ACS;
    String confirmationInResponseTo;
    String audience = SP_ENTITY;
    Instant notBefore;
    Instant notOnOrAfter;
    Instant confirmationNotOnOrAfter;
    String sessionIndex = "_session-1";
    /** The AuthnStatement's SessionNotOnOrAfter, or null for none. */
    Instant sessionNotOnOrAfter;
    Map<String, List<String>> attributes = new LinkedHashMap<>();
    // Signature knobs
    boolean sign = true;
    Credential signer = IDP;
    String signatureMethod = XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256;
    /** Who signs the Response itself as well (optional in the profiles), or null for an unsigned Response. */
    Credential responseSigner;
    /** The signed Response's IssueInstant changed after signing. */
    boolean tamperSignedResponse;
    // Encryption knobs
    boolean encrypt = true;
    Credential encryptTo = SP;
    String keyTransport = XMLCipher.RSA_OAEP_11;
    String dataAlgorithm = XMLCipher.AES_256_GCM;
    boolean keyInline = true;
    boolean tamperCiphertext;
    /** Which ciphertext byte is flipped: from the start when positive, from the end when negative. */
    int tamperOffset = Integer.MIN_VALUE;
    boolean extraPlainAssertion;
    Layout layout = Layout.NORMAL;

    TestIdp(String requestId, Instant now) {
        this.inResponseTo = requestId;
        this.confirmationInResponseTo = requestId;
        this.notBefore = now.minusSeconds(5);
        this.notOnOrAfter = now.plusSeconds(300);
        this.confirmationNotOnOrAfter = now.plusSeconds(300);
    }

    /** The base64 SAMLResponse form field. */
    String samlResponse() {
        return Base64.getEncoder().encodeToString(xml().getBytes(StandardCharsets.UTF_8));
    }

    String xml() {
        try {
            return serialize(build());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Document build() throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        Document doc = f.newDocumentBuilder().newDocument();
        Element response = doc.createElementNS(SAMLP, "samlp:Response");
        response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:samlp", SAMLP);
        doc.appendChild(response);
        response.setAttribute("ID", "_r" + Long.toHexString(System.nanoTime()));
        response.setAttribute("Version", "2.0");
        response.setAttribute("IssueInstant", notBefore.toString());
        if (destination != null) {
            response.setAttribute("Destination", destination);
        }
        if (inResponseTo != null) {
            response.setAttribute("InResponseTo", inResponseTo);
        }
        Element issuer = samlElement(doc, "Issuer", responseIssuer);
        response.appendChild(issuer);
        Element st = doc.createElementNS(SAMLP, "samlp:Status");
        Element parent = st;
        for (String code : status) {
            Element c = doc.createElementNS(SAMLP, "samlp:StatusCode");
            c.setAttribute("Value", code);
            parent.appendChild(c);
            parent = c;
        }
        response.appendChild(st);
        if (!status.get(0).endsWith(":Success")) {
            return doc;
        }
        Element holder = doc.createElementNS(SAML, "saml:EncryptedAssertion");
        holder.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SAML);
        response.appendChild(holder);
        Element assertion = assertion(doc, assertionId, nameId);
        holder.appendChild(assertion);
        if (sign) {
            sign(assertion, signer);
        }
        Element plaintextRoot = assertion;
        if (layout == Layout.WRAPPED_SIGNATURE_MOVED) {
            Element evil = assertion(doc, "_evil", nameId.replace('1', '2'));
            Element signature = (Element) assertion.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
            evil.insertBefore(signature, evil.getFirstChild().getNextSibling());
            Element advice = doc.createElementNS(SAML, "saml:Advice");
            advice.appendChild(assertion);
            evil.insertBefore(advice, evil.getElementsByTagNameNS(SAML, "Conditions").item(0).getNextSibling());
            holder.appendChild(evil);
            plaintextRoot = evil;
        }
        if (layout == Layout.TWO_ASSERTIONS) {
            Element wrapper = doc.createElementNS(SAML, "saml:Wrapper");
            holder.appendChild(wrapper);
            wrapper.appendChild(assertion);
            wrapper.appendChild(assertion(doc, "_second", nameId));
            plaintextRoot = wrapper;
        }
        if (encrypt) {
            encrypt(doc, holder, plaintextRoot, layout == Layout.TWO_ASSERTIONS);
        } else {
            response.replaceChild(plaintextRoot, holder);
        }
        if (extraPlainAssertion) {
            response.appendChild(assertion(doc, "_extra", nameId));
        }
        if (responseSigner != null) {
            // Santuario canonicalises from xmlns attributes: declare what a parsed Response would declare
            response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:samlp", SAMLP);
            response.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SAML);
            response.setIdAttribute("ID", true);
            sign(response, responseSigner);
            if (tamperSignedResponse) {
                response.setAttribute("IssueInstant", "2001-01-01T00:00:00Z");
            }
        }
        return doc;
    }

    private Element assertion(Document doc, String id, String subjectNameId) {
        Element a = doc.createElementNS(SAML, "saml:Assertion");
        a.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", SAML);
        a.setAttribute("ID", id);
        a.setIdAttribute("ID", true);
        a.setAttribute("Version", "2.0");
        a.setAttribute("IssueInstant", notBefore.toString());
        a.appendChild(samlElement(doc, "Issuer", assertionIssuer));
        Element subject = samlElement(doc, "Subject", null);
        Element n = samlElement(doc, "NameID", subjectNameId);
        n.setAttribute("Format", nameIdFormat);
        subject.appendChild(n);
        Element sc = samlElement(doc, "SubjectConfirmation", null);
        sc.setAttribute("Method", "urn:oasis:names:tc:SAML:2.0:cm:bearer");
        Element scd = samlElement(doc, "SubjectConfirmationData", null);
        scd.setAttribute("Recipient", recipient);
        scd.setAttribute("NotOnOrAfter", confirmationNotOnOrAfter.toString());
        scd.setAttribute("InResponseTo", confirmationInResponseTo);
        sc.appendChild(scd);
        subject.appendChild(sc);
        a.appendChild(subject);
        Element conditions = samlElement(doc, "Conditions", null);
        conditions.setAttribute("NotBefore", notBefore.toString());
        conditions.setAttribute("NotOnOrAfter", notOnOrAfter.toString());
        Element ar = samlElement(doc, "AudienceRestriction", null);
        ar.appendChild(samlElement(doc, "Audience", audience));
        conditions.appendChild(ar);
        a.appendChild(conditions);
        Element authn = samlElement(doc, "AuthnStatement", null);
        authn.setAttribute("AuthnInstant", notBefore.toString());
        authn.setAttribute("SessionIndex", sessionIndex);
        if (sessionNotOnOrAfter != null) {
            authn.setAttribute("SessionNotOnOrAfter", sessionNotOnOrAfter.toString());
        }
        Element ctx = samlElement(doc, "AuthnContext", null);
        ctx.appendChild(samlElement(doc, "AuthnContextClassRef", "https://data.gov.dk/concept/core/nsis/loa/Substantial"));
        authn.appendChild(ctx);
        a.appendChild(authn);
        Element as = samlElement(doc, "AttributeStatement", null);
        attributes.forEach((name, values) -> {
            Element attr = samlElement(doc, "Attribute", null);
            attr.setAttribute("Name", name);
            attr.setAttribute("NameFormat", "urn:oasis:names:tc:SAML:2.0:attrname-format:uri");
            for (String v : values) {
                attr.appendChild(samlElement(doc, "AttributeValue", v));
            }
            as.appendChild(attr);
        });
        a.appendChild(as);
        return a;
    }

    private static Element samlElement(Document doc, String name, String text) {
        Element e = doc.createElementNS(SAML, "saml:" + name);
        if (text != null) {
            e.setTextContent(text);
        }
        return e;
    }

    private void sign(Element assertion, Credential by) throws Exception {
        Document doc = assertion.getOwnerDocument();
        XMLSignature sig = new XMLSignature(doc, "", signatureMethod, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        Element issuer = (Element) assertion.getElementsByTagNameNS(SAML, "Issuer").item(0);
        assertion.insertBefore(sig.getElement(), issuer.getNextSibling());
        Transforms t = new Transforms(doc);
        t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        sig.addDocument("#" + assertion.getAttribute("ID"), t, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
        sig.addKeyInfo(by.certificate());
        sig.sign(by.keys().getPrivate());
    }

    private void encrypt(Document doc, Element holder, Element plaintext, boolean content) throws Exception {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(dataAlgorithm.contains("128") ? 128 : 256);
        SecretKey key = kg.generateKey();
        XMLCipher keyCipher = XMLCipher.RSA_OAEP_11.equals(keyTransport)
                ? XMLCipher.getInstance(keyTransport, null, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256)
                : XMLCipher.getInstance(keyTransport);
        keyCipher.init(XMLCipher.WRAP_MODE, encryptTo.certificate().getPublicKey());
        EncryptedKey ek = XMLCipher.RSA_OAEP_11.equals(keyTransport)
                ? keyCipher.encryptKey(doc, key, EncryptionConstants.MGF1_SHA256, null)
                : keyCipher.encryptKey(doc, key);
        XMLCipher dataCipher = XMLCipher.getInstance(dataAlgorithm);
        dataCipher.init(XMLCipher.ENCRYPT_MODE, key);
        EncryptedData ed = dataCipher.getEncryptedData();
        if (keyInline) {
            KeyInfo ki = new KeyInfo(doc);
            ki.add(ek);
            ed.setKeyInfo(ki);
        }
        dataCipher.doFinal(doc, plaintext, content);
        if (content) {
            Element edEl = (Element) plaintext.getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#", "EncryptedData").item(0);
            holder.replaceChild(edEl, plaintext);
        }
        if (!keyInline) {
            holder.appendChild(keyCipher.martial(doc, ek));
        }
        if (tamperCiphertext) {
            Element edEl = (Element) holder.getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#", "EncryptedData").item(0);
            Element cv = (Element) edEl.getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#", "CipherValue").item(
                    edEl.getElementsByTagNameNS("http://www.w3.org/2001/04/xmlenc#", "CipherValue").getLength() - 1);
            byte[] bytes = Base64.getMimeDecoder().decode(cv.getTextContent());
            int at = tamperOffset == Integer.MIN_VALUE ? bytes.length / 2
                    : tamperOffset < 0 ? bytes.length + tamperOffset : tamperOffset;
            bytes[at] ^= 0x01;
            cv.setTextContent(Base64.getEncoder().encodeToString(bytes));
        }
    }

    static String serialize(Document doc) throws Exception {
        var t = TransformerFactory.newInstance().newTransformer();
        t.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
        StringWriter w = new StringWriter();
        t.transform(new DOMSource(doc), new StreamResult(w));
        return w.toString();
    }
}

package dk.rammearkitektur.testkit.idp;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.sso.testsupport.WebTestSupport;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.signature.XMLSignature;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * An independent service provider written for the tests only: it builds and signs Redirect requests, reads the POST
 * form, decrypts with Santuario's XMLCipher and checks the assertion signature itself. It shares no code with the
 * simulator (nor with the SDK's service provider).
 */
final class MiniSp {
    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";
    static final String PSS = "http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1";

    static {
        org.apache.xml.security.Init.init();
    }

    final String entityId;
    final URI acs = URI.create("https://127.0.0.1:9/fagsystem/saml/acs");
    final URI slo = URI.create("https://127.0.0.1:9/fagsystem/saml/slo");
    final TestIdentity signing;
    final TestIdentity encryption;
    private final HttpClient http;

    /** The outcome of signature checking. */
    enum SignatureCheck { VALID, INVALID, MISSING, REFERENCE_NOT_ROOT }

    MiniSp(String entityId, X509Certificate tlsAnchor) throws Exception {
        this.entityId = entityId;
        TestPki pki = TestPki.generateFast(2020);
        this.signing = pki.oces3Organisation();
        this.encryption = pki.oces3OtherOrganisation();
        this.http = HttpClient.newBuilder().sslContext(WebTestSupport.trusting(tlsAnchor)).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).version(HttpClient.Version.HTTP_1_1).build();
    }

    RegisteredSp registration() {
        return new RegisteredSp(entityId, acs, slo, signing.certificate(), encryption.certificate());
    }

    String metadataXml() throws Exception {
        return "<md:EntityDescriptor xmlns:md=\"" + MD + "\" xmlns:ds=\"" + DS + "\" entityID=\"" + entityId + "\">"
                + "<md:SPSSODescriptor AuthnRequestsSigned=\"true\" protocolSupportEnumeration=\"" + SAMLP + "\">"
                + keyDescriptor("signing", signing.certificate()) + keyDescriptor("encryption", encryption.certificate())
                + "<md:SingleLogoutService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect\" Location=\""
                + slo + "\"/><md:NameIDFormat>urn:oasis:names:tc:SAML:2.0:nameid-format:persistent</md:NameIDFormat>"
                + "<md:AssertionConsumerService Binding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\" Location=\""
                + acs + "\" index=\"0\"/></md:SPSSODescriptor></md:EntityDescriptor>";
    }

    private static String keyDescriptor(String use, X509Certificate c) throws Exception {
        return "<md:KeyDescriptor use=\"" + use + "\"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>"
                + Base64.getEncoder().encodeToString(c.getEncoded())
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>";
    }

    static String now(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    String authnRequest(String id, URI destination, Instant issued, String acsUrl, String loa, boolean passive) {
        return "<samlp:AuthnRequest xmlns:samlp=\"" + SAMLP + "\" xmlns:saml=\"" + SAML + "\" ID=\"" + id
                + "\" Version=\"2.0\" IssueInstant=\"" + now(issued) + "\" Destination=\"" + destination
                + "\" ProtocolBinding=\"urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST\""
                + (acsUrl == null ? "" : " AssertionConsumerServiceURL=\"" + acsUrl + "\"")
                + (passive ? " IsPassive=\"true\"" : "") + "><saml:Issuer>" + entityId + "</saml:Issuer>"
                + "<samlp:NameIDPolicy Format=\"urn:oasis:names:tc:SAML:2.0:nameid-format:persistent\"/>"
                + (loa == null ? "" : "<samlp:RequestedAuthnContext Comparison=\"minimum\"><saml:AuthnContextClassRef>"
                        + "https://data.gov.dk/concept/core/nsis/loa/" + loa + "</saml:AuthnContextClassRef></samlp:RequestedAuthnContext>")
                + "</samlp:AuthnRequest>";
    }

    static String newId() {
        return "_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** The Redirect URL; sigAlg null means unsigned. */
    static URI redirect(URI endpoint, String parameter, String xml, String relayState, String sigAlg, PrivateKey key,
            String extra) throws Exception {
        Deflater d = new Deflater(9, true);
        d.setInput(xml.getBytes(StandardCharsets.UTF_8));
        d.finish();
        byte[] buf = new byte[65536];
        int n = d.deflate(buf);
        d.end();
        String q = parameter + "=" + enc(Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buf, n)));
        if (relayState != null) {
            q += "&RelayState=" + enc(relayState);
        }
        if (sigAlg != null) {
            q += "&SigAlg=" + enc(sigAlg);
            Signature s;
            if (PSS.equals(sigAlg)) {
                s = Signature.getInstance("RSASSA-PSS");
                s.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
            } else {
                s = Signature.getInstance("SHA256withRSA");
            }
            s.initSign(key);
            s.update(q.getBytes(StandardCharsets.UTF_8));
            q += "&Signature=" + enc(Base64.getEncoder().encodeToString(s.sign()));
        }
        if (extra != null) {
            q += "&" + extra;
        }
        return URI.create(endpoint + "?" + q);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(URI uri, Map<String, String> form) throws Exception {
        List<String> parts = new ArrayList<>();
        form.forEach((k, v) -> parts.add(enc(k) + "=" + enc(v)));
        return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", parts))).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The form action and hidden fields of an HTML page. */
    static Map<String, String> formFields(String html) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher a = Pattern.compile("<form method=\"post\" action=\"([^\"]*)\"").matcher(html);
        if (a.find()) {
            out.put("@action", unescape(a.group(1)));
        }
        Matcher m = Pattern.compile("<input type=\"hidden\" name=\"([^\"]*)\" value=\"([^\"]*)\">").matcher(html);
        while (m.find()) {
            out.put(unescape(m.group(1)), unescape(m.group(2)));
        }
        return out;
    }

    static String unescape(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    /** Logs in: a signed AuthnRequest to the simulator, the POSTed Response parsed. */
    Login login(IdentityProviderSimulator idp, String sigAlg, String extra) throws Exception {
        String id = newId();
        String xml = authnRequest(id, idp.ssoUri(), Instant.now(), acs.toString(), null, false);
        HttpResponse<String> r = get(redirect(idp.ssoUri(), "SAMLRequest", xml, "relay-1", sigAlg,
                signing.privateKey(), extra));
        return Login.of(id, r);
    }

    /** One login's outcome. */
    record Login(String requestId, int httpStatus, String html, Map<String, String> form, Document response) {
        static Login of(String requestId, HttpResponse<String> r) {
            Map<String, String> form = formFields(r.body());
            Document doc = form.containsKey("SAMLResponse")
                    ? SecureXml.parse(new ByteArrayInputStream(Base64.getDecoder().decode(form.get("SAMLResponse"))))
                    : null;
            return new Login(requestId, r.statusCode(), r.body(), form, doc);
        }

        Element root() {
            return response.getDocumentElement();
        }

        String status() {
            return first(first(root(), SAMLP, "Status"), SAMLP, "StatusCode").getAttribute("Value");
        }

        String subStatus() {
            Element top = first(first(root(), SAMLP, "Status"), SAMLP, "StatusCode");
            Element sub = first(top, SAMLP, "StatusCode");
            return sub == null ? null : sub.getAttribute("Value");
        }
    }

    static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    static Element first(Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        List<Element> c = children(parent, ns, local);
        return c.isEmpty() ? null : c.get(0);
    }

    /** Decrypts the one EncryptedAssertion in place and returns the Assertion. */
    Element decrypt(Document response) throws Exception {
        Element ea = first(response.getDocumentElement(), SAML, "EncryptedAssertion");
        Element ed = first(ea, XENC, "EncryptedData");
        XMLCipher c = XMLCipher.getInstance();
        c.init(XMLCipher.DECRYPT_MODE, null);
        c.setKEK(encryption.privateKey());
        c.doFinal(response, ed);
        return first(ea, SAML, "Assertion");
    }

    /** Checks an element's enveloped signature the way a careful SP does: reference to the element itself only. */
    static SignatureCheck verify(Element signed, X509Certificate certificate) throws Exception {
        Element sig = first(signed, DS, "Signature");
        if (sig == null) {
            return SignatureCheck.MISSING;
        }
        Element ref = first(first(sig, DS, "SignedInfo"), DS, "Reference");
        if (!("#" + signed.getAttribute("ID")).equals(ref.getAttribute("URI"))) {
            return SignatureCheck.REFERENCE_NOT_ROOT;
        }
        signed.setIdAttributeNS(null, "ID", true);
        XMLSignature x = new XMLSignature(sig, "", true);
        return x.checkSignatureValue(certificate) ? SignatureCheck.VALID : SignatureCheck.INVALID;
    }

    /** A naive check that resolves the reference wherever the ID is (used to show the wrapping fools it). */
    static boolean naiveVerify(Element signed, X509Certificate certificate) throws Exception {
        Element sig = first(signed, DS, "Signature");
        for (Element a : allAssertions(signed)) {
            a.setIdAttributeNS(null, "ID", true);
        }
        return new XMLSignature(sig, "", true).checkSignatureValue(certificate);
    }

    static List<Element> allAssertions(Element root) {
        List<Element> out = new ArrayList<>();
        var nl = root.getOwnerDocument().getElementsByTagNameNS(SAML, "Assertion");
        for (int i = 0; i < nl.getLength(); i++) {
            out.add((Element) nl.item(i));
        }
        return out;
    }

    /** Attribute name to values. */
    static Map<String, List<String>> attributes(Element assertion) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Element st : children(assertion, SAML, "AttributeStatement")) {
            for (Element a : children(st, SAML, "Attribute")) {
                List<String> v = new ArrayList<>();
                for (Element av : children(a, SAML, "AttributeValue")) {
                    v.add(av.getTextContent());
                }
                m.put(a.getAttribute("Name"), v);
            }
        }
        return m;
    }

    /** Inflates a Redirect parameter value (already URL-decoded). */
    static String inflate(String base64) throws Exception {
        Inflater inf = new Inflater(true);
        inf.setInput(Base64.getDecoder().decode(base64));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        for (int i = 0; i < 1000 && !inf.finished(); i++) {
            out.write(buf, 0, inf.inflate(buf));
        }
        inf.end();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Raw query parameters of a URI (values still encoded). */
    static Map<String, String> rawQuery(URI u) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : u.getRawQuery().split("&")) {
            int eq = p.indexOf('=');
            m.put(p.substring(0, eq), p.substring(eq + 1));
        }
        return m;
    }

    /** Verifies a Redirect query signature of a message from the IdP. */
    static boolean verifyQuery(URI u, String parameter, X509Certificate cert) throws Exception {
        Map<String, String> q = rawQuery(u);
        String signed = parameter + "=" + q.get(parameter) + (q.containsKey("RelayState") ? "&RelayState=" + q.get("RelayState") : "")
                + "&SigAlg=" + q.get("SigAlg");
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initVerify(cert);
        s.update(signed.getBytes(StandardCharsets.UTF_8));
        return s.verify(Base64.getDecoder().decode(java.net.URLDecoder.decode(q.get("Signature"), StandardCharsets.UTF_8)));
    }
}

package dk.rammearkitektur.reliability.sso;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.sp.IdpMetadata;
import dk.rammearkitektur.sso.sp.LoginOptions;
import dk.rammearkitektur.sso.sp.LoginRedirect;
import dk.rammearkitektur.sso.sp.ServiceProvider;
import dk.rammearkitektur.sso.sp.SsoProfile;
import dk.rammearkitektur.sso.testsupport.WebTestSupport;
import dk.rammearkitektur.testkit.idp.IdentityProviderSimulator;
import dk.rammearkitektur.testkit.idp.IdpFault;
import dk.rammearkitektur.testkit.idp.IdpProfile;
import dk.rammearkitektur.testkit.idp.RegisteredSp;
import dk.rammearkitektur.testkit.idp.TestUser;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The attack rig: the SDK's real {@link ServiceProvider} against the identity provider simulator (Context Handler,
 * NSIS) over loopback HTTPS. A test logs in to get a genuine Response, then does what an attacker can do with it:
 * decrypt it with the SP's key (standing for an assertion that leaked or was obtained elsewhere), rearrange it, and
 * encrypt it again to the SP's public certificate with Santuario's XMLCipher. Nothing here uses the SDK's SAML code.
 */
final class SsoRig implements AutoCloseable {
    static final String SAMLP = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
    static final String SP_ID = "https://saml.attack.fagsystem.test";
    static final String ACS = "https://127.0.0.1:9/fagsystem/saml/acs";
    static final TestUser MALLORY = TestUser.professional("mallory").cvr("11111111").orgName("Korsbæk Kommune")
            .name("Mallory", "Angriber").loa(LevelOfAssurance.SUBSTANTIAL)
            .uuid(UUID.fromString("0d5a1c33-6f0e-4d51-9a0c-5a4d3e2f1a01")).build();
    static final TestUser VICTIM = TestUser.professional("victim").cvr("11111111").orgName("Korsbæk Kommune")
            .name("Vera", "Offer").loa(LevelOfAssurance.SUBSTANTIAL)
            .uuid(UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7")).build();
    private static final Pattern FIELD = Pattern.compile("name=\"([A-Za-z]+)\" value=\"([^\"]*)\"");

    static {
        org.apache.xml.security.Init.init();
    }

    final IdentityProviderSimulator idp;
    final ServiceProvider sp;
    final TestIdentity spKey;
    final TestIdentity stranger;
    private final HttpClient http;

    SsoRig() throws Exception {
        TestPki pki = TestPki.generateFast(2040);
        spKey = pki.oces3Organisation();
        stranger = pki.oces3OtherOrganisation();
        idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS).user(MALLORY).user(VICTIM)
                .serviceProvider(new RegisteredSp(SP_ID, URI.create(ACS), null, spKey.certificate(),
                        spKey.certificate()))
                .start();
        try {
            sp = ServiceProvider.builder().entityId(SP_ID).assertionConsumerService(ACS)
                    .signingCredential(spKey.credential()).decryptionCredential(spKey.credential())
                    .idp(IdpMetadata.parse(idp.metadata(), SignatureTrust.pinned(idp.signingCertificate())))
                    .profile(SsoProfile.contextHandlerNsisTest()).build();
            http = HttpClient.newBuilder().sslContext(WebTestSupport.trusting(idp.tlsTrustAnchor())).connectTimeout(Duration.ofSeconds(10))
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        } catch (Exception | Error e) {
            idp.close();
            throw e;
        }
    }

    /** A login's answer: the Response the IdP posted, and the RelayState and request the SP stored. */
    record Answer(Document response, String relayState, String requestId) {
        /** A deep copy of the Response, to tamper with. */
        Document copy() {
            return SecureXml.parse(SecureXml.toString(response));
        }
    }

    /** The SP starts a login, the simulator logs {@code user} in (with {@code faults} armed) and posts the Response. */
    Answer login(TestUser user, IdpFault... faults) throws Exception {
        for (IdpFault f : faults) {
            idp.injectNext(f);
        }
        LoginRedirect r = sp.authnRequest(LoginOptions.defaults());
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(r.url() + "&user=" + user.key()))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200) {
            throw new IllegalStateException("the simulator answered " + page.statusCode() + ": " + page.body());
        }
        String response = null;
        String relayState = null;
        Matcher m = FIELD.matcher(page.body());
        while (m.find()) {
            String value = m.group(2).replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
                    .replace("&gt;", ">").replace("&amp;", "&");
            if (m.group(1).equals("SAMLResponse")) {
                response = value;
            } else if (m.group(1).equals("RelayState")) {
                relayState = value;
            }
        }
        if (response == null) {
            throw new IllegalStateException("no SAMLResponse in " + page.body());
        }
        Document doc = SecureXml.parse(new String(Base64.getDecoder().decode(response), StandardCharsets.UTF_8));
        return new Answer(doc, relayState, r.pending().id());
    }

    /** The POST form field for {@code response}. */
    static String field(Document response) {
        return Base64.getEncoder().encodeToString(SecureXml.toString(response).getBytes(StandardCharsets.UTF_8));
    }

    /** Base64 of arbitrary bytes as the POST field. */
    static String field(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    static Element encryptedAssertion(Document response) {
        return child(response.getDocumentElement(), SAML, "EncryptedAssertion");
    }

    /** The signed assertion inside the Response's EncryptedAssertion, decrypted with the SP's key into its own document. */
    Element decrypt(Document response) throws Exception {
        Document copy = SecureXml.parse(SecureXml.toString(response));
        Element ea = encryptedAssertion(copy);
        Element data = child(ea, XENC, "EncryptedData");
        XMLCipher cipher = XMLCipher.getInstance();
        cipher.init(XMLCipher.DECRYPT_MODE, null);
        cipher.setKEK(spKey.privateKey());
        byte[] plain = cipher.decryptToByteArray(data);
        return SecureXml.parse(new String(plain, StandardCharsets.UTF_8)).getDocumentElement();
    }

    /** Content and key transport algorithms for {@link #encrypt}. */
    record Encryption(String data, String keyTransport, String digest, String mgf) {
        static final Encryption GCM = new Encryption(XMLCipher.AES_256_GCM, XMLCipher.RSA_OAEP_11,
                XMLCipher.SHA256, "http://www.w3.org/2009/xmlenc11#mgf1sha256");
        static final Encryption CBC = new Encryption(XMLCipher.AES_256, XMLCipher.RSA_OAEP_11, XMLCipher.SHA256,
                "http://www.w3.org/2009/xmlenc11#mgf1sha256");
    }

    /**
     * Replaces the Response's EncryptedAssertion(s) by one holding {@code plaintext} (serialised as it stands, so
     * comments and foreign elements survive), encrypted to {@code to} with the given algorithms.
     */
    static void encryptInto(Document response, byte[] plaintext, X509Certificate to, Encryption e) throws Exception {
        Element root = response.getDocumentElement();
        List<Element> old = new ArrayList<>();
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element el && "EncryptedAssertion".equals(el.getLocalName())) {
                old.add(el);
            }
        }
        Element ea = response.createElementNS(SAML, "saml:EncryptedAssertion");
        if (old.isEmpty()) {
            root.appendChild(ea);
        } else {
            root.insertBefore(ea, old.get(0));
            old.forEach(root::removeChild);
        }
        ea.appendChild(encryptedData(response, plaintext, to, e));
    }

    /** An EncryptedData element (with its EncryptedKey inline) of {@code plaintext}, in {@code doc}. */
    static Element encryptedData(Document doc, byte[] plaintext, X509Certificate to, Encryption e) throws Exception {
        boolean des = XMLCipher.TRIPLEDES.equals(e.data());
        KeyGenerator kg = KeyGenerator.getInstance(des ? "DESede" : "AES");
        kg.init(des ? 168 : 256);
        SecretKey content = kg.generateKey();
        XMLCipher keyCipher = XMLCipher.getInstance(e.keyTransport(), null, e.digest());
        keyCipher.init(XMLCipher.WRAP_MODE, to.getPublicKey());
        EncryptedKey key = keyCipher.encryptKey(doc, content, e.mgf(), null);
        XMLCipher dataCipher = XMLCipher.getInstance(e.data());
        dataCipher.init(XMLCipher.ENCRYPT_MODE, content);
        EncryptedData data = dataCipher.getEncryptedData();
        KeyInfo ki = new KeyInfo(doc);
        ki.add(key);
        data.setKeyInfo(ki);
        EncryptedData done = dataCipher.encryptData(doc, "http://www.w3.org/2001/04/xmlenc#Element",
                new java.io.ByteArrayInputStream(plaintext));
        return dataCipher.martial(doc, done);
    }

    static byte[] bytes(Element assertion) {
        return SecureXml.toString(assertion).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        idp.close();
    }
}

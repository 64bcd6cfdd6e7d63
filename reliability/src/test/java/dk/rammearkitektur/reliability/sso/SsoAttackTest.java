package dk.rammearkitektur.reliability.sso;

import static dk.rammearkitektur.reliability.sso.SsoRig.DS;
import static dk.rammearkitektur.reliability.sso.SsoRig.MALLORY;
import static dk.rammearkitektur.reliability.sso.SsoRig.SAML;
import static dk.rammearkitektur.reliability.sso.SsoRig.SAMLP;
import static dk.rammearkitektur.reliability.sso.SsoRig.VICTIM;
import static dk.rammearkitektur.reliability.sso.SsoRig.XENC;
import static dk.rammearkitektur.reliability.sso.SsoRig.child;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.reliability.Bounded;
import dk.rammearkitektur.reliability.sso.SsoRig.Answer;
import dk.rammearkitektur.reliability.sso.SsoRig.Encryption;
import dk.rammearkitektur.sso.Professional;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import dk.rammearkitektur.sso.sp.SsoLogin;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import dk.rammearkitektur.testkit.idp.IdpFault;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.spec.SecretKeySpec;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Comment;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.Text;

/**
 * Attacks on the login flow, against the SDK's real {@link dk.rammearkitektur.sso.sp.ServiceProvider} and genuine
 * Responses of the identity provider simulator, tampered with in the test (see {@link SsoRig}). Every attack ends in an
 * {@link SsoRefusedException} with the asserted reason, within {@link #BUDGET}, without a CPR number in the message.
 * Cases the {@code sso} module's own tests already prove are not repeated here; {@code docs/reliability.md} lists both.
 */
class SsoAttackTest {
    static final Duration BUDGET = Duration.ofSeconds(5);
    private static SsoRig rig;

    @BeforeAll
    static void start() throws Exception {
        rig = new SsoRig();
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @BeforeEach
    void reset() {
        rig.idp.reset();
    }

    private static SsoRefusedException refused(String samlResponse, String relayState) {
        return Bounded.fails(SsoRefusedException.class, BUDGET, () -> rig.sp.consume(samlResponse, relayState));
    }

    private static SsoRefusedException refused(Document response, Answer a) {
        return refused(SsoRig.field(response), a.relayState());
    }

    private static void assertReason(String reason, SsoRefusedException e, String what) {
        assertEquals(reason, e.reason(), what + ": " + e.getMessage());
    }

    /** Replaces the Response's encrypted assertion by {@code plaintext} encrypted to the SP (AES-256-GCM). */
    private static Document withPlaintext(Answer a, byte[] plaintext, Encryption e) throws Exception {
        Document r = a.copy();
        SsoRig.encryptInto(r, plaintext, rig.spKey.certificate(), e);
        return r;
    }

    /** A forged copy of the genuine assertion: the victim's NameID, the given ID, and no signature. */
    private static Element forged(Element genuine, String id) {
        Element evil = (Element) genuine.cloneNode(true);
        evil.setAttribute("ID", id);
        Element sig = child(evil, DS, "Signature");
        if (sig != null) {
            evil.removeChild(sig);
        }
        Element nameId = child(child(evil, SAML, "Subject"), SAML, "NameID");
        nameId.setTextContent(nameId.getTextContent().replace(MALLORY.uuid().toString(), VICTIM.uuid().toString()));
        return evil;
    }

    @Test
    void genuineLoginsAreAcceptedAlsoReEncryptedWithCbcAndTheSdkIsConformant() throws Exception {
        Answer g = rig.login(MALLORY);
        SsoLogin login = rig.sp.consume(SsoRig.field(g.response()), g.relayState());
        assertEquals(MALLORY.uuid(), ((Professional) login.identity()).uuid());
        // AES-CBC content is accepted (research note §5: "plus CBC for old peers"); what that costs is handled by the
        // decryption-oracle test below
        Answer a = rig.login(MALLORY);
        Document cbc = withPlaintext(a, SsoRig.bytes(rig.decrypt(a.response())), Encryption.CBC);
        assertEquals(MALLORY.uuid(), ((Professional) rig.sp.consume(SsoRig.field(cbc), a.relayState()).identity()).uuid());
        assertEquals("no violations", rig.idp.conformanceReport(), "the SDK's AuthnRequests conform");
    }

    @Test
    void wrappingOnTheAssertionIsRefused() throws Exception {
        Map<String, SsoRefusedException> out = new LinkedHashMap<>();
        // 1. the simulator's own wrapping: a forged assertion carries the genuine signature, the genuine one in Advice
        Answer a = rig.login(MALLORY, IdpFault.WRAPPED_ASSERTION);
        out.put("genuine in Advice", refused(a.response(), a));
        // 2. the genuine assertion (without its signature) moved into the signature's ds:Object of a forged one
        // 3. the same, the forged assertion with the genuine assertion's ID
        for (boolean sameId : new boolean[] {false, true}) {
            a = rig.login(MALLORY);
            Element genuine = rig.decrypt(a.response());
            Element signature = child(genuine, DS, "Signature");
            Element evil = forged(genuine, sameId ? genuine.getAttribute("ID") : "_evil" + System.nanoTime());
            genuine.removeChild(signature);
            evil.insertBefore(signature, child(evil, SAML, "Subject"));
            Element object = genuine.getOwnerDocument().createElementNS(DS, "ds:Object");
            signature.appendChild(object);
            object.appendChild(genuine);
            out.put(sameId ? "same ID, genuine in ds:Object" : "genuine in ds:Object",
                    refused(withPlaintext(a, SsoRig.bytes(evil), Encryption.GCM), a));
        }
        out.values().forEach(e -> assertReason(SsoRefusedException.SIGNATURE, e, "wrapping"));
        // 4. a forged unsigned assertion encrypted, the genuine signed one in the Response's Extensions
        a = rig.login(MALLORY);
        Element genuine = rig.decrypt(a.response());
        Document r = withPlaintext(a, SsoRig.bytes(forged(genuine, genuine.getAttribute("ID"))), Encryption.GCM);
        Element ext = r.createElementNS(SAMLP, "samlp:Extensions");
        r.getDocumentElement().insertBefore(ext, child(r.getDocumentElement(), SAMLP, "Status"));
        ext.appendChild(r.importNode(genuine, true));
        assertReason(SsoRefusedException.ASSERTION_COUNT, refused(r, a), "genuine in Extensions");
        // 5. the encrypted plaintext holds the forged and the genuine assertion, in either order
        for (boolean evilFirst : new boolean[] {true, false}) {
            a = rig.login(MALLORY);
            genuine = rig.decrypt(a.response());
            String g = SecureXml.toString(genuine).replaceFirst("^<\\?xml[^>]*\\?>", "");
            String e = SecureXml.toString(forged(genuine, "_evil")).replaceFirst("^<\\?xml[^>]*\\?>", "");
            byte[] two = (evilFirst ? e + g : g + e).getBytes(StandardCharsets.UTF_8);
            assertReason(SsoRefusedException.ASSERTION_COUNT, refused(withPlaintext(a, two, Encryption.GCM), a),
                    "two assertions in one EncryptedData");
        }
    }

    @Test
    void aSecondAssertionBesideTheGenuineOneIsRefused() throws Exception {
        for (boolean encrypted : new boolean[] {false, true}) {
            for (boolean before : new boolean[] {true, false}) {
                Answer a = rig.login(MALLORY);
                Element genuine = rig.decrypt(a.response());
                Document r = a.copy();
                Element ea = SsoRig.encryptedAssertion(r);
                Node extra;
                if (encrypted) {
                    extra = r.createElementNS(SAML, "saml:EncryptedAssertion");
                    extra.appendChild(SsoRig.encryptedData(r, SsoRig.bytes(forged(genuine, "_evil")),
                            rig.spKey.certificate(), Encryption.GCM));
                } else {
                    extra = r.importNode(forged(genuine, "_evil"), true);
                }
                r.getDocumentElement().insertBefore(extra, before ? ea : ea.getNextSibling());
                assertReason(SsoRefusedException.ASSERTION_COUNT, refused(r, a),
                        (encrypted ? "encrypted" : "plain") + " evil assertion " + (before ? "before" : "after"));
            }
        }
    }

    @Test
    void replayedAssertionsAreRefused() throws Exception {
        Answer first = rig.login(MALLORY);
        String field = SsoRig.field(first.response());
        rig.sp.consume(field, first.relayState());
        // the same Response again
        assertReason(SsoRefusedException.IN_RESPONSE_TO, refused(field, first.relayState()), "same Response");
        // the simulator's replay fault: the previous EncryptedAssertion, byte for byte, answers a new request
        Answer second = rig.login(MALLORY, IdpFault.REPLAY);
        assertEquals(SecureXml.toString(SsoRig.encryptedAssertion(first.response())),
                SecureXml.toString(SsoRig.encryptedAssertion(second.response())), "the fault replays");
        SsoRefusedException e = refused(second.response(), second);
        assertReason(SsoRefusedException.SUBJECT_CONFIRMATION, e, "replay across requests");
        assertTrue(e.getMessage().contains("InResponseTo"), e.getMessage());
        // two pending requests: the first login's assertion placed in the answer to the second, by hand
        Answer p1 = rig.login(MALLORY);
        Answer p2 = rig.login(MALLORY);
        Document r = p2.copy();
        r.getDocumentElement().replaceChild(r.importNode(SsoRig.encryptedAssertion(p1.response()), true),
                SsoRig.encryptedAssertion(r));
        assertReason(SsoRefusedException.SUBJECT_CONFIRMATION, refused(r, p2), "assertion of the other pending request");
        // and the first request is still answerable with its own Response: nothing was consumed by the attack
        rig.sp.consume(SsoRig.field(p1.response()), p1.relayState());
    }

    @Test
    void inResponseToOfAnotherUsersRequestIsRefused() throws Exception {
        Answer victim = rig.login(VICTIM);
        Answer mallory = rig.login(MALLORY);
        // Mallory's Response delivered into the victim's browser (the victim's RelayState): login CSRF
        assertReason(SsoRefusedException.IN_RESPONSE_TO, refused(mallory.response(), victim), "victim's RelayState");
        // Mallory's Response rewritten to answer the victim's request
        Answer victim2 = rig.login(VICTIM);
        Answer mallory2 = rig.login(MALLORY);
        Document r = mallory2.copy();
        r.getDocumentElement().setAttribute("InResponseTo", victim2.requestId());
        SsoRefusedException e = refused(r, victim2);
        assertReason(SsoRefusedException.SUBJECT_CONFIRMATION, e, "rewritten InResponseTo");
        assertTrue(e.getMessage().contains("InResponseTo"), e.getMessage());
    }

    @Test
    void destinationLookAlikesAreRefused() throws Exception {
        for (String d : List.of(SsoRig.ACS + "/", SsoRig.ACS + "?x=1", SsoRig.ACS.replace("https:", "http:"),
                SsoRig.ACS.replace("127.0.0.1", "127.0.0.1.evil.test"), SsoRig.ACS.toUpperCase())) {
            Answer a = rig.login(MALLORY);
            Document r = a.copy();
            r.getDocumentElement().setAttribute("Destination", d);
            assertReason(SsoRefusedException.DESTINATION, refused(r, a), d);
        }
    }

    private static void flip(Element cipherValueParent, int offset) {
        Element cv = child(child(cipherValueParent, XENC, "CipherData"), XENC, "CipherValue");
        byte[] b = Base64.getMimeDecoder().decode(cv.getTextContent().strip());
        int i = offset >= 0 ? offset : b.length + offset;
        b[i] ^= 0x01;
        cv.setTextContent(Base64.getEncoder().encodeToString(b));
    }

    private static Element encryptedData(Document r) {
        return child(SsoRig.encryptedAssertion(r), XENC, "EncryptedData");
    }

    private static Element encryptedKey(Document r) {
        return child(child(encryptedData(r), DS, "KeyInfo"), XENC, "EncryptedKey");
    }

    @Test
    void decryptionFailuresAndCbcSignatureFailuresAreIndistinguishable() throws Exception {
        Map<String, SsoRefusedException> out = new LinkedHashMap<>();
        for (int offset : new int[] {0, 100, -1}) {
            Answer a = rig.login(MALLORY);
            Document r = a.copy();
            flip(encryptedKey(r), offset);
            out.put("RSA-OAEP block byte " + offset, refused(r, a));
        }
        Answer a = rig.login(MALLORY);
        Document r = a.copy();
        flip(encryptedData(r), -1);
        out.put("GCM tag", refused(r, a));
        a = rig.login(MALLORY);
        r = a.copy();
        flip(encryptedData(r), 20);
        out.put("GCM ciphertext", refused(r, a));
        a = rig.login(MALLORY);
        out.put("GCM, another SP's key", refused(withKey(a, rig.stranger.certificate(), Encryption.GCM), a));
        a = rig.login(MALLORY);
        out.put("CBC, another SP's key", refused(withKey(a, rig.stranger.certificate(), Encryption.CBC), a));
        for (int offset : new int[] {16, 48, -17, -1}) {
            a = rig.login(MALLORY);
            r = withPlaintext(a, SsoRig.bytes(rig.decrypt(a.response())), Encryption.CBC);
            flip(encryptedData(r), offset);
            out.put("CBC ciphertext byte " + offset, refused(r, a));
        }
        // valid CBC decryptions whose content is wrong: a bad signature, not XML, not an assertion, a DOCTYPE
        a = rig.login(MALLORY);
        Element genuine = rig.decrypt(a.response());
        Element nameId = child(child(genuine, SAML, "Subject"), SAML, "NameID");
        nameId.setTextContent(nameId.getTextContent().replace(MALLORY.uuid().toString(), VICTIM.uuid().toString()));
        out.put("CBC, valid decryption, bad signature", refused(withPlaintext(a, SsoRig.bytes(genuine), Encryption.CBC), a));
        for (String plain : List.of("not xml at all", "<saml:Issuer xmlns:saml=\"" + SAML + "\">x</saml:Issuer>",
                "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>")) {
            a = rig.login(MALLORY);
            out.put("CBC, valid decryption: " + plain, refused(withPlaintext(a,
                    plain.getBytes(StandardCharsets.UTF_8), Encryption.CBC), a));
        }
        SsoRefusedException first = out.values().iterator().next();
        assertEquals(SsoRefusedException.DECRYPTION, first.reason());
        out.forEach((what, e) -> {
            assertEquals(first.reason() + " " + first.getMessage(), e.reason() + " " + e.getMessage(), what);
            assertNull(e.getCause(), what + ": a cause would tell the failures apart");
        });
        assertEquals(15, out.size());
    }

    /**
     * With AES-GCM a bad signature is refused as such ({@code sso.signature}), not as a decryption failure: reaching
     * the signature check needs a ciphertext that authenticates under its content key, which only whoever chose that
     * key can make, so the different reason tells an attacker nothing it did not know. Tampering with the RSA-OAEP
     * block of a genuine Response never gets there (above: every such tampering is {@code sso.decryption}).
     */
    @Test
    void gcmWithABadSignatureIsASignatureRefusal() throws Exception {
        Answer a = rig.login(MALLORY);
        Element genuine = rig.decrypt(a.response());
        Element nameId = child(child(genuine, SAML, "Subject"), SAML, "NameID");
        nameId.setTextContent(nameId.getTextContent().replace(MALLORY.uuid().toString(), VICTIM.uuid().toString()));
        assertReason(SsoRefusedException.SIGNATURE, refused(withPlaintext(a, SsoRig.bytes(genuine), Encryption.GCM), a),
                "GCM, bad signature");
    }

    private static Document withKey(Answer a, java.security.cert.X509Certificate to, Encryption e) throws Exception {
        Document r = a.copy();
        SsoRig.encryptInto(r, SsoRig.bytes(rig.decrypt(a.response())), to, e);
        return r;
    }

    @Test
    void algorithmDowngradesAreRefused() throws Exception {
        // content encryption 3DES
        Answer a = rig.login(MALLORY);
        Document r = withPlaintext(a, SsoRig.bytes(rig.decrypt(a.response())),
                new Encryption(XMLCipher.TRIPLEDES, XMLCipher.RSA_OAEP_11, XMLCipher.SHA256,
                        "http://www.w3.org/2009/xmlenc11#mgf1sha256"));
        assertReason(SsoRefusedException.ENCRYPTION_ALGORITHM, refused(r, a), "3DES");
        // RSA-OAEP with an MD5 digest
        a = rig.login(MALLORY);
        r = a.copy();
        Element digest = child(child(encryptedKey(r), XENC, "EncryptionMethod"), DS, "DigestMethod");
        digest.setAttribute("Algorithm", "http://www.w3.org/2001/04/xmldsig-more#md5");
        assertReason(SsoRefusedException.ENCRYPTION_ALGORITHM, refused(r, a), "OAEP with MD5");
        // the assertion's Reference digest changed to SHA-1
        a = rig.login(MALLORY);
        Element genuine = rig.decrypt(a.response());
        Element signedInfo = child(child(genuine, DS, "Signature"), DS, "SignedInfo");
        child(child(signedInfo, DS, "Reference"), DS, "DigestMethod").setAttribute("Algorithm",
                "http://www.w3.org/2000/09/xmldsig#sha1");
        SsoRefusedException e = refused(withPlaintext(a, SsoRig.bytes(genuine), Encryption.GCM), a);
        assertReason(SsoRefusedException.SIGNATURE, e, "SHA-1 digest");
        assertTrue(e.getMessage().contains("algorithm"), e.getMessage());
        // a forged assertion signed with HMAC-SHA256 keyed with the IdP's public key (the key-confusion attack)
        a = rig.login(MALLORY);
        genuine = rig.decrypt(a.response());
        Element evil = forged(genuine, genuine.getAttribute("ID"));
        Document doc = evil.getOwnerDocument();
        doc.replaceChild(evil, genuine);
        evil.setIdAttribute("ID", true);
        XMLSignature hmac = new XMLSignature(doc, "", XMLSignature.ALGO_ID_MAC_HMAC_SHA256,
                Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        evil.insertBefore(hmac.getElement(), child(evil, SAML, "Subject"));
        Transforms t = new Transforms(doc);
        t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
        t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
        hmac.addDocument("#" + evil.getAttribute("ID"), t, "http://www.w3.org/2001/04/xmlenc#sha256");
        hmac.sign(new SecretKeySpec(rig.idp.signingCertificate().getPublicKey().getEncoded(), "HmacSHA256"));
        e = refused(withPlaintext(a, SsoRig.bytes(evil), Encryption.GCM), a);
        assertReason(SsoRefusedException.SIGNATURE, e, "HMAC");
        assertTrue(e.getMessage().contains("algorithm"), e.getMessage());
    }

    /** A loopback HTTP server that counts every request: an entity that is resolved shows up here. */
    private static final class Canary implements AutoCloseable {
        final AtomicInteger hits = new AtomicInteger();
        final HttpServer server;

        Canary() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", ex -> {
                hits.incrementAndGet();
                byte[] body = "<!ENTITY % p \"\">".getBytes(StandardCharsets.UTF_8);
                ex.sendResponseHeaders(200, body.length);
                ex.getResponseBody().write(body);
                ex.close();
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/evil";
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    private static String laughs() {
        StringBuilder b = new StringBuilder("<!DOCTYPE r [<!ENTITY l0 \"ha\">");
        for (int i = 1; i <= 12; i++) {
            b.append("<!ENTITY l").append(i).append(" \"").append(("&l" + (i - 1) + ";").repeat(10)).append("\">");
        }
        return b.append("]>").toString();
    }

    @Test
    void entitiesAndDoctypesInTheResponseAndThePrivilegeListAreRefusedAndNothingIsFetched() throws Exception {
        try (Canary canary = new Canary()) {
            Answer a = rig.login(MALLORY);
            String genuine = SecureXml.toString(a.response()).replaceFirst("^<\\?xml[^>]*\\?>", "");
            List<String> hostile = List.of(
                    "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + canary.url() + "\">]>" + genuine.replaceFirst(
                            "Destination=\"", "Destination=\"&x;"),
                    "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + canary.url() + "\"> %p;]>" + genuine,
                    "<!DOCTYPE r SYSTEM \"" + canary.url() + "\">" + genuine,
                    laughs() + genuine.replaceFirst("Destination=\"", "Destination=\"&l12;"));
            for (String xml : hostile) {
                SsoRefusedException e = refused(SsoRig.field(xml), a.relayState());
                assertReason(SsoRefusedException.MALFORMED, e, xml.substring(0, 40));
            }
            // the privilege list is data: the same inside the base64 attribute value
            List<String> lists = List.of(
                    "<!DOCTYPE r [<!ENTITY x SYSTEM \"" + canary.url() + "\">]><bpp:PrivilegeList "
                            + "xmlns:bpp=\"http://itst.dk/oiosaml/basic_privilege_profile\">&x;</bpp:PrivilegeList>",
                    "<!DOCTYPE r [<!ENTITY % p SYSTEM \"" + canary.url() + "\"> %p;]><bpp:PrivilegeList "
                            + "xmlns:bpp=\"http://itst.dk/oiosaml/basic_privilege_profile\"/>",
                    laughs() + "<bpp:PrivilegeList xmlns:bpp=\"http://itst.dk/oiosaml/basic_privilege_profile\">"
                            + "<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"><Privilege>&l12;"
                            + "</Privilege></PrivilegeGroup></bpp:PrivilegeList>");
            for (String xml : lists) {
                String b64 = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
                Bounded.fails(RammearkitekturException.class, BUDGET, () -> PrivilegeList.parse(b64));
            }
            assertEquals(0, canary.hits.get(), "an entity was resolved");
        }
    }

    @Test
    void commentsInsideTheNameIdAndAttributesDoNotCutTheValueShort() throws Exception {
        Answer a = rig.login(MALLORY);
        Element genuine = rig.decrypt(a.response());
        Element nameId = child(child(genuine, SAML, "Subject"), SAML, "NameID");
        String full = nameId.getTextContent();
        // user<!---->@x: the comment splits the text; exclusive c14n drops comments, so the signature still verifies,
        // and an SP that read only the first text node would see a prefix of the value
        split(nameId, full.indexOf(MALLORY.uuid().toString()) + 8);
        Element issuer = child(genuine, SAML, "Issuer");
        split(issuer, issuer.getTextContent().length() / 2);
        for (Element attr : children(child(genuine, SAML, "AttributeStatement"), SAML, "Attribute")) {
            if (attr.getAttribute("Name").endsWith("/professional/cvr")) {
                split(child(attr, SAML, "AttributeValue"), 4);
            }
        }
        SsoLogin login = rig.sp.consume(SsoRig.field(withPlaintext(a, SsoRig.bytes(genuine), Encryption.GCM)),
                a.relayState());
        assertEquals(full, login.nameId());
        Professional p = (Professional) login.identity();
        assertEquals(MALLORY.uuid(), p.uuid());
        assertEquals("11111111", p.cvr());
    }

    private static void split(Element e, int at) {
        Text t = (Text) e.getFirstChild();
        Text rest = t.splitText(at);
        Comment c = e.getOwnerDocument().createComment("");
        e.insertBefore(c, rest);
    }

    private static List<Element> children(Element parent, String ns, String local) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void oversizedInputsAreRefusedInBoundedTime() throws Exception {
        Answer a = rig.login(MALLORY);
        assertReason(SsoRefusedException.MALFORMED, refused("A".repeat(3 * 1024 * 1024), a.relayState()),
                "3 MiB SAMLResponse");
        String deep = "<samlp:Response xmlns:samlp=\"" + SAMLP + "\" Version=\"2.0\">" + "<a>".repeat(200_000)
                + "</a>".repeat(200_000) + "</samlp:Response>";
        Bounded.fails(SsoRefusedException.class, BUDGET, () -> rig.sp.consume(SsoRig.field(deep), a.relayState()));
        Document r = a.copy();
        r.getDocumentElement().setAttribute("Destination", "https://" + "x".repeat(1_000_000));
        assertReason(SsoRefusedException.DESTINATION, refused(r, a), "1 MB Destination");
        assertReason(SsoRefusedException.IN_RESPONSE_TO, refused(SsoRig.field(a.response()), "r".repeat(1_000_000)),
                "1 MB RelayState");
    }
}

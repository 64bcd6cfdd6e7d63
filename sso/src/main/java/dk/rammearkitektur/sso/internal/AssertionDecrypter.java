package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.xml.XmlText;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import java.nio.charset.StandardCharsets;
import java.security.Key;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Decrypts a {@code saml:EncryptedAssertion} with Santuario's XMLCipher. Algorithms are checked on the allow-list
 * first; then every EncryptedKey (inline in the EncryptedData's KeyInfo or a sibling) is tried with every key
 * (primary first). Every failure after the algorithm check is reported with the one reason and message
 * {@link #FAILURE}, whatever the cause (padding, tag, key, parse), so that no decryption oracle is offered.
 */
public final class AssertionDecrypter {
    /** The one message of every decryption failure. */
    public static final String FAILURE = "EncryptedAssertion: could not be decrypted with the service provider's keys";
    /** The name of the element that wraps the decrypted plaintext (it carries the in-scope namespaces). */
    public static final String WRAPPER = "decrypted";

    private static final Set<String> DATA = Set.of(XMLCipher.AES_128_GCM, XMLCipher.AES_256_GCM, XMLCipher.AES_128,
            XMLCipher.AES_256);
    private static final Set<String> KEY_TRANSPORT = Set.of(XMLCipher.RSA_OAEP, XMLCipher.RSA_OAEP_11);
    private static final Set<String> DIGESTS = Set.of("http://www.w3.org/2000/09/xmldsig#sha1",
            "http://www.w3.org/2001/04/xmlenc#sha256", "http://www.w3.org/2001/04/xmlenc#sha512",
            "http://www.w3.org/2001/04/xmldsig-more#sha384");
    private static final Set<String> MGFS = Set.of("http://www.w3.org/2009/xmlenc11#mgf1sha1",
            "http://www.w3.org/2009/xmlenc11#mgf1sha256", "http://www.w3.org/2009/xmlenc11#mgf1sha384",
            "http://www.w3.org/2009/xmlenc11#mgf1sha512");
    private static final int MAX_KEYS = 4;

    static {
        org.apache.xml.security.Init.init();
    }

    private AssertionDecrypter() {
    }

    /** Whether the EncryptedAssertion's content algorithm is AES-CBC, whose ciphertext has no integrity protection. */
    public static boolean unauthenticated(Element encryptedAssertion) {
        Element data = SamlDom.one(encryptedAssertion, SamlDom.XENC, "EncryptedData", "EncryptedAssertion",
                SsoRefusedException.MALFORMED);
        String alg = algorithm(data, "EncryptedAssertion.EncryptedData");
        return XMLCipher.AES_128.equals(alg) || XMLCipher.AES_256.equals(alg);
    }

    /**
     * Decrypts; returns the {@code saml:Assertion}, the only child of a wrapper element in a new document. With AES-CBC
     * content, plaintext that is not exactly one Assertion is also reported as {@link #FAILURE}: otherwise the
     * refusal would tell well-formed from malformed plaintext, the oracle of the known CBC attacks on XML Encryption.
     */
    public static Element decrypt(Element encryptedAssertion, List<SigningCredential> keys) {
        String path = "EncryptedAssertion";
        Element data = SamlDom.one(encryptedAssertion, SamlDom.XENC, "EncryptedData", path, SsoRefusedException.MALFORMED);
        String dataAlgorithm = algorithm(data, path + ".EncryptedData");
        if (!DATA.contains(dataAlgorithm)) {
            throw new SsoRefusedException(SsoRefusedException.ENCRYPTION_ALGORITHM, path
                    + ".EncryptedData.EncryptionMethod@Algorithm: refused, only AES-GCM and AES-CBC (128, 256) are accepted");
        }
        List<Element> encryptedKeys = new ArrayList<>();
        Element keyInfo = SamlDom.optional(data, SamlDom.DS, "KeyInfo", path + ".EncryptedData");
        if (keyInfo != null) {
            encryptedKeys.addAll(SamlDom.children(keyInfo, SamlDom.XENC, "EncryptedKey"));
        }
        encryptedKeys.addAll(SamlDom.children(encryptedAssertion, SamlDom.XENC, "EncryptedKey"));
        if (encryptedKeys.isEmpty() || encryptedKeys.size() > MAX_KEYS) {
            throw new SsoRefusedException(SsoRefusedException.MALFORMED,
                    path + ".EncryptedKey: between 1 and " + MAX_KEYS + " are required (inline or as siblings)");
        }
        for (Element ek : encryptedKeys) {
            checkKeyTransport(ek, path + ".EncryptedKey");
        }
        Document doc = encryptedAssertion.getOwnerDocument();
        for (SigningCredential credential : keys) {
            for (Element ek : encryptedKeys) {
                byte[] plain = tryDecrypt(doc, data, ek, dataAlgorithm, credential);
                if (plain != null) {
                    return parse(plain, data, !dataAlgorithm.endsWith("gcm"));
                }
            }
        }
        throw new SsoRefusedException(SsoRefusedException.DECRYPTION, FAILURE);
    }

    private static void checkKeyTransport(Element ek, String path) {
        String alg = algorithm(ek, path);
        if (!KEY_TRANSPORT.contains(alg)) {
            throw new SsoRefusedException(SsoRefusedException.ENCRYPTION_ALGORITHM, path
                    + ".EncryptionMethod@Algorithm: refused (" + shortName(alg) + "); only RSA-OAEP is accepted");
        }
        Element method = SamlDom.one(ek, SamlDom.XENC, "EncryptionMethod", path, SsoRefusedException.MALFORMED);
        Element digest = SamlDom.optional(method, SamlDom.DS, "DigestMethod", path + ".EncryptionMethod");
        if (digest != null && !DIGESTS.contains(digest.getAttribute("Algorithm"))) {
            throw new SsoRefusedException(SsoRefusedException.ENCRYPTION_ALGORITHM,
                    path + ".EncryptionMethod.DigestMethod@Algorithm: refused");
        }
        Element mgf = SamlDom.optional(method, SamlDom.XENC11, "MGF", path + ".EncryptionMethod");
        if (mgf != null && (!XMLCipher.RSA_OAEP_11.equals(alg) || !MGFS.contains(mgf.getAttribute("Algorithm")))) {
            throw new SsoRefusedException(SsoRefusedException.ENCRYPTION_ALGORITHM,
                    path + ".EncryptionMethod.MGF@Algorithm: refused");
        }
    }

    private static String shortName(String alg) {
        int hash = alg.lastIndexOf('#');
        String s = hash >= 0 ? alg.substring(hash + 1) : "unknown";
        return s.length() > 40 || !s.matches("[A-Za-z0-9._-]*") ? "unknown" : s;
    }

    private static String algorithm(Element encrypted, String path) {
        Element method = SamlDom.one(encrypted, SamlDom.XENC, "EncryptionMethod", path, SsoRefusedException.MALFORMED);
        return SamlDom.attribute(method, "Algorithm", path + ".EncryptionMethod", SsoRefusedException.MALFORMED);
    }

    private static byte[] tryDecrypt(Document doc, Element data, Element ek, String dataAlgorithm,
            SigningCredential credential) {
        try {
            XMLCipher keyCipher = XMLCipher.getInstance();
            keyCipher.setSecureValidation(true);
            keyCipher.init(XMLCipher.UNWRAP_MODE, credential.privateKey());
            EncryptedKey encryptedKey = keyCipher.loadEncryptedKey(doc, ek);
            Key key = keyCipher.decryptKey(encryptedKey, dataAlgorithm);
            XMLCipher dataCipher = XMLCipher.getInstance();
            dataCipher.setSecureValidation(true);
            dataCipher.init(XMLCipher.DECRYPT_MODE, key);
            return dataCipher.decryptToByteArray(data);
        } catch (Exception e) {
            // Deliberately one outcome for every cause: no decryption oracle.
            return null;
        }
    }

    private static Element parse(byte[] plain, Element context, boolean unauthenticated) {
        Map<String, String> namespaces = new LinkedHashMap<>();
        for (Node n = context.getParentNode(); n instanceof Element e; n = e.getParentNode()) {
            NamedNodeMap attrs = e.getAttributes();
            for (int i = 0; i < attrs.getLength(); i++) {
                Attr a = (Attr) attrs.item(i);
                if ("http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                    namespaces.putIfAbsent(a.getName(), a.getValue());
                }
            }
        }
        StringBuilder xml = new StringBuilder("<").append(WRAPPER);
        namespaces.forEach((name, uri) -> xml.append(' ').append(name).append("=\"").append(escape(uri)).append('"'));
        String text = new String(plain, StandardCharsets.UTF_8);
        if (text.startsWith("<?xml")) {
            int end = text.indexOf("?>");
            text = end < 0 ? text : text.substring(end + 2);
        }
        xml.append('>').append(text).append("</").append(WRAPPER).append('>');
        Document doc;
        try {
            doc = SecureXml.parse(xml.toString());
        } catch (RammearkitekturException e) {
            throw new SsoRefusedException(SsoRefusedException.DECRYPTION, FAILURE);
        }
        List<Element> elements = new ArrayList<>();
        for (Node n = doc.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                elements.add(e);
            }
        }
        if (elements.size() != 1 || !SamlDom.SAML.equals(elements.get(0).getNamespaceURI())
                || !"Assertion".equals(elements.get(0).getLocalName())) {
            if (unauthenticated) {
                throw new SsoRefusedException(SsoRefusedException.DECRYPTION, FAILURE);
            }
            throw new SsoRefusedException(SsoRefusedException.ASSERTION_COUNT,
                    "EncryptedAssertion: the plaintext must be exactly one saml:Assertion");
        }
        return elements.get(0);
    }

    private static String escape(String s) {
        return XmlText.escape(s);
    }
}

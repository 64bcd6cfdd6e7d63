package dk.rammearkitektur.testkit.idp.internal;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.encryption.EncryptedData;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.keys.KeyInfo;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The simulator's enveloped signing and assertion encryption, on Santuario directly. */
public final class XmlCrypto {
    static {
        org.apache.xml.security.Init.init();
    }

    private XmlCrypto() {
    }

    /**
     * Signs {@code element} enveloped: reference {@code #ID}, exc-c14n, SHA-256 digest, the certificate in KeyInfo. The
     * Signature is inserted before {@code before} (null: appended).
     *
     * @param element the element with an {@code ID} attribute
     * @param before the child the Signature goes in front of, or null
     * @param key the private key
     * @param certificate its certificate
     * @param signatureMethod {@link Saml#RSA_SHA256} or {@link Saml#RSA_SHA256_MGF1}
     * @return the Signature element
     */
    public static Element signEnveloped(Element element, Node before, PrivateKey key, X509Certificate certificate,
            String signatureMethod) {
        try {
            if (Saml.RSA_SHA256_MGF1.equals(signatureMethod)) {
                IdpKeys.ensurePssProvider();
            }
            Document doc = element.getOwnerDocument();
            String id = element.getAttribute("ID");
            element.setIdAttributeNS(null, "ID", true);
            XMLSignature sig = new XMLSignature(doc, "", signatureMethod, Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
            element.insertBefore(sig.getElement(), before);
            Transforms t = new Transforms(doc);
            t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
            t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
            sig.addDocument("#" + id, t, "http://www.w3.org/2001/04/xmlenc#sha256");
            sig.addKeyInfo(certificate);
            sig.sign(key);
            return sig.getElement();
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign " + element.getLocalName(), e);
        }
    }

    /**
     * Encrypts {@code assertion} into {@code container} (an EncryptedAssertion): EncryptedData with
     * {@code xmlenc11#aes256-gcm}, its key in an inline EncryptedKey with {@code xmlenc11#rsa-oaep}, SHA-256 digest and
     * MGF1 with SHA-256, to {@code certificate}'s public key.
     */
    public static void encryptInto(Element container, Element assertion, X509Certificate certificate) {
        try {
            Document doc = container.getOwnerDocument();
            KeyGenerator kg = KeyGenerator.getInstance("AES");
            kg.init(256);
            SecretKey k = kg.generateKey();
            XMLCipher keyCipher = XMLCipher.getInstance(XMLCipher.RSA_OAEP_11, null, XMLCipher.SHA256);
            keyCipher.init(XMLCipher.WRAP_MODE, certificate.getPublicKey());
            EncryptedKey ek = keyCipher.encryptKey(doc, k, org.apache.xml.security.utils.EncryptionConstants.MGF1_SHA256, null);
            XMLCipher dataCipher = XMLCipher.getInstance(XMLCipher.AES_256_GCM);
            dataCipher.init(XMLCipher.ENCRYPT_MODE, k);
            EncryptedData ed = dataCipher.getEncryptedData();
            KeyInfo ki = new KeyInfo(doc);
            ki.add(ek);
            ed.setKeyInfo(ki);
            container.appendChild(assertion);
            dataCipher.doFinal(doc, assertion, false);
        } catch (Exception e) {
            throw new IllegalStateException("cannot encrypt the assertion", e);
        }
    }
}

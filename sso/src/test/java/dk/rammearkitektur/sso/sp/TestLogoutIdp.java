package dk.rammearkitektur.sso.sp;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.algorithms.MessageDigestAlgorithm;
import org.apache.xml.security.c14n.Canonicalizer;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.transforms.Transforms;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The identity provider's side of single logout, written in the test independently of the SP code: LogoutRequests
 * and LogoutResponses built with the DOM, the Redirect binding done with {@link Deflater} and a JCA signature, the
 * POST binding signed with Santuario's XMLSignature. Every field is a knob a refusal test turns.
 */
final class TestLogoutIdp {
    static final String SLO = "https://fagsystem.test.example/saml/slo";
    static final String IDP_SLO = "https://idp.test.example/slo";
    static final String RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256";

    static {
        org.apache.xml.security.Init.init();
    }

    String id = "_lo" + Long.toHexString(System.nanoTime());
    String destination = SLO;
    String issuer = TestIdp.IDP_ENTITY;
    String inResponseTo;
    List<String> status = new ArrayList<>(List.of("urn:oasis:names:tc:SAML:2.0:status:Success"));
    Instant issueInstant;
    Instant notOnOrAfter;
    String nameId = "https://data.gov.dk/model/core/eid/professional/uuid/1b3f7e2a-55c1-4c8e-9d1b-2f0e4a6b8c91";
    String nameIdFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    String nameQualifier;
    List<String> sessionIndexes = new ArrayList<>(List.of("_session-1"));
    String relayState;
    boolean sign = true;
    TestIdp.Credential signer = TestIdp.IDP;
    /** POST only: the signature references a second element instead of the root (a wrapping attempt). */
    boolean signOtherElement;

    TestLogoutIdp(Instant now) {
        this.issueInstant = now;
    }

    Document response() {
        Document doc = newDocument();
        Element r = root(doc, "samlp:LogoutResponse");
        if (inResponseTo != null) {
            r.setAttribute("InResponseTo", inResponseTo);
        }
        r.appendChild(saml(doc, "Issuer", issuer));
        Element st = doc.createElementNS(TestIdp.SAMLP, "samlp:Status");
        Element parent = st;
        for (String code : status) {
            Element c = doc.createElementNS(TestIdp.SAMLP, "samlp:StatusCode");
            c.setAttribute("Value", code);
            parent.appendChild(c);
            parent = c;
        }
        r.appendChild(st);
        return doc;
    }

    Document request() {
        Document doc = newDocument();
        Element r = root(doc, "samlp:LogoutRequest");
        if (notOnOrAfter != null) {
            r.setAttribute("NotOnOrAfter", notOnOrAfter.toString());
        }
        r.appendChild(saml(doc, "Issuer", issuer));
        Element n = saml(doc, "NameID", nameId);
        n.setAttribute("Format", nameIdFormat);
        if (nameQualifier != null) {
            n.setAttribute("NameQualifier", nameQualifier);
        }
        r.appendChild(n);
        for (String s : sessionIndexes) {
            Element e = doc.createElementNS(TestIdp.SAMLP, "samlp:SessionIndex");
            e.setTextContent(s);
            r.appendChild(e);
        }
        return doc;
    }

    /** The raw query of the Redirect binding: {@code param=..&RelayState=..&SigAlg=..&Signature=..}. */
    String redirect(String param, Document doc) {
        try {
            String q = param + "=" + enc(Base64.getEncoder().encodeToString(deflate(TestIdp.serialize(doc))));
            if (relayState != null) {
                q += "&RelayState=" + enc(relayState);
            }
            if (!sign) {
                return q;
            }
            q += "&SigAlg=" + enc(RSA_SHA256);
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initSign(signer.keys().getPrivate());
            s.update(q.getBytes(StandardCharsets.UTF_8));
            return q + "&Signature=" + enc(Base64.getEncoder().encodeToString(s.sign()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base64 form field of the POST binding, with an enveloped signature after the Issuer. */
    String post(Document doc) {
        try {
            Element root = doc.getDocumentElement();
            if (sign) {
                Element target = root;
                if (signOtherElement) {
                    target = doc.createElementNS(TestIdp.SAMLP, "samlp:Extensions");
                    target.setAttribute("ID", "_other");
                    target.setIdAttribute("ID", true);
                    root.insertBefore(target, root.getFirstChild().getNextSibling());
                }
                XMLSignature sig = new XMLSignature(doc, "", XMLSignature.ALGO_ID_SIGNATURE_RSA_SHA256,
                        Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
                root.insertBefore(sig.getElement(), root.getFirstChild().getNextSibling());
                Transforms t = new Transforms(doc);
                t.addTransform(Transforms.TRANSFORM_ENVELOPED_SIGNATURE);
                t.addTransform(Transforms.TRANSFORM_C14N_EXCL_OMIT_COMMENTS);
                sig.addDocument("#" + target.getAttribute("ID"), t, MessageDigestAlgorithm.ALGO_ID_DIGEST_SHA256);
                sig.addKeyInfo(signer.certificate());
                sig.sign(signer.keys().getPrivate());
            }
            return Base64.getEncoder().encodeToString(TestIdp.serialize(doc).getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Element root(Document doc, String name) {
        Element r = doc.createElementNS(TestIdp.SAMLP, name);
        r.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:samlp", TestIdp.SAMLP);
        r.setAttributeNS("http://www.w3.org/2000/xmlns/", "xmlns:saml", TestIdp.SAML);
        doc.appendChild(r);
        r.setAttribute("ID", id);
        r.setIdAttribute("ID", true);
        r.setAttribute("Version", "2.0");
        r.setAttribute("IssueInstant", issueInstant.toString());
        if (destination != null) {
            r.setAttribute("Destination", destination);
        }
        return r;
    }

    private static Element saml(Document doc, String name, String text) {
        Element e = doc.createElementNS(TestIdp.SAML, "saml:" + name);
        e.setTextContent(text);
        return e;
    }

    private static Document newDocument() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().newDocument();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static byte[] deflate(String xml) {
        Deflater d = new Deflater(Deflater.DEFLATED, true);
        d.setInput(xml.getBytes(StandardCharsets.UTF_8));
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** What the SP sent by Redirect, read back independently: its parameters, the verified signature, the XML. */
    record Received(Map<String, String> decoded, Element message) {
    }

    static Received readRedirect(String url, String param, PublicKey spKey) {
        try {
            String query = url.substring(url.indexOf('?') + 1);
            Map<String, String> raw = new LinkedHashMap<>();
            for (String pair : query.split("&")) {
                int eq = pair.indexOf('=');
                raw.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
            String signed = param + "=" + raw.get(param)
                    + (raw.containsKey("RelayState") ? "&RelayState=" + raw.get("RelayState") : "")
                    + "&SigAlg=" + raw.get("SigAlg");
            Signature s = Signature.getInstance("SHA256withRSA");
            s.initVerify(spKey);
            s.update(signed.getBytes(StandardCharsets.UTF_8));
            if (!s.verify(Base64.getDecoder().decode(URLDecoder.decode(raw.get("Signature"), StandardCharsets.UTF_8)))) {
                throw new AssertionError("the SP's query signature does not verify");
            }
            Map<String, String> decoded = new LinkedHashMap<>();
            raw.forEach((k, v) -> decoded.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8)));
            Inflater inf = new Inflater(true);
            inf.setInput(Base64.getDecoder().decode(decoded.get(param)));
            byte[] buf = new byte[65536];
            int n = inf.inflate(buf);
            inf.end();
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(buf, 0, n));
            return new Received(decoded, d.getDocumentElement());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

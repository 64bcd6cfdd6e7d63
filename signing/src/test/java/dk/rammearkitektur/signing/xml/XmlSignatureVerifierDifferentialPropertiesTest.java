package dk.rammearkitektur.signing.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.DigestAlgorithm;
import dk.rammearkitektur.signing.SignatureAlgorithm;
import dk.rammearkitektur.signing.internal.DirectSignature;
import dk.rammearkitektur.signing.internal.IdRegistry;
import dk.rammearkitektur.signing.internal.VerificationScope;
import dk.rammearkitektur.signing.internal.Santuario;
import dk.rammearkitektur.signing.internal.StrTransform;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.xml.XMLConstants;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The direct verification path and Santuario's give the same verdict: on randomly generated signed documents (varying
 * namespaces, prefixes, whitespace, attribute order, comments, references, algorithms, the ds prefix, InclusiveNamespaces
 * prefix lists, enveloped and STR-Transform references, signatures from {@link XmlSigner} and from an independent
 * signer on Santuario's canonicaliser) both accept with the same signed elements and certificate, and the direct path
 * takes them; on mutations of them (byte flips in content, digests and signature values, moved and duplicated IDs,
 * wrapped elements, swapped algorithms, dropped or added structure) both refuse with the same exception, reason and
 * message, or both accept the same elements.
 */
class XmlSignatureVerifierDifferentialPropertiesTest {
    private static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    private static final String EC = "http://www.w3.org/2001/10/xml-exc-c14n#";
    private static final String WSU = IdRegistry.WSU;
    private static final String WSSE = StrTransform.WSSE;
    private static final String SAML = "urn:oasis:names:tc:SAML:2.0:assertion";
    private static final TestIdentity RSA = XmlSignatureTest.PKI.oces3Organisation();
    private static final TestIdentity ECKEY = XmlSignatureTest.PKI.oces3OrganisationEc();
    private static final SignatureTrust TRUST = SignatureTrust.pinned(RSA.certificate(), ECKEY.certificate());
    private static final AlgorithmPolicy SHA1 = AlgorithmPolicy.builder().allowSha1().build();
    private static final XmlSignatureVerifier DIRECT = XmlSignatureVerifier.builder(TRUST).build();
    private static final XmlSignatureVerifier SANTUARIO = XmlSignatureVerifier.builder(TRUST).direct(false).build();
    private static final XmlSignatureVerifier DIRECT_SHA1 = XmlSignatureVerifier.builder(TRUST).policy(SHA1).build();
    private static final XmlSignatureVerifier SANTUARIO_SHA1 =
            XmlSignatureVerifier.builder(TRUST).policy(SHA1).direct(false).build();
    private static final String[] ALGORITHMS = {
        SignatureAlgorithm.RSA_SHA256.uri(), SignatureAlgorithm.RSA_SHA512.uri(), SignatureAlgorithm.ECDSA_SHA256.uri(),
        SignatureAlgorithm.RSA_SHA1.uri(), DigestAlgorithm.SHA1.uri(), DigestAlgorithm.SHA256.uri(),
        DigestAlgorithm.SHA384.uri(), AlgorithmPolicy.EXC_C14N, AlgorithmPolicy.EXC_C14N_WITH_COMMENTS,
        AlgorithmPolicy.C14N, AlgorithmPolicy.ENVELOPED, AlgorithmPolicy.STR_TRANSFORM, AlgorithmPolicy.XPATH,
        "urn:unknown", ""};

    static {
        Santuario.init();
    }

    @Property(tries = 250)
    void sameVerdictOnValidAndMutatedSignatures(@ForAll long seed) throws Exception {
        Random r = new Random(seed);
        boolean sha1 = r.nextInt(8) == 0;
        String signed = sign(r, sha1);
        XmlSignatureVerifier direct = sha1 ? DIRECT_SHA1 : DIRECT;
        XmlSignatureVerifier santuario = sha1 ? SANTUARIO_SHA1 : SANTUARIO;
        String theirs = outcome(santuario, signed);
        assertTrue(theirs.startsWith("accepted"), () -> theirs + "\n" + signed);
        assertEquals(theirs, outcome(direct, signed), signed);
        assertEquals(theirs, outcomeInScope(direct, signed), () -> "in a verification scope: " + signed);
        Document doc = SecureXml.parse(signed);
        IdRegistry ids = IdRegistry.register(doc);
        NodeList sigs = doc.getElementsByTagNameNS(DS, "Signature");
        for (int i = 0; i < sigs.getLength(); i++) {
            assertNotNull(DirectSignature.parse((Element) sigs.item(i), ids), () -> "the direct path declined " + signed);
        }
        // SHA-1 under the default policy: refused by both, the same way.
        if (sha1) {
            assertEquals(outcome(SANTUARIO, signed), outcome(DIRECT, signed));
        }
        for (int m = 0; m < 6; m++) {
            String mutated = mutate(signed, r);
            String expected = outcome(santuario, mutated);
            assertEquals(expected, outcome(direct, mutated), mutated);
            assertEquals(expected, outcomeInScope(direct, mutated), () -> "in a verification scope: " + mutated);
            Statistics.label("mutated").collect(expected.startsWith("accepted") ? "accepted"
                    : expected.replaceAll(":.*", ""), tookDirectPath(mutated));
        }
        // Two defects at once: the refusal must name the same rule whichever check each path runs first.
        for (int m = 0; m < 3; m++) {
            String twice;
            try {
                twice = mutate(mutate(signed, r), r);
            } catch (RuntimeException e) {
                continue; // the first mutation left no well-formed XML to mutate again
            }
            String expected = outcome(santuario, twice);
            assertEquals(expected, outcome(direct, twice), twice);
            assertEquals(expected, outcomeInScope(direct, twice), () -> "in a verification scope: " + twice);
        }
    }

    @Test
    void aPolicyRefusalComesBeforeAReferenceRefusalOnBothPaths() throws Exception {
        String signed = null;
        for (int seed = 0; signed == null && seed < 200; seed++) {
            String candidate = sign(new Random(seed), false);
            if (firstSignatureReferences(SecureXml.parse(candidate)).getLength() >= 2) {
                signed = candidate;
            }
        }
        assertNotNull(signed, "no seed below 200 gives a first signature with two references");
        for (String defect : new String[] {"Type", "URI", "duplicate"}) {
            Document doc = SecureXml.parse(signed);
            NodeList refs = firstSignatureReferences(doc);
            Element last = (Element) refs.item(refs.getLength() - 1);
            ((Element) last.getElementsByTagNameNS(DS, "DigestMethod").item(0))
                    .setAttribute("Algorithm", DigestAlgorithm.SHA1.uri());
            Element first = (Element) refs.item(0);
            switch (defect) {
                case "Type" -> first.setAttribute("Type", DS + "Object");
                case "URI" -> first.setAttribute("URI", "#missing");
                default -> first.getParentNode().insertBefore(first.cloneNode(true), first);
            }
            String xml = SecureXml.toString(doc);
            String expected = outcome(SANTUARIO, xml);
            assertTrue(expected.startsWith("refused SignatureException signature.algorithm"), defect + ": " + expected);
            assertEquals(expected, outcome(DIRECT, xml), defect);
            assertNotNull(DirectSignature.parse((Element) doc.getElementsByTagNameNS(DS, "Signature").item(0),
                    IdRegistry.register(doc)), defect + ": the direct path reads it, so its order is the one tested");
        }
    }

    /** Whether the direct path reads every signature of the document (the rest goes to Santuario). */
    private static String tookDirectPath(String xml) {
        try {
            Document doc = SecureXml.parse(xml);
            IdRegistry ids = IdRegistry.register(doc);
            NodeList sigs = doc.getElementsByTagNameNS(DS, "Signature");
            for (int i = 0; i < sigs.getLength(); i++) {
                if (DirectSignature.parse((Element) sigs.item(i), ids) == null) {
                    return "santuario";
                }
            }
            return "direct";
        } catch (RuntimeException e) {
            return "-";
        }
    }

    @Test
    void theOutcomeTellsAValidSignatureFromATamperedOne() throws Exception {
        String signed = sign(new Random(7), false);
        Document doc = SecureXml.parse(signed);
        flipText((Element) doc.getElementsByTagNameNS(DS, "DigestValue").item(0), new Random(1));
        String tampered = SecureXml.toString(doc);
        assertTrue(outcome(DIRECT, signed).startsWith("accepted"), signed);
        assertTrue(outcome(DIRECT, tampered).startsWith("refused SignatureException signature.invalid"), tampered);
    }

    private static NodeList firstSignatureReferences(Document doc) {
        Element signature = (Element) doc.getElementsByTagNameNS(DS, "Signature").item(0);
        return ((Element) signature.getElementsByTagNameNS(DS, "SignedInfo").item(0)).getElementsByTagNameNS(DS, "Reference");
    }

    /**
     * {@link #outcome} inside one {@link VerificationScope} for the document, as a WS-Security verification runs it
     * (one ID scan, canonical forms shared between the signatures: the enveloped digest cut from a remembered form).
     */
    private static String outcomeInScope(XmlSignatureVerifier verifier, String xml) {
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (RuntimeException e) {
            return "unparseable";
        }
        try (VerificationScope scope = VerificationScope.open(doc)) {
            return outcome(verifier, doc);
        }
    }

    /** "accepted ..." with the signed IDs, certificate and method of each signature, or the refusal. */
    private static String outcome(XmlSignatureVerifier verifier, String xml) {
        Document doc;
        try {
            doc = SecureXml.parse(xml);
        } catch (RuntimeException e) {
            return "unparseable";
        }
        return outcome(verifier, doc);
    }

    private static String outcome(XmlSignatureVerifier verifier, Document doc) {
        try {
            StringBuilder b = new StringBuilder("accepted");
            for (VerifiedSignature v : verifier.verifyAll(doc)) {
                b.append(' ').append(v.signedIds()).append(' ').append(v.certificate().getSerialNumber())
                        .append(' ').append(v.signatureMethod());
                for (Element e : v.signedElements()) {
                    b.append(' ').append(path(e));
                }
            }
            return b.toString();
        } catch (RammearkitekturException e) {
            String reason = e instanceof SecurityCheckException s ? s.reason() : "-";
            return "refused " + e.getClass().getSimpleName() + " " + reason + ": " + e.getMessage();
        }
    }

    private static String path(Node n) {
        StringBuilder b = new StringBuilder();
        for (Node p = n; p instanceof Element e; p = p.getParentNode()) {
            int index = 0;
            for (Node s = e.getPreviousSibling(); s != null; s = s.getPreviousSibling()) {
                index += s instanceof Element ? 1 : 0;
            }
            b.insert(0, "/" + e.getLocalName() + "[" + index + "]");
        }
        return b.toString();
    }

    // ---- generation ------------------------------------------------------------------------------------------

    /** A random document, signed by one of four signers; returned as text. */
    private static String sign(Random r, boolean sha1) throws Exception {
        boolean token = r.nextBoolean();
        Document doc = SecureXml.parse(content(r, token));
        IdRegistry ids = IdRegistry.register(doc);
        Element data = ids.get("d1");
        Element other = ids.get("o1");
        Element holder = (Element) doc.getElementsByTagNameNS("urn:root", "Sig").item(0);
        List<Element> targets = new ArrayList<>(r.nextBoolean() ? List.of(data, other) : List.of(data));
        int signer = sha1 ? 3 : r.nextInt(4);
        switch (signer) {
            case 0 -> XmlSigner.builder(RSA.credential()).build().signDetached(holder, null, targets, null,
                    token ? List.of(ids.get("str1")) : List.of());
            case 1 -> XmlSigner.builder(ECKEY.credential()).build().signDetached(holder, null, targets, null,
                    token ? List.of(ids.get("str1")) : List.of());
            case 2 -> XmlSigner.builder(RSA.credential()).build().signEnveloped(data,
                    r.nextBoolean() ? null : data.getFirstChild());
            default -> referenceSign(r, doc, ids, holder, targets, token, sha1);
        }
        return SecureXml.toString(doc);
    }

    private static final String[] URIS = {"urn:a", "urn:b", "http://example.org/c", "urn:a#x&amp;y"};
    private static final String[] TEXTS = {"plain", "a &amp; b", "&lt;t&gt;", "x\"y'z", "cr&#13;lf", "tab\tnl\n",
        "Æblegrød ø 𝄞", "]]&gt;", "  ", ""};

    private static String content(Random r, boolean token) {
        StringBuilder b = new StringBuilder();
        b.append("<r:Root xmlns:r=\"urn:root\" xmlns:a=\"urn:a\" xmlns:wsu=\"").append(WSU).append('"');
        if (r.nextBoolean()) {
            b.append(" xmlns=\"urn:default\"");
        }
        b.append(">");
        space(r, b);
        b.append("<a:Data wsu:Id=\"d1\"");
        attributes(r, b);
        b.append('>');
        children(r, b, 3);
        b.append("</a:Data>");
        space(r, b);
        b.append("<Other Id=\"o1\"");
        attributes(r, b);
        b.append('>');
        children(r, b, 2);
        b.append("</Other>");
        if (token) {
            b.append("<saml2:Assertion xmlns:saml2=\"").append(SAML).append("\" ID=\"_tok1\" Version=\"2.0\">");
            children(r, b, 2);
            b.append("</saml2:Assertion><wsse:SecurityTokenReference xmlns:wsse=\"").append(WSSE)
                    .append("\" wsu:Id=\"str1\"><wsse:KeyIdentifier ValueType=\"").append(StrTransform.SAML_ID)
                    .append("\">_tok1</wsse:KeyIdentifier></wsse:SecurityTokenReference>");
        }
        space(r, b);
        b.append("<r:Sig/>");
        space(r, b);
        return b.append("</r:Root>").toString();
    }

    private static void space(Random r, StringBuilder b) {
        switch (r.nextInt(4)) {
            case 0 -> b.append("\n  ");
            case 1 -> b.append("<!-- c -->");
            case 2 -> b.append("<?pi data?>");
            default -> { }
        }
    }

    private static void attributes(Random r, StringBuilder b) {
        List<String> attrs = new ArrayList<>(List.of(" x=\"" + value(r) + "\"", " a:z=\"" + value(r) + "\"",
                " xml:lang=\"da\"", " b=\"2\""));
        java.util.Collections.shuffle(attrs, r);
        for (String a : attrs.subList(0, r.nextInt(attrs.size() + 1))) {
            b.append(a);
        }
    }

    private static final String[] VALUES = {"plain", "a &amp; b", "&lt;t&gt;", "x&quot;y'z", "tab&#9;nl&#10;cr&#13;",
        "Æ ø 𝄞", ""};

    private static String value(Random r) {
        return VALUES[r.nextInt(VALUES.length)];
    }

    private static String text(Random r) {
        return TEXTS[r.nextInt(TEXTS.length)];
    }

    private static void children(Random r, StringBuilder b, int depth) {
        int n = depth == 0 ? 0 : r.nextInt(4);
        for (int i = 0; i < n; i++) {
            space(r, b);
            String name;
            String decl = "";
            switch (r.nextInt(5)) {
                case 0 -> name = "a:e" + i;
                case 1 -> {
                    name = "p:e" + i;
                    decl = " xmlns:p=\"" + URIS[r.nextInt(URIS.length)] + "\"";
                }
                case 2 -> {
                    name = "e" + i;
                    decl = r.nextBoolean() ? " xmlns=\"\"" : " xmlns=\"" + URIS[r.nextInt(URIS.length)] + "\"";
                }
                case 3 -> {
                    name = "a:e" + i;
                    decl = " xmlns:a=\"" + URIS[r.nextInt(URIS.length)] + "\"";
                }
                default -> name = "e" + i;
            }
            b.append('<').append(name).append(decl);
            attributes(r, b);
            b.append('>');
            if (r.nextInt(5) == 0) {
                b.append("<![CDATA[x < y & z]]>");
            }
            b.append(text(r));
            children(r, b, depth - 1);
            b.append("</").append(name).append('>');
        }
    }

    /**
     * An independent signer: builds the ds:Signature as DOM with the chosen prefix, whitespace, prefix lists and
     * algorithms, and computes digests and SignedInfo over Santuario's canonicaliser.
     */
    private static void referenceSign(Random r, Document doc, IdRegistry ids, Element holder, List<Element> targets,
            boolean token, boolean sha1) throws Exception {
        String[] prefixes = {"ds", "dsig", ""};
        String p = prefixes[r.nextInt(prefixes.length)];
        boolean ec = !sha1 && r.nextBoolean();
        SignatureAlgorithm method = sha1 ? SignatureAlgorithm.RSA_SHA1 : ec
                ? new SignatureAlgorithm[] {SignatureAlgorithm.ECDSA_SHA256, SignatureAlgorithm.ECDSA_SHA384,
                    SignatureAlgorithm.ECDSA_SHA512}[r.nextInt(3)]
                : new SignatureAlgorithm[] {SignatureAlgorithm.RSA_SHA256, SignatureAlgorithm.RSA_SHA384,
                    SignatureAlgorithm.RSA_SHA512}[r.nextInt(3)];
        DigestAlgorithm digest = sha1 ? DigestAlgorithm.SHA1
                : new DigestAlgorithm[] {DigestAlgorithm.SHA256, DigestAlgorithm.SHA384, DigestAlgorithm.SHA512}[r.nextInt(3)];
        String[] lists = {null, "a", "#default a", "r wsu", "#default"};
        boolean enveloped = targets.size() == 1 && r.nextBoolean();
        Element parent = enveloped ? targets.get(0) : holder;
        boolean pretty = r.nextBoolean();
        Element sig = ds(doc, p, "Signature");
        sig.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, p.isEmpty() ? "xmlns" : "xmlns:" + p, DS);
        parent.insertBefore(sig, r.nextBoolean() ? null : parent.getFirstChild());
        Element si = add(sig, ds(doc, p, "SignedInfo"), pretty);
        Element c14n = add(si, ds(doc, p, "CanonicalizationMethod"), pretty);
        c14n.setAttributeNS(null, "Algorithm", AlgorithmPolicy.EXC_C14N);
        String siList = lists[r.nextInt(lists.length)];
        if (siList != null) {
            c14n.appendChild(inclusive(doc, siList));
        }
        add(si, ds(doc, p, "SignatureMethod"), pretty).setAttributeNS(null, "Algorithm", method.uri());
        List<Element> refTargets = new ArrayList<>(targets);
        if (token && r.nextBoolean()) {
            refTargets.add(ids.get("str1"));
        }
        List<Element> digestValues = new ArrayList<>();
        List<String> refLists = new ArrayList<>();
        for (Element t : refTargets) {
            Element ref = add(si, ds(doc, p, "Reference"), pretty);
            ref.setAttributeNS(null, "URI", "#" + IdRegistry.idOf(t));
            Element ts = add(ref, ds(doc, p, "Transforms"), pretty);
            String list = null;
            if (t == ids.get("str1")) {
                Element tr = add(ts, ds(doc, p, "Transform"), pretty);
                tr.setAttributeNS(null, "Algorithm", AlgorithmPolicy.STR_TRANSFORM);
                Element params = doc.createElementNS(WSSE, "wsse:TransformationParameters");
                params.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:wsse", WSSE);
                params.appendChild(ds(doc, p, "CanonicalizationMethod"));
                ((Element) params.getFirstChild()).setAttributeNS(null, "Algorithm", AlgorithmPolicy.EXC_C14N);
                tr.appendChild(params);
            } else {
                if (enveloped) {
                    add(ts, ds(doc, p, "Transform"), pretty).setAttributeNS(null, "Algorithm", AlgorithmPolicy.ENVELOPED);
                }
                Element tr = add(ts, ds(doc, p, "Transform"), pretty);
                tr.setAttributeNS(null, "Algorithm", r.nextInt(4) == 0 ? AlgorithmPolicy.EXC_C14N_WITH_COMMENTS
                        : AlgorithmPolicy.EXC_C14N);
                list = lists[r.nextInt(lists.length)];
                if (list != null) {
                    tr.appendChild(inclusive(doc, list));
                }
            }
            refLists.add(list);
            add(ref, ds(doc, p, "DigestMethod"), pretty).setAttributeNS(null, "Algorithm", digest.uri());
            digestValues.add(add(ref, ds(doc, p, "DigestValue"), pretty));
        }
        Element value = add(sig, ds(doc, p, "SignatureValue"), pretty);
        // Without KeyInfo the pinned certificates are tried in order and the RSA one throws for an ECDSA signature.
        if (ec || r.nextInt(3) > 0) {
            Element data = add(add(sig, ds(doc, p, "KeyInfo"), pretty), ds(doc, p, "X509Data"), pretty);
            add(data, ds(doc, p, "X509Certificate"), pretty).setTextContent(Base64.getMimeEncoder().encodeToString(
                    (ec ? ECKEY : RSA).certificate().getEncoded()));
        }
        MessageDigest md = MessageDigest.getInstance(switch (digest) {
            case SHA1 -> "SHA-1";
            case SHA256 -> "SHA-256";
            case SHA384 -> "SHA-384";
            case SHA512 -> "SHA-512";
        });
        for (int i = 0; i < refTargets.size(); i++) {
            Element t = refTargets.get(i);
            byte[] bytes;
            if (t == ids.get("str1")) {
                bytes = c14n(StrTransform.resolve(t), null);
            } else if (enveloped) {
                Node next = sig.getNextSibling();
                parent.removeChild(sig);
                bytes = c14n(t, refLists.get(i));
                parent.insertBefore(sig, next);
            } else {
                bytes = c14n(t, refLists.get(i));
            }
            digestValues.get(i).setTextContent(Base64.getEncoder().encodeToString(md.digest(bytes)));
        }
        String jca = method.digest().name() + (ec ? "withECDSAinP1363Format" : "withRSA");
        Signature engine = Signature.getInstance(jca);
        engine.initSign((ec ? ECKEY : RSA).privateKey());
        engine.update(c14n(si, siList));
        byte[] s = engine.sign();
        value.setTextContent(r.nextBoolean() ? Base64.getMimeEncoder(16, new byte[] {'\n'}).encodeToString(s)
                : Base64.getEncoder().encodeToString(s));
    }

    private static Element ds(Document doc, String prefix, String local) {
        return doc.createElementNS(DS, prefix.isEmpty() ? local : prefix + ":" + local);
    }

    private static Element add(Element parent, Element child, boolean pretty) {
        if (pretty) {
            parent.appendChild(parent.getOwnerDocument().createTextNode("\n    "));
        }
        parent.appendChild(child);
        return child;
    }

    private static Element inclusive(Document doc, String prefixList) {
        Element in = doc.createElementNS(EC, "ec:InclusiveNamespaces");
        in.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:ec", EC);
        in.setAttributeNS(null, "PrefixList", prefixList);
        return in;
    }

    private static byte[] c14n(Element e, String prefixList) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Canonicalizer c = Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS);
        if (prefixList == null) {
            c.canonicalizeSubtree(e, out);
        } else {
            c.canonicalizeSubtree(e, prefixList, out);
        }
        return out.toByteArray();
    }

    // ---- mutation --------------------------------------------------------------------------------------------

    private static String mutate(String xml, Random r) {
        Document doc = SecureXml.parse(xml);
        List<Element> all = new ArrayList<>();
        NodeList list = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < list.getLength(); i++) {
            all.add((Element) list.item(i));
        }
        List<Element> dsEls = all.stream().filter(e -> DS.equals(e.getNamespaceURI())).toList();
        List<Element> withId = all.stream().filter(e -> IdRegistry.idOf(e) != null).toList();
        Element any = all.get(r.nextInt(all.size()));
        switch (r.nextInt(11)) {
            case 0 -> {
                // a byte flip anywhere in the text
                int pos = r.nextInt(xml.length());
                char c = xml.charAt(pos);
                return xml.substring(0, pos) + (c == 'x' ? 'y' : 'x') + xml.substring(pos + 1);
            }
            case 1 -> flipText(named(dsEls, "DigestValue", r), r);
            case 2 -> flipText(named(dsEls, "SignatureValue", r), r);
            case 3 -> {
                // move an ID to another element
                Element from = withId.get(r.nextInt(withId.size()));
                String id = IdRegistry.idOf(from);
                from.removeAttributeNS(WSU, "Id");
                from.removeAttributeNS(null, "Id");
                from.removeAttributeNS(null, "ID");
                any.setAttributeNS(null, "Id", id);
            }
            case 4 -> {
                // duplicate an ID, possibly on the same element under another attribute
                Element from = withId.get(r.nextInt(withId.size()));
                (r.nextBoolean() ? from : any).setAttributeNS(null, r.nextBoolean() ? "ID" : "Id", IdRegistry.idOf(from));
            }
            case 5 -> {
                // wrapping: the signed original moves into a wrapper, a changed copy (with or without the ID) takes its place
                Element original = withId.get(r.nextInt(withId.size()));
                Element copy = (Element) original.cloneNode(true);
                copy.appendChild(doc.createTextNode("evil"));
                if (r.nextBoolean()) {
                    copy.removeAttributeNS(WSU, "Id");
                    copy.removeAttributeNS(null, "Id");
                    copy.removeAttributeNS(null, "ID");
                }
                original.getParentNode().replaceChild(copy, original);
                Element wrapper = doc.createElementNS("urn:w", "w:Wrapper");
                wrapper.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:w", "urn:w");
                wrapper.appendChild(original);
                doc.getDocumentElement().appendChild(wrapper);
            }
            case 6 -> {
                // swap an algorithm
                List<Element> algs = dsEls.stream().filter(e -> e.hasAttribute("Algorithm")).toList();
                algs.get(r.nextInt(algs.size())).setAttribute("Algorithm", ALGORITHMS[r.nextInt(ALGORITHMS.length)]);
            }
            case 7 -> {
                // a comment or whitespace inserted somewhere
                any.insertBefore(r.nextBoolean() ? doc.createComment("x") : doc.createTextNode(" "),
                        any.getChildNodes().item(r.nextInt(any.getChildNodes().getLength() + 1)));
            }
            case 8 -> {
                // a ds element dropped or duplicated
                Element victim = dsEls.get(r.nextInt(dsEls.size()));
                if (victim.getParentNode() instanceof Element parent) {
                    if (r.nextBoolean()) {
                        parent.removeChild(victim);
                    } else {
                        parent.insertBefore(victim.cloneNode(true), victim);
                    }
                }
            }
            case 9 -> {
                // a namespace declaration changed (possibly to a relative URI)
                List<Element> declaring = all.stream().filter(e -> e.hasAttribute("xmlns:a") || e.hasAttribute("xmlns:p")
                        || e.hasAttribute("xmlns")).toList();
                if (!declaring.isEmpty()) {
                    Element e = declaring.get(r.nextInt(declaring.size()));
                    String name = e.hasAttribute("xmlns:a") ? "xmlns:a" : e.hasAttribute("xmlns:p") ? "xmlns:p" : "xmlns";
                    String[] values = {"urn:changed", "relative", "", "urn:a"};
                    String v = values[r.nextInt(values.length)];
                    if (v.isEmpty() && !name.equals("xmlns")) {
                        v = "urn:z";
                    }
                    e.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, name, v);
                }
                return SecureXml.toString(doc);
            }
            default -> {
                // a foreign element or an InclusiveNamespaces list in the SignedInfo structure
                Element target = dsEls.get(r.nextInt(dsEls.size()));
                target.appendChild(r.nextBoolean() ? inclusive(doc, "a #default")
                        : doc.createElementNS("urn:foreign", "f:x"));
            }
        }
        return SecureXml.toString(doc);
    }

    private static Element named(List<Element> els, String local, Random r) {
        List<Element> found = els.stream().filter(e -> local.equals(e.getLocalName())).toList();
        return found.get(r.nextInt(found.size()));
    }

    private static void flipText(Element e, Random r) {
        String t = e.getTextContent();
        if (t.isEmpty()) {
            e.setTextContent("AAAA");
            return;
        }
        int pos = r.nextInt(t.length());
        char c = t.charAt(pos);
        e.setTextContent(t.substring(0, pos) + (c == 'A' ? 'B' : c == '=' ? '*' : 'A') + t.substring(pos + 1));
    }
}

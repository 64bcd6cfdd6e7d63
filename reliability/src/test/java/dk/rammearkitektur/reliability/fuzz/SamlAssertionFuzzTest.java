package dk.rammearkitektur.reliability.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.saml.SamlAssertionVerifier;
import dk.rammearkitektur.signing.saml.TrustedIssuer;
import dk.rammearkitektur.signing.xml.XmlSigner;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * SAML assertion parsing ({@link SamlAssertion#parse}) and verification fed random text, textual mutations and
 * structural (DOM) mutations of a signed holder-of-key assertion: only our exceptions escape, every input is
 * answered within two seconds, and whenever a mutated assertion still verifies, what it says is exactly what the
 * STS signed. The signing module's own tests cover the named attacks (wrapping, stripping, SHA-1, key substitution).
 */
class SamlAssertionFuzzTest {
    static final TestPki PKI = TestPki.generateFast(3);
    static final TestIdentity STS = PKI.oces3Organisation();
    static final Instant T0 = Instant.parse("2027-03-01T12:00:00Z");
    static final String AUDIENCE = "http://entityid.kombit.dk/service/sagdokumentindeks/6";
    static final Duration LIMIT = Duration.ofSeconds(2);
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String SIGNED;
    static final Fingerprint ORIGINAL;

    static {
        SamlAssertion a = SamlAssertion.builder().issuer("https://sts.test.rammearkitektur.dk")
                .subject("C=DK,CN=Testsystem").holderOfKey(PKI.oces3Employee().certificate()).audience(AUDIENCE)
                .issueInstant(T0).validity(T0, T0.plus(Duration.ofHours(8)))
                .attribute(SamlAssertion.CVR_ATTRIBUTE, PKI.cvr()).attribute(SamlAssertion.SPEC_VER_ATTRIBUTE, "D0.1")
                .sign(XmlSigner.builder(STS.credential()).build());
        SIGNED = SecureXml.toString(a.element().getOwnerDocument());
        ORIGINAL = Fingerprint.of(verifier().verify(SecureXml.parse(SIGNED).getDocumentElement()));
    }

    /** What a verified assertion says. */
    record Fingerprint(String id, String issuer, String subject, Instant notOnOrAfter, List<String> audiences,
            String attributes) {
        static Fingerprint of(SamlAssertion a) {
            return new Fingerprint(a.id(), a.issuer(), a.subject(), a.notOnOrAfter(), a.audiences(),
                    a.attributes().toString());
        }
    }

    static SamlAssertionVerifier verifier() {
        return SamlAssertionVerifier.builder(TrustedIssuer.pinned("https://sts.test.rammearkitektur.dk", STS.certificate())).audience(AUDIENCE)
                .clock(Clock.fixed(T0.plus(Duration.ofHours(1)), ZoneOffset.UTC)).build();
    }

    /** Parses and verifies {@code xml}; when it verifies, it must say what was signed. */
    private static void parseAndVerify(String xml) {
        Optional<SamlAssertion> verified = Fuzz.onlyOurs(LIMIT, () -> {
            Element root = SecureXml.parse(xml).getDocumentElement();
            SamlAssertion.parse(root);
            return verifier().verify(root);
        });
        verified.ifPresent(v -> assertEquals(ORIGINAL, Fingerprint.of(v), "a mutated assertion verified: " + xml));
    }

    @Property(tries = 300)
    void randomText(@ForAll("texts") String text) {
        parseAndVerify(text);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("<>/=\"' :abcdefsamlAssertion").ofMaxLength(300),
                Arbitraries.of("<saml:Assertion xmlns:saml='" + SamlAssertion.NS + "'/>",
                        "<Assertion xmlns='" + SamlAssertion.NS + "' ID='x'><Issuer/></Assertion>"));
    }

    @Property(tries = 500)
    void textualMutations(@ForAll("edits") List<Mutation> edits) {
        parseAndVerify(Mutation.applyAll(edits, SIGNED));
    }

    @Provide
    Arbitrary<List<Mutation>> edits() {
        return Mutation.some();
    }

    /** A structural edit of one node, picked by its index in document order. */
    record DomEdit(int kind, int node, String text) {
        void apply(Document doc) {
            List<Element> all = new ArrayList<>();
            collect(doc.getDocumentElement(), all);
            Element e = all.get(Math.floorMod(node, all.size()));
            switch (kind) {
                case 0 -> {
                    if (e.getParentNode() instanceof Element p) {
                        p.removeChild(e);
                    }
                }
                case 1 -> {
                    if (e.getParentNode() instanceof Element p) {
                        p.insertBefore(e.cloneNode(true), e);
                    }
                }
                case 2 -> e.setTextContent(text);
                case 3 -> {
                    NamedNodeMap attrs = e.getAttributes();
                    if (attrs.getLength() > 0) {
                        ((Attr) attrs.item(Math.floorMod(text.length(), attrs.getLength()))).setValue(text);
                    }
                }
                case 4 -> {
                    NamedNodeMap attrs = e.getAttributes();
                    if (attrs.getLength() > 0) {
                        e.removeAttributeNode((Attr) attrs.item(Math.floorMod(text.length(), attrs.getLength())));
                    }
                }
                default -> {
                    Element root = doc.getDocumentElement();
                    if (e != root && e.getParentNode() instanceof Element p) {
                        p.removeChild(e);
                        root.appendChild(e);
                    }
                }
            }
        }

        static void collect(Element e, List<Element> out) {
            out.add(e);
            NodeList kids = e.getChildNodes();
            for (int i = 0; i < kids.getLength(); i++) {
                Node k = kids.item(i);
                if (k instanceof Element c) {
                    collect(c, out);
                }
            }
        }
    }

    @Property(tries = 500)
    void structuralMutations(@ForAll("domEdits") List<DomEdit> edits) {
        Document doc = SecureXml.parse(SIGNED);
        for (DomEdit e : edits) {
            e.apply(doc);
        }
        parseAndVerify(SecureXml.toString(doc));
    }

    @org.junit.jupiter.api.Test
    void digestMethodWithoutAlgorithmIsATypedRefusal() {
        for (boolean remove : new boolean[] {true, false}) {
            Document doc = SecureXml.parse(SIGNED);
            Element digestMethod = (Element) doc.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#",
                    "DigestMethod").item(0);
            if (remove) {
                digestMethod.removeAttribute("Algorithm");
            } else {
                digestMethod.setAttribute("Algorithm", "");
            }
            Element root = doc.getDocumentElement();
            org.junit.jupiter.api.Assertions.assertThrows(dk.rammearkitektur.signing.SignatureException.class,
                    () -> verifier().verify(root));
        }
    }

    @org.junit.jupiter.api.Test
    void signedInfoWithoutReferenceIsATypedRefusal() {
        Document doc = SecureXml.parse(SIGNED);
        Element reference = (Element) doc.getElementsByTagNameNS(DS, "Reference").item(0);
        reference.getParentNode().removeChild(reference);
        Element root = doc.getDocumentElement();
        org.junit.jupiter.api.Assertions.assertThrows(dk.rammearkitektur.signing.SignatureException.class,
                () -> verifier().verify(root));
    }

    @org.junit.jupiter.api.Test
    void algorithmUrisAreMaskedInMessages() {
        Document doc = SecureXml.parse(SIGNED);
        ((Element) doc.getElementsByTagNameNS(DS, "CanonicalizationMethod").item(0))
                .setAttribute("Algorithm", "0101901234");
        Element root = doc.getDocumentElement();
        RuntimeException e = org.junit.jupiter.api.Assertions.assertThrows(
                dk.rammearkitektur.signing.SignatureException.class, () -> verifier().verify(root));
        org.junit.jupiter.api.Assertions.assertFalse(
                dk.rammearkitektur.core.PersonalData.containsCprNumber(e.getMessage()), e.getMessage());
    }

    /** Every element but the root removed, one at a time. */
    @org.junit.jupiter.api.Test
    void everySingleElementRemoved() {
        List<String> failures = new ArrayList<>();
        for (int node = 1;; node++) {
            Document doc = SecureXml.parse(SIGNED);
            List<Element> all = new ArrayList<>();
            DomEdit.collect(doc.getDocumentElement(), all);
            if (node >= all.size()) {
                break;
            }
            Element e = all.get(node);
            e.getParentNode().removeChild(e);
            try {
                parseAndVerify(SecureXml.toString(doc));
            } catch (AssertionError err) {
                failures.add("removed " + e.getTagName() + " (element " + node + "): " + err.getMessage());
            }
        }
        assertEquals(List.of(), failures);
    }

    /** Every attribute of every element removed, and set to empty, one at a time. */
    @org.junit.jupiter.api.Test
    void everySingleAttributeRemovedOrEmptied() {
        List<String> failures = new ArrayList<>();
        int elements = 0;
        for (int node = 0;; node++) {
            Document probe = SecureXml.parse(SIGNED);
            List<Element> all = new ArrayList<>();
            DomEdit.collect(probe.getDocumentElement(), all);
            if (node >= all.size()) {
                elements = all.size();
                break;
            }
            Element e = all.get(node);
            for (int a = 0; a < e.getAttributes().getLength(); a++) {
                String name = e.getTagName() + "@" + e.getAttributes().item(a).getNodeName();
                for (boolean remove : new boolean[] {true, false}) {
                    Document doc = SecureXml.parse(SIGNED);
                    List<Element> els = new ArrayList<>();
                    DomEdit.collect(doc.getDocumentElement(), els);
                    Element target = els.get(node);
                    Attr attr = (Attr) target.getAttributes().item(a);
                    if (remove) {
                        target.removeAttributeNode(attr);
                    } else {
                        attr.setValue("");
                    }
                    try {
                        parseAndVerify(SecureXml.toString(doc));
                    } catch (AssertionError err) {
                        failures.add((remove ? "removed " : "emptied ") + name + ": " + err.getMessage());
                    }
                }
            }
        }
        assertEquals(List.of(), failures, elements + " elements probed");
    }

    @Provide
    Arbitrary<List<DomEdit>> domEdits() {
        Arbitrary<String> text = Arbitraries.oneOf(Arbitraries.of(Mutation.NASTY).filter(SamlAssertionFuzzTest::xmlSafe),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30));
        return Combinators.combine(Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 200), text)
                .as(DomEdit::new).list().ofMinSize(1).ofMaxSize(3);
    }

    private static boolean xmlSafe(String s) {
        return s.chars().allMatch(c -> c == '\t' || c == '\n' || c == '\r' || (c >= ' ' && c < 0xD800)
                || (c > 0xDFFF && c < 0xFFFE));
    }
}

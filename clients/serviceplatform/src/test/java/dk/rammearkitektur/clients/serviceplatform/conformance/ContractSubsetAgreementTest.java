package dk.rammearkitektur.clients.serviceplatform.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SDK's own contract files (hand-written subsets in the clients module) agree with the published SF1520 and
 * SF1530 contracts in {@code ../shared/conformance/serviceplatformen} for everything they keep: every kept top-level
 * element, complex type and simple type exists in the published files in the same namespace; elements have the same
 * type; complex types have the same kind of model group, the same base type, kept particles with the same name or
 * reference, type, minOccurs and maxOccurs and in the published order, every left-out particle optional, and the same
 * required attributes; simple types have the same base and facets. Skipped (with the reason) when the published
 * files are absent.
 */
class ContractSubsetAgreementTest {
    private static final String XS = "http://www.w3.org/2001/XMLSchema";
    private static final String BASE = "/dk/rammearkitektur/clients/serviceplatform/";
    private static final List<String> OWN = List.of("sp/InvocationContext_1.xsd", "sp/PNR_1.xsd",
            "sp/ServiceplatformFault_1.xsd", "cpr/PersonBaseDataExtended_4.xsd", "cvr/CvrOnline_2.xsd",
            "cvr/CvrOnline_2_messages.xsd", "cvr/CvrOnline_2_data.xsd", "cvr/oio/xkom-2006.xsd", "cvr/oio/xkom-2005.xsd",
            "cvr/oio/cpr-core-2005.xsd", "cvr/oio/dkcc-2003.xsd", "cvr/oio/dkcc-2005.xsd", "cvr/oio/itst-2005.xsd",
            "cvr/oio/cvr-2005.xsd");

    static Path published() {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        Path p = dir == null || dir.isBlank() ? null : Path.of(dir, "conformance", "serviceplatformen");
        Assumptions.assumeTrue(p != null && Files.isDirectory(p.resolve("sf1520-cpr-personbasedataextended-4"))
                && Files.isDirectory(p.resolve("sf1530-cvr-online-2")),
                "published Serviceplatformen contracts not found: system property rammearkitektur.shared.dir is unset"
                        + " or has no conformance/serviceplatformen");
        return p;
    }

    /** Top-level declarations of the published SF1520 and SF1530 files, by "kind {namespace}name". */
    private static Map<String, Element> publishedDeclarations(Path root) throws IOException {
        Map<String, Element> out = new HashMap<>();
        for (String folder : List.of("sf1520-cpr-personbasedataextended-4", "sf1530-cvr-online-2")) {
            try (Stream<Path> files = Files.walk(root.resolve(folder))) {
                for (Path f : files.filter(x -> x.toString().endsWith(".xsd")).toList()) {
                    try (InputStream in = Files.newInputStream(f)) {
                        index(SecureXml.parse(in), out);
                    }
                }
            }
        }
        return out;
    }

    private static void index(Document d, Map<String, Element> out) {
        Element schema = d.getDocumentElement();
        String tns = schema.getAttribute("targetNamespace");
        for (Element e : kids(schema)) {
            if (!e.getAttribute("name").isEmpty()) {
                out.put(e.getLocalName() + " {" + tns + "}" + e.getAttribute("name"), e);
            }
        }
    }

    @Test
    void everyKeptDeclarationAgreesWithThePublishedOne() throws Exception {
        Map<String, Element> published = publishedDeclarations(published());
        List<String> problems = new ArrayList<>();
        int compared = 0;
        for (String own : OWN) {
            Document d;
            try (InputStream in = getClass().getResourceAsStream(BASE + own)) {
                d = SecureXml.parse(in);
            }
            Map<String, Element> mine = new HashMap<>();
            index(d, mine);
            for (Map.Entry<String, Element> e : mine.entrySet()) {
                Element theirs = published.get(e.getKey());
                if (theirs == null) {
                    problems.add(own + ": " + e.getKey() + " is not in the published contracts");
                    continue;
                }
                compare(own + ": " + e.getKey(), e.getValue(), theirs, problems);
                compared++;
            }
        }
        assertTrue(compared > 100, "compared only " + compared);
        assertEquals(List.of(), problems);
    }

    @Test
    void theComparisonCatchesADifference() throws Exception {
        Map<String, Element> published = publishedDeclarations(published());
        Document d = SecureXml.parse("<xsd:schema xmlns:xsd='" + XS + "' xmlns:t='urn:t' targetNamespace='"
                + "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/'>"
                + "<xsd:complexType name='usikkerhedDatoType'><xsd:sequence>"
                + "<xsd:element name='dato' type='xsd:dateTime'/></xsd:sequence></xsd:complexType>"
                + "<xsd:complexType name='persondataType'><xsd:sequence>"
                + "<xsd:element name='personnummer' type='xsd:string' minOccurs='0'/></xsd:sequence></xsd:complexType>"
                + "</xsd:schema>");
        Map<String, Element> mine = new HashMap<>();
        index(d, mine);
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Element> e : mine.entrySet()) {
            compare(e.getKey(), e.getValue(), published.get(e.getKey()), problems);
        }
        String all = String.join("\n", problems);
        assertTrue(all.contains("dato"), all);
        assertTrue(all.contains("antalBoernUnder18"), all);
        assertTrue(all.contains("personnummer"), all);
    }

    private static void compare(String where, Element mine, Element theirs, List<String> problems) {
        switch (mine.getLocalName()) {
            case "element" -> {
                same(where + " type", qname(mine, "type"), qname(theirs, "type"), problems);
                Element a = kid(mine, "complexType");
                Element b = kid(theirs, "complexType");
                if (a != null || b != null) {
                    if (a == null || b == null) {
                        problems.add(where + ": anonymous type on one side only");
                    } else {
                        compareComplex(where, a, b, problems);
                    }
                }
            }
            case "complexType" -> compareComplex(where, mine, theirs, problems);
            case "simpleType" -> same(where + " restriction", restriction(mine), restriction(theirs), problems);
            default -> problems.add(where + ": unexpected declaration " + mine.getLocalName());
        }
    }

    private static void compareComplex(String where, Element mine, Element theirs, List<String> problems) {
        Element a = content(mine);
        Element b = content(theirs);
        same(where + " content", a.getLocalName(), b.getLocalName(), problems);
        same(where + " base", qname(a, "base"), qname(b, "base"), problems);
        Element ga = group(a);
        Element gb = group(b);
        same(where + " model group", ga == null ? null : ga.getLocalName(), gb == null ? null : gb.getLocalName(), problems);
        List<String> pa = ga == null ? List.of() : particles(ga);
        List<String> pb = gb == null ? List.of() : particles(gb);
        int j = 0;
        for (String p : pa) {
            int found = pb.subList(j, pb.size()).indexOf(p);
            if (found < 0) {
                problems.add(where + ": particle " + p + " differs from the published ones " + pb);
                continue;
            }
            for (String skipped : pb.subList(j, j + found)) {
                requireOptional(where, skipped, problems);
            }
            j += found + 1;
        }
        for (String skipped : pb.subList(Math.min(j, pb.size()), pb.size())) {
            requireOptional(where, skipped, problems);
        }
        List<String> aa = attributes(a);
        List<String> ab = attributes(b);
        for (String x : aa) {
            if (!ab.contains(x)) {
                problems.add(where + ": attribute " + x + " is not published");
            }
        }
        for (String x : ab) {
            if (x.contains("use=required") && !aa.contains(x)) {
                problems.add(where + ": required attribute " + x + " is left out");
            }
        }
    }

    private static void requireOptional(String where, String particle, List<String> problems) {
        if (!particle.contains("min=0")) {
            problems.add(where + ": required published particle " + particle + " is left out");
        }
    }

    /** The element holding the model group and attributes: the type itself, or its extension/restriction. */
    private static Element content(Element complexType) {
        for (String c : List.of("complexContent", "simpleContent")) {
            Element cc = kid(complexType, c);
            if (cc != null) {
                Element ext = kid(cc, "extension");
                return ext != null ? ext : kid(cc, "restriction");
            }
        }
        return complexType;
    }

    private static Element group(Element holder) {
        for (String g : List.of("sequence", "all", "choice")) {
            Element e = kid(holder, g);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    private static List<String> particles(Element group) {
        List<String> out = new ArrayList<>();
        for (Element p : kids(group)) {
            if ("element".equals(p.getLocalName())) {
                String id = p.hasAttribute("ref") ? "ref=" + qname(p, "ref") : "name=" + p.getAttribute("name")
                        + " type=" + qname(p, "type");
                out.add(id + " min=" + occurs(p, "minOccurs") + " max=" + occurs(p, "maxOccurs"));
            } else {
                out.add(p.getLocalName() + " min=" + occurs(p, "minOccurs") + " " + particles(p));
            }
        }
        return out;
    }

    private static List<String> attributes(Element holder) {
        List<String> out = new ArrayList<>();
        for (Element a : kids(holder)) {
            if ("attribute".equals(a.getLocalName())) {
                out.add(a.getAttribute("name") + " type=" + qname(a, "type") + " use="
                        + (a.hasAttribute("use") ? a.getAttribute("use") : "optional"));
            }
        }
        return out;
    }

    private static String restriction(Element simpleType) {
        Element r = kid(simpleType, "restriction");
        if (r == null) {
            return "not a restriction";
        }
        StringBuilder b = new StringBuilder("base=" + qname(r, "base"));
        for (Element f : kids(r)) {
            if (!"annotation".equals(f.getLocalName())) {
                b.append(' ').append(f.getLocalName()).append('=').append(f.getAttribute("value"));
            }
        }
        return b.toString();
    }

    private static String occurs(Element e, String attr) {
        return e.hasAttribute(attr) ? e.getAttribute(attr) : "1";
    }

    /** A QName-valued attribute resolved to {namespace}local, or null when absent. */
    private static String qname(Element e, String attr) {
        if (!e.hasAttribute(attr)) {
            return null;
        }
        String v = e.getAttribute(attr).trim();
        int colon = v.indexOf(':');
        String prefix = colon < 0 ? null : v.substring(0, colon);
        String ns = e.lookupNamespaceURI(prefix);
        return "{" + (ns == null ? "" : ns) + "}" + v.substring(colon + 1);
    }

    private static void same(String what, String a, String b, List<String> problems) {
        if (!java.util.Objects.equals(a, b)) {
            problems.add(what + ": " + a + " but published " + b);
        }
    }

    private static Element kid(Element parent, String local) {
        for (Element e : kids(parent)) {
            if (local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }

    private static List<Element> kids(Node parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && XS.equals(e.getNamespaceURI())) {
                out.add(e);
            }
        }
        return out;
    }

    @Test
    void theOwnFilesAreNotCopies() throws Exception {
        Path root = published();
        for (String own : OWN) {
            byte[] mine;
            try (InputStream in = getClass().getResourceAsStream(BASE + own)) {
                mine = in.readAllBytes();
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(java.util.Arrays.equals(mine, Files.readAllBytes(f)), own + " is a copy of " + f);
                }
            }
        }
    }
}

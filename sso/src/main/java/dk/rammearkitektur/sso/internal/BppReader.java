package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.XmlSecurityException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.sso.privileges.BppNamespace;
import dk.rammearkitektur.sso.privileges.DataConstraint;
import dk.rammearkitektur.sso.privileges.ItSystemConstraint;
import dk.rammearkitektur.sso.privileges.KleConstraint;
import dk.rammearkitektur.sso.privileges.OrgUnitConstraint;
import dk.rammearkitektur.sso.privileges.PrivilegeGroup;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import dk.rammearkitektur.sso.privileges.PrivilegeScope;
import dk.rammearkitektur.sso.privileges.RawConstraint;
import dk.rammearkitektur.sso.privileges.SensitivityConstraint;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Reads an OIO-BPP privilege list from XML bytes on a hardened DOM parser. Not API: use {@link PrivilegeList}. */
public final class BppReader {
    /** After this many violations the reader stops collecting and reports what it has. */
    static final int MAX_VIOLATIONS = 20;
    private static final String ROOT = "privilegeList";
    private static final Pattern LINE_COLUMN = Pattern.compile("\\(line \\d+, column \\d+\\)");

    /**
     * What was read.
     *
     * @param groups the groups in document order
     * @param namespace the root's namespace
     */
    public record Read(List<PrivilegeGroup> groups, BppNamespace namespace) {
    }

    private BppReader() {
    }

    /** Reads the list; see {@link PrivilegeList#parse(String)} for the rules and exceptions. */
    public static Read read(byte[] xml) {
        if (xml.length > PrivilegeList.MAX_XML_BYTES) {
            throw new ValidationException(ROOT, "must be at most " + PrivilegeList.MAX_XML_BYTES + " bytes of XML");
        }
        if (xml.length == 0) {
            throw new ValidationException(ROOT, "must not be empty");
        }
        Document doc = parse(xml);
        Element root = doc.getDocumentElement();
        if (!"PrivilegeList".equals(root.getLocalName())) {
            throw new ValidationException(ROOT, "the root element must be PrivilegeList");
        }
        BppNamespace ns = BppNamespace.fromUri(root.getNamespaceURI()).orElseThrow(() -> new ValidationException(ROOT,
                "the root's namespace must be " + BppNamespace.V1_0_1.uri() + " (BPP 1.0.1) or "
                        + BppNamespace.V1_2.uri() + " (BPP 1.2)"));
        Violations v = Violations.at("");
        List<PrivilegeGroup> groups = new ArrayList<>();
        int index = 0;
        for (Node n = root.getFirstChild(); n != null && v.list().size() < MAX_VIOLATIONS; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                Element e = (Element) n;
                if (!isProfileElement(e, ns, "PrivilegeGroup")) {
                    v.add(ROOT, "may hold only PrivilegeGroup elements, not " + describe(e));
                    continue;
                }
                String path = ROOT + ".privilegeGroup[" + index++ + "]";
                try {
                    groups.add(group(e, ns, path));
                } catch (ValidationException ex) {
                    v.addAll(ex);
                }
            } else if (isText(n)) {
                v.add(ROOT, "must not hold text between its elements");
            }
        }
        v.throwIfAny();
        return new Read(List.copyOf(groups), ns);
    }

    /**
     * Parses on the hardened parser. The exceptions thrown carry no cause and no text from the parser, which may echo
     * the input (personal data): only the rule broken and the line and column.
     */
    private static Document parse(byte[] xml) {
        try {
            return SecureXml.parse(new ByteArrayInputStream(xml));
        } catch (XmlSecurityException e) {
            throw new XmlSecurityException(e.reason(), ROOT + ": " + e.getMessage()
                    + " (a privilege list is data: no DTD, entity or external reference)", null);
        } catch (XmlParseException e) {
            String message = String.valueOf(e.getMessage());
            String lower = message.toLowerCase(Locale.ROOT);
            String where = where(message);
            if (lower.contains("entity") && (lower.contains("referenced") || lower.contains("declared")
                    || lower.contains("entity name") || lower.contains("entity reference"))) {
                throw new XmlSecurityException("xml.entity", ROOT
                        + ": XML refused: entity references other than the predefined ones are not allowed" + where, null);
            }
            throw new XmlParseException(ROOT + ": XML is not well-formed" + where, null);
        }
    }

    private static String where(String message) {
        Matcher m = LINE_COLUMN.matcher(message);
        return m.find() ? " " + m.group() : "";
    }

    private static PrivilegeGroup group(Element g, BppNamespace ns, String path) {
        Violations v = Violations.at(path);
        PrivilegeScope scope = null;
        if (!g.hasAttribute("Scope")) {
            v.add("scope", "the Scope attribute is required");
        } else {
            scope = v.nested("", () -> PrivilegeScope.parse(g.getAttribute("Scope")));
        }
        List<String> privileges = new ArrayList<>();
        List<DataConstraint> constraints = new ArrayList<>();
        int p = 0;
        int c = 0;
        for (Node n = g.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                Element e = (Element) n;
                if (isProfileElement(e, ns, "Privilege")) {
                    String at = "privilege[" + p++ + "]";
                    String text = textOnly(e, v, at);
                    if (text != null) {
                        privileges.add(text.strip());
                    }
                } else if (isProfileElement(e, ns, "Constraint")) {
                    String at = "constraint[" + c++ + "]";
                    String text = textOnly(e, v, at);
                    if (!e.hasAttribute("Name")) {
                        v.add(at + ".name", "the Name attribute is required");
                    } else if (text != null) {
                        DataConstraint dc = v.nested(at, () -> constraint(e.getAttribute("Name").strip(), text));
                        if (dc != null) {
                            constraints.add(dc);
                        }
                    }
                } else {
                    v.add("", "may hold only Privilege and Constraint elements, not " + describe(e));
                }
            } else if (isText(n)) {
                v.add("", "must not hold text between its elements");
            }
        }
        if (v.isEmpty()) {
            PrivilegeScope s = scope;
            PrivilegeGroup group = v.nested("", () -> new PrivilegeGroup(s, privileges, constraints));
            v.throwIfAny();
            return group;
        }
        v.throwIfAny();
        throw new IllegalStateException("unreachable");
    }

    /** Builds the typed constraint for a name from its text; throws ValidationException at {@code name}/{@code value}. */
    static DataConstraint constraint(String name, String text) {
        List<String> values = SsoTexts.split(text);
        switch (name) {
            case DataConstraint.KLE:
                return new KleConstraint(values);
            case DataConstraint.ORG_UNIT:
                return new OrgUnitConstraint(values);
            case DataConstraint.SENSITIVITY:
                return new SensitivityConstraint(values);
            case DataConstraint.IT_SYSTEM:
                return new ItSystemConstraint(values);
            default:
                return new RawConstraint(name, values);
        }
    }

    private static String textOnly(Element e, Violations v, String at) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                v.add(at, "must hold text only, not elements");
                return null;
            }
        }
        return e.getTextContent();
    }

    private static boolean isProfileElement(Element e, BppNamespace ns, String localName) {
        String uri = e.getNamespaceURI();
        return localName.equals(e.getLocalName()) && (uri == null || uri.isEmpty() || uri.equals(ns.uri()));
    }

    private static boolean isText(Node n) {
        short t = n.getNodeType();
        return (t == Node.TEXT_NODE || t == Node.CDATA_SECTION_NODE) && !n.getNodeValue().isBlank();
    }

    private static String describe(Element e) {
        String uri = e.getNamespaceURI();
        String name = e.getLocalName() == null ? e.getNodeName() : e.getLocalName();
        String shown = uri == null || uri.isEmpty() ? name : "{" + uri + "}" + name;
        return shown.length() > 80 ? shown.substring(0, 80) + "..." : shown;
    }
}

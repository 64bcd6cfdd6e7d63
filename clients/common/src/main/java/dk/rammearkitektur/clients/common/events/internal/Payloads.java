package dk.rammearkitektur.clients.common.events.internal;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The content of a {@code Beskeddata}: zero or more elements, kept as text in which each element carries the
 * namespace declarations it needs, so that it reads the same wherever it is put.
 */
public final class Payloads {
    /** The path of a payload in violations. */
    public static final String PATH = "Beskeddata";

    private Payloads() {
    }

    /** The content's elements in a fresh, hardened DOM, under a namespace-free wrapper element. */
    public static Element parse(String xml) {
        Values.required(xml, PATH);
        try {
            return SecureXml.parse("<w>" + xml + "</w>").getDocumentElement();
        } catch (XmlParseException | SecurityCheckException e) {
            throw new ValidationException(PATH, "must be well-formed XML elements without a DOCTYPE", e);
        }
    }

    /** {@code xml} written in the one form this SDK keeps a payload in. */
    public static String normalize(String xml) {
        return write(parse(xml), PATH);
    }

    /** The element children of {@code parent} as payload text; text other than white space is refused. */
    public static String write(Element parent, String path) {
        StringBuilder out = new StringBuilder();
        for (Element e : elements(parent, path)) {
            Document alone = SecureXml.documentBuilder().newDocument();
            alone.appendChild(alone.importNode(e, true));
            out.append(SecureXml.toString(alone));
        }
        return out.toString();
    }

    /** The element children of {@code parent}; text other than white space is refused. */
    public static List<Element> elements(Element parent, String path) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                out.add(e);
            } else if ((n.getNodeType() == Node.TEXT_NODE || n.getNodeType() == Node.CDATA_SECTION_NODE)
                    && !n.getNodeValue().isBlank()) {
                throw new ValidationException(path, "must hold elements only, no text");
            }
        }
        return out;
    }
}

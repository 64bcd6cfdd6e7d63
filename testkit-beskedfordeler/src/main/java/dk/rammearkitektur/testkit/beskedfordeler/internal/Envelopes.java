package dk.rammearkitektur.testkit.beskedfordeler.internal;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The simulator's minimal reading of a {@code Haendelsesbesked} (namespace {@value #NS}): the root element, a
 * {@code BeskedId} and {@code Beskedkuvert/Filtreringsdata/Beskedtype} with an identifier. Not schema validation.
 */
public final class Envelopes {
    /** The envelope's namespace ({@code Beskedkuvert.xsd}). */
    public static final String NS = "urn:oio:besked:kuvert:1.0";

    private Envelopes() {
    }

    /** Why a body is not a Haendelsesbesked. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * The Beskedtype identifier (UUID or URN, trimmed, lower case so UUIDs compare regardless of case) of the
     * envelope {@code xml}.
     */
    public static String beskedtype(byte[] xml) throws Malformed {
        Element root;
        try {
            root = SecureXml.parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (RammearkitekturException e) {
            throw new Malformed("the body is not well-formed XML");
        }
        if (!NS.equals(root.getNamespaceURI()) || !"Haendelsesbesked".equals(root.getLocalName())) {
            throw new Malformed("the body is not a Haendelsesbesked in " + NS);
        }
        if (identifier(child(root, "BeskedId")) == null) {
            throw new Malformed("no BeskedId");
        }
        String type = identifier(child(child(child(root, "Beskedkuvert"), "Filtreringsdata"), "Beskedtype"));
        if (type == null) {
            throw new Malformed("no Beskedkuvert/Filtreringsdata/Beskedtype");
        }
        return normalise(type);
    }

    /** A Beskedtype as subscriptions compare it: trimmed, lower case. */
    public static String normalise(String beskedtype) {
        return beskedtype.strip().toLowerCase(Locale.ROOT);
    }

    /** The text of a UnikIdType element (its UUIDIdentifikator or URNIdentifikator child), or null. */
    private static String identifier(Element unikId) {
        if (unikId == null) {
            return null;
        }
        for (Node n = unikId.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ("UUIDIdentifikator".equals(e.getLocalName())
                    || "URNIdentifikator".equals(e.getLocalName())) && !e.getTextContent().isBlank()) {
                return e.getTextContent();
            }
        }
        return null;
    }

    private static Element child(Element parent, String local) {
        return Dom.child(parent, NS, local);
    }
}

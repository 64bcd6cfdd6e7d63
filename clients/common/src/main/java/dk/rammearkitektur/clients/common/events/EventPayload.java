package dk.rammearkitektur.clients.common.events;

import dk.rammearkitektur.clients.common.events.internal.Payloads;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The content of one {@code Beskeddata}: zero or more XML elements (normally one), kept as immutable text in which
 * every element declares the namespaces it uses. Parsing on demand always uses the SDK's hardened parser.
 * {@link #toString()} shows the root element and the size, never the content.
 *
 * <p>Beskedfordeler 2 carries a document Base64-encoded in a {@code Base64} element (namespace
 * {@value #BASE64_NAMESPACE}, as public receivers read it); {@link #base64Content()} decodes it.
 *
 * @param xml the elements as XML text, normalised: each element written on its own with its namespace declarations
 */
public record EventPayload(String xml) {
    /** The namespace of the {@code Base64} element public receivers read. */
    public static final String BASE64_NAMESPACE = "urn:besked:kuvert:1.0";

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /** Checks that {@code xml} is well-formed elements only (no text, no DOCTYPE) and normalises it. */
    public EventPayload {
        xml = Payloads.normalize(xml);
    }

    /** A payload of the given XML elements. */
    public static EventPayload of(String xml) {
        return new EventPayload(xml);
    }

    /** A payload of a {@code Base64} element (namespace {@value #BASE64_NAMESPACE}) holding {@code content}. */
    public static EventPayload ofBase64(byte[] content) {
        return new EventPayload("<Base64 xmlns=\"" + BASE64_NAMESPACE + "\">"
                + Base64.getEncoder().encodeToString(content) + "</Base64>");
    }

    /** The first element's namespace, or {@code ""} when it has none or the payload is empty. */
    public String rootNamespace() {
        return root().map(e -> e.getNamespaceURI() == null ? "" : e.getNamespaceURI()).orElse("");
    }

    /** The first element's local name, or {@code ""} when the payload is empty. */
    public String rootName() {
        return root().map(Element::getLocalName).orElse("");
    }

    /** True when the payload holds no element. */
    public boolean isEmpty() {
        return root().isEmpty();
    }

    /**
     * A fresh DOM, parsed with the hardened parser, whose document element is the first (normally the only) element.
     *
     * @throws ValidationException when the payload is empty
     */
    public Document document() {
        Element root = root().orElseThrow(() -> new ValidationException(Payloads.PATH, "must hold an element"));
        Document d = SecureXml.documentBuilder().newDocument();
        d.appendChild(d.importNode(root, true));
        return d;
    }

    /** The first element as UTF-8 XML, e.g. to hand to a parser of the inner document. */
    public byte[] documentBytes() {
        return SecureXml.toString(document()).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The decoded content of the first {@code Base64} element (in any namespace, at any depth), or empty when there is
     * none. White space (line breaks) in the encoding is ignored; any other character outside the Base64
     * alphabet is refused.
     *
     * @throws ValidationException when that element's text is not Base64
     */
    public Optional<byte[]> base64Content() {
        NodeList found = Payloads.parse(xml).getElementsByTagNameNS("*", "Base64");
        if (found.getLength() == 0) {
            return Optional.empty();
        }
        try {
            return Optional.of(Base64.getDecoder().decode(WHITE_SPACE.matcher(found.item(0).getTextContent()).replaceAll("")));
        } catch (IllegalArgumentException e) {
            throw new ValidationException(Payloads.PATH + ".Base64", "must be Base64");
        }
    }

    private Optional<Element> root() {
        List<Element> elements = Payloads.elements(Payloads.parse(xml), Payloads.PATH);
        return elements.stream().findFirst();
    }

    @Override
    public String toString() {
        return isEmpty() ? "EventPayload[empty]"
                : PersonalData.maskCprNumbers("EventPayload[{" + rootNamespace() + "}" + rootName() + ", " + xml.length() + " chars]");
    }
}

package dk.rammearkitektur.clients.digitalpost.internal;

import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.Base64;
import java.util.Objects;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * The SF1461 Beskedfordeler envelope around a {@code PKO_PostStatus}: {@code ModtagBeskedInput} (a push to the
 * receiver's web service) or a bare {@code Haendelsesbesked} (as pulled), with the status in {@code Beskeddata},
 * either as the element itself or Base64-encoded in a {@code Base64} element, as a public receiver reads it.
 */
public final class Beskedfordeler {
    /** The namespace of ModtagBeskedInput and ModtagBeskedOutput. */
    public static final String STS = "urn:oio:sts:1.0.0";
    /** The namespace of Haendelsesbesked. */
    public static final String KUVERT = "urn:oio:besked:kuvert:1.0";
    /** The namespace of StandardRetur. */
    public static final String SAGDOK = "urn:oio:sagdok:3.0.0";

    private Beskedfordeler() {
    }

    /** Parses the status inside an envelope. */
    public static DeliveryStatus status(InputStream in) {
        Objects.requireNonNull(in, "in == null");
        Document d = SecureXml.parse(in);
        Element root = d.getDocumentElement();
        Element message = root;
        if (STS.equals(root.getNamespaceURI()) && "ModtagBeskedInput".equals(root.getLocalName())) {
            message = child(root, KUVERT, "Haendelsesbesked");
        }
        if (message == null || !KUVERT.equals(message.getNamespaceURI()) || !"Haendelsesbesked".equals(message.getLocalName())) {
            throw new ValidationException("beskedfordeler", "must be a ModtagBeskedInput or a Haendelsesbesked");
        }
        for (Node n = message.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element data && KUVERT.equals(data.getNamespaceURI()) && "Beskeddata".equals(data.getLocalName())) {
                for (Node k = data.getFirstChild(); k != null; k = k.getNextSibling()) {
                    if (k instanceof Element e && "PKO_PostStatus".equals(e.getLocalName())) {
                        Document alone = SecureXml.documentBuilder().newDocument();
                        alone.appendChild(alone.importNode(e, true));
                        ByteArrayOutputStream out = new ByteArrayOutputStream();
                        SecureXml.write(alone, out);
                        return Replies.deliveryStatus(new ByteArrayInputStream(out.toByteArray()));
                    }
                    if (k instanceof Element e && "Base64".equals(e.getLocalName())) {
                        byte[] decoded;
                        try {
                            decoded = Base64.getMimeDecoder().decode(e.getTextContent().strip());
                        } catch (IllegalArgumentException x) {
                            throw new ValidationException("beskedfordeler.Beskeddata.Base64", "must be Base64");
                        }
                        return Replies.deliveryStatus(new ByteArrayInputStream(decoded));
                    }
                }
            }
        }
        throw new ValidationException("beskedfordeler.Beskeddata", "must hold a PKO_PostStatus, itself or Base64-encoded");
    }

    /** The receiver's answer that the message was taken: {@code ModtagBeskedOutput/StandardRetur} 20, "Ok". */
    public static String receivedReply() {
        return "<sts:ModtagBeskedOutput xmlns:sts=\"" + STS + "\" xmlns:sd=\"" + SAGDOK + "\"><sd:StandardRetur>"
                + "<sd:StatusKode>20</sd:StatusKode><sd:FejlbeskedTekst>Ok</sd:FejlbeskedTekst></sd:StandardRetur>"
                + "</sts:ModtagBeskedOutput>";
    }

    private static Element child(Element parent, String ns, String local) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                return e;
            }
        }
        return null;
    }
}

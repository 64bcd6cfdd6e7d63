package dk.rammearkitektur.clients.serviceplatform.internal.cpr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.DomWriter;
import dk.rammearkitektur.clients.serviceplatform.internal.JaxbCodec;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The request written as DOM by {@link PersonLookupRequest#appendTo} reads back as what JAXB marshals from it. */
class PersonLookupRequestTest {
    @Property(tries = 100)
    void domPayloadReadsBackAsTheJaxbMarshalledOne(@ForAll @NumericChars @StringLength(10) String cpr) {
        PersonLookupRequest req = new PersonLookupRequest();
        req.pnr = cpr;
        Document jaxb = Dom.newDocument();
        jaxb.appendChild(jaxb.createElementNS("urn:test", "t:Body"));
        JaxbCodec.marshal(req, jaxb.getDocumentElement());
        Document dom = Dom.newDocument();
        dom.appendChild(dom.createElementNS("urn:test", "t:Body"));
        req.appendTo(dom.getDocumentElement());
        assertEquals(infoset(wire(jaxb)), infoset(wire(dom)));
        assertEquals(cpr, Dom.childText((Element) wire(dom).getFirstChild(), PersonLookupRequest.PNR_NS, "PNR"));
    }

    /** The Body element as the receiver parses it. */
    private static Element wire(Document d) {
        return SecureXml.parse(new ByteArrayInputStream(DomWriter.toBytes(d))).getDocumentElement();
    }

    /** Elements (namespace, local name), attributes other than namespace declarations, and text, in order. */
    private static String infoset(Node n) {
        if (!(n instanceof Element e)) {
            return n.getNodeType() + ":" + n.getNodeValue();
        }
        StringBuilder sb = new StringBuilder("{" + e.getNamespaceURI() + "}" + e.getLocalName() + "[");
        for (int i = 0; i < e.getAttributes().getLength(); i++) {
            Node a = e.getAttributes().item(i);
            if (!"http://www.w3.org/2000/xmlns/".equals(a.getNamespaceURI())) {
                sb.append('@').append(a.getNamespaceURI()).append(a.getLocalName()).append('=').append(a.getNodeValue());
            }
        }
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            sb.append(infoset(c));
        }
        return sb.append(']').toString();
    }
}

package dk.rammearkitektur.clients.serviceplatform.internal.cpr;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.serviceplatform.internal.DomPayload;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import org.w3c.dom.Element;

/** PersonLookupRequest: the CPR number to look up; written as DOM directly ({@link DomPayload}). */
@XmlRootElement(name = "PersonLookupRequest")
public class PersonLookupRequest implements DomPayload {
    /** The PNR namespace. */
    public static final String PNR_NS = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";
    /** The namespace of the request element (the package's {@code XmlSchema}). */
    static final String NS = "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";

    @XmlElement(name = "PNR", namespace = PNR_NS, required = true)
    public String pnr;

    @Override
    public void appendTo(Element body) {
        Element request = Dom.add(body, NS, "cpr:PersonLookupRequest", null);
        request.setAttributeNS(XMLNS, "xmlns:cpr", NS);
        request.setAttributeNS(XMLNS, "xmlns:pnr", PNR_NS);
        Dom.add(request, PNR_NS, "pnr:PNR", pnr);
    }
}

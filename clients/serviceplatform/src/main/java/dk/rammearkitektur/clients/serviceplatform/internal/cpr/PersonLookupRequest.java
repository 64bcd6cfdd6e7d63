package dk.rammearkitektur.clients.serviceplatform.internal.cpr;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/** PersonLookupRequest: the CPR number to look up. */
@XmlRootElement(name = "PersonLookupRequest")
public class PersonLookupRequest {
    /** The PNR namespace. */
    public static final String PNR_NS = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";

    @XmlElement(name = "PNR", namespace = PNR_NS, required = true)
    public String pnr;
}

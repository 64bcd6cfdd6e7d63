package dk.rammearkitektur.clients.serviceplatform.internal;

import org.w3c.dom.Element;

/**
 * A request payload that appends itself to the SOAP Body as DOM, which {@link EnvelopeBuilder} uses in place of JAXB
 * marshalling. For a payload of a few elements JAXB's DOM output costs more than the rest of the envelope and
 * declares every namespace of the JAXB context on the payload element (about 900 bytes of the 2 KB CPR lookup).
 */
public interface DomPayload {
    /** Appends the payload element, with the namespace declarations it uses, as the last child of {@code body}. */
    void appendTo(Element body);
}

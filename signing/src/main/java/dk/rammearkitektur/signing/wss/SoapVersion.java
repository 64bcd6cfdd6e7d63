package dk.rammearkitektur.signing.wss;

import java.util.Optional;
import org.w3c.dom.Element;

/** SOAP 1.1 or SOAP 1.2, told apart by the envelope namespace. */
public enum SoapVersion {
    /** SOAP 1.1. */
    SOAP_11("http://schemas.xmlsoap.org/soap/envelope/"),
    /** SOAP 1.2. */
    SOAP_12("http://www.w3.org/2003/05/soap-envelope");

    private final String namespace;

    SoapVersion(String namespace) {
        this.namespace = namespace;
    }

    /** The envelope namespace URI. */
    public String namespace() {
        return namespace;
    }

    /** The version of an Envelope element, if it is one. */
    public static Optional<SoapVersion> of(Element envelope) {
        if (envelope == null || !"Envelope".equals(envelope.getLocalName())) {
            return Optional.empty();
        }
        for (SoapVersion v : values()) {
            if (v.namespace.equals(envelope.getNamespaceURI())) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }
}

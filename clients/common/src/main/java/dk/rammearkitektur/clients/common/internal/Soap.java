package dk.rammearkitektur.clients.common.internal;

/** Namespaces used on the wire. */
public final class Soap {
    /** SOAP 1.1 envelope. */
    public static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    /** SOAP 1.2 envelope. */
    public static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    /** WS-Addressing 1.0. */
    public static final String WSA = "http://www.w3.org/2005/08/addressing";
    /** Serviceplatformen's InvocationContext. */
    public static final String INVCTX = "http://serviceplatformen.dk/xml/schemas/InvocationContext/1/";
    /** Serviceplatformen's fault detail. */
    public static final String SPF = "http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/";
    /** WS-Security 1.0 secext. */
    public static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    /** WS-Security utility (wsu:Id, wsu:Timestamp). */
    public static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    /** SAML 2.0 assertion. */
    public static final String SAML2 = "urn:oasis:names:tc:SAML:2.0:assertion";
    /** WS-Trust 1.3. */
    public static final String WST = "http://docs.oasis-open.org/ws-sx/ws-trust/200512";
    /** XML-DSig. */
    public static final String DS = "http://www.w3.org/2000/09/xmldsig#";

    private Soap() {
    }
}

package dk.rammearkitektur.clients.serviceplatform.internal.subscription;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;

/**
 * The SF6002 requests the SDK sends (S1 {@code CprSubscriptionServiceMsg.xsd}): the element is named after the
 * operation, without a {@code Request} suffix, and the InvocationContext authenticator inserts the context as its
 * first child, before the PNR.
 */
public final class CprSubscriptionMessages {
    /** The service namespace (WSDL and message schema). */
    public static final String NS = "http://serviceplatformen.dk/xml/wsdl/soap11/CprSubscriptionService/1/";
    /** The PNR namespace. */
    public static final String PNR_NS = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";
    /** Every operation of the binding has {@code soapAction=""} (S1 WSDL, S1b). */
    public static final String SOAP_ACTION = "";

    private CprSubscriptionMessages() {
    }

    /** An {@code AddPNRSubscription} for ten digits. */
    public static AddPnrSubscription add(String pnr) {
        AddPnrSubscription m = new AddPnrSubscription();
        m.pnr = pnr;
        return m;
    }

    /** A {@code RemovePNRSubscription} for ten digits. */
    public static RemovePnrSubscription remove(String pnr) {
        RemovePnrSubscription m = new RemovePnrSubscription();
        m.pnr = pnr;
        return m;
    }

    /** {@code AddPNRSubscription}: InvocationContext (added by the authenticator), PNR. */
    @XmlRootElement(name = "AddPNRSubscription")
    public static class AddPnrSubscription {
        @XmlElement(name = "PNR", namespace = PNR_NS, required = true)
        public String pnr;
    }

    /** {@code RemovePNRSubscription}: InvocationContext (added by the authenticator), PNR. */
    @XmlRootElement(name = "RemovePNRSubscription")
    public static class RemovePnrSubscription {
        @XmlElement(name = "PNR", namespace = PNR_NS, required = true)
        public String pnr;
    }

    /** {@code GetAllFilters}: only the InvocationContext (added by the authenticator). */
    @XmlRootElement(name = "GetAllFilters")
    public static class GetAllFilters {
    }
}

package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Element;

/**
 * The simulated SF6002 CPR Abonnement: the followed CPR numbers and municipality codes of the simulator's one
 * service agreement, and the replies (research note {@code notes/sf6002.md}). Its own XML code (the simulator's
 * {@link Xml}); nothing of the client's.
 *
 * <p>Result semantics: subscribe a new number {@code ADDED}, again {@code ALREADY_EXISTED}; unsubscribe a followed
 * number {@code REMOVED}, an unfollowed one {@code NON_EXISTING_PNR} (S5's live sequence add, add, remove, remove).
 * Subscribing a number the simulator's {@link SimulatorData} does not know answers {@code NON_EXISTING_PNR}: that is
 * [INFERRED] from S1c (CPRBroker handles that value on add), no public sample shows it. Replies use the prefixes of
 * the live GetAllFilters response (S3): the InvocationContext namespace as default, {@code ns2} the PNR namespace,
 * {@code ns3} the service namespace, so prefix-bound clients would work too.
 */
final class CprSubscriptionRegister {
    static final String NS = "http://serviceplatformen.dk/xml/wsdl/soap11/CprSubscriptionService/1/";
    static final String PNR_NS = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";

    private final Set<String> cprNumbers = ConcurrentHashMap.newKeySet();
    private final Set<Integer> municipalityCodes = ConcurrentHashMap.newKeySet();

    /** The followed CPR numbers, sorted. */
    Set<String> cprNumbers() {
        return new TreeSet<>(cprNumbers);
    }

    void addMunicipalityCode(int code) {
        if (code < 0 || code > 9999) {
            throw new IllegalArgumentException("a municipality code is 0 to 9999");
        }
        municipalityCodes.add(code);
    }

    /** Answers the SF6002 request {@code payload} into the reply {@code body}. */
    void answer(Element body, Element payload, SimulatorData data) {
        String op = payload.getLocalName();
        Element response = Xml.el(body, NS, "ns3:" + op + "Response", null);
        response.setAttributeNS(Xml.XMLNS, "xmlns", Xml.INVCTX);
        response.setAttributeNS(Xml.XMLNS, "xmlns:ns2", PNR_NS);
        response.setAttributeNS(Xml.XMLNS, "xmlns:ns3", NS);
        if ("GetAllFilters".equals(op)) {
            for (int code : new TreeSet<>(municipalityCodes)) {
                Xml.el(response, NS, "ns3:MunicipalityCode", code);
            }
            for (String cpr : cprNumbers()) {
                Xml.el(response, PNR_NS, "ns2:PNR", cpr);
            }
            Xml.el(response, NS, "ns3:noFilter", "false");
            return;
        }
        String pnr = Xml.text(payload, PNR_NS, "PNR");
        String result;
        if ("AddPNRSubscription".equals(op)) {
            if (pnr == null || data.person(pnr).isEmpty()) {
                result = "NON_EXISTING_PNR";
            } else {
                result = cprNumbers.add(pnr) ? "ADDED" : "ALREADY_EXISTED";
            }
        } else {
            result = pnr != null && cprNumbers.remove(pnr) ? "REMOVED" : "NON_EXISTING_PNR";
        }
        Xml.el(response, NS, "ns3:Result", result);
    }
}

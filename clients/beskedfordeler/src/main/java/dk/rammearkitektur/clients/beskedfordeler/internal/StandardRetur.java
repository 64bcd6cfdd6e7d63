package dk.rammearkitektur.clients.beskedfordeler.internal;

import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * A {@code StandardRetur} ({@code StatusKode}, {@code FejlbeskedTekst}): 20 is success, anything else the service's
 * refusal. Found by local name under the given element, in whichever namespace: the publish reply's is not settled by
 * the published files, and a published push reply uses {@code urn:oio:sag-dok:3.0.0}.
 *
 * @param status the StatusKode
 * @param text the FejlbeskedTekst, or null
 */
record StandardRetur(int status, String text) {

    /** The first StandardRetur's fields in {@code root} (the StandardRetur itself or an element holding one). */
    static StandardRetur of(Element root) {
        String status = first(root, "StatusKode");
        if (status == null) {
            throw new ReplyShapeException("the reply holds no StandardRetur/StatusKode", null);
        }
        try {
            return new StandardRetur(Integer.parseInt(status.strip()), first(root, "FejlbeskedTekst"));
        } catch (NumberFormatException e) {
            throw new ReplyShapeException("StandardRetur/StatusKode must be an integer", e);
        }
    }

    /** Throws the refusal unless the status under {@code output} is 20. */
    static void require(ServiceCall call, Element output) {
        StandardRetur r = of(output);
        if (r.status() != 20) {
            throw new ServiceFaultException(call, Integer.toString(r.status()), r.text() == null ? "refused" : r.text());
        }
    }

    private static String first(Element root, String local) {
        NodeList l = root.getElementsByTagNameNS("*", local);
        return l.getLength() == 0 ? null : l.item(0).getTextContent();
    }
}

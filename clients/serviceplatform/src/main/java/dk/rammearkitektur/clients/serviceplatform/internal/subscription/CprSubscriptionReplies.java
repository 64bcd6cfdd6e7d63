package dk.rammearkitektur.clients.serviceplatform.internal.subscription;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.serviceplatform.SubscriptionFilters;
import dk.rammearkitektur.clients.serviceplatform.SubscriptionResult;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Cpr;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Reads SF6002 replies by namespace and local name, never by prefix: public clients that matched {@code ns2:} or
 * {@code ns3:} broke (research note §2.2). Elements the SDK does not know are skipped (a live GetAllFilters response
 * carries {@code noFilter}, which the 2015 schema lacks; S3). Messages never contain a CPR number.
 */
public final class CprSubscriptionReplies {
    private CprSubscriptionReplies() {
    }

    /** The {@code Result} of {@code <expected>}, e.g. {@code AddPNRSubscriptionResponse}. */
    public static SubscriptionResult result(Element payload, String expected) {
        expect(payload, expected);
        Element result = Dom.child(payload, CprSubscriptionMessages.NS, "Result");
        if (result == null) {
            throw new ReplyShapeException(expected + " has no Result", null);
        }
        String text = result.getTextContent().strip();
        if (text.isEmpty()) {
            throw new ReplyShapeException(expected + " has an empty Result", null);
        }
        return SubscriptionResult.of(text);
    }

    /** The filters of a {@code GetAllFiltersResponse}. */
    public static SubscriptionFilters filters(Element payload) {
        expect(payload, "GetAllFiltersResponse");
        List<Cpr> cprs = new ArrayList<>();
        List<Integer> municipalities = new ArrayList<>();
        List<String> changeCodes = new ArrayList<>();
        List<SubscriptionFilters.AgeRange> ages = new ArrayList<>();
        for (Element e : Dom.children(payload)) {
            String ns = e.getNamespaceURI();
            String local = e.getLocalName();
            if (CprSubscriptionMessages.PNR_NS.equals(ns) && "PNR".equals(local)) {
                cprs.add(cpr(e.getTextContent().strip(), cprs.size() + 1));
            } else if (!CprSubscriptionMessages.NS.equals(ns)) {
                continue;
            } else if ("MunicipalityCode".equals(local)) {
                municipalities.add(number(e.getTextContent(), 9999, "MunicipalityCode"));
            } else if ("ChangeCode".equals(local)) {
                changeCodes.add(e.getTextContent().strip());
            } else if ("AgeRange".equals(local)) {
                ages.add(new SubscriptionFilters.AgeRange(
                        number(Dom.childText(e, CprSubscriptionMessages.NS, "StartAge"), 999, "AgeRange/StartAge"),
                        number(Dom.childText(e, CprSubscriptionMessages.NS, "EndAge"), 999, "AgeRange/EndAge")));
            }
        }
        return new SubscriptionFilters(cprs, municipalities, changeCodes, ages);
    }

    private static void expect(Element payload, String local) {
        if (!CprSubscriptionMessages.NS.equals(payload.getNamespaceURI()) || !local.equals(payload.getLocalName())) {
            throw new ReplyShapeException("reply body is {" + payload.getNamespaceURI() + "}" + payload.getLocalName()
                    + ", expected " + local, null);
        }
    }

    private static Cpr cpr(String text, int position) {
        try {
            return Cpr.parse(text);
        } catch (ValidationException e) {
            throw new ReplyShapeException("GetAllFiltersResponse PNR number " + position + " is not a CPR number", null);
        }
    }

    private static int number(String text, int max, String field) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(c -> c >= '0' && c <= '9')
                || Integer.parseInt(t) > max) {
            throw new ReplyShapeException("GetAllFiltersResponse " + field + " is not a number from 0 to " + max, null);
        }
        return Integer.parseInt(t);
    }
}

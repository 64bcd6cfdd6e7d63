package dk.rammearkitektur.clients.beskedfordeler.internal;

import dk.rammearkitektur.clients.beskedfordeler.ValueList;
import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.common.internal.SoapEnvelopes;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The value-list (værdiliste) service's messages, in the published {@code VaerdilisteOperationer.xsd}: the inputs
 * ({@code LaesInput}, {@code TilfoejVaerdierInput}, {@code FjernVaerdierInput}) in SOAP 1.1 envelopes and the readers of
 * their outputs.
 */
public final class ValueListMessages {
    /** The namespace of the value-list operations. */
    public static final String VL = "urn:oio:sts:beskedfordeler:vaerdiliste:1.0.0";
    /** The namespace of the shared types (UUIDIdentifikator, StandardRetur, Virkning). */
    public static final String SD = "urn:oio:sagdok:3.0.0";
    /** The SOAPAction prefix of the WSDL's operations, e.g. {@code …/vaerdiliste/laes}. */
    public static final String ACTION_PREFIX = "http://kombit.dk/sts/beskedfordeler/vaerdiliste/";

    private ValueListMessages() {
    }

    /** {@code LaesInput} for one list. */
    public static Document laes(UUID list) {
        Document env = SoapEnvelopes.newEnvelope(SoapVersion.SOAP_11);
        Element in = Dom.add(SoapEnvelopes.body(env), VL, "vl:LaesInput", null);
        Dom.add(in, SD, "sd:UUIDIdentifikator", list.toString());
        return env;
    }

    /** {@code TilfoejVaerdierInput} or {@code FjernVaerdierInput}: the list and its values. */
    public static Document change(String input, UUID list, List<String> values) {
        Document env = SoapEnvelopes.newEnvelope(SoapVersion.SOAP_11);
        Element in = Dom.add(SoapEnvelopes.body(env), VL, "vl:" + input, null);
        Dom.add(in, SD, "sd:UUIDIdentifikator", list.toString());
        for (String value : values) {
            Dom.add(in, VL, "vl:Vaerdier", value);
        }
        return env;
    }

    /** Throws the service's refusal unless the reply's StandardRetur says 20. */
    public static Element requireOk(ServiceCall call, Document reply) {
        Element output = payload(call, reply);
        StandardRetur.require(call, output);
        return output;
    }

    /** The value list in a {@code LaesOutput}: the property of its registration in effect at {@code now}. */
    public static ValueList readList(ServiceCall call, UUID id, Document reply, Instant now) {
        Element output = requireOk(call, reply);
        Element result = Dom.child(output, VL, "LaesResultat");
        if (result == null) {
            throw new ServiceFaultException(call, "44", "the reply holds no LaesResultat for " + id);
        }
        Element registration = Dom.child(result, VL, "Registrering");
        if (registration == null) {
            registration = Dom.child(result, VL, "FiltreretOejebliksbillede");
        }
        Element attributes = registration == null ? null : Dom.child(registration, VL, "AttributListe");
        if (attributes == null) {
            throw new ReplyShapeException("LaesResultat must hold a Registrering with an AttributListe", null);
        }
        Element chosen = null;
        Instant chosenFrom = null;
        for (Element property : Dom.children(attributes)) {
            if (!VL.equals(property.getNamespaceURI()) || !"Egenskab".equals(property.getLocalName())) {
                continue;
            }
            Element effect = Dom.child(property, SD, "Virkning");
            Instant from = effect == null ? Instant.MIN : time(effect, "FraTidspunkt", Instant.MIN);
            Instant to = effect == null ? Instant.MAX : time(effect, "TilTidspunkt", Instant.MAX);
            if (!from.isAfter(now) && to.isAfter(now) && (chosenFrom == null || from.isAfter(chosenFrom))) {
                chosen = property;
                chosenFrom = from;
            }
        }
        if (chosen == null) {
            throw new ServiceFaultException(call, "44", "value list " + id + " has no property in effect now");
        }
        return toValueList(id, chosen);
    }

    private static ValueList toValueList(UUID id, Element property) {
        Element list = Dom.child(property, VL, "Vaerdiliste");
        String name = list == null ? null : Dom.childText(list, VL, "Navn");
        if (name == null) {
            throw new ReplyShapeException("Egenskab/Vaerdiliste/Navn is missing", null);
        }
        List<String> values = new ArrayList<>();
        for (Element e : Dom.children(list)) {
            if (VL.equals(e.getNamespaceURI()) && "Vaerdi".equals(e.getLocalName())) {
                values.add(e.getTextContent());
            }
        }
        return new ValueList(id, Dom.childText(property, SD, "BrugervendtNoegleTekst"), name, values);
    }

    /** A {@code TidspunktType}: a timestamp, or a limit ({@code GraenseIndikator}) meaning open. */
    private static Instant time(Element effect, String which, Instant open) {
        Element t = Dom.child(effect, SD, which);
        if (t == null) {
            return open;
        }
        String stamp = Dom.childText(t, SD, "TidsstempelDatoTid");
        if (stamp == null) {
            return open;
        }
        try {
            return OffsetDateTime.parse(stamp.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ReplyShapeException("Virkning/" + which + " must be an xs:dateTime with an offset", e);
        }
    }

    private static Element payload(ServiceCall call, Document reply) {
        Element body = SoapEnvelopes.replyBody(reply, call);
        for (Element e : Dom.children(body)) {
            return e;
        }
        throw new ReplyShapeException("the reply Body is empty", null);
    }
}

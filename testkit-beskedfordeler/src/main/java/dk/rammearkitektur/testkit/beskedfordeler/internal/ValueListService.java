package dk.rammearkitektur.testkit.beskedfordeler.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.beskedfordeler.ValueListCall;
import dk.rammearkitektur.testkit.serviceplatform.internal.SimulatorExchanges;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * The simulated værdiliste service ({@code StsbeskedfordelerImpl}, SOAP 1.1, mutual TLS checked by the server, no
 * token): {@code laesvaerdiliste}, {@code tilfoejvaerdier} and {@code fjernvaerdier}, dispatched on the SOAPAction
 * (the body element must be the operation's input), with its lists in memory. StandardRetur 20 OK, 44 unknown list,
 * 40 bad input (the simulator's choices beyond 20); a SOAP fault for anything that is not one of these operations or
 * not valid against the published schema when one is given. Values are never logged.
 */
public final class ValueListService implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ValueListService.class);
    /** The path the service answers on. */
    public static final String PATH = "/sts-bf-soap/StsbeskedfordelerImpl";
    /** The value-list operations' namespace. */
    public static final String VL = "urn:oio:sts:beskedfordeler:vaerdiliste:1.0.0";
    private static final String SD = "urn:oio:sagdok:3.0.0";
    private static final String SOAP11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String ACTION_PREFIX = "http://kombit.dk/sts/beskedfordeler/vaerdiliste/";
    private static final Map<String, String[]> OPERATIONS = Map.of(
            ACTION_PREFIX + "laes", new String[] {"LaesInput", "LaesOutput"},
            ACTION_PREFIX + "tilfoejvaerdier", new String[] {"TilfoejVaerdierInput", "TilfoejVaerdierOutput"},
            ACTION_PREFIX + "fjernvaerdier", new String[] {"FjernVaerdierInput", "FjernVaerdierOutput"});
    private static final int MAX_BODY = 8 << 20;

    private final Map<UUID, ValueListState> lists = new ConcurrentHashMap<>();
    private final List<ValueListCall> calls = new CopyOnWriteArrayList<>();
    private final Schema schema;
    private final Clock clock;
    private final UUID platformActor = UUID.randomUUID();

    /**
     * A service.
     *
     * @param schema the published {@code VaerdilisteOperationer.xsd} each request body is validated against, or null
     * @param clock the clock registrations are dated by
     */
    public ValueListService(Schema schema, Clock clock) {
        this.schema = schema;
        this.clock = clock;
    }

    private static final class ValueListState {
        final String name;
        final Instant created;
        final Set<String> values = new LinkedHashSet<>();
        Instant changed;

        ValueListState(String name, Instant created) {
            this.name = name;
            this.created = created;
        }
    }

    /** A new, empty list named {@code name}. */
    public UUID create(String name) {
        UUID id = UUID.randomUUID();
        lists.put(id, new ValueListState(name, clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        return id;
    }

    /** The values of a list, in the order they were added. */
    public List<String> values(UUID id) {
        ValueListState s = lists.get(id);
        if (s == null) {
            throw new IllegalArgumentException("unknown value list " + id);
        }
        synchronized (s) {
            return List.copyOf(s.values);
        }
    }

    /** Every call so far, oldest first. */
    public List<ValueListCall> calls() {
        return List.copyOf(calls);
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readNBytes(MAX_BODY + 1);
            }
            String action = exchange.getRequestHeaders().getFirst("SOAPAction");
            action = action == null ? null : action.strip().replace("\"", "");
            Reply reply = "POST".equals(exchange.getRequestMethod()) ? answer(action, body)
                    : fault("Client", "only POST is accepted");
            calls.add(new ValueListCall(action, body, reply.status, reply.body));
            SimulatorExchanges.send(exchange, reply.status, "text/xml; charset=utf-8", reply.body);
        }
    }

    private record Reply(int status, byte[] body) {
    }

    private Reply answer(String action, byte[] body) {
        if (body.length > MAX_BODY) {
            return fault("Client", "the request is larger than " + MAX_BODY + " bytes");
        }
        String[] operation = action == null ? null : OPERATIONS.get(action);
        if (operation == null) {
            return fault("Client", "unknown or unsupported operation (SOAPAction " + action + ")");
        }
        Element input;
        try {
            Document request = SecureXml.parse(new ByteArrayInputStream(body));
            Element envelope = request.getDocumentElement();
            if (!SOAP11.equals(envelope.getNamespaceURI()) || !"Envelope".equals(envelope.getLocalName())) {
                return fault("VersionMismatch", "not a SOAP 1.1 envelope");
            }
            Element soapBody = Dom.child(envelope, SOAP11, "Body");
            input = soapBody == null ? null : Dom.firstElement(soapBody);
        } catch (RammearkitekturException e) {
            return fault("Client", "the request is not well-formed XML");
        }
        if (input == null || !VL.equals(input.getNamespaceURI()) || !operation[0].equals(input.getLocalName())) {
            return fault("Client", "the Body must hold " + operation[0] + " in " + VL + " for " + action);
        }
        if (schema != null) {
            try {
                SecureXml.validator(schema).validate(new DOMSource(input));
            } catch (SAXException | IOException e) {
                LOG.warn("værdiliste request {} is not valid against the published schema", operation[0]);
                return fault("Client", "the request does not conform to VaerdilisteOperationer.xsd: "
                        + e.getMessage());
            }
        }
        return ok(operation[1], input);
    }

    private Reply ok(String output, Element input) {
        Document out = SecureXml.documentBuilder().newDocument();
        Element envelope = out.createElementNS(SOAP11, "soap:Envelope");
        out.appendChild(envelope);
        Element result = Dom.add(Dom.add(envelope, SOAP11, "soap:Body", null), VL, "vl:" + output, null);
        UUID id;
        try {
            id = UUID.fromString(text(Dom.child(input, SD, "UUIDIdentifikator")));
        } catch (IllegalArgumentException | NullPointerException e) {
            standardRetur(result, 40, "UUIDIdentifikator must be a UUID");
            return new Reply(200, Dom.bytes(out));
        }
        ValueListState list = lists.get(id);
        if (list == null) {
            standardRetur(result, 44, "no value list " + id);
            return new Reply(200, Dom.bytes(out));
        }
        if ("LaesOutput".equals(output)) {
            standardRetur(result, 20, "OK");
            laesResultat(result, list);
            LOG.debug("værdiliste {} read", id);
            return new Reply(200, Dom.bytes(out));
        }
        List<String> values = new ArrayList<>();
        for (Node n = input.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && VL.equals(e.getNamespaceURI()) && "Vaerdier".equals(e.getLocalName())) {
                values.add(e.getTextContent().strip());
            }
        }
        if (values.isEmpty() || values.stream().anyMatch(String::isEmpty)) {
            standardRetur(result, 40, "Vaerdier must hold at least one value, none empty");
            return new Reply(200, Dom.bytes(out));
        }
        synchronized (list) {
            if ("TilfoejVaerdierOutput".equals(output)) {
                list.values.addAll(values);
            } else {
                values.forEach(list.values::remove);
            }
            list.changed = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        }
        LOG.debug("værdiliste {}: {} with {} values", id, output, values.size());
        standardRetur(result, 20, "OK");
        return new Reply(200, Dom.bytes(out));
    }

    private void laesResultat(Element output, ValueListState list) {
        Element registrering = Dom.add(Dom.add(output, VL, "vl:LaesResultat", null), VL, "vl:Registrering", null);
        synchronized (list) {
            Instant registered = list.changed == null ? list.created : list.changed;
            tidspunkt(Dom.add(registrering, SD, "sd:FraTidspunkt", null), registered);
            Dom.add(registrering, SD, "sd:LivscyklusKode", list.changed == null ? "Opstaaet" : "Rettet");
            Element egenskab = Dom.add(Dom.add(registrering, VL, "vl:AttributListe", null), VL, "vl:Egenskab", null);
            Dom.add(egenskab, SD, "sd:BrugervendtNoegleTekst", list.name);
            Element vaerdiliste = Dom.add(egenskab, VL, "vl:Vaerdiliste", null);
            Dom.add(vaerdiliste, VL, "vl:Navn", list.name);
            for (String v : list.values) {
                Dom.add(vaerdiliste, VL, "vl:Vaerdi", v);
            }
            Element virkning = Dom.add(egenskab, SD, "sd:Virkning", null);
            tidspunkt(Dom.add(virkning, SD, "sd:FraTidspunkt", null), list.created);
            Dom.add(Dom.add(virkning, SD, "sd:TilTidspunkt", null), SD, "sd:GraenseIndikator", "true");
            Dom.add(Dom.add(virkning, SD, "sd:AktoerRef", null), SD, "sd:UUIDIdentifikator", platformActor.toString());
            Dom.add(virkning, SD, "sd:AktoerTypeKode", "ItSystem");
        }
        Dom.add(registrering, VL, "vl:TilstandListe", null);
        Dom.add(registrering, VL, "vl:RelationListe", null);
    }

    private static void tidspunkt(Element parent, Instant at) {
        Dom.add(parent, SD, "sd:TidsstempelDatoTid", at.toString());
    }

    private static void standardRetur(Element output, int status, String text) {
        Element retur = Dom.add(output, SD, "sd:StandardRetur", null);
        Dom.add(retur, SD, "sd:StatusKode", Integer.toString(status));
        Dom.add(retur, SD, "sd:FejlbeskedTekst", text);
    }

    private static Reply fault(String code, String text) {
        Document out = SecureXml.documentBuilder().newDocument();
        Element envelope = out.createElementNS(SOAP11, "soap:Envelope");
        out.appendChild(envelope);
        Element fault = Dom.add(Dom.add(envelope, SOAP11, "soap:Body", null), SOAP11, "soap:Fault", null);
        Dom.add(fault, null, "faultcode", "soap:" + code);
        Dom.add(fault, null, "faultstring", text);
        return new Reply(500, Dom.bytes(out));
    }

    private static String text(Element e) {
        return e == null ? null : e.getTextContent().strip();
    }
}

package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.saml.SamlAssertion;
import dk.rammearkitektur.signing.wss.WsSecuritySigner;
import dk.rammearkitektur.testkit.MutualTlsHttp;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Hand-made calls to the simulated LoRa indexes (no client code): SOAP 1.1 to the Sags- og Dokumentindeks, SOAP 1.2
 * to the Ydelsesindeks ports ({@link #call12}). A holder-of-key token from the simulator's REST STS for a CVR, the
 * Liberty Framework, WS-Addressing and RequestHeader headers, the body from XML text, signed with WsSecuritySigner by
 * the system certificate and posted over mutual TLS.
 */
final class SdiCalls {
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12 = "http://www.w3.org/2003/05/soap-envelope";
    static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    static final String WSA = "http://www.w3.org/2005/08/addressing";
    static final String SD = "urn:oio:sagdok:3.0.0";
    static final String SDI = "urn:oio:sts:sagdok:sagdokumentindeks:6";
    static final String REQUEST_HEADER = "http://kombit.dk/xml/schemas/RequestHeader/1/";
    /** The namespace declarations every body uses. */
    static final String NS = "xmlns:sdi='" + SDI + "' xmlns:sag='urn:oio:sts:sagdok:sag:6'"
            + " xmlns:di='urn:oio:sts:sagdok:dokumentindeks:6' xmlns:si='urn:oio:sts:sagdok:sagindeks:6'"
            + " xmlns:gd='urn:oio:sts:generelledefinitioner:6' xmlns:sd='" + SD + "'";

    private final ServiceplatformSimulator sim;
    private final HttpClient http;
    private final SigningCredential credential;
    private final Map<String, SamlAssertion> tokens = new ConcurrentHashMap<>();

    SdiCalls(ServiceplatformSimulator sim) throws Exception {
        this.sim = sim;
        this.http = MutualTlsHttp.client(sim.systemIdentity(), sim.tlsTrustAnchor());
        this.credential = SigningCredential.of(sim.systemIdentity().privateKey(), sim.systemIdentity().chain());
    }

    /**
     * Adds a second municipality {@code cvr} (named "Anden kommune", no units or users) whose tokens the system
     * certificate may fetch, for tests of ownership.
     */
    static void otherMunicipality(ServiceplatformSimulator sim, String cvr) {
        sim.authorise(cvr, sim.systemIdentity().certificate());
        sim.data().add(new SimulatorData.Organisation(cvr, UUID.nameUUIDFromBytes(cvr.getBytes(StandardCharsets.UTF_8)),
                "Anden kommune", List.of(), List.of()));
    }

    /** One reply: the HTTP status and the parsed envelope. */
    record Reply(int status, Document envelope) {
        /** The StatusKode of each UnikRetur (or StandardRetur), in order. */
        List<Integer> codes() {
            List<Integer> out = new ArrayList<>();
            NodeList l = envelope.getElementsByTagNameNS(SD, "StatusKode");
            for (int i = 0; i < l.getLength(); i++) {
                out.add(Integer.parseInt(l.item(i).getTextContent().trim()));
            }
            return out;
        }

        /** The first StatusKode. */
        int code() {
            return codes().get(0);
        }

        /** Every FejlbeskedTekst, joined. */
        String messages() {
            StringBuilder b = new StringBuilder();
            NodeList l = envelope.getElementsByTagNameNS(SD, "FejlbeskedTekst");
            for (int i = 0; i < l.getLength(); i++) {
                b.append(l.item(i).getTextContent()).append('\n');
            }
            return b.toString();
        }

        /** The Platform fault code, or null when the reply is no fault. */
        String faultCode() {
            NodeList l = envelope.getElementsByTagNameNS(Xml.SPF, "ErrorCode");
            return l.getLength() == 0 ? null : l.item(0).getTextContent();
        }

        /** The text of every {@code sdi:Antal/sdi:Antal} for {@code element} ({@code sager}, {@code dokumenter}). */
        int antal(String element) {
            return antal(SDI, element);
        }

        /** The {@code Antal/Antal} in namespace {@code ns} for {@code element}. */
        int antal(String ns, String element) {
            NodeList l = envelope.getElementsByTagNameNS(ns, "Element");
            for (int i = 0; i < l.getLength(); i++) {
                if (element.equals(l.item(i).getTextContent())) {
                    return Integer.parseInt(Xml.text(l.item(i).getParentNode(), ns, "Antal"));
                }
            }
            throw new AssertionError("no Antal for " + element);
        }
    }

    /** Calls {@code operation} ({@code importer}, ...) with the body {@code bodyXml} and a token for the PKI's CVR. */
    Reply call(String operation, String bodyXml) throws Exception {
        return call(operation, bodyXml, sim.municipalityCvr(), ServiceplatformSimulator.SF1470_ENTITY_ID);
    }

    /** Calls with a token for {@code cvr} and audience {@code entityId}. */
    Reply call(String operation, String bodyXml, String cvr, String entityId) throws Exception {
        return send("SF1470", SOAP, "http://kombit.dk/sts/sagdokumentindeks/" + operation, bodyXml, cvr, entityId);
    }

    /**
     * Calls the SOAP 1.2 endpoint {@code endpointId} (e.g. {@code SF1490-YI}) with {@code action} and the body
     * {@code bodyXml}, with a token for {@code cvr} and audience {@code entityId}.
     */
    Reply call12(String endpointId, String action, String bodyXml, String cvr, String entityId) throws Exception {
        return send(endpointId, SOAP12, action, bodyXml, cvr, entityId);
    }

    private Reply send(String endpointId, String soapNs, String action, String bodyXml, String cvr, String entityId)
            throws Exception {
        Document d = SecureXml.documentBuilder().newDocument();
        Element env = d.createElementNS(soapNs, "s:Envelope");
        d.appendChild(env);
        // explicit declarations: signatures are computed on the DOM, and the wire form must canonicalise the same
        env.setAttributeNS(XMLNS, "xmlns:s", soapNs);
        env.setAttributeNS(XMLNS, "xmlns:a", WSA);
        Element header = d.createElementNS(soapNs, "s:Header");
        env.appendChild(header);
        header.appendChild(HandMadeTokens.framework(d));
        for (String[] x : new String[][] {{"Action", action}, {"MessageID", "urn:uuid:" + UUID.randomUUID()},
            {"To", sim.endpoints().get(endpointId).toString()}}) {
            Element e = d.createElementNS(WSA, "a:" + x[0]);
            e.setTextContent(x[1]);
            header.appendChild(e);
        }
        Element rh = d.createElementNS(REQUEST_HEADER, "rh:RequestHeader");
        rh.setAttributeNS(XMLNS, "xmlns:rh", REQUEST_HEADER);
        Element tx = d.createElementNS(REQUEST_HEADER, "rh:TransactionUUID");
        tx.setTextContent(UUID.randomUUID().toString());
        rh.appendChild(tx);
        header.appendChild(rh);
        Element body = d.createElementNS(soapNs, "s:Body");
        env.appendChild(body);
        Element payload = SecureXml.parse(new ByteArrayInputStream(bodyXml.getBytes(StandardCharsets.UTF_8)))
                .getDocumentElement();
        body.appendChild(d.importNode(payload, true));
        WsSecuritySigner.builder(credential).samlAssertion(token(cvr, entityId)).build().sign(d);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(d, out);
        HttpRequest.Builder request = HttpRequest.newBuilder(sim.endpoints().get(endpointId));
        if (SOAP12.equals(soapNs)) {
            request.header("Content-Type", "application/soap+xml; charset=utf-8; action=\"" + action + "\"");
        } else {
            request.header("Content-Type", "text/xml; charset=utf-8").header("SOAPAction", "\"" + action + "\"");
        }
        HttpResponse<byte[]> r = http.send(request.POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Reply(r.statusCode(), SecureXml.parse(new ByteArrayInputStream(r.body())));
    }

    private SamlAssertion token(String cvr, String entityId) throws Exception {
        String k = cvr + " " + entityId;
        SamlAssertion cached = tokens.get(k);
        if (cached != null) {
            return cached;
        }
        SamlAssertion token = HandMadeTokens.issue(sim, http, credential.certificate(), entityId, cvr);
        tokens.put(k, token);
        return token;
    }
}

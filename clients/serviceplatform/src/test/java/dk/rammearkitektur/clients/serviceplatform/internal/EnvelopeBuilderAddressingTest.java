package dk.rammearkitektur.clients.serviceplatform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.OrganisationService;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupRequest;
import dk.rammearkitektur.clients.serviceplatform.internal.org.OrganisationMessages;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.Soap;

/**
 * The WS-Addressing choices of research note rows a4 (headers on InvocationContext calls) and f8 (mustUnderstand on
 * Action and To): present, absent and attributed, read back from the serialised envelope as the wire carries it.
 */
class EnvelopeBuilderAddressingTest {
    private static final Authenticator NONE = (envelope, header, body, call) -> { };
    private static final List<String> FOUR = List.of("Action", "MessageID", "To", "ReplyTo");

    private static Document sf1520(EnvelopeBuilder.Addressing wsa, String id) {
        CallInfo call = new CallInfo(PersonBaseDataExtendedService.INSTANCE, "PersonLookup", "urn:action",
                PersonBaseDataExtendedService.INSTANCE.endpoint(Environment.TEST), id, Instant.now());
        PersonLookupRequest req = new PersonLookupRequest();
        req.pnr = "0101011234";
        return wire(EnvelopeBuilder.build(call, req, new InvocationContextAuthenticator(UUID.randomUUID(),
                UUID.randomUUID(), null, null, Map.of("SF1520", UUID.randomUUID())), wsa));
    }

    private static Document sf1500(EnvelopeBuilder.Addressing wsa) {
        CallInfo call = new CallInfo(OrganisationService.INSTANCE, "FremsoegObjekthierarki", OrganisationMessages.ACTION,
                OrganisationService.INSTANCE.endpoint(Environment.TEST), UUID.randomUUID().toString(), Instant.now(),
                SoapVersion.SOAP_12, true);
        return wire(EnvelopeBuilder.build(call, new OrganisationMessages.Input(), NONE, wsa));
    }

    private static Document wire(Document built) {
        return SecureXml.parse(SecureXml.toString(built));
    }

    private static Element header(Document env) {
        Element root = env.getDocumentElement();
        return Dom.child(root, root.getNamespaceURI(), "Header");
    }

    private static List<String> addressingHeaders(Document env) {
        return Dom.children(header(env)).stream().filter(e -> Soap.WSA.equals(e.getNamespaceURI()))
                .map(Element::getLocalName).toList();
    }

    /** The mustUnderstand attribute of wsa:{@code local} in namespace {@code ns}, or null when it has none. */
    private static String mustUnderstand(Document env, String local, String ns) {
        Element e = Dom.child(header(env), Soap.WSA, local);
        return e.hasAttributeNS(ns, "mustUnderstand") ? e.getAttributeNS(ns, "mustUnderstand") : null;
    }

    @Test
    void theDefaultSendsTheFourHeadersWithoutMustUnderstand() {
        Document env = sf1520(EnvelopeBuilder.Addressing.DEFAULT, "c-1");
        assertEquals(FOUR, addressingHeaders(env));
        assertEquals("urn:uuid:c-1", Dom.childText(header(env), Soap.WSA, "MessageID"));
        for (String local : FOUR) {
            assertEquals(null, mustUnderstand(env, local, Soap.SOAP11), local);
        }
    }

    @Test
    void withoutAddressingTheHeaderIsEmptyAndTheContextStillCarriesTheCallId() throws Exception {
        Document env = sf1520(new EnvelopeBuilder.Addressing(false, false), "c-2");
        Element header = header(env);
        assertNotNull(header, "an empty soap:Header, as public context-model clients send");
        assertEquals(List.of(), Dom.children(header));
        assertFalse(SecureXml.toString(env).contains(Soap.WSA), "no WS-Addressing anywhere, not even a namespace");
        Element request = Dom.children(Dom.child(env.getDocumentElement(), Soap.SOAP11, "Body")).get(0);
        Element ctx = Dom.child(request, Soap.INVCTX, "InvocationContext");
        assertEquals("c-2", Dom.childText(ctx, Soap.INVCTX, "CallersServiceCallIdentifier"));
        SecureXml.validator(EnvelopeBuilderTest.schema("cpr/PersonBaseDataExtended_4.xsd")).validate(new DOMSource(request));
    }

    @Test
    void mustUnderstandMarksActionAndToInTheSoap11Namespace() {
        Document env = sf1520(new EnvelopeBuilder.Addressing(true, true), "c-3");
        assertEquals(FOUR, addressingHeaders(env));
        assertEquals("1", mustUnderstand(env, "Action", Soap.SOAP11));
        assertEquals("1", mustUnderstand(env, "To", Soap.SOAP11));
        assertEquals(null, mustUnderstand(env, "MessageID", Soap.SOAP11));
        assertEquals(null, mustUnderstand(env, "ReplyTo", Soap.SOAP11));
        assertEquals(null, mustUnderstand(env, "Action", Soap.SOAP12), "not the other version's attribute");
        assertEquals(null, mustUnderstand(env, "Action", null), "not an unqualified attribute");
    }

    @Test
    void mustUnderstandMarksActionAndToInTheSoap12Namespace() {
        Document env = sf1500(new EnvelopeBuilder.Addressing(true, true));
        assertEquals(Soap.SOAP12, env.getDocumentElement().getNamespaceURI());
        assertEquals("true", mustUnderstand(env, "Action", Soap.SOAP12));
        assertEquals("true", mustUnderstand(env, "To", Soap.SOAP12));
        assertEquals(null, mustUnderstand(env, "MessageID", Soap.SOAP12));
        assertEquals(null, mustUnderstand(env, "Action", Soap.SOAP11), "not the other version's attribute");
        assertTrue(Dom.child(header(env), EnvelopeBuilder.REQUEST_HEADER, "RequestHeader") != null);
    }

    @Test
    void withoutMustUnderstandSoap12HeadersCarryNone() {
        Document env = sf1500(EnvelopeBuilder.Addressing.DEFAULT);
        assertEquals(FOUR, addressingHeaders(env));
        assertEquals(null, mustUnderstand(env, "Action", Soap.SOAP12));
        assertEquals(null, mustUnderstand(env, "To", Soap.SOAP12));
    }
}

package dk.rammearkitektur.clients.serviceplatform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.Soap;
import dk.rammearkitektur.clients.serviceplatform.CprSubscriptionService;
import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.internal.subscription.CprSubscriptionMessages;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** SF6002 requests as the client builds them, validated against the SDK's own contract subset. */
class CprSubscriptionEnvelopeTest {
    private static final UUID AGREEMENT = UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100");

    private static Document build(String operation, Object payload) throws Exception {
        CallInfo call = new CallInfo(CprSubscriptionService.INSTANCE, operation, CprSubscriptionMessages.SOAP_ACTION,
                CprSubscriptionService.INSTANCE.endpoint(Environment.TEST), UUID.randomUUID().toString(), Instant.now());
        Document env = EnvelopeBuilder.build(call, payload, new InvocationContextAuthenticator(UUID.randomUUID(),
                UUID.randomUUID(), null, null, Map.of("SF6002", AGREEMENT)));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(env, out); // as the wire does
        return SecureXml.parse(new java.io.ByteArrayInputStream(out.toByteArray()));
    }

    private static Element payload(Document env) {
        return Dom.children(Dom.child(env.getDocumentElement(), Soap.SOAP11, "Body")).get(0);
    }

    private static Schema contract() throws Exception {
        return EnvelopeBuilderTest.schema("cpr/CprSubscriptionService_1.xsd");
    }

    @Property(tries = 100)
    void addAndRemoveCarryTheContextThenThePnrAndValidate(@ForAll @NumericChars @StringLength(10) String pnr,
            @ForAll boolean add) throws Exception {
        Document env = build(add ? "AddPNRSubscription" : "RemovePNRSubscription",
                add ? CprSubscriptionMessages.add(pnr) : CprSubscriptionMessages.remove(pnr));
        Element payload = payload(env);
        assertEquals(CprSubscriptionMessages.NS, payload.getNamespaceURI());
        assertEquals(add ? "AddPNRSubscription" : "RemovePNRSubscription", payload.getLocalName());
        List<Element> kids = Dom.children(payload);
        assertEquals(List.of(Soap.INVCTX, CprSubscriptionMessages.PNR_NS),
                kids.stream().map(Element::getNamespaceURI).toList());
        assertEquals(pnr, kids.get(1).getTextContent());
        Element ctx = kids.get(0);
        assertEquals("9cdccc2f-3243-11e2-8fef-d4bed98c5934", Dom.childText(ctx, Soap.INVCTX, "ServiceUUID"));
        assertEquals(AGREEMENT.toString(), Dom.childText(ctx, Soap.INVCTX, "ServiceAgreementUUID"));
        SecureXml.validator(contract()).validate(new DOMSource(payload));
    }

    @Test
    void getAllFiltersCarriesOnlyTheContextAndNoAddressing() throws Exception {
        Document env = build("GetAllFilters", new CprSubscriptionMessages.GetAllFilters());
        Element payload = payload(env);
        assertEquals(List.of("InvocationContext"), Dom.children(payload).stream().map(Element::getLocalName).toList());
        SecureXml.validator(contract()).validate(new DOMSource(payload));
        Element header = Dom.child(env.getDocumentElement(), Soap.SOAP11, "Header");
        // soapAction="" names no action, so no WS-Addressing headers (wsa:Action would have to be an IRI)
        assertEquals(List.of(), Dom.children(header));
        assertNull(Dom.child(header, Soap.WSA, "Action"));
    }

    @Test
    void theContractRefusesWhatThePlatformWould() throws Exception {
        Document env = build("AddPNRSubscription", CprSubscriptionMessages.add("01010112345"));
        assertThrows(SAXException.class, () -> SecureXml.validator(contract()).validate(new DOMSource(payload(env))),
                "an 11-character PNR breaks the PNR type's maxLength 10");
        Document noContext = SecureXml.parse("<s:AddPNRSubscription xmlns:s='" + CprSubscriptionMessages.NS + "'>"
                + "<p:PNR xmlns:p='" + CprSubscriptionMessages.PNR_NS + "'>0101011234</p:PNR></s:AddPNRSubscription>");
        assertThrows(SAXException.class, () -> SecureXml.validator(contract()).validate(
                new DOMSource(noContext.getDocumentElement())), "the InvocationContext is required");
    }
}

package dk.rammearkitektur.clients.serviceplatform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.CvrOnlineService;
import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupRequest;
import dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.Soap;

class EnvelopeBuilderTest {
    static Schema schema(String relative) throws Exception {
        String url = EnvelopeBuilderTest.class.getResource("/dk/rammearkitektur/clients/serviceplatform/" + relative)
                .toExternalForm();
        return SecureXml.schemaFactory("file,jar").newSchema(new StreamSource(url));
    }

    private static final UUID AGREEMENT = UUID.randomUUID();

    private static Document build(String cpr, String accounting, String onBehalf) {
        CallInfo call = new CallInfo(PersonBaseDataExtendedService.INSTANCE, "PersonLookup", "urn:action",
                PersonBaseDataExtendedService.INSTANCE.endpoint(Environment.TEST), UUID.randomUUID().toString(), Instant.now());
        PersonLookupRequest req = new PersonLookupRequest();
        req.pnr = cpr;
        return EnvelopeBuilder.build(call, req, new InvocationContextAuthenticator(UUID.randomUUID(), UUID.randomUUID(),
                accounting, onBehalf, Map.of("SF1520", AGREEMENT)));
    }

    private static Element payload(Document env) {
        return Dom.children(Dom.child(env.getDocumentElement(), Soap.SOAP11, "Body")).get(0);
    }

    @Property(tries = 200)
    void contextTravelsInsideTheRequestElement(@ForAll @NumericChars @StringLength(10) String cpr,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String accounting, @ForAll boolean withOptional) throws Exception {
        Document env = build(cpr, withOptional ? accounting : null, withOptional ? accounting : null);
        // serialise and parse again, as the wire does
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(env, out);
        Document wire = SecureXml.parse(new java.io.ByteArrayInputStream(out.toByteArray()));
        Element header = Dom.child(wire.getDocumentElement(), Soap.SOAP11, "Header");
        assertNull(Dom.child(header, Soap.INVCTX, "InvocationContext"), "no InvocationContext header");
        Element payload = payload(wire);
        List<Element> kids = Dom.children(payload);
        assertEquals(List.of("InvocationContext", "PNR"), kids.stream().map(Element::getLocalName).toList());
        Element ctx = kids.get(0);
        assertEquals(AGREEMENT.toString(), Dom.childText(ctx, Soap.INVCTX, "ServiceAgreementUUID"));
        assertEquals(Dom.childText(header, Soap.WSA, "MessageID"),
                "urn:uuid:" + Dom.childText(ctx, Soap.INVCTX, "CallersServiceCallIdentifier"));
        SecureXml.validator(schema("cpr/PersonBaseDataExtended_4.xsd")).validate(new DOMSource(payload));
        assertEquals(cpr, Dom.childText(payload, PersonLookupRequest.PNR_NS, "PNR"));
    }

    @Test
    void contextOrderIsTheListedOrder() {
        Element ctx = Dom.children(payload(build("0101011234", "acc", "obo"))).get(0);
        assertEquals(List.of("ServiceAgreementUUID", "UserSystemUUID", "UserUUID", "OnBehalfOfUser", "ServiceUUID",
                "CallersServiceCallIdentifier", "AccountingInfo"),
                Dom.children(ctx).stream().map(Element::getLocalName).collect(Collectors.toList()));
    }

    @Test
    void cvrRequestNestsThreeLevelsWithTheLevel() throws Exception {
        CallInfo call = new CallInfo(CvrOnlineService.INSTANCE, "getLegalUnit", "urn:a",
                CvrOnlineService.INSTANCE.endpoint(Environment.TEST), UUID.randomUUID().toString(), Instant.now());
        CvrMessages.GetLegalUnitRequest req = new CvrMessages.GetLegalUnitRequest();
        req.request = new CvrMessages.LegalUnitQuery();
        req.request.level = 10;
        req.request.legalUnitIdentifier = "11223344";
        Element payload = payload(EnvelopeBuilder.build(call, req, new InvocationContextAuthenticator(UUID.randomUUID(),
                UUID.randomUUID(), null, null, Map.of("SF1530", AGREEMENT))));
        SecureXml.validator(schema("cvr/CvrOnline_2.xsd")).validate(new DOMSource(payload));
        assertEquals(CvrMessages.OUTER, payload.getNamespaceURI());
        List<Element> kids = Dom.children(payload);
        assertEquals(Soap.INVCTX, kids.get(0).getNamespaceURI());
        Element inner = kids.get(1);
        assertEquals(CvrMessages.WSDL, inner.getNamespaceURI());
        assertEquals("10", inner.getAttribute("level"));
        assertEquals("11223344", Dom.childText(inner, CvrMessages.SCHEMA, "LegalUnitIdentifier"));
    }

    @Test
    void tooLongTextsAreRefusedNamingTheField() {
        String tooLong = "x".repeat(256);
        ValidationException e = assertThrows(ValidationException.class, () -> new InvocationContextAuthenticator(
                UUID.randomUUID(), UUID.randomUUID(), tooLong, tooLong, Map.of()));
        assertEquals(List.of("invocationContext.accountingInfo", "invocationContext.onBehalfOfUser"),
                e.violations().stream().map(v -> v.path()).toList());
        assertTrue(e.getMessage().contains("at most 255 characters"), e.getMessage());
        new InvocationContextAuthenticator(UUID.randomUUID(), UUID.randomUUID(), "x".repeat(255), "y".repeat(255), Map.of());
    }

    @Test
    void missingAgreementNamesTheService() {
        CallInfo call = new CallInfo(CvrOnlineService.INSTANCE, "getLegalUnit", "urn:a",
                CvrOnlineService.INSTANCE.endpoint(Environment.TEST), "c", Instant.now());
        ValidationException e = assertThrows(ValidationException.class, () -> EnvelopeBuilder.build(call,
                new dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages.GetLegalUnitRequest(),
                new InvocationContextAuthenticator(UUID.randomUUID(), UUID.randomUUID(), null, null, Map.of())));
        assertEquals("serviceAgreements.SF1530", e.violations().get(0).path());
    }

    @Test
    void everyContractCompiles() throws Exception {
        for (String xsd : List.of("sp/InvocationContext_1.xsd", "sp/ServiceplatformFault_1.xsd", "sp/PNR_1.xsd",
                "cpr/PersonBaseDataExtended_4.xsd", "cvr/CvrOnline_2.xsd", "organisation/Organisation_6.xsd")) {
            schema(xsd);
        }
        for (String wsdl : List.of("organisation/Organisation_6.wsdl")) {
            Document d = SecureXml.parse(getClass().getResourceAsStream("/dk/rammearkitektur/clients/serviceplatform/" + wsdl));
            assertEquals("definitions", d.getDocumentElement().getLocalName());
        }
    }
}

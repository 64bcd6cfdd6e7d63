package dk.rammearkitektur.clients.serviceplatform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.OrganisationService;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.internal.org.OrganisationMessages;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.math.BigInteger;
import java.time.Instant;
import java.util.UUID;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.Soap;

/** The envelope builder writes the binding's SOAP version and, for SF1500, the KOMBIT RequestHeader. */
class EnvelopeVersionTest {
    private static final Authenticator NONE = (envelope, header, body, call) -> { };

    @Test
    void sf1500IsSoap12WithRequestHeaderAndThePublishedInput() throws Exception {
        String id = UUID.randomUUID().toString();
        CallInfo call = new CallInfo(OrganisationService.INSTANCE, "FremsoegObjekthierarki", OrganisationMessages.ACTION,
                OrganisationService.INSTANCE.endpoint(Environment.TEST), id, Instant.now(), SoapVersion.SOAP_12, true);
        OrganisationMessages.Input in = new OrganisationMessages.Input();
        in.foersteResultatReference = BigInteger.valueOf(500);
        in.maksimalAntalKvantitet = BigInteger.valueOf(500);
        Document wire = SecureXml.parse(SecureXml.toString(EnvelopeBuilder.build(call, in, NONE)));
        Element env = wire.getDocumentElement();
        assertEquals(Soap.SOAP12, env.getNamespaceURI());
        Element header = Dom.child(env, Soap.SOAP12, "Header");
        Element rh = Dom.child(header, EnvelopeBuilder.REQUEST_HEADER, "RequestHeader");
        assertEquals(id, Dom.childText(rh, EnvelopeBuilder.REQUEST_HEADER, "TransactionUUID"));
        SecureXml.validator(EnvelopeBuilderTest.schema("organisation/RequestHeader_1.xsd")).validate(new DOMSource(rh));
        assertEquals(OrganisationMessages.ACTION, Dom.childText(header, Soap.WSA, "Action"));
        Element input = Dom.children(Dom.child(env, Soap.SOAP12, "Body")).get(0);
        assertEquals(OrganisationMessages.STS, input.getNamespaceURI());
        SecureXml.validator(EnvelopeBuilderTest.schema("organisation/Organisation_6.xsd")).validate(new DOMSource(input));
        assertEquals("500", Dom.childText(input, OrganisationMessages.SD, "MaksimalAntalKvantitet"));
    }

    @Test
    void serviceplatformCallsStaySoap11WithoutRequestHeader() {
        CallInfo call = new CallInfo(PersonBaseDataExtendedService.INSTANCE, "PersonLookup", "urn:a",
                PersonBaseDataExtendedService.INSTANCE.endpoint(Environment.TEST), "c", Instant.now());
        Document env = EnvelopeBuilder.build(call, new dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupRequest(),
                NONE);
        assertEquals(Soap.SOAP11, env.getDocumentElement().getNamespaceURI());
        assertNull(Dom.child(Dom.child(env.getDocumentElement(), Soap.SOAP11, "Header"), EnvelopeBuilder.REQUEST_HEADER,
                "RequestHeader"));
    }
}

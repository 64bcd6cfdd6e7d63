package dk.rammearkitektur.clients.serviceplatform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.serviceplatform.SubscriptionFilters;
import dk.rammearkitektur.clients.serviceplatform.SubscriptionResult;
import dk.rammearkitektur.clients.serviceplatform.internal.subscription.CprSubscriptionReplies;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.model.Cpr;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** SF6002 replies read by namespace, whatever the prefixes; unknown elements skipped; bad content refused. */
class CprSubscriptionRepliesTest {
    private static final String SVC = "http://serviceplatformen.dk/xml/wsdl/soap11/CprSubscriptionService/1/";
    private static final String PNR = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";
    private static final String IC = "http://serviceplatformen.dk/xml/schemas/InvocationContext/1/";

    private static Element parse(String xml) {
        return SecureXml.parse(xml).getDocumentElement();
    }

    /** The shape of the live GetAllFilters response (research note §2.2, S3): default namespace InvocationContext. */
    private static final String LIVE_SHAPE = "<ns3:GetAllFiltersResponse xmlns='" + IC + "' xmlns:ns2='" + PNR
            + "' xmlns:ns3='" + SVC + "'><ns3:MunicipalityCode>706</ns3:MunicipalityCode>"
            + "<ns2:PNR>0101011234</ns2:PNR><ns2:PNR>1505821234</ns2:PNR><ns3:noFilter>false</ns3:noFilter>"
            + "</ns3:GetAllFiltersResponse>";

    @Test
    void liveShapeIsReadAndNoFilterIgnored() throws Exception {
        Element payload = parse(LIVE_SHAPE);
        SecureXml.validator(EnvelopeBuilderTest.schema("cpr/CprSubscriptionService_1.xsd")).validate(new DOMSource(payload));
        SubscriptionFilters f = CprSubscriptionReplies.filters(payload);
        assertEquals(List.of(Cpr.parse("0101011234"), Cpr.parse("1505821234")), f.cprNumbers());
        assertEquals(List.of(706), f.municipalityCodes());
        assertEquals(List.of(), f.changeCodes());
        assertTrue(f.follows(Cpr.parse("1505821234")));
        assertFalse(f.toString().contains("0101011234"), f.toString());
        assertTrue(f.toString().contains("cprNumbers=2"), f.toString());
    }

    @Test
    void otherPrefixesAgeRangesChangeCodesAndUnknownElements() {
        SubscriptionFilters f = CprSubscriptionReplies.filters(parse("<GetAllFiltersResponse xmlns='" + SVC + "'>"
                + "<AgeRange><StartAge>18</StartAge><EndAge>25</EndAge></AgeRange><ChangeCode> A01 </ChangeCode>"
                + "<SomethingNew xmlns='urn:x'><PNR xmlns='urn:y'>x</PNR></SomethingNew>"
                + "<MunicipalityCode>0751</MunicipalityCode><x:PNR xmlns:x='" + PNR + "'>010101-1234</x:PNR>"
                + "<PNR>not a pnr in the service namespace</PNR></GetAllFiltersResponse>"));
        assertEquals(List.of(new SubscriptionFilters.AgeRange(18, 25)), f.ageRanges());
        assertEquals(List.of("A01"), f.changeCodes());
        assertEquals(List.of(751), f.municipalityCodes());
        assertEquals(List.of(Cpr.parse("0101011234")), f.cprNumbers());
    }

    @Test
    void aPrefixBoundToAnotherNamespaceIsNotTaken() {
        // ns3 here is the PNR namespace: a prefix-matching reader would take this Result
        ReplyShapeException e = assertThrows(ReplyShapeException.class, () -> CprSubscriptionReplies.result(parse(
                "<ns3:AddPNRSubscriptionResponse xmlns:ns3='" + SVC + "' xmlns:ns2='" + PNR + "'>"
                        + "<ns2:Result>ADDED</ns2:Result></ns3:AddPNRSubscriptionResponse>"), "AddPNRSubscriptionResponse"));
        assertEquals("AddPNRSubscriptionResponse has no Result", e.getMessage());
        assertEquals(SubscriptionResult.Outcome.REMOVED, CprSubscriptionReplies.result(parse(
                "<a:RemovePNRSubscriptionResponse xmlns:a='" + SVC + "'><a:Result>\n REMOVED </a:Result>"
                        + "</a:RemovePNRSubscriptionResponse>"), "RemovePNRSubscriptionResponse").outcome());
    }

    @Test
    void wrongOrBrokenRepliesAreRefusedWithoutTheirCprNumbers() {
        ReplyShapeException e = assertThrows(ReplyShapeException.class, () -> CprSubscriptionReplies.result(parse(
                "<r:RemovePNRSubscriptionResponse xmlns:r='" + SVC + "'><r:Result>ADDED</r:Result>"
                        + "</r:RemovePNRSubscriptionResponse>"), "AddPNRSubscriptionResponse"));
        assertTrue(e.getMessage().contains("expected AddPNRSubscriptionResponse"), e.getMessage());
        e = assertThrows(ReplyShapeException.class, () -> CprSubscriptionReplies.result(parse(
                "<r:AddPNRSubscriptionResponse xmlns:r='" + SVC + "'><r:Result> </r:Result>"
                        + "</r:AddPNRSubscriptionResponse>"), "AddPNRSubscriptionResponse"));
        assertEquals("AddPNRSubscriptionResponse has an empty Result", e.getMessage());
        e = assertThrows(ReplyShapeException.class, () -> CprSubscriptionReplies.filters(parse(
                "<r:GetAllFiltersResponse xmlns:r='" + SVC + "' xmlns:p='" + PNR + "'><p:PNR>0101011234</p:PNR>"
                        + "<p:PNR>3213991234</p:PNR></r:GetAllFiltersResponse>")));
        assertEquals("GetAllFiltersResponse PNR number 2 is not a CPR number", e.getMessage());
        e = assertThrows(ReplyShapeException.class, () -> CprSubscriptionReplies.filters(parse(
                "<r:GetAllFiltersResponse xmlns:r='" + SVC + "'><r:MunicipalityCode>-1</r:MunicipalityCode>"
                        + "</r:GetAllFiltersResponse>")));
        assertEquals("GetAllFiltersResponse MunicipalityCode is not a number from 0 to 9999", e.getMessage());
    }
}

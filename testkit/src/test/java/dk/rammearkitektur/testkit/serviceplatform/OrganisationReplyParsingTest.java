package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.serviceplatform.OrganisationRecord;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.clients.serviceplatform.internal.org.OrganisationReader;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import dk.rammearkitektur.core.ServiceCall;

/**
 * The client's SF1500 reply reader on replies written in the published shape with values unlike the simulator's seed
 * (a renamed unit, bounded and inactive periods, a user linked directly and through a function), each validated against
 * the published OrganisationSystemOperationer.xsd first when ../shared is present.
 */
class OrganisationReplyParsingTest {
    private static final ServiceCall CALL = ServiceCall.read("SF1500", "FremsoegObjekthierarki", "corr-9");
    private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
    private static final UUID UNIT = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000001");
    private static final UUID ROOT = UUID.fromString("aaaaaaaa-0000-4000-8000-000000000002");
    private static final UUID USER = UUID.fromString("bbbbbbbb-0000-4000-8000-000000000001");

    private static Element varied() throws Exception {
        try (InputStream in = OrganisationReplyParsingTest.class.getResourceAsStream("fremsoeg-reply-varied.xml")) {
            Element e = SecureXml.parse(in).getDocumentElement();
            if (PublishedContracts.dir().isPresent()) {
                PublishedContracts.validate(PublishedContracts.schema(
                        "sf1500-sf1510-stoettesystemer-6/xsd/6.0.STS-0/OrganisationSystemOperationer.xsd"), e);
            }
            return e;
        }
    }

    private static Element xml(String s) {
        return SecureXml.parse(new java.io.ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
    }

    @Test
    void currentValuesValidityParentsAndLinksAreRead() throws Exception {
        OrganisationReader reader = new OrganisationReader(NOW);
        assertEquals(2, reader.addPage(varied(), CALL));
        OrganisationRecord org = reader.result();
        assertNull(org.organisationUuid());
        OrganisationRecord.Unit unit = org.units().get(0);
        assertEquals(UNIT, unit.uuid());
        assertEquals("Ny Enhed æøå", unit.name(), "the Egenskab in effect now, of the last registration");
        assertEquals("NY-1", unit.key());
        assertEquals(ROOT, unit.parent());
        assertEquals(new OrganisationRecord.Period(Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2099-12-31T00:00:00Z")), unit.validity(), "the Aktiv Gyldighed, not the Inaktiv one");
        OrganisationRecord.Unit root = org.units().get(1);
        assertEquals("ROD", root.name(), "no name: the key stands in");
        assertNull(root.parent());
        assertEquals(OrganisationRecord.Period.ALWAYS, root.validity());
        assertEquals(List.of(root), org.roots());
        OrganisationRecord.Function f = org.functions().get(0);
        assertEquals("Leder", f.name());
        assertEquals(UUID.fromString("cccccccc-0000-4000-8000-000000000001"), f.type());
        assertEquals(List.of(USER), f.users());
        OrganisationRecord.User u = org.users().get(0);
        assertEquals("xyz123", u.userName());
        assertNull(u.name());
        assertEquals(List.of(UNIT, ROOT), u.units(), "directly, then through the function");
    }

    @Test
    void statusOtherThan20IsATypedFaultWithTheMaskedText() {
        Element reply = xml("<o:FremsoegObjekthierarkiOutput xmlns:o='http://stoettesystemerne.dk/organisation/organisationsystem/6/'"
                + " xmlns:sd='urn:oio:sagdok:3.0.0'><sd:StandardRetur><sd:StatusKode>49</sd:StatusKode>"
                + "<sd:FejlbeskedTekst>Ingen adgang for 0101901234</sd:FejlbeskedTekst></sd:StandardRetur>"
                + "</o:FremsoegObjekthierarkiOutput>");
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> new OrganisationReader(NOW).addPage(reply, CALL));
        assertEquals("49", e.faultCode());
        assertEquals("Ingen adgang for 010190-****", e.faultText());
        assertEquals("corr-9", e.correlationId());
        assertTrue(!e.getMessage().contains("0101901234"));
    }

    @Test
    void missingStatusWrongElementAndBadUuidAreMalformedNamingTheField() {
        String ns = " xmlns:o='http://stoettesystemerne.dk/organisation/organisationsystem/6/' xmlns:sd='urn:oio:sagdok:3.0.0'";
        assertEquals("reply lacks required field StandardRetur", assertThrows(ReplyShapeException.class,
                () -> new OrganisationReader(NOW).addPage(xml("<o:FremsoegObjekthierarkiOutput" + ns + "/>"), CALL))
                .getMessage());
        assertThrows(ReplyShapeException.class,
                () -> new OrganisationReader(NOW).addPage(xml("<o:Other" + ns + "/>"), CALL));
        Element badUuid = xml("<o:FremsoegObjekthierarkiOutput" + ns + " xmlns:b='http://stoettesystemerne.dk/organisation/bruger/6/'>"
                + "<sd:StandardRetur><sd:StatusKode>20</sd:StatusKode></sd:StandardRetur><o:Brugere><o:FiltreretOejebliksbillede>"
                + "<b:ObjektType><sd:UUIDIdentifikator>nope</sd:UUIDIdentifikator></b:ObjektType></o:FiltreretOejebliksbillede>"
                + "</o:Brugere></o:FremsoegObjekthierarkiOutput>");
        assertEquals("reply field Brugere.ObjektType.UUIDIdentifikator is not a UUID",
                assertThrows(ReplyShapeException.class, () -> new OrganisationReader(NOW).addPage(badUuid, CALL))
                        .getMessage());
        Element noObjektType = xml("<o:FremsoegObjekthierarkiOutput" + ns + "><sd:StandardRetur><sd:StatusKode>20</sd:StatusKode>"
                + "</sd:StandardRetur><o:OrganisationEnheder><o:FiltreretOejebliksbillede/></o:OrganisationEnheder>"
                + "</o:FremsoegObjekthierarkiOutput>");
        assertEquals("reply lacks required field OrganisationEnheder.FiltreretOejebliksbillede.ObjektType",
                assertThrows(ReplyShapeException.class, () -> new OrganisationReader(NOW).addPage(noObjektType, CALL))
                        .getMessage());
    }
}

package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.OrganisationClient;
import dk.rammearkitektur.clients.stoettesystemer.OrganisationQuery;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.internal.Contracts;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Every request the Organisation client sends and every reply the simulator sends, against the published Organisation
 * 6 contract in {@code ../shared/conformance/serviceplatformen/sf1500-sf1510-stoettesystemer-6} (skipped with a
 * message when absent): each body against its service's {@code xsd/6.0.STS-0/<Service>Operationer.xsd}, the header
 * against {@code xsd/common/RequestHeader.xsd}, SOAP 1.2 and the actions of {@code wsdl/Bruger.wsdl},
 * {@code wsdl/OrganisationEnhed.wsdl} and {@code wsdl/OrganisationFunktion.wsdl}; and the product's own contract
 * subsets accept the same messages and refuse what the published ones refuse.
 */
class OrganisationClientConformanceTest extends TappedSimulatorTest {
    private static final String WSA = "http://www.w3.org/2005/08/addressing";
    private static final String DIR = "sf1500-sf1510-stoettesystemer-6/";
    private static final String OWN = "/dk/rammearkitektur/clients/stoettesystemer/organisation/";
    /** Endpoint id, the published file stem (WSDL and operations XSD) and the product's own subset. */
    private static final List<String[]> SERVICES = List.of(
            new String[] {"SF1500-bruger", "Bruger", "Bruger_6.xsd"},
            new String[] {"SF1500-organisationenhed", "OrganisationEnhed", "OrganisationEnhed_6.xsd"},
            new String[] {"SF1500-organisationfunktion", "OrganisationFunktion", "OrganisationFunktion_6.xsd"});
    private static Schema published(String stem) {
        return PublishedContracts.schema(DIR + "xsd/6.0.STS-0/" + stem + "Operationer.xsd");
    }

    @Test
    void requestsAndRepliesFollowThePublishedContract() {
        SimulatorData.Organisation org = sim.data().organisation(sim.municipalityCvr()).orElseThrow();
        UUID unit = org.units().get(3).uuid();
        UUID user = org.users().get(2).uuid();
        try (OrganisationClient c = SimulatorClients.organisation(sim).build()) {
            c.searchUsers(OrganisationQuery.all().withKey("cim").withName("Cim Clausen").withUnit(unit), 0, 5);
            c.searchUsers(OrganisationQuery.all().withKey("<&>\"'æøå"), 3, 5);
            c.searchAllUnits(OrganisationQuery.all().withParent(org.units().get(0).uuid()).withKey("TK-SB")
                    .withName("Social og Beskæftigelse"), 10);
            c.searchUnits(OrganisationQuery.all(), 0, 1);
            c.searchFunctions(OrganisationQuery.all().withName("Ansat").withFunctionType(SimulatorData.ENGAGEMENT_TYPE)
                    .withUser(user).withUnit(unit), 0, 10);
            c.searchFunctions(OrganisationQuery.all().withKey("none"), 0, 10);
            c.readUser(user).orElseThrow();
            c.readUser(UUID.randomUUID());
            c.readUnit(unit).orElseThrow();
            c.readFunction(org.functions().get(0).uuid()).orElseThrow();
            c.listUsers(List.of(user, UUID.randomUUID()));
            c.listUnits(List.of(unit));
            c.listFunctions(List.of(org.functions().get(1).uuid()));
            sim.faults().next(Fault.statusCode(44));
            assertThrows(ServiceFaultException.class, () -> c.readUnit(unit));
            sim.faults().next(Fault.statusCode(44));
            assertThrows(ServiceFaultException.class, () -> c.searchFunctions(OrganisationQuery.all(), 0, 10));
        }
        Schema requestHeader = PublishedContracts.schema(DIR + "xsd/common/RequestHeader.xsd");
        Map<String, String> operationOf = Map.of("SoegInput", "soeg", "LaesInput", "laes", "ListInput", "list");
        for (String[] service : SERVICES) {
            String wsdl = DIR + "wsdl/" + service[1] + ".wsdl";
            assertTrue(PublishedContracts.read(wsdl).contains("<soap12:binding "), wsdl + " binds SOAP 1.2");
            Schema operations = published(service[1]);
            Schema own = Contracts.schema(OWN + service[2]);
            List<byte[]> requests = seen.get(service[0] + " request");
            List<byte[]> replies = seen.get(service[0] + " reply");
            assertNotNull(requests, service[0]);
            assertEquals(requests.size(), replies.size());
            Set<String> operations0 = new HashSet<>();
            for (byte[] r : requests) {
                Document request = PublishedContracts.parse(r);
                Element input = PublishedContracts.soap12Body(request);
                PublishedContracts.validate(operations, input);
                PublishedContracts.validate(own, input);
                Element header = PublishedContracts.soap12Header(request);
                Element rh = Xml.kid(header, OrganisationResponses.REQUEST_HEADER, "RequestHeader");
                assertNotNull(rh, "RequestHeader");
                PublishedContracts.validate(requestHeader, rh);
                String operation = operationOf.get(input.getLocalName());
                operations0.add(operation);
                assertEquals(PublishedContracts.soap12Action(wsdl, operation), Xml.text(header, WSA, "Action"));
            }
            assertEquals(Set.of("soeg", "laes", "list"), operations0, service[0] + ": every operation was checked");
            for (byte[] r : replies) {
                Document reply = PublishedContracts.parse(r);
                PublishedContracts.validate(operations, PublishedContracts.soap12Body(reply));
                PublishedContracts.validate(own, PublishedContracts.soap12Body(reply));
                PublishedContracts.validate(requestHeader, Xml.kid(PublishedContracts.soap12Header(reply),
                        OrganisationResponses.REQUEST_HEADER, "RequestHeader"));
            }
        }
        assertEquals("no violations", sim.conformanceReport());
        assertTrue(sim.contracts() != null, "the simulator validated against the published contracts too");
    }

    @Test
    void ownContractSubsetRefusesWhatThePublishedOneRefuses() {
        Schema operations = published("Bruger");
        Schema own = Contracts.schema(OWN + "Bruger_6.xsd");
        String ns = "xmlns='http://stoettesystemerne.dk/organisation/bruger/6/' xmlns:sd='urn:oio:sagdok:3.0.0'";
        String ref = "<sd:ReferenceID><sd:UUIDIdentifikator>" + UUID.randomUUID() + "</sd:UUIDIdentifikator>"
                + "</sd:ReferenceID>";
        String good = "<SoegInput " + ns + "><sd:FoersteResultatReference>0</sd:FoersteResultatReference>"
                + "<sd:MaksimalAntalKvantitet>5</sd:MaksimalAntalKvantitet><AttributListe><Egenskab>"
                + "<sd:BrugervendtNoegleTekst>k</sd:BrugervendtNoegleTekst><sd:BrugerNavn>n</sd:BrugerNavn>"
                + "</Egenskab></AttributListe><TilstandListe/><RelationListe><sd:Tilhoerer>" + ref + "</sd:Tilhoerer>"
                + "<sd:TilknyttedeEnheder>" + ref + "</sd:TilknyttedeEnheder></RelationListe></SoegInput>";
        Element g = PublishedContracts.parse(good.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
        PublishedContracts.validate(operations, g);
        PublishedContracts.validate(own, g);
        for (String bad : List.of("<SoegInput " + ns + "><AttributListe/><TilstandListe/></SoegInput>",
                "<SoegInput " + ns + "><AttributListe/><TilstandListe/><RelationListe/>"
                        + "<sd:MaksimalAntalKvantitet>5</sd:MaksimalAntalKvantitet></SoegInput>",
                "<SoegInput " + ns + "><AttributListe/><TilstandListe/><RelationListe><sd:TilknyttedeEnheder>" + ref
                        + "</sd:TilknyttedeEnheder><sd:Tilhoerer>" + ref + "</sd:Tilhoerer></RelationListe></SoegInput>",
                "<SoegInput " + ns + "><AttributListe/><TilstandListe/><RelationListe><sd:Tilhoerer>" + ref
                        + "</sd:Tilhoerer><sd:Tilhoerer>" + ref + "</sd:Tilhoerer></RelationListe></SoegInput>",
                "<SoegInput " + ns + "><AttributListe><Egenskab><sd:BrugerNavn>" + "n".repeat(201)
                        + "</sd:BrugerNavn></Egenskab></AttributListe><TilstandListe/><RelationListe/></SoegInput>",
                "<SoegInput " + ns + "><AttributListe><Egenskab><sd:BrugervendtNoegleTekst>" + "x".repeat(51)
                        + "</sd:BrugervendtNoegleTekst></Egenskab></AttributListe><TilstandListe/><RelationListe/>"
                        + "</SoegInput>",
                "<LaesInput " + ns + "><sd:UUIDIdentifikator>not-a-uuid</sd:UUIDIdentifikator></LaesInput>",
                "<ListInput " + ns + "/>",
                "<LaesOutput " + ns + "><sd:StandardRetur><sd:StatusKode>20</sd:StatusKode></sd:StandardRetur>"
                        + "<FiltreretOejebliksbillede><ObjektID><sd:UUIDIdentifikator>" + UUID.randomUUID()
                        + "</sd:UUIDIdentifikator></ObjektID></FiltreretOejebliksbillede></LaesOutput>")) {
            Element e = PublishedContracts.parse(bad.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
            assertThrows(AssertionError.class, () -> PublishedContracts.validate(operations, e), bad);
            assertThrows(AssertionError.class, () -> PublishedContracts.validate(own, e), bad);
        }
    }
}

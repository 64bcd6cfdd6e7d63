package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.CivilStatus;
import dk.rammearkitektur.clients.serviceplatform.CompanyRecord;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.PersonStatus;
import dk.rammearkitektur.clients.serviceplatform.ProductionUnitRecord;
import dk.rammearkitektur.clients.serviceplatform.internal.JaxbCodec;
import dk.rammearkitektur.clients.serviceplatform.internal.Mapping;
import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupResponse;
import dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.serviceplatform.internal.PublishedContracts;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * Replies written by hand in the published shape, with values unlike the simulator's seeded data (uncertain dates,
 * missing optional parts, protected addresses, elements the SDK does not read), are first validated against the
 * published contracts and then read by the client's own reply mapping.
 */
class PublishedShapeParsingTest {
    private static Path contracts;

    @BeforeAll
    static void find() {
        contracts = PublishedContracts.find();
        Assumptions.assumeTrue(contracts != null, PublishedContractConformanceTest.SKIP);
    }

    private static Element sample(String name, String xsd) throws Exception {
        Element e;
        try (InputStream in = PublishedShapeParsingTest.class.getResourceAsStream("published-shape/" + name)) {
            e = SecureXml.parse(in).getDocumentElement();
        }
        PublishedContractConformanceTest.validate(contracts.resolve(xsd), e, name);
        return e;
    }

    @Test
    void uncertainDatesAndEveryProtection() throws Exception {
        PersonRecord p = Mapping.person(JaxbCodec.unmarshal(sample("person-uncertain-protected.xml",
                PublishedContracts.SF1520), PersonLookupResponse.class));
        assertEquals(LocalDate.of(1899, 12, 31), p.birthDate());
        assertEquals("*", p.birth().uncertaintyMarker());
        assertEquals(PersonStatus.fromCode(70), p.status());
        assertEquals(LocalDate.of(1975, 6, 1), p.statusDate().date());
        assertTrue(p.statusDate().uncertain());
        assertEquals(CivilStatus.WIDOWED, p.civilStatus());
        assertEquals(LocalDate.of(1960, 2, 29), p.civilStatusDate().date());
        assertEquals("U", p.civilStatusDate().uncertaintyMarker());
        assertTrue(p.addressProtected());
        assertTrue(p.directoryProtected());
        assertTrue(p.marketingProtected());
        assertNull(p.middleName());
        assertNull(p.address());
        assertEquals(LocalDate.of(1976, 3, 15), p.emigrationDate());
        assertTrue(p.emigration().uncertain());
        assertFalse(p.toString().contains("3112999993"), p.toString());
    }

    @Test
    void certainDatesNoCivilStatusAndAnAddress() throws Exception {
        PersonRecord p = Mapping.person(JaxbCodec.unmarshal(sample("person-certain-unprotected.xml",
                PublishedContracts.SF1520), PersonLookupResponse.class));
        assertEquals(LocalDate.of(2003, 2, 1), p.birthDate());
        assertFalse(p.birth().uncertain());
        assertNull(p.statusDate());
        assertNull(p.civilStatus());
        assertNull(p.civilStatusDate());
        assertFalse(p.addressProtected());
        assertFalse(p.directoryProtected());
        assertFalse(p.marketingProtected());
        assertEquals("Aqqusinersuaq 4B, st., 3900 Nuuk", p.address().oneLine());
        assertEquals(956, p.address().municipalityCode());
        assertNull(p.emigration());
    }

    @Test
    void ceasedCompanyWithoutActivityOrUnits() throws Exception {
        CompanyRecord c = Mapping.company(JaxbCodec.unmarshal(sample("legal-unit-ceased.xml", PublishedContracts.SF1530),
                CvrMessages.GetLegalUnitResponse.class));
        assertEquals("87654321", c.cvr());
        assertEquals("Lukket & Slukket A/S", c.name());
        assertEquals(LocalDate.of(1990, 7, 1), c.startDate());
        assertEquals(LocalDate.of(2015, 6, 30), c.cessationDate());
        assertFalse(c.active());
        assertEquals("OPHOERT", c.status());
        assertTrue(c.advertisingProtected());
        assertNull(c.industryCode());
        assertEquals(List.of(), c.productionUnits());
        assertEquals("Lukkevej 117A, KL., 1050 København K", c.address().oneLine());
        assertEquals("Kurator Kim", c.address().careOf());
        assertEquals(101, c.address().municipalityCode());
    }

    @Test
    void productionUnitWithoutCompanyOrPostalAddress() throws Exception {
        ProductionUnitRecord u = Mapping.productionUnit(JaxbCodec.unmarshal(sample("production-unit-unaffiliated.xml",
                PublishedContracts.SF1530), CvrMessages.GetProductionUnitResponse.class));
        assertEquals("1122334455", u.pNumber());
        assertEquals("Fritliggende enhed", u.name());
        assertNull(u.cvr());
        assertNull(u.address());
        assertEquals("011100", u.industryCode());
    }
}

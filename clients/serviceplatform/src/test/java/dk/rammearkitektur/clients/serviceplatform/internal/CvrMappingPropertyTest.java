package dk.rammearkitektur.clients.serviceplatform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.rammearkitektur.clients.serviceplatform.CompanyRecord;
import dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages;
import dk.rammearkitektur.core.xml.SecureXml;
import java.time.LocalDate;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.serviceplatform.internal.JaxbCodec;

/**
 * SF1530 legal units written in the published three-level shape, valid against the SDK's contract subset, read back
 * to the same values, whatever optional parts are present.
 */
class CvrMappingPropertyTest {
    private static final String D = CvrMessages.SCHEMA;
    private static final String DK3 = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/";
    private static final String DK5 = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/";

    @Provide
    Arbitrary<String> pNumbers() {
        return Arbitraries.longs().between(1_000_000_000L, 9_999_999_999L).map(String::valueOf);
    }

    @Property(tries = 200)
    void legalUnitRoundTrip(@ForAll @IntRange(min = 10_000_000, max = 99_999_999) int cvr,
            @ForAll @AlphaChars @StringLength(min = 1, max = 40) String name, @ForAll boolean ceased,
            @ForAll boolean advertising, @ForAll @Size(max = 5) List<@net.jqwik.api.From("pNumbers") String> units,
            @ForAll @IntRange(min = -1, max = 999_999) int activity, @ForAll boolean withAddress,
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String city) throws Exception {
        Document doc = Dom.newDocument();
        Element outer = doc.createElementNS(CvrMessages.OUTER, "o:GetLegalUnitResponse");
        doc.appendChild(outer);
        Element u = Dom.add(Dom.add(outer, CvrMessages.WSDL, "m:GetLegalUnitResponse", null), D, "d:LegalUnit", null);
        u.setAttribute("versionIdentifier", "1");
        Dom.add(u, D, "d:LegalUnitIdentifier", Integer.toString(cvr));
        Element n = Dom.add(u, D, "d:LegalUnitName", null);
        n.setAttribute("sequenceNumber", "0");
        n.setAttribute("validFromDate", "2000-01-01");
        Dom.add(n, D, "d:name", name);
        Dom.add(u, D, "d:AdvertisingProtectionIndicator", Boolean.toString(advertising));
        Dom.add(u, "http://rep.oio.dk/cvr.dk/xml/schemas/2005/03/22/", "c:ExporterIndicator", "false");
        Dom.add(u, "http://rep.oio.dk/cvr.dk/xml/schemas/2005/03/22/", "c:ImporterIndicator", "false");
        Element life = Dom.add(u, D, "d:Lifecycle", null);
        Dom.add(life, D, "d:StartDate", "2000-01-01");
        if (ceased) {
            Dom.add(life, D, "d:CessationDate", "2020-02-29");
        }
        Element a = Dom.add(u, D, "d:AddressOfficial", null);
        a.setAttribute("validFromDate", "2000-01-01");
        if (withAddress) {
            Element p = Dom.add(a, D, "d:AddressPostalExtended", null);
            Dom.add(p, DK5, "k5:StreetName", name);
            Dom.add(p, DK3, "k3:StreetBuildingIdentifier", "12B");
            Dom.add(p, DK5, "k5:PostCodeIdentifier", "8000");
            Dom.add(p, DK5, "k5:DistrictName", city);
        }
        Dom.add(a, DK3, "k3:CountryIdentificationCode", "DK").setAttribute("scheme", "iso3166-alpha2");
        String code = activity < 0 ? null : String.format("%06d", activity);
        if (code != null) {
            Element m = Dom.add(Dom.add(u, D, "d:ActivityInformation", null), D, "d:MainActivity", null);
            m.setAttribute("validFromDate", "2000-01-01");
            Dom.add(m, D, "d:ActivityCode", code);
        }
        if (!units.isEmpty()) {
            Element col = Dom.add(u, D, "d:ProductionUnitAffiliationCollection", null);
            for (String p : units) {
                Element af = Dom.add(col, D, "d:ProductionUnitAffiliation", null);
                af.setAttribute("validFromDate", "2000-01-01");
                Dom.add(af, D, "d:ProductionUnitIdentifier", p);
            }
        }
        SecureXml.validator(EnvelopeBuilderTest.schema("cvr/CvrOnline_2.xsd")).validate(new DOMSource(outer));

        CompanyRecord c = Mapping.company(JaxbCodec.unmarshal(outer, CvrMessages.GetLegalUnitResponse.class));
        assertEquals(Integer.toString(cvr), c.cvr());
        assertEquals(name, c.name());
        assertEquals(!ceased, c.active());
        assertEquals(ceased ? LocalDate.of(2020, 2, 29) : null, c.cessationDate());
        assertEquals(LocalDate.of(2000, 1, 1), c.startDate());
        assertEquals(advertising, c.advertisingProtected());
        assertEquals(code, c.industryCode());
        assertEquals(units, c.productionUnits());
        if (withAddress) {
            assertEquals(name + " 12B, 8000 " + city, c.address().oneLine());
        } else {
            assertNull(c.address());
        }
    }
}

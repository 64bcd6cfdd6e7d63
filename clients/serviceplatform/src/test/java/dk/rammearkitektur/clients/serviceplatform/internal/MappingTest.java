package dk.rammearkitektur.clients.serviceplatform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.PersonStatus;
import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupResponse;
import dk.rammearkitektur.core.xml.SecureXml;
import java.time.LocalDate;
import javax.xml.transform.dom.DOMSource;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.serviceplatform.internal.JaxbCodec;

class MappingTest {
    @Provide
    Arbitrary<Integer> statusCodes() {
        return Arbitraries.of(1, 3, 5, 7, 20, 30, 50, 60, 70, 80, 90);
    }

    /** A response written as the contract says round-trips through JAXB and the mapping to the same values. */
    @Property(tries = 200)
    void personResponseRoundTrip(@ForAll @NumericChars @StringLength(10) String cpr,
            @ForAll @AlphaChars @StringLength(min = 1, max = 30) String first,
            @ForAll @AlphaChars @StringLength(min = 1, max = 30) String last,
            @ForAll("statusCodes") int status, @ForAll boolean protectedAddress,
            @ForAll @IntRange(min = -40_000, max = 32_000) int bornDay, @ForAll("markers") String marker,
            @ForAll boolean directory) throws Exception {
        LocalDate born = LocalDate.ofEpochDay(bornDay);
        Document doc = Dom.newDocument();
        String ns = "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/";
        Element r = doc.createElementNS(ns, "c:PersonLookupResponse");
        doc.appendChild(r);
        Element pd = Dom.add(r, ns, "c:persondata", null);
        Dom.add(pd, ns, "c:personnummer", cpr);
        Element navn = Dom.add(pd, ns, "c:navn", null);
        Dom.add(navn, ns, "c:personadresseringsnavn", first + " " + last);
        Dom.add(navn, ns, "c:fornavn", first);
        Dom.add(navn, ns, "c:efternavn", last);
        Element foedt = Dom.add(pd, ns, "c:foedselsdato", null);
        Dom.add(foedt, ns, "c:dato", born.toString());
        if (!marker.isEmpty()) {
            Dom.add(foedt, ns, "c:usikkerhedsmarkering", marker);
        }
        Dom.add(pd, ns, "c:antalBoernUnder18", "0");
        Element st = Dom.add(pd, ns, "c:status", null);
        Dom.add(st, ns, "c:status", Integer.toString(status));
        Dom.add(Dom.add(st, ns, "c:statusdato", null), ns, "c:dato", born + "T12:30:00+02:00");
        Element civil = Dom.add(pd, ns, "c:civilstand", null);
        Dom.add(civil, ns, "c:civilstand", "G");
        Element civilDate = Dom.add(civil, ns, "c:civilstandsdato", null);
        Dom.add(civilDate, ns, "c:dato", "2001-02-03T00:00:00");
        Dom.add(civilDate, ns, "c:usikkerhedsmarkering", "*");
        Dom.add(Dom.add(pd, ns, "c:adressebeskyttelse", null), ns, "c:beskyttet", Boolean.toString(protectedAddress));
        if (directory) {
            Element v = Dom.add(pd, ns, "c:vejviserbeskyttelse", null);
            Dom.add(v, ns, "c:startdato", "2019-01-01");
            Dom.add(v, ns, "c:beskyttet", "true");
        }
        SecureXml.validator(EnvelopeBuilderTest.schema("cpr/PersonBaseDataExtended_4.xsd")).validate(new DOMSource(r));

        PersonRecord p = Mapping.person(JaxbCodec.unmarshal(r, PersonLookupResponse.class));
        assertEquals(cpr, p.cpr());
        assertEquals(first + " " + last, p.name());
        assertEquals(first, p.firstName());
        assertEquals(born, p.birthDate());
        assertEquals(marker.isEmpty() ? null : marker, p.birth().uncertaintyMarker());
        assertEquals(!marker.isEmpty(), p.birth().uncertain());
        assertEquals(born, p.statusDate().date());
        assertEquals(dk.rammearkitektur.clients.serviceplatform.CivilStatus.MARRIED, p.civilStatus());
        assertEquals(LocalDate.of(2001, 2, 3), p.civilStatusDate().date());
        assertEquals("*", p.civilStatusDate().uncertaintyMarker());
        assertEquals(PersonStatus.fromCode(status), p.status());
        assertEquals(protectedAddress, p.addressProtected());
        assertEquals(directory, p.directoryProtected());
        assertEquals(false, p.marketingProtected());
        assertNull(p.address());
    }

    @Provide
    Arbitrary<String> markers() {
        return Arbitraries.of("", "*", "U");
    }

    @Test
    void dateWithoutDatoIsMalformedNamingThePath() {
        PersonLookupResponse r = minimal();
        r.persondata.status.statusdato = new PersonLookupResponse.UsikkerhedDatoTid();
        assertEquals("reply lacks required field persondata.status.statusdato.dato",
                assertThrows(ReplyShapeException.class, () -> Mapping.person(r)).getMessage());
    }

    @Test
    void legalUnitWithoutNameIsMalformed() {
        dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages.GetLegalUnitResponse r =
                new dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages.GetLegalUnitResponse();
        r.response = new dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages.LegalUnitAnswer();
        assertNull(Mapping.company(r));
        r.response.legalUnit = new dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages.LegalUnit();
        r.response.legalUnit.legalUnitIdentifier = "11223344";
        assertEquals("reply lacks required field LegalUnit.LegalUnitName.name",
                assertThrows(ReplyShapeException.class, () -> Mapping.company(r)).getMessage());
    }

    private static PersonLookupResponse minimal() {
        PersonLookupResponse r = new PersonLookupResponse();
        r.persondata = new PersonLookupResponse.Persondata();
        r.persondata.personnummer = "0101011234";
        r.persondata.navn = new PersonLookupResponse.Navn();
        r.persondata.navn.personadresseringsnavn = "X";
        r.persondata.status = new PersonLookupResponse.Status();
        r.persondata.status.status = 1;
        return r;
    }

    @Test
    void missingRequiredFieldIsMalformed() {
        PersonLookupResponse r = minimal();
        r.persondata.navn = null;
        ReplyShapeException e = assertThrows(ReplyShapeException.class, () -> Mapping.person(r));
        assertEquals("reply lacks required field persondata.navn.personadresseringsnavn", e.getMessage());
    }

    @Test
    void unknownStatusIsMalformed() {
        PersonLookupResponse r = minimal();
        r.persondata.status.status = 2;
        assertThrows(ReplyShapeException.class, () -> Mapping.person(r));
    }

    @Test
    void wrongBodyElementIsMalformed() {
        Document doc = Dom.newDocument();
        Element x = doc.createElementNS("urn:x", "x:Other");
        doc.appendChild(x);
        assertThrows(ReplyShapeException.class, () -> JaxbCodec.unmarshal(x, PersonLookupResponse.class));
    }
}

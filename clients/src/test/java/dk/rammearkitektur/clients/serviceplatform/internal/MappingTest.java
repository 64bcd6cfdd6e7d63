package dk.rammearkitektur.clients.serviceplatform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.clients.serviceplatform.MalformedReplyException;
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
            @ForAll @IntRange(min = -40_000, max = 32_000) int bornDay) throws Exception {
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
        Dom.add(pd, ns, "c:foedselsdato", born.toString());
        Dom.add(Dom.add(pd, ns, "c:status", null), ns, "c:status", Integer.toString(status));
        Dom.add(Dom.add(pd, ns, "c:adressebeskyttelse", null), ns, "c:beskyttet", Boolean.toString(protectedAddress));
        SecureXml.validator(EnvelopeBuilderTest.schema("cpr/PersonBaseDataExtended_4.xsd")).validate(new DOMSource(r));

        PersonRecord p = Mapping.person(JaxbCodec.unmarshal(r, PersonLookupResponse.class));
        assertEquals(cpr, p.cpr());
        assertEquals(first + " " + last, p.name());
        assertEquals(first, p.firstName());
        assertEquals(born, p.birthDate());
        assertEquals(PersonStatus.fromCode(status), p.status());
        assertEquals(protectedAddress, p.addressProtected());
        assertNull(p.address());
    }

    @Test
    void missingRequiredFieldIsMalformed() {
        PersonLookupResponse r = new PersonLookupResponse();
        r.persondata = new PersonLookupResponse.Persondata();
        r.persondata.personnummer = "0101011234";
        MalformedReplyException e = assertThrows(MalformedReplyException.class, () -> Mapping.person(r));
        assertEquals("reply lacks required field persondata.navn.personadresseringsnavn", e.getMessage());
    }

    @Test
    void unknownStatusIsMalformed() {
        PersonLookupResponse r = new PersonLookupResponse();
        r.persondata = new PersonLookupResponse.Persondata();
        r.persondata.personnummer = "0101011234";
        r.persondata.navn = new PersonLookupResponse.Navn();
        r.persondata.navn.personadresseringsnavn = "X";
        r.persondata.status = new PersonLookupResponse.Status();
        r.persondata.status.status = 2;
        assertThrows(MalformedReplyException.class, () -> Mapping.person(r));
    }

    @Test
    void wrongBodyElementIsMalformed() {
        Document doc = Dom.newDocument();
        Element x = doc.createElementNS("urn:x", "x:Other");
        doc.appendChild(x);
        assertThrows(MalformedReplyException.class, () -> JaxbCodec.unmarshal(x, PersonLookupResponse.class));
    }
}

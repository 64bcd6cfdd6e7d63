package dk.rammearkitektur.testkit.serviceplatform;

import java.util.Optional;
import org.w3c.dom.Element;

/** Writes the three services' answers as DOM, from the contracts' element names. */
final class ServiceResponses {
    static final String CPR_NS = "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/";
    static final String PNR_NS = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";
    static final String CVR_NS = "http://rep.oio.dk/eogs/xml/2/";

    private ServiceResponses() {
    }

    static void person(Element body, Optional<SimulatorData.Person> found) {
        Element r = Xml.el(body, CPR_NS, "cpr:PersonLookupResponse", null);
        r.setAttributeNS(Xml.XMLNS, "xmlns:cpr", CPR_NS);
        if (found.isEmpty()) {
            return;
        }
        SimulatorData.Person p = found.get();
        Element pd = Xml.el(r, CPR_NS, "cpr:persondata", null);
        Xml.el(pd, CPR_NS, "cpr:personnummer", p.cpr());
        Element navn = Xml.el(pd, CPR_NS, "cpr:navn", null);
        Xml.el(navn, CPR_NS, "cpr:personadresseringsnavn", p.fullName());
        Xml.el(navn, CPR_NS, "cpr:fornavn", p.firstName());
        if (p.middleName() != null) {
            Xml.el(navn, CPR_NS, "cpr:mellemnavn", p.middleName());
        }
        Xml.el(navn, CPR_NS, "cpr:efternavn", p.lastName());
        if (p.birthDate() != null) {
            Xml.el(pd, CPR_NS, "cpr:foedselsdato", p.birthDate());
        }
        Xml.el(Xml.el(pd, CPR_NS, "cpr:status", null), CPR_NS, "cpr:status", p.statusCode());
        if (p.civilStatusCode() != null) {
            Xml.el(Xml.el(pd, CPR_NS, "cpr:civilstand", null), CPR_NS, "cpr:civilstandKode", p.civilStatusCode());
        }
        Xml.el(Xml.el(pd, CPR_NS, "cpr:adressebeskyttelse", null), CPR_NS, "cpr:beskyttet", p.addressProtected());
        if (p.address() != null || p.emigrationDate() != null) {
            Element ad = Xml.el(r, CPR_NS, "cpr:adresse", null);
            SimulatorData.Address a = p.address();
            if (a != null) {
                Element aa = Xml.el(ad, CPR_NS, "cpr:aktuelAdresse", null);
                opt(aa, CPR_NS, "cpr:kommunekode", a.municipalityCode());
                opt(aa, CPR_NS, "cpr:vejnavn", a.street());
                opt(aa, CPR_NS, "cpr:husnummer", a.houseNumber());
                opt(aa, CPR_NS, "cpr:etage", a.floor());
                opt(aa, CPR_NS, "cpr:sidedoer", a.door());
                opt(aa, CPR_NS, "cpr:conavn", a.careOf());
                opt(aa, CPR_NS, "cpr:postnummer", a.postalCode());
                opt(aa, CPR_NS, "cpr:postdistrikt", a.city());
            }
            if (p.emigrationDate() != null) {
                Element u = Xml.el(ad, CPR_NS, "cpr:udrejseoplysninger", null);
                Xml.el(u, CPR_NS, "cpr:udrejsedato", p.emigrationDate());
            }
        }
    }

    static void legalUnit(Element body, Optional<SimulatorData.Company> found) {
        Element r = Xml.el(body, CVR_NS, "cvr:GetLegalUnitResponse", null);
        r.setAttributeNS(Xml.XMLNS, "xmlns:cvr", CVR_NS);
        found.ifPresent(c -> {
            Element u = Xml.el(r, CVR_NS, "cvr:LegalUnit", null);
            Xml.el(u, CVR_NS, "cvr:LegalUnitIdentifier", c.cvr());
            Xml.el(u, CVR_NS, "cvr:LegalUnitName", c.name());
            cvrAddress(u, c.address());
            Xml.el(Xml.el(u, CVR_NS, "cvr:LegalUnitStatus", null), CVR_NS, "cvr:LegalUnitStatusCode", c.status());
            activity(u, c.industryCode());
            for (String p : c.productionUnits()) {
                Xml.el(u, CVR_NS, "cvr:ProductionUnitIdentifier", p);
            }
        });
    }

    static void productionUnit(Element body, Optional<SimulatorData.ProductionUnit> found) {
        Element r = Xml.el(body, CVR_NS, "cvr:GetProductionUnitResponse", null);
        r.setAttributeNS(Xml.XMLNS, "xmlns:cvr", CVR_NS);
        found.ifPresent(p -> {
            Element u = Xml.el(r, CVR_NS, "cvr:ProductionUnit", null);
            Xml.el(u, CVR_NS, "cvr:ProductionUnitIdentifier", p.pNumber());
            Xml.el(u, CVR_NS, "cvr:ProductionUnitName", p.name());
            cvrAddress(u, p.address());
            Xml.el(u, CVR_NS, "cvr:LegalUnitIdentifier", p.cvr());
            activity(u, p.industryCode());
        });
    }

    private static void cvrAddress(Element parent, SimulatorData.Address a) {
        if (a == null) {
            return;
        }
        Element e = Xml.el(parent, CVR_NS, "cvr:AddressOfficial", null);
        opt(e, CVR_NS, "cvr:StreetName", a.street());
        opt(e, CVR_NS, "cvr:StreetBuildingIdentifier", a.houseNumber());
        opt(e, CVR_NS, "cvr:FloorIdentifier", a.floor());
        opt(e, CVR_NS, "cvr:SuiteIdentifier", a.door());
        opt(e, CVR_NS, "cvr:PostCodeIdentifier", a.postalCode());
        opt(e, CVR_NS, "cvr:DistrictName", a.city());
        opt(e, CVR_NS, "cvr:MunicipalityCode", a.municipalityCode());
    }

    private static void activity(Element parent, String code) {
        if (code != null) {
            Xml.el(Xml.el(parent, CVR_NS, "cvr:MainActivity", null), CVR_NS, "cvr:ActivityCode", code);
        }
    }

    private static void opt(Element parent, String ns, String qname, Object value) {
        if (value != null) {
            Xml.el(parent, ns, qname, value);
        }
    }
}

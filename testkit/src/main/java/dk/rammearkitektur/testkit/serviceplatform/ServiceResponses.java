package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.util.Optional;
import org.w3c.dom.Element;

/**
 * Writes the three services' answers as DOM. SF1520 and SF1530 replies follow the published contracts' shapes
 * (element names, namespaces, nesting and required elements of {@code PersonBaseDataExtendedServiceMsg.xsd} and
 * {@code OnlineServiceMsg.xsd} with the CVR system's schemas); values the simulator's data lacks but the contract
 * requires (start dates, indicators, the country code) are fixed simulator values.
 */
final class ServiceResponses {
    static final String CPR_NS = "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/";
    static final String PNR_NS = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";
    static final String CVR_NS = "http://rep.oio.dk/eogs/xml/2/";
    static final String CVR_MSG_NS = "http://rep.oio.dk/eogs/xml.wsdl/";
    static final String CVR_DATA_NS = "http://rep.oio.dk/eogs/xml.schema/";
    static final String CVR2005_NS = "http://rep.oio.dk/cvr.dk/xml/schemas/2005/03/22/";
    static final String DKCC2003_NS = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/";
    static final String DKCC2005_NS = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/";
    static final String ITST_NS = "http://rep.oio.dk/itst.dk/xml/schemas/2005/06/24/";
    /** SF1520's fault text for an unknown CPR number (research note b10). */
    static final String PNR_NOT_FOUND = "PNR not found";
    /** SF1530's fault text for an unknown CVR number (research note c5). */
    static final String CVR_NOT_FOUND = "Required property '/virksomhed/CVRNummer' missing.";
    /** The simulator's fixed date for lifecycle starts and validity periods the contract requires. */
    private static final String SINCE = "2010-01-01";
    /** The simulator's fixed cessation date for companies whose status is not NORMAL. */
    private static final String CEASED = "2020-12-31";

    private ServiceResponses() {
    }

    static void person(Element body, SimulatorData.Person p) {
        Element r = Xml.el(body, CPR_NS, "cpr:PersonLookupResponse", null);
        r.setAttributeNS(Xml.XMLNS, "xmlns:cpr", CPR_NS);
        Element pd = Xml.el(r, CPR_NS, "cpr:persondata", null);
        Xml.el(pd, CPR_NS, "cpr:personnummer", p.cpr());
        Element navn = Xml.el(pd, CPR_NS, "cpr:navn", null);
        Xml.el(navn, CPR_NS, "cpr:personadresseringsnavn", p.fullName());
        Xml.el(navn, CPR_NS, "cpr:fornavn", p.firstName());
        opt(navn, CPR_NS, "cpr:mellemnavn", p.middleName());
        Xml.el(navn, CPR_NS, "cpr:efternavn", p.lastName());
        if (p.birthDate() != null) {
            Xml.el(Xml.el(pd, CPR_NS, "cpr:foedselsdato", null), CPR_NS, "cpr:dato", p.birthDate());
        }
        Xml.el(pd, CPR_NS, "cpr:antalBoernUnder18", 0);
        Xml.el(Xml.el(pd, CPR_NS, "cpr:status", null), CPR_NS, "cpr:status", p.statusCode());
        if (p.civilStatusCode() != null) {
            Xml.el(Xml.el(pd, CPR_NS, "cpr:civilstand", null), CPR_NS, "cpr:civilstand", p.civilStatusCode());
        }
        Xml.el(Xml.el(pd, CPR_NS, "cpr:adressebeskyttelse", null), CPR_NS, "cpr:beskyttet", p.addressProtected());
        if (p.address() != null || p.emigrationDate() != null) {
            Element ad = Xml.el(r, CPR_NS, "cpr:adresse", null);
            SimulatorData.Address a = p.address();
            if (a != null) {
                Element aa = Xml.el(ad, CPR_NS, "cpr:aktuelAdresse", null);
                opt(aa, CPR_NS, "cpr:kommunekode", a.municipalityCode());
                opt(aa, CPR_NS, "cpr:husnummer", a.houseNumber());
                opt(aa, CPR_NS, "cpr:etage", a.floor());
                opt(aa, CPR_NS, "cpr:sidedoer", a.door());
                opt(aa, CPR_NS, "cpr:conavn", a.careOf());
                opt(aa, CPR_NS, "cpr:postnummer", a.postalCode());
                opt(aa, CPR_NS, "cpr:postdistrikt", a.city());
                opt(aa, CPR_NS, "cpr:vejnavn", a.street());
            }
            if (p.emigrationDate() != null) {
                Element u = Xml.el(ad, CPR_NS, "cpr:udrejseoplysninger", null);
                Xml.el(Xml.el(u, CPR_NS, "cpr:udrejsedato", null), CPR_NS, "cpr:dato", p.emigrationDate() + "T00:00:00");
            }
        }
    }

    static void legalUnit(Element body, SimulatorData.Company c) {
        Element u = unit(cvrReply(body, "GetLegalUnitResponse"), "LegalUnit", c.cvr(), c.name());
        Xml.el(u, CVR2005_NS, "c5:ExporterIndicator", false);
        Xml.el(u, CVR2005_NS, "c5:ImporterIndicator", false);
        lifecycle(u, "NORMAL".equals(c.status()) ? null : CEASED);
        cvrAddress(u, "d:AddressOfficial", c.address());
        activity(u, c.industryCode());
        if (!c.productionUnits().isEmpty()) {
            Element col = Xml.el(u, CVR_DATA_NS, "d:ProductionUnitAffiliationCollection", null);
            for (String p : c.productionUnits()) {
                Element a = Xml.el(col, CVR_DATA_NS, "d:ProductionUnitAffiliation", null);
                a.setAttribute("validFromDate", SINCE);
                Xml.el(a, CVR_DATA_NS, "d:ProductionUnitIdentifier", p);
            }
        }
    }

    /**
     * searchLegalUnit: the register's matching rules are not published; the simulator matches {@code SearchName} as a
     * case-insensitive part of the company name, {@code SearchLifecycleStatus=active} as status NORMAL, and returns
     * at most {@code maximumNumberOfResultsType} CVR numbers (all when absent), ordered by CVR number.
     */
    static void legalUnitSearch(Element body, java.util.List<SimulatorData.Company> companies, Element request) {
        String name = text(request, CVR_MSG_NS, "SearchName");
        boolean activeOnly = "active".equals(text(request, CVR_MSG_NS, "SearchLifecycleStatus"));
        org.w3c.dom.NodeList inner = request.getElementsByTagNameNS(CVR_MSG_NS, "SearchLegalUnitRequest");
        String max = inner.getLength() == 0 ? "" : ((Element) inner.item(0)).getAttribute("maximumNumberOfResultsType");
        int limit = max.isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(max.trim());
        java.util.List<String> found = new java.util.ArrayList<>();
        for (SimulatorData.Company c : companies) {
            boolean nameMatches = name == null || (c.name() != null && c.name().toLowerCase(java.util.Locale.ROOT)
                    .contains(name.toLowerCase(java.util.Locale.ROOT)));
            if (nameMatches && (!activeOnly || "NORMAL".equals(c.status()))) {
                found.add(c.cvr());
            }
        }
        Element answer = cvrReply(body, "SearchLegalUnitResponse");
        answer.setAttribute("moreResultsExistIndicator", Boolean.toString(found.size() > limit));
        if (!found.isEmpty()) {
            Element col = Xml.el(answer, CVR_MSG_NS, "m:LegalUnitIdentifierCollection", null);
            for (String cvr : found.subList(0, Math.min(limit, found.size()))) {
                Xml.el(col, CVR_DATA_NS, "d:LegalUnitIdentifier", cvr);
            }
        }
    }

    private static String text(Element request, String ns, String local) {
        org.w3c.dom.NodeList l = request.getElementsByTagNameNS(ns, local);
        return l.getLength() == 0 ? null : l.item(0).getTextContent().trim();
    }

    static void productionUnit(Element body, Optional<SimulatorData.ProductionUnit> found) {
        Element inner = cvrReply(body, "GetProductionUnitResponse");
        found.ifPresent(p -> {
            Element u = unit(inner, "ProductionUnit", p.pNumber(), p.name());
            Xml.el(u, CVR_DATA_NS, "d:AncillaryUnitIndicator", false);
            Xml.el(u, CVR_DATA_NS, "d:MainDivisionIndicator", false);
            lifecycle(u, null);
            cvrAddress(u, "d:AddressLocation", p.address());
            if (p.cvr() != null) {
                Element a = Xml.el(u, CVR_DATA_NS, "d:LegalUnitAffiliation", null);
                a.setAttribute("validFromDate", SINCE);
                Xml.el(a, CVR_DATA_NS, "d:LegalUnitIdentifier", p.cvr());
            }
            activity(u, p.industryCode());
        });
    }

    /** The outer (Serviceplatformen) and inner (CVR system) reply elements; returns the inner one. */
    private static Element cvrReply(Element body, String local) {
        Element outer = Xml.el(body, CVR_NS, "cvr:" + local, null);
        String[][] prefixes = {{"cvr", CVR_NS}, {"m", CVR_MSG_NS}, {"d", CVR_DATA_NS}, {"c5", CVR2005_NS},
            {"dk3", DKCC2003_NS}, {"dk5", DKCC2005_NS}, {"itst", ITST_NS}};
        for (String[] p : prefixes) {
            outer.setAttributeNS(Xml.XMLNS, "xmlns:" + p[0], p[1]);
        }
        return Xml.el(outer, CVR_MSG_NS, "m:" + local, null);
    }

    /** A LegalUnit or ProductionUnit with its identifier, dated name and advertising protection (not set). */
    private static Element unit(Element parent, String kind, String id, String name) {
        Element u = Xml.el(parent, CVR_DATA_NS, "d:" + kind, null);
        u.setAttribute("versionIdentifier", "1");
        Xml.el(u, CVR_DATA_NS, "d:" + kind + "Identifier", id);
        Element n = Xml.el(u, CVR_DATA_NS, "d:" + kind + "Name", null);
        n.setAttribute("sequenceNumber", "1");
        n.setAttribute("validFromDate", SINCE);
        Xml.el(n, CVR_DATA_NS, "d:name", name);
        Xml.el(u, CVR_DATA_NS, "d:AdvertisingProtectionIndicator", false);
        return u;
    }

    private static void lifecycle(Element unit, String ceased) {
        Element l = Xml.el(unit, CVR_DATA_NS, "d:Lifecycle", null);
        Xml.el(l, CVR_DATA_NS, "d:StartDate", SINCE);
        opt(l, CVR_DATA_NS, "d:CessationDate", ceased);
    }

    /** AddressDescriptionType: the postal address (no AddressAccess, whose street code the data lacks) and country. */
    private static void cvrAddress(Element parent, String qname, SimulatorData.Address a) {
        Element e = Xml.el(parent, CVR_DATA_NS, qname, null);
        e.setAttribute("validFromDate", SINCE);
        if (a != null) {
            Element p = Xml.el(e, CVR_DATA_NS, "d:AddressPostalExtended", null);
            Xml.el(p, DKCC2005_NS, "dk5:StreetName", a.street());
            Xml.el(p, DKCC2003_NS, "dk3:StreetBuildingIdentifier", a.houseNumber());
            opt(p, DKCC2003_NS, "dk3:FloorIdentifier", a.floor());
            opt(p, DKCC2003_NS, "dk3:SuiteIdentifier", a.door());
            Xml.el(p, DKCC2005_NS, "dk5:PostCodeIdentifier", a.postalCode());
            Xml.el(p, DKCC2005_NS, "dk5:DistrictName", a.city());
            opt(p, ITST_NS, "itst:CareOfName", a.careOf());
        }
        Xml.el(e, DKCC2003_NS, "dk3:CountryIdentificationCode", "DK").setAttribute("scheme", "iso3166-alpha2");
    }

    private static void activity(Element parent, String code) {
        if (code != null) {
            Element main = Xml.el(Xml.el(parent, CVR_DATA_NS, "d:ActivityInformation", null), CVR_DATA_NS,
                    "d:MainActivity", null);
            main.setAttribute("validFromDate", SINCE);
            Xml.el(main, CVR_DATA_NS, "d:ActivityCode", code);
        }
    }

    private static void opt(Element parent, String ns, String qname, Object value) {
        if (value != null) {
            Xml.el(parent, ns, qname, value);
        }
    }
}

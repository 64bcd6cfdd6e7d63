package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.clients.serviceplatform.CivilStatus;
import dk.rammearkitektur.clients.serviceplatform.CompanyRecord;
import dk.rammearkitektur.clients.serviceplatform.LegalUnitSearchResult;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.PersonStatus;
import dk.rammearkitektur.clients.serviceplatform.PostalAddress;
import dk.rammearkitektur.clients.serviceplatform.ProductionUnitRecord;
import dk.rammearkitektur.clients.serviceplatform.UncertainDate;
import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupResponse;
import dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.XMLGregorianCalendar;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;

/** Maps the contracts' JAXB types to the public records; a reply missing what the contract requires is malformed. */
public final class Mapping {
    private static final java.util.regex.Pattern TEN_DIGITS = java.util.regex.Pattern.compile("\\d{10}");
    private static final java.util.regex.Pattern EIGHT_DIGITS = java.util.regex.Pattern.compile("\\d{8}");

    private Mapping() {
    }

    /** SF1520 reply to a person; null when the reply holds no person. */
    public static PersonRecord person(PersonLookupResponse r) {
        if (r.persondata == null) {
            return null;
        }
        PersonLookupResponse.Persondata p = r.persondata;
        require(p.personnummer != null && TEN_DIGITS.matcher(p.personnummer).matches(), "persondata.personnummer");
        require(p.navn != null && p.navn.personadresseringsnavn != null, "persondata.navn.personadresseringsnavn");
        require(p.status != null && p.status.status != null, "persondata.status.status");
        PersonStatus status;
        CivilStatus civil = null;
        try {
            status = PersonStatus.fromCode(p.status.status);
            if (p.civilstand != null && p.civilstand.civilstand != null) {
                civil = CivilStatus.fromCode(p.civilstand.civilstand);
            }
        } catch (IllegalArgumentException e) {
            throw new ReplyShapeException("reply has an unknown code: " + e.getMessage(), e);
        }
        PostalAddress address = null;
        UncertainDate emigrated = null;
        if (r.adresse != null) {
            PersonLookupResponse.Adresse a = r.adresse.aktuelAdresse;
            if (a != null) {
                address = new PostalAddress(a.vejnavn, a.husnummer, a.etage, a.sidedoer, a.conavn, a.postnummer,
                        a.postdistrikt, a.kommunekode);
            }
            if (r.adresse.udrejseoplysninger != null) {
                emigrated = date(r.adresse.udrejseoplysninger.udrejsedato, "adresse.udrejseoplysninger.udrejsedato");
            }
        }
        return new PersonRecord(p.personnummer, p.navn.personadresseringsnavn, p.navn.fornavn, p.navn.mellemnavn,
                p.navn.efternavn, date(p.foedselsdato), status, date(p.status.statusdato, "persondata.status.statusdato"),
                civil, p.civilstand == null ? null : date(p.civilstand.civilstandsdato,
                        "persondata.civilstand.civilstandsdato"),
                address, isProtected(p.adressebeskyttelse), isProtected(p.vejviserbeskyttelse),
                isProtected(p.markedsfoeringsbeskyttelse), emigrated);
    }

    /** SF1530 legal unit to a company; null when the reply holds none. */
    public static CompanyRecord company(CvrMessages.GetLegalUnitResponse r) {
        CvrMessages.LegalUnit u = r.response == null ? null : r.response.legalUnit;
        if (u == null) {
            return null;
        }
        require(u.legalUnitIdentifier != null, "LegalUnit.LegalUnitIdentifier");
        require(u.legalUnitName != null && u.legalUnitName.name != null, "LegalUnit.LegalUnitName.name");
        LocalDate start = u.lifecycle == null ? null : localDate(u.lifecycle.startDate);
        LocalDate ceased = u.lifecycle == null ? null : localDate(u.lifecycle.cessationDate);
        List<String> units = new ArrayList<>();
        if (u.productionUnitAffiliationCollection != null) {
            for (CvrMessages.ProductionUnitAffiliation a : u.productionUnitAffiliationCollection.affiliations) {
                require(a.productionUnitIdentifier != null,
                        "LegalUnit.ProductionUnitAffiliationCollection.ProductionUnitAffiliation.ProductionUnitIdentifier");
                units.add(a.productionUnitIdentifier.trim());
            }
        }
        return new CompanyRecord(u.legalUnitIdentifier.trim(), u.legalUnitName.name, address(u.addressOfficial),
                ceased == null ? "NORMAL" : "OPHOERT", activity(u.activityInformation), units, start, ceased,
                Boolean.TRUE.equals(u.advertisingProtectionIndicator));
    }

    /** SF1530 search reply; the register's "more results" flag is required by the contract. */
    public static LegalUnitSearchResult legalUnitSearch(CvrMessages.SearchLegalUnitResponse r) {
        require(r.response != null, "SearchLegalUnitResponse.SearchLegalUnitResponse");
        require(r.response.moreResultsExistIndicator != null, "SearchLegalUnitResponse.moreResultsExistIndicator");
        List<String> cvrs = new ArrayList<>();
        if (r.response.legalUnitIdentifierCollection != null) {
            for (String s : r.response.legalUnitIdentifierCollection.legalUnitIdentifiers) {
                require(s != null && EIGHT_DIGITS.matcher(s.trim()).matches(),
                        "SearchLegalUnitResponse.LegalUnitIdentifierCollection.LegalUnitIdentifier");
                cvrs.add(s.trim());
            }
        }
        return new LegalUnitSearchResult(cvrs, r.response.moreResultsExistIndicator);
    }

    /** SF1530 production unit; null when the reply holds none. */
    public static ProductionUnitRecord productionUnit(CvrMessages.GetProductionUnitResponse r) {
        CvrMessages.ProductionUnit u = r.response == null ? null : r.response.productionUnit;
        if (u == null) {
            return null;
        }
        require(u.productionUnitIdentifier != null, "ProductionUnit.ProductionUnitIdentifier");
        require(u.productionUnitName != null && u.productionUnitName.name != null, "ProductionUnit.ProductionUnitName.name");
        String cvr = u.legalUnitAffiliation == null || u.legalUnitAffiliation.legalUnitIdentifier == null ? null
                : u.legalUnitAffiliation.legalUnitIdentifier.trim();
        return new ProductionUnitRecord(u.productionUnitIdentifier.trim(), u.productionUnitName.name, cvr,
                address(u.addressLocation), activity(u.activityInformation));
    }

    private static PostalAddress address(CvrMessages.Address a) {
        if (a == null || a.addressPostalExtended == null) {
            return null;
        }
        CvrMessages.AddressPostal p = a.addressPostalExtended;
        Integer municipality = null;
        if (a.addressAccess != null && a.addressAccess.municipalityCode != null) {
            try {
                municipality = Integer.valueOf(a.addressAccess.municipalityCode.trim());
            } catch (NumberFormatException e) {
                throw new ReplyShapeException("reply field AddressAccess.MunicipalityCode is not a number", e);
            }
        }
        return new PostalAddress(p.streetName, p.streetBuildingIdentifier, p.floorIdentifier, p.suiteIdentifier,
                p.careOfName, p.postCodeIdentifier, p.districtName, municipality);
    }

    private static String activity(CvrMessages.ActivityInformation a) {
        return a == null || a.mainActivity == null ? null : a.mainActivity.activityCode;
    }

    private static boolean isProtected(PersonLookupResponse.Beskyttelse b) {
        return b != null && Boolean.TRUE.equals(b.beskyttet);
    }

    private static UncertainDate date(PersonLookupResponse.UsikkerhedDato d) {
        if (d == null) {
            return null;
        }
        require(d.dato != null, "persondata.foedselsdato.dato");
        return new UncertainDate(localDate(d.dato), d.usikkerhedsmarkering);
    }

    private static UncertainDate date(PersonLookupResponse.UsikkerhedDatoTid d, String field) {
        if (d == null) {
            return null;
        }
        require(d.dato != null, field + ".dato");
        return new UncertainDate(localDate(d.dato), d.usikkerhedsmarkering);
    }

    private static LocalDate localDate(XMLGregorianCalendar c) {
        if (c == null) {
            return null;
        }
        try {
            return LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
        } catch (java.time.DateTimeException e) {
            throw new ReplyShapeException("reply has a date that is not a calendar date", e);
        }
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw new ReplyShapeException("reply lacks required field " + field, null);
        }
    }
}

package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.clients.serviceplatform.CivilStatus;
import dk.rammearkitektur.clients.serviceplatform.CompanyRecord;
import dk.rammearkitektur.clients.serviceplatform.MalformedReplyException;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.PersonStatus;
import dk.rammearkitektur.clients.serviceplatform.PostalAddress;
import dk.rammearkitektur.clients.serviceplatform.ProductionUnitRecord;
import dk.rammearkitektur.clients.serviceplatform.internal.cpr.PersonLookupResponse;
import dk.rammearkitektur.clients.serviceplatform.internal.cvr.CvrMessages;
import java.time.LocalDate;
import javax.xml.datatype.XMLGregorianCalendar;

/** Maps the contracts' JAXB types to the public records; a reply missing what the contract requires is malformed. */
public final class Mapping {
    private Mapping() {
    }

    /** SF1520 reply to a person; null when the reply holds no person. */
    public static PersonRecord person(PersonLookupResponse r) {
        if (r.persondata == null) {
            return null;
        }
        PersonLookupResponse.Persondata p = r.persondata;
        require(p.personnummer != null && p.personnummer.matches("\\d{10}"), "persondata.personnummer");
        require(p.navn != null && p.navn.personadresseringsnavn != null, "persondata.navn.personadresseringsnavn");
        require(p.status != null && p.status.status != null, "persondata.status.status");
        PersonStatus status;
        CivilStatus civil = null;
        try {
            status = PersonStatus.fromCode(p.status.status);
            if (p.civilstand != null && p.civilstand.civilstandKode != null) {
                civil = CivilStatus.fromCode(p.civilstand.civilstandKode);
            }
        } catch (IllegalArgumentException e) {
            throw new MalformedReplyException("reply has an unknown code: " + e.getMessage(), e);
        }
        boolean protectedAddress = p.adressebeskyttelse != null && Boolean.TRUE.equals(p.adressebeskyttelse.beskyttet);
        PostalAddress address = null;
        LocalDate emigrated = null;
        if (r.adresse != null) {
            PersonLookupResponse.Adresse a = r.adresse.aktuelAdresse;
            if (a != null) {
                address = new PostalAddress(a.vejnavn, a.husnummer, a.etage, a.sidedoer, a.conavn, a.postnummer,
                        a.postdistrikt, a.kommunekode);
            }
            if (r.adresse.udrejseoplysninger != null) {
                emigrated = date(r.adresse.udrejseoplysninger.udrejsedato);
            }
        }
        return new PersonRecord(p.personnummer, p.navn.personadresseringsnavn, p.navn.fornavn, p.navn.mellemnavn,
                p.navn.efternavn, date(p.foedselsdato), status, civil, address, protectedAddress, emigrated);
    }

    /** SF1530 legal unit to a company; null when the reply holds none. */
    public static CompanyRecord company(CvrMessages.GetLegalUnitResponse r) {
        CvrMessages.LegalUnit u = r.legalUnit;
        if (u == null) {
            return null;
        }
        require(u.legalUnitIdentifier != null, "LegalUnit.LegalUnitIdentifier");
        require(u.legalUnitName != null, "LegalUnit.LegalUnitName");
        require(u.legalUnitStatus != null && u.legalUnitStatus.legalUnitStatusCode != null, "LegalUnit.LegalUnitStatus");
        return new CompanyRecord(u.legalUnitIdentifier, u.legalUnitName, address(u.addressOfficial),
                u.legalUnitStatus.legalUnitStatusCode, u.mainActivity == null ? null : u.mainActivity.activityCode,
                u.productionUnitIdentifier);
    }

    /** SF1530 production unit; null when the reply holds none. */
    public static ProductionUnitRecord productionUnit(CvrMessages.GetProductionUnitResponse r) {
        CvrMessages.ProductionUnit u = r.productionUnit;
        if (u == null) {
            return null;
        }
        require(u.productionUnitIdentifier != null, "ProductionUnit.ProductionUnitIdentifier");
        require(u.productionUnitName != null, "ProductionUnit.ProductionUnitName");
        require(u.legalUnitIdentifier != null, "ProductionUnit.LegalUnitIdentifier");
        return new ProductionUnitRecord(u.productionUnitIdentifier, u.productionUnitName, u.legalUnitIdentifier,
                address(u.addressOfficial), u.mainActivity == null ? null : u.mainActivity.activityCode);
    }

    private static PostalAddress address(CvrMessages.Address a) {
        if (a == null) {
            return null;
        }
        return new PostalAddress(a.streetName, a.streetBuildingIdentifier, a.floorIdentifier, a.suiteIdentifier, null,
                a.postCodeIdentifier, a.districtName, a.municipalityCode);
    }

    private static LocalDate date(XMLGregorianCalendar c) {
        if (c == null) {
            return null;
        }
        return LocalDate.of(c.getYear(), c.getMonth(), c.getDay());
    }

    private static void require(boolean ok, String field) {
        if (!ok) {
            throw new MalformedReplyException("reply lacks required field " + field, null);
        }
    }
}

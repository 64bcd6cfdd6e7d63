package dk.rammearkitektur.clients.serviceplatform.internal.cvr;

import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlSchemaType;
import java.util.ArrayList;
import java.util.List;
import javax.xml.datatype.XMLGregorianCalendar;

/**
 * The SF1530 CVR Online 2 messages the SDK uses, in the published three-level shape: the Serviceplatformen request
 * in {@link #OUTER} holds the CVR system's request in {@link #WSDL} (with the required {@code level} attribute),
 * which holds the identifier in {@link #SCHEMA}. Replies nest the same way. Elements not modelled are skipped.
 */
public final class CvrMessages {
    /** Serviceplatformen's wrapper namespace ({@code OnlineServiceMsg.xsd}). */
    public static final String OUTER = "http://rep.oio.dk/eogs/xml/2/";
    /** The CVR system's message namespace. */
    public static final String WSDL = "http://rep.oio.dk/eogs/xml.wsdl/";
    /** The CVR system's data namespace. */
    public static final String SCHEMA = "http://rep.oio.dk/eogs/xml.schema/";
    static final String XKOM2005 = "http://rep.oio.dk/xkom.dk/xml/schemas/2005/03/15/";
    static final String CPR_CORE = "http://rep.oio.dk/cpr.dk/xml/schemas/core/2005/03/18/";
    static final String DKCC2003 = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/";
    static final String DKCC2005 = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/";
    static final String ITST = "http://rep.oio.dk/itst.dk/xml/schemas/2005/06/24/";

    private CvrMessages() {
    }

    /** Outer {@code GetLegalUnitRequest}. */
    @XmlRootElement(name = "GetLegalUnitRequest")
    public static class GetLegalUnitRequest {
        @XmlElement(name = "GetLegalUnitRequest", namespace = WSDL, required = true)
        public LegalUnitQuery request;
    }

    /** Inner {@code GetLegalUnitRequestType}. */
    public static class LegalUnitQuery {
        @XmlAttribute(name = "level", required = true)
        public int level;
        @XmlElement(name = "LegalUnitIdentifier", namespace = SCHEMA, required = true)
        public String legalUnitIdentifier;
    }

    /** Outer {@code GetLegalUnitResponse}. */
    @XmlRootElement(name = "GetLegalUnitResponse")
    public static class GetLegalUnitResponse {
        @XmlElement(name = "GetLegalUnitResponse", namespace = WSDL)
        public LegalUnitAnswer response;
    }

    /** Inner {@code GetLegalUnitResponse}. */
    public static class LegalUnitAnswer {
        @XmlElement(name = "LegalUnit", namespace = SCHEMA)
        public LegalUnit legalUnit;
    }

    /** Outer {@code GetProductionUnitRequest}. */
    @XmlRootElement(name = "GetProductionUnitRequest")
    public static class GetProductionUnitRequest {
        @XmlElement(name = "GetProductionUnitRequest", namespace = WSDL, required = true)
        public ProductionUnitQuery request;
    }

    /** Inner {@code GetProductionUnitRequestType}. */
    public static class ProductionUnitQuery {
        @XmlAttribute(name = "level", required = true)
        public int level;
        @XmlElement(name = "ProductionUnitIdentifier", namespace = SCHEMA, required = true)
        public String productionUnitIdentifier;
    }

    /** Outer {@code GetProductionUnitResponse}. */
    @XmlRootElement(name = "GetProductionUnitResponse")
    public static class GetProductionUnitResponse {
        @XmlElement(name = "GetProductionUnitResponse", namespace = WSDL)
        public ProductionUnitAnswer response;
    }

    /** Inner {@code GetProductionUnitResponse}. */
    public static class ProductionUnitAnswer {
        @XmlElement(name = "ProductionUnit", namespace = SCHEMA)
        public ProductionUnit productionUnit;
    }

    /** Outer {@code SearchLegalUnitRequest}. */
    @XmlRootElement(name = "SearchLegalUnitRequest")
    public static class SearchLegalUnitRequest {
        @XmlElement(name = "SearchLegalUnitRequest", namespace = WSDL, required = true)
        public LegalUnitSearch request;
    }

    /** Inner {@code SearchLegalUnitRequestType}: the subset the SDK sends (name and lifecycle status). */
    public static class LegalUnitSearch {
        @XmlAttribute(name = "maximumNumberOfResultsType")
        public Integer maximumNumberOfResults;
        @XmlElement(name = "SearchName", namespace = WSDL)
        public String searchName;
        @XmlElement(name = "SearchLifecycleStatus", namespace = WSDL)
        public String searchLifecycleStatus;
    }

    /** Outer {@code SearchLegalUnitResponse}. */
    @XmlRootElement(name = "SearchLegalUnitResponse")
    public static class SearchLegalUnitResponse {
        @XmlElement(name = "SearchLegalUnitResponse", namespace = WSDL)
        public LegalUnitSearchAnswer response;
    }

    /** Inner {@code SearchLegalUnitResponse}. */
    public static class LegalUnitSearchAnswer {
        @XmlAttribute(name = "moreResultsExistIndicator")
        public Boolean moreResultsExistIndicator;
        @XmlElement(name = "LegalUnitIdentifierCollection", namespace = WSDL)
        public LegalUnitIdentifiers legalUnitIdentifierCollection;
    }

    /** {@code LegalUnitIdentifierCollectionType}. */
    public static class LegalUnitIdentifiers {
        @XmlElement(name = "LegalUnitIdentifier", namespace = SCHEMA)
        public List<String> legalUnitIdentifiers = new ArrayList<>();
    }

    /** {@code LegalUnitType}. */
    public static class LegalUnit {
        @XmlElement(name = "LegalUnitIdentifier", namespace = SCHEMA)
        public String legalUnitIdentifier;
        @XmlElement(name = "LegalUnitName", namespace = SCHEMA)
        public Name legalUnitName;
        @XmlElement(name = "AdvertisingProtectionIndicator", namespace = SCHEMA)
        public Boolean advertisingProtectionIndicator;
        @XmlElement(name = "Lifecycle", namespace = SCHEMA)
        public Lifecycle lifecycle;
        @XmlElement(name = "AddressOfficial", namespace = SCHEMA)
        public Address addressOfficial;
        @XmlElement(name = "ActivityInformation", namespace = SCHEMA)
        public ActivityInformation activityInformation;
        @XmlElement(name = "ProductionUnitAffiliationCollection", namespace = SCHEMA)
        public Affiliations productionUnitAffiliationCollection;
    }

    /** {@code ProductionUnitType}. */
    public static class ProductionUnit {
        @XmlElement(name = "ProductionUnitIdentifier", namespace = SCHEMA)
        public String productionUnitIdentifier;
        @XmlElement(name = "ProductionUnitName", namespace = SCHEMA)
        public Name productionUnitName;
        @XmlElement(name = "AdvertisingProtectionIndicator", namespace = SCHEMA)
        public Boolean advertisingProtectionIndicator;
        @XmlElement(name = "Lifecycle", namespace = SCHEMA)
        public Lifecycle lifecycle;
        @XmlElement(name = "AddressLocation", namespace = SCHEMA)
        public Address addressLocation;
        @XmlElement(name = "LegalUnitAffiliation", namespace = SCHEMA)
        public LegalUnitAffiliation legalUnitAffiliation;
        @XmlElement(name = "ActivityInformation", namespace = SCHEMA)
        public ActivityInformation activityInformation;
    }

    /** {@code LegalUnitNameType} / {@code ProductionUnitNameType}. */
    public static class Name {
        @XmlElement(name = "name", namespace = SCHEMA)
        public String name;
    }

    /** {@code LifecycleType}. */
    public static class Lifecycle {
        @XmlElement(name = "StartDate", namespace = SCHEMA)
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar startDate;
        @XmlElement(name = "CessationDate", namespace = SCHEMA)
        @XmlSchemaType(name = "date")
        public XMLGregorianCalendar cessationDate;
    }

    /** {@code AddressDescriptionType} (AddressOfficial, AddressLocation). */
    public static class Address {
        @XmlElement(name = "AddressAccess", namespace = XKOM2005)
        public AddressAccess addressAccess;
        @XmlElement(name = "AddressPostalExtended", namespace = SCHEMA)
        public AddressPostal addressPostalExtended;
        @XmlElement(name = "AddressProtectionIndicator", namespace = SCHEMA)
        public Boolean addressProtectionIndicator;
    }

    /** {@code AddressAccessType}. */
    public static class AddressAccess {
        @XmlElement(name = "MunicipalityCode", namespace = CPR_CORE)
        public String municipalityCode;
    }

    /** {@code AddressPostalExtendedType}. */
    public static class AddressPostal {
        @XmlElement(name = "StreetName", namespace = DKCC2005)
        public String streetName;
        @XmlElement(name = "StreetBuildingIdentifier", namespace = DKCC2003)
        public String streetBuildingIdentifier;
        @XmlElement(name = "FloorIdentifier", namespace = DKCC2003)
        public String floorIdentifier;
        @XmlElement(name = "SuiteIdentifier", namespace = DKCC2003)
        public String suiteIdentifier;
        @XmlElement(name = "PostCodeIdentifier", namespace = DKCC2005)
        public String postCodeIdentifier;
        @XmlElement(name = "DistrictName", namespace = DKCC2005)
        public String districtName;
        @XmlElement(name = "CareOfName", namespace = ITST)
        public String careOfName;
    }

    /** {@code ActivityInformationType}. */
    public static class ActivityInformation {
        @XmlElement(name = "MainActivity", namespace = SCHEMA)
        public Activity mainActivity;
    }

    /** {@code ActivityType}. */
    public static class Activity {
        @XmlElement(name = "ActivityCode", namespace = SCHEMA)
        public String activityCode;
    }

    /** {@code ProductionUnitAffiliationCollectionType}. */
    public static class Affiliations {
        @XmlElement(name = "ProductionUnitAffiliation", namespace = SCHEMA)
        public List<ProductionUnitAffiliation> affiliations = new ArrayList<>();
    }

    /** {@code ProductionUnitAffiliationType}. */
    public static class ProductionUnitAffiliation {
        @XmlElement(name = "ProductionUnitIdentifier", namespace = SCHEMA)
        public String productionUnitIdentifier;
    }

    /** {@code LegalUnitAffiliationType}. */
    public static class LegalUnitAffiliation {
        @XmlElement(name = "LegalUnitIdentifier", namespace = SCHEMA)
        public String legalUnitIdentifier;
    }
}

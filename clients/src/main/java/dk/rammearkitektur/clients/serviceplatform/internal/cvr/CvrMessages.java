package dk.rammearkitektur.clients.serviceplatform.internal.cvr;

import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** The SF1530 request and response messages. */
public final class CvrMessages {
    private CvrMessages() {
    }

    /** GetLegalUnitRequest. */
    @XmlRootElement(name = "GetLegalUnitRequest")
    public static class GetLegalUnitRequest {
        @XmlElement(name = "LegalUnitIdentifier", required = true)
        public String legalUnitIdentifier;
    }

    /** GetLegalUnitResponse. */
    @XmlRootElement(name = "GetLegalUnitResponse")
    public static class GetLegalUnitResponse {
        @XmlElement(name = "LegalUnit")
        public LegalUnit legalUnit;
    }

    /** GetProductionUnitRequest. */
    @XmlRootElement(name = "GetProductionUnitRequest")
    public static class GetProductionUnitRequest {
        @XmlElement(name = "ProductionUnitIdentifier", required = true)
        public String productionUnitIdentifier;
    }

    /** GetProductionUnitResponse. */
    @XmlRootElement(name = "GetProductionUnitResponse")
    public static class GetProductionUnitResponse {
        @XmlElement(name = "ProductionUnit")
        public ProductionUnit productionUnit;
    }

    /** LegalUnitType. */
    public static class LegalUnit {
        @XmlElement(name = "LegalUnitIdentifier")
        public String legalUnitIdentifier;
        @XmlElement(name = "LegalUnitName")
        public String legalUnitName;
        @XmlElement(name = "AddressOfficial")
        public Address addressOfficial;
        @XmlElement(name = "LegalUnitStatus")
        public Status legalUnitStatus;
        @XmlElement(name = "MainActivity")
        public Activity mainActivity;
        @XmlElement(name = "ProductionUnitIdentifier")
        public List<String> productionUnitIdentifier = new ArrayList<>();
    }

    /** ProductionUnitType. */
    public static class ProductionUnit {
        @XmlElement(name = "ProductionUnitIdentifier")
        public String productionUnitIdentifier;
        @XmlElement(name = "ProductionUnitName")
        public String productionUnitName;
        @XmlElement(name = "AddressOfficial")
        public Address addressOfficial;
        @XmlElement(name = "LegalUnitIdentifier")
        public String legalUnitIdentifier;
        @XmlElement(name = "MainActivity")
        public Activity mainActivity;
    }

    /** AddressType. */
    public static class Address {
        @XmlElement(name = "StreetName")
        public String streetName;
        @XmlElement(name = "StreetBuildingIdentifier")
        public String streetBuildingIdentifier;
        @XmlElement(name = "FloorIdentifier")
        public String floorIdentifier;
        @XmlElement(name = "SuiteIdentifier")
        public String suiteIdentifier;
        @XmlElement(name = "PostCodeIdentifier")
        public String postCodeIdentifier;
        @XmlElement(name = "DistrictName")
        public String districtName;
        @XmlElement(name = "MunicipalityCode")
        public Integer municipalityCode;
    }

    /** StatusType. */
    public static class Status {
        @XmlElement(name = "LegalUnitStatusCode")
        public String legalUnitStatusCode;
    }

    /** ActivityType. */
    public static class Activity {
        @XmlElement(name = "ActivityCode")
        public String activityCode;
        @XmlElement(name = "ActivityDescription")
        public String activityDescription;
    }
}

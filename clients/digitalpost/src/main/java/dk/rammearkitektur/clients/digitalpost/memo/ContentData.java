package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Lists;
import java.util.ArrayList;
import java.util.List;

/**
 * What the message is about (indholdsdata), for the recipient's sorting and search. Every part is optional.
 *
 * @param cprData the person concerned, or null
 * @param cvrData the company concerned, or null
 * @param motorVehicle the vehicle concerned, or null
 * @param propertyNumber the property number (ejendomsnummer), or null
 * @param caseId the case, or null
 * @param kleData the KLE classification, or null
 * @param formData the FORM classification, or null
 * @param productionUnit the production unit concerned, or null
 * @param education the education concerned, or null
 * @param address the address concerned, or null
 * @param unstructuredAddress the address concerned as one line of text, or null
 * @param additionalContentData at most ten free name/value pairs
 */
public record ContentData(CprData cprData, CvrData cvrData, MotorVehicle motorVehicle, String propertyNumber,
        CaseReference caseId, KleData kleData, FormData formData, ProductionUnit productionUnit, Education education,
        MemoAddress address, String unstructuredAddress, List<AdditionalContentData> additionalContentData) {

    /** Copies the list. */
    public ContentData {
        additionalContentData = Lists.copy(additionalContentData);
    }

    /** A builder with every part empty. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }

    /** Builds {@link ContentData}. */
    public static final class Builder {
        private CprData cprData;
        private CvrData cvrData;
        private MotorVehicle motorVehicle;
        private String propertyNumber;
        private CaseReference caseId;
        private KleData kleData;
        private FormData formData;
        private ProductionUnit productionUnit;
        private Education education;
        private MemoAddress address;
        private String unstructuredAddress;
        private final List<AdditionalContentData> additional = new ArrayList<>();

        private Builder() {
        }

        /** Sets the person concerned. */
        public Builder cprData(CprData value) {
            this.cprData = value;
            return this;
        }

        /** Sets the company concerned. */
        public Builder cvrData(CvrData value) {
            this.cvrData = value;
            return this;
        }

        /** Sets the vehicle concerned. */
        public Builder motorVehicle(MotorVehicle value) {
            this.motorVehicle = value;
            return this;
        }

        /** Sets the property number. */
        public Builder propertyNumber(String value) {
            this.propertyNumber = value;
            return this;
        }

        /** Sets the case. */
        public Builder caseId(CaseReference value) {
            this.caseId = value;
            return this;
        }

        /** Sets the KLE classification. */
        public Builder kleData(KleData value) {
            this.kleData = value;
            return this;
        }

        /** Sets the FORM classification. */
        public Builder formData(FormData value) {
            this.formData = value;
            return this;
        }

        /** Sets the production unit concerned. */
        public Builder productionUnit(ProductionUnit value) {
            this.productionUnit = value;
            return this;
        }

        /** Sets the education concerned. */
        public Builder education(Education value) {
            this.education = value;
            return this;
        }

        /** Sets the address concerned. */
        public Builder address(MemoAddress value) {
            this.address = value;
            return this;
        }

        /** Sets the one-line address concerned. */
        public Builder unstructuredAddress(String value) {
            this.unstructuredAddress = value;
            return this;
        }

        /** Adds a free name/value pair. */
        public Builder addAdditionalContentData(AdditionalContentData value) {
            additional.add(value);
            return this;
        }

        /** Creates the content data; it is checked when the message is built. */
        public ContentData build() {
            return new ContentData(cprData, cvrData, motorVehicle, propertyNumber, caseId, kleData, formData,
                    productionUnit, education, address, unstructuredAddress, additional);
        }
    }
}

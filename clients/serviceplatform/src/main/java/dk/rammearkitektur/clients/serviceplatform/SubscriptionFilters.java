package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.model.Cpr;
import java.util.List;
import java.util.Objects;

/**
 * The filters of the municipality's SF6002 subscription, as {@code GetAllFilters} answers them: which CPR numbers,
 * municipality codes, CPR change codes (hændelseskoder such as {@code A01}) and age ranges are followed (S1
 * {@code CprSubscriptionServiceMsg.xsd}: {@code AgeRange*, ChangeCode*, MunicipalityCode*, PNR*}). Elements the SDK
 * does not know, such as the {@code noFilter} flag a live response carries (S3), are ignored.
 *
 * @param cprNumbers the followed persons; {@link #toString()} shows only how many
 * @param municipalityCodes the followed municipality codes as numbers (the platform sends {@code 706}, not
 *     {@code 0706}; S3)
 * @param changeCodes the followed CPR change codes
 * @param ageRanges the followed age ranges
 */
public record SubscriptionFilters(List<Cpr> cprNumbers, List<Integer> municipalityCodes, List<String> changeCodes,
        List<AgeRange> ageRanges) {

    /**
     * One followed age range, in years, both ends as the platform sends them.
     *
     * @param startAge the first age
     * @param endAge the last age
     */
    public record AgeRange(int startAge, int endAge) {
    }

    /** Copies the lists; none may be null or hold null. */
    public SubscriptionFilters {
        cprNumbers = List.copyOf(Objects.requireNonNull(cprNumbers, "cprNumbers == null"));
        municipalityCodes = List.copyOf(Objects.requireNonNull(municipalityCodes, "municipalityCodes == null"));
        changeCodes = List.copyOf(Objects.requireNonNull(changeCodes, "changeCodes == null"));
        ageRanges = List.copyOf(Objects.requireNonNull(ageRanges, "ageRanges == null"));
    }

    /** Whether {@code cpr} is among the followed CPR numbers (a person followed only through another filter is not). */
    public boolean follows(Cpr cpr) {
        return cprNumbers.contains(cpr);
    }

    /** The counts of CPR numbers (never the numbers) and the other filters. */
    @Override
    public String toString() {
        return "SubscriptionFilters[cprNumbers=" + cprNumbers.size() + ", municipalityCodes=" + municipalityCodes
                + ", changeCodes=" + changeCodes + ", ageRanges=" + ageRanges + "]";
    }
}

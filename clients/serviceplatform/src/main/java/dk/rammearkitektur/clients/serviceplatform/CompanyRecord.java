package dk.rammearkitektur.clients.serviceplatform;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A company (virksomhed, legal unit) as SF1530 returns it.
 *
 * @param cvr the CVR number, eight digits
 * @param name the company's name
 * @param address its official address, or null
 * @param status the SDK's own summary of the reply's {@code Lifecycle}: {@code OPHOERT} when it has a
 *     {@code CessationDate}, otherwise {@code NORMAL} (the published SF1530 reply carries no status text)
 * @param industryCode its main industry code (branchekode, six digits), or null
 * @param productionUnits the P-numbers of its production units
 * @param startDate the start date of its lifecycle ({@code Lifecycle/StartDate}), or null
 * @param cessationDate the date it ceased ({@code Lifecycle/CessationDate}), or null while it exists
 * @param advertisingProtected true when the register marks it as protected from advertising
 *     ({@code AdvertisingProtectionIndicator})
 */
public record CompanyRecord(String cvr, String name, PostalAddress address, String status, String industryCode,
        List<String> productionUnits, LocalDate startDate, LocalDate cessationDate, boolean advertisingProtected) {
    /** Requires the CVR number, name and status; copies the list. */
    public CompanyRecord {
        Objects.requireNonNull(cvr, "cvr == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(status, "status == null");
        productionUnits = List.copyOf(productionUnits == null ? List.of() : productionUnits);
    }

    /** The record without lifecycle dates and advertising protection (the shape before those fields were read). */
    public CompanyRecord(String cvr, String name, PostalAddress address, String status, String industryCode,
            List<String> productionUnits) {
        this(cvr, name, address, status, industryCode, productionUnits, null, null, false);
    }

    /**
     * As the domain model's company {@link dk.rammearkitektur.model.Party} with the given id.
     *
     * @throws dk.rammearkitektur.core.ValidationException when the register's values break the model's rules
     */
    public dk.rammearkitektur.model.Company toParty(dk.rammearkitektur.model.PartyId id) {
        Objects.requireNonNull(id, "id == null");
        return dk.rammearkitektur.model.Company.builder().id(id).cvr(dk.rammearkitektur.model.Cvr.parse(cvr)).name(name)
                .address(address == null ? null : address.toModel().orElse(null)).build();
    }

    /** True unless the register gives a cessation date or the status says ceased or dissolved. */
    public boolean active() {
        if (cessationDate != null) {
            return false;
        }
        String s = status.toUpperCase(java.util.Locale.ROOT);
        return !(s.startsWith("OPHOERT") || s.contains("OPLOEST") || s.startsWith("SLETTET"));
    }
}

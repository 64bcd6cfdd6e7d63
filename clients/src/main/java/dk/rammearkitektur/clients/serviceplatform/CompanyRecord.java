package dk.rammearkitektur.clients.serviceplatform;

import java.util.List;
import java.util.Objects;

/**
 * A company (virksomhed, legal unit) as SF1530 returns it.
 *
 * @param cvr the CVR number, eight digits
 * @param name the company's name
 * @param address its official address, or null
 * @param status its status text as the register gives it (e.g. {@code NORMAL}, {@code OPHOERT})
 * @param industryCode its main industry code (branchekode, six digits), or null
 * @param productionUnits the P-numbers of its production units
 */
public record CompanyRecord(String cvr, String name, PostalAddress address, String status, String industryCode,
        List<String> productionUnits) {
    /** Requires the CVR number, name and status; copies the list. */
    public CompanyRecord {
        Objects.requireNonNull(cvr, "cvr == null");
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(status, "status == null");
        productionUnits = List.copyOf(productionUnits == null ? List.of() : productionUnits);
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

    /** True unless the register marks the company as ceased or dissolved. */
    public boolean active() {
        String s = status.toUpperCase(java.util.Locale.ROOT);
        return !(s.startsWith("OPHOERT") || s.contains("OPLOEST") || s.startsWith("SLETTET"));
    }
}

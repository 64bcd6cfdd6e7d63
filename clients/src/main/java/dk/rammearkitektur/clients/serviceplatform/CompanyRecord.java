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

    /** True unless the register marks the company as ceased or dissolved. */
    public boolean active() {
        String s = status.toUpperCase(java.util.Locale.ROOT);
        return !(s.startsWith("OPHOERT") || s.contains("OPLOEST") || s.startsWith("SLETTET"));
    }
}

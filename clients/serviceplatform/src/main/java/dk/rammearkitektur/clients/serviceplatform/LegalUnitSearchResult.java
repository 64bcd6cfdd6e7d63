package dk.rammearkitektur.clients.serviceplatform;

import java.util.List;

/**
 * What SF1530 {@code searchLegalUnit} found: the CVR numbers of the matching legal units (companies), in the
 * register's order, and whether the register holds more matches than were asked for.
 *
 * @param cvrNumbers the CVR numbers found, eight digits each; empty when none matched
 * @param moreResultsExist true when the register has more matches than returned ({@code moreResultsExistIndicator})
 */
public record LegalUnitSearchResult(List<String> cvrNumbers, boolean moreResultsExist) {
    /** Copies the list. */
    public LegalUnitSearchResult {
        cvrNumbers = List.copyOf(cvrNumbers == null ? List.of() : cvrNumbers);
    }
}

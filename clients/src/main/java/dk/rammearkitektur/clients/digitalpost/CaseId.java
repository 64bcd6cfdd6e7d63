package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.clients.digitalpost.internal.Describe;

/**
 * The case the content belongs to (sags-id) and the system that holds it.
 *
 * @param caseId the case's identifier
 * @param caseSystem the case system
 */
public record CaseId(String caseId, String caseSystem) {
    /** Creates the value. */
    public static CaseId of(String caseId, String caseSystem) {
        return new CaseId(caseId, caseSystem);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The case the content belongs to (sags-id) and the system that holds it.
 *
 * @param caseId the case's identifier
 * @param caseSystem the case system
 */
public record CaseReference(String caseId, String caseSystem) {
    /** Creates the value. */
    public static CaseReference of(String caseId, String caseSystem) {
        return new CaseReference(caseId, caseSystem);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

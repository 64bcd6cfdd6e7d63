package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The KLE classification of the content (KLE-emne), namespace {@code kle}.
 *
 * @param subjectKey the KLE subject, e.g. {@code 27.24.00}
 * @param version the KLE version
 * @param activityFacet the action facet, or null
 * @param label the subject's name
 */
public record KleData(String subjectKey, String version, String activityFacet, String label) {
    /** Creates the value. */
    public static KleData of(String subjectKey, String version, String activityFacet, String label) {
        return new KleData(subjectKey, version, activityFacet, label);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

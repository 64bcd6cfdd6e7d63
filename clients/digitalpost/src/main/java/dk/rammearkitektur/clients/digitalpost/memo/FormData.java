package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The FORM classification of the content (FORM-opgave), namespace {@code form}.
 *
 * @param taskKey the FORM task
 * @param version the FORM version
 * @param activityFacet the action facet, or null
 * @param label the task's name
 */
public record FormData(String taskKey, String version, String activityFacet, String label) {
    /** Creates the value. */
    public static FormData of(String taskKey, String version, String activityFacet, String label) {
        return new FormData(taskKey, version, activityFacet, label);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

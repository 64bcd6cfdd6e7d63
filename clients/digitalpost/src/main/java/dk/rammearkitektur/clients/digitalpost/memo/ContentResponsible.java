package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * Who is responsible for the content (indholdsansvarlig).
 *
 * @param contentResponsibleId an identifier, or null
 * @param label a name, or null
 */
public record ContentResponsible(String contentResponsibleId, String label) {
    /** Creates the value. */
    public static ContentResponsible of(String contentResponsibleId, String label) {
        return new ContentResponsible(contentResponsibleId, label);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

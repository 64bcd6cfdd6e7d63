package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * Who sends on behalf of the sender (repræsentant); MeMo 1.2 only. Every part is optional.
 *
 * @param representativeId the representative's identifier, or null
 * @param idType the kind of identifier, e.g. {@code CVR}, or null
 * @param idTypeLabel a description of the kind, or null
 * @param label the representative's name, or null
 */
public record Representative(String representativeId, String idType, String idTypeLabel, String label) {
    /** Creates the value. */
    public static Representative of(String representativeId, String idType, String idTypeLabel, String label) {
        return new Representative(representativeId, idType, idTypeLabel, label);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

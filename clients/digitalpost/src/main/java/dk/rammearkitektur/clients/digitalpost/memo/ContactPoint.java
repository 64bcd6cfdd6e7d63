package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Lists;
import java.util.List;

/**
 * Where the recipient can reply or ask (kontaktpunkt).
 *
 * @param contactGroup a group of contact points, or null
 * @param contactPointId the contact point's identifier
 * @param label its name, or null
 * @param contactInfo at most two ways to reach it
 */
public record ContactPoint(String contactGroup, String contactPointId, String label, List<ContactInfo> contactInfo) {
    /** Copies the list. */
    public ContactPoint {
        contactInfo = Lists.copy(contactInfo);
    }

    /** Creates the value. */
    public static ContactPoint of(String contactGroup, String contactPointId, String label, List<ContactInfo> contactInfo) {
        return new ContactPoint(contactGroup, contactPointId, label, contactInfo);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

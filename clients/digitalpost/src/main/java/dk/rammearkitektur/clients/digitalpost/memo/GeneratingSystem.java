package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The system that produced the message (genererende system).
 *
 * @param generatingSystemId the system's identifier
 * @param label the system's name, or null
 */
public record GeneratingSystem(String generatingSystemId, String label) {
    /** Creates the value. */
    public static GeneratingSystem of(String generatingSystemId, String label) {
        return new GeneratingSystem(generatingSystemId, label);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

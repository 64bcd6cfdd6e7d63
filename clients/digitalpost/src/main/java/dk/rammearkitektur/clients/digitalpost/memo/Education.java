package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The education the content is about (uddannelse), namespace {@code udd}.
 *
 * @param educationCode the education's code
 * @param educationName its name, or null
 */
public record Education(String educationCode, String educationName) {
    /** Creates the value. */
    public static Education of(String educationCode, String educationName) {
        return new Education(educationCode, educationName);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

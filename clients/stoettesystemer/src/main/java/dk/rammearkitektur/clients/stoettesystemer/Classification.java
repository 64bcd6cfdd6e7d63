package dk.rammearkitektur.clients.stoettesystemer;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One class (Klasse) of Klassifikation as the SDK reads it from a {@code laes} or {@code list} reply: its UUID, its
 * user-facing key ({@code BrugervendtNoegleTekst}, e.g. {@code 32.18.02} or {@code G01}), its title
 * ({@code TitelTekst}), the facet it belongs to (the {@code Facet} relation's UUID, when the reply has one) and the
 * validity of its published state ({@code PubliceretStatus} with {@code ErPubliceretIndikator} true, read as KOMBIT's
 * sample reads it).
 *
 * @param uuid the class's UUID, the value the indexes' relations carry
 * @param key the user-facing key (BrugervendtNoegle)
 * @param title the title, or an empty string when the reply has none
 * @param facetUuid the UUID of the facet the class belongs to, or null when the reply names none
 * @param validFrom the start of the published validity, or null when open or not given
 * @param validTo the end of the published validity, or null when open or not given
 */
public record Classification(UUID uuid, String key, String title, UUID facetUuid, Instant validFrom, Instant validTo) {
    /** Checks that uuid, key and title are set. */
    public Classification {
        Objects.requireNonNull(uuid, "uuid == null");
        Objects.requireNonNull(key, "key == null");
        Objects.requireNonNull(title, "title == null");
    }

    /** The facet's UUID, if the reply named one. */
    public Optional<UUID> facet() {
        return Optional.ofNullable(facetUuid);
    }

    /** Whether {@code at} lies within the published validity (an open end counts as unbounded). */
    public boolean validAt(Instant at) {
        return (validFrom == null || !at.isBefore(validFrom)) && (validTo == null || at.isBefore(validTo));
    }
}

package dk.rammearkitektur.clients.beskedfordeler;

import dk.rammearkitektur.core.PersonalData;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A value list (værdiliste) of the Beskedfordeler: the filter values a subscription matches events against, for
 * example the CPR numbers of the citizens a fagsystem follows.
 *
 * @param id the list's id
 * @param userKey its user-facing key ({@code BrugervendtNoegleTekst}), or null
 * @param name its name ({@code Vaerdiliste/Navn})
 * @param values its values ({@code Vaerdiliste/Vaerdi}), in the order the service gave them
 */
public record ValueList(UUID id, String userKey, String name, List<String> values) {

    /** Checks the fields and copies the values. */
    public ValueList {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(name, "name == null");
        values = List.copyOf(values);
    }

    /** True when the list holds {@code value}. */
    public boolean contains(String value) {
        return values.contains(value);
    }

    /** The values are counted, not shown: they may be CPR numbers. */
    @Override
    public String toString() {
        return "ValueList[" + id + ", " + PersonalData.maskCprNumbers(name) + ", " + values.size() + " values]";
    }
}

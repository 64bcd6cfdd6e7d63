package dk.rammearkitektur.clients.common.events.internal;

import dk.rammearkitektur.core.PersonalData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/** The {@code toString()} of the event model's records: the record's usual form with every CPR number masked. */
public final class Describe {
    private Describe() {
    }

    /** {@code Name[component=value, …]} with CPR numbers masked. */
    public static String masked(Record r) {
        StringJoiner out = new StringJoiner(", ", r.getClass().getSimpleName() + "[", "]");
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            out.add(c.getName() + "=" + value(r, c));
        }
        return PersonalData.maskCprNumbers(out.toString());
    }

    private static Object value(Record r, RecordComponent c) {
        try {
            return c.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + " of " + r.getClass().getSimpleName(), e);
        }
    }
}

package dk.rammearkitektur.clients.digitalpost.memo.internal;

import dk.rammearkitektur.core.PersonalData;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;

/** {@code toString()} for the MeMo records: like the default, but leaves out nulls and masks CPR numbers. */
public final class Describe {
    private Describe() {
    }

    /** Describes {@code r} as {@code Name[a=1, b=x]} with every CPR-shaped number masked. */
    public static String record(Record r) {
        StringBuilder sb = new StringBuilder(r.getClass().getSimpleName()).append('[');
        boolean first = true;
        for (RecordComponent c : r.getClass().getRecordComponents()) {
            Object value;
            try {
                value = c.getAccessor().invoke(r);
            } catch (IllegalAccessException | InvocationTargetException e) {
                value = "?";
            }
            if (value == null || value instanceof java.util.Collection<?> col && col.isEmpty()) {
                continue;
            }
            if (!first) {
                sb.append(", ");
            }
            first = false;
            sb.append(c.getName()).append('=').append(value);
        }
        return PersonalData.maskCprNumbers(sb.append(']').toString());
    }
}

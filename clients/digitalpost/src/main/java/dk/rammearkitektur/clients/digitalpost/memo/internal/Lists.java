package dk.rammearkitektur.clients.digitalpost.memo.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Defensive copies of the lists in MeMo records. */
public final class Lists {
    private Lists() {
    }

    /**
     * An unmodifiable copy; {@code null} becomes the empty list. Null elements are kept so that validation can report
     * them with their index instead of failing here.
     */
    public static <T> List<T> copy(List<? extends T> list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}

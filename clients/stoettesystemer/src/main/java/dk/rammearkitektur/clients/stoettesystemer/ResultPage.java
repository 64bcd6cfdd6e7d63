package dk.rammearkitektur.clients.stoettesystemer;

import java.util.List;
import java.util.Objects;

/**
 * One page of an Organisation (SF1500) search: the objects found from {@code offset} on, and where the next page
 * starts when there is one. Ask for the next page with the same query and {@link #nextOffset()}.
 *
 * @param <T> the record type ({@link UserRecord}, {@link UnitRecord} or {@link FunctionRecord})
 * @param items the objects of this page, in the order the service found them (objects {@code list} no longer
 *     returns are left out, so a page may hold fewer than it was asked for)
 * @param offset the position of this page's first result ({@code FoersteResultatReference}, counted from 0)
 * @param nextOffset the offset of the next page, or -1 when this is the last page
 */
public record ResultPage<T>(List<T> items, int offset, int nextOffset) {
    /** Copies the items and checks the offsets. */
    public ResultPage {
        items = List.copyOf(Objects.requireNonNull(items, "items == null"));
        if (offset < 0 || (nextOffset != -1 && nextOffset <= offset)) {
            throw new IllegalArgumentException("offset must be >= 0 and nextOffset -1 or after offset");
        }
    }

    /** Whether the service has more results after this page. */
    public boolean hasNext() {
        return nextOffset >= 0;
    }
}

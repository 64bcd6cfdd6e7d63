package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** Checks of the input the support-systems clients share; not API. */
final class Inputs {
    private Inputs() {
    }

    /**
     * The UUIDs of a {@code list} call, each once in their first order.
     *
     * @throws ValidationException naming {@code uuids} (null, empty, more than {@code max}) or {@code uuids[i]} (null)
     */
    static List<UUID> listUuids(Collection<UUID> uuids, int max) {
        Violations v = Violations.at("");
        if (v.require(uuids != null, "uuids", "must be set")) {
            v.require(!uuids.isEmpty() && uuids.size() <= max, "uuids", "must hold 1 to " + max + " UUIDs");
            int i = 0;
            for (UUID u : uuids) {
                v.require(u != null, "uuids[" + i + "]", "must not be null");
                i++;
            }
        }
        v.throwIfAny();
        return new ArrayList<>(new LinkedHashSet<>(uuids));
    }

    /** Whether every character of {@code s} can be carried by XML 1.0 (so it reads back as sent). */
    static boolean xmlText(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (!(c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF)
                    || (c >= 0xE000 && c <= 0xFFFD))) {
                return false;
            }
        }
        return true;
    }
}

package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SimulatorDataTest {
    private final SimulatorData data = SimulatorData.seeded("11223346");

    @Test
    void seededCprNumbersEncodeTheirBirthDatesAcrossAllCenturies() {
        Set<Integer> centuries = new TreeSet<>();
        for (String cpr : data.cprNumbers()) {
            SimulatorData.Person p = data.person(cpr).orElseThrow();
            assertEquals(p.birthDate(), Cpr.parse(cpr).birthDate(), "birth date encoded in " + p);
            centuries.add(p.birthDate().getYear() / 100);
        }
        assertEquals(Set.of(18, 19, 20), centuries);
    }

    @Test
    void seededRolesArePresent() {
        assertTrue(data.person(SimulatorData.CPR_PROTECTED).orElseThrow().addressProtected());
        assertEquals(90, data.person(SimulatorData.CPR_DEAD_1800S).orElseThrow().statusCode());
        assertEquals(80, data.person(SimulatorData.CPR_EMIGRATED).orElseThrow().statusCode());
        assertEquals(2, data.company(SimulatorData.CVR_ACTIVE).orElseThrow().productionUnits().size());
        Cvr.parse(SimulatorData.CVR_ACTIVE);
        Cvr.parse(SimulatorData.CVR_CEASED);
        SimulatorData.Organisation org = data.organisation("11223346").orElseThrow();
        assertEquals(1, org.units().stream().filter(u -> u.parent() == null).count());
        assertTrue(data.organisation("99999999").isEmpty());
    }

    @Test
    void personToStringMasksTheCpr() {
        String s = data.person(SimulatorData.CPR_ACTIVE_1900S).orElseThrow().toString();
        assertFalse(s.contains(SimulatorData.CPR_ACTIVE_1900S), s);
        assertThrows(IllegalArgumentException.class, () -> new SimulatorData.Person("123", "a", null, "b", null, 1, "U",
                null, false, null));
    }
}

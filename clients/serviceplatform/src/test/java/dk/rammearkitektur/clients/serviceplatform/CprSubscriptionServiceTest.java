package dk.rammearkitektur.clients.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.model.Cpr;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The SF6002 description's platform facts (research note sf6002.md §1.6) and the value types' invariants. */
class CprSubscriptionServiceTest {

    @Test
    void endpointsAndServiceUuidAreTheSourcesOnes() {
        CprSubscriptionService s = CprSubscriptionService.INSTANCE;
        assertEquals("SF6002", s.id());
        assertEquals(UUID.fromString("9cdccc2f-3243-11e2-8fef-d4bed98c5934"), s.serviceUuid());
        assertEquals(URI.create("https://exttest.serviceplatformen.dk/service/CPRSubscription/CPRSubscription/1/"),
                s.endpoint(Environment.TEST));
        assertEquals(URI.create("https://prod.serviceplatformen.dk/service/CPRSubscription/CPRSubscription/1/"),
                s.endpoint(Environment.PRODUCTION));
        assertTrue(getClass().getResource(s.contractResource()) != null, s.contractResource());
    }

    @Test
    void filtersAreImmutableAndShowNoNumbers() {
        Cpr cpr = Cpr.parse("0101011234");
        java.util.ArrayList<Cpr> list = new java.util.ArrayList<>(List.of(cpr));
        SubscriptionFilters f = new SubscriptionFilters(list, List.of(706), List.of("A01"),
                List.of(new SubscriptionFilters.AgeRange(0, 17)));
        list.clear();
        assertEquals(List.of(cpr), f.cprNumbers());
        assertThrows(UnsupportedOperationException.class, () -> f.cprNumbers().add(cpr));
        assertEquals("SubscriptionFilters[cprNumbers=1, municipalityCodes=[706], changeCodes=[A01],"
                + " ageRanges=[AgeRange[startAge=0, endAge=17]]]", f.toString());
        assertFalse(f.follows(Cpr.parse("0101011235")));
        assertThrows(NullPointerException.class, () -> new SubscriptionFilters(null, List.of(), List.of(), List.of()));
    }
}

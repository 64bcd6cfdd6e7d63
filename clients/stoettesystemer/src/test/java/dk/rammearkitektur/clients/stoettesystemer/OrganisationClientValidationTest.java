package dk.rammearkitektur.clients.stoettesystemer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The Organisation client's builder, query, page and record types check what they are given. */
class OrganisationClientValidationTest {

    @Test
    void buildNamesEveryMissingOrBadSettingUnderOrganisationClient() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> OrganisationClient.builder().authorityCvr("1234").poolSize(1001).entityId("").build());
        Set<String> p = e.violations().stream().map(Violation::path).collect(Collectors.toSet());
        for (String field : List.of("environment", "poolSize", "authorityCvr", "entityId", "trustAnchors",
                "stsCertificates", "systemCertificate")) {
            assertTrue(p.contains("organisationClient." + field), field + " in " + p);
        }
    }

    @Test
    void theThreeServicesLiveUnderTheOrganisationBase() {
        StoettesystemerEnvironment env = StoettesystemerEnvironment.parse("https://127.0.0.1:8443");
        assertEquals(URI.create("https://127.0.0.1:8443/organisation/organisationenhed/6/"),
                env.organisation("organisationenhed"));
        assertEquals(URI.create("https://organisation.eksterntest-stoettesystemerne.dk/organisation/organisationfunktion/6/"),
                StoettesystemerEnvironment.TEST.organisation("organisationfunktion"));
    }

    @Test
    void queryWithersChangeOneCriterionEach() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        OrganisationQuery q = OrganisationQuery.all().withKey("k").withName("n").withUnit(a).withUser(b)
                .withFunctionType(a).withParent(b);
        assertEquals(new OrganisationQuery("k", "n", a, b, a, b), q);
        assertEquals(new OrganisationQuery(null, null, null, null, null, null), OrganisationQuery.all());
        assertEquals(new OrganisationQuery("k2", "n", a, b, a, b), q.withKey("k2"));
    }

    @Test
    void pageKnowsWhetherAnotherFollowsAndRefusesImpossibleOffsets() {
        assertTrue(new ResultPage<>(List.of("a"), 0, 1).hasNext());
        assertFalse(new ResultPage<>(List.of(), 5, -1).hasNext());
        assertThrows(IllegalArgumentException.class, () -> new ResultPage<>(List.of(), -1, -1));
        assertThrows(IllegalArgumentException.class, () -> new ResultPage<>(List.of(), 3, 3));
        assertThrows(NullPointerException.class, () -> new ResultPage<>(null, 0, -1));
    }

    @Test
    void recordsAreActiveWithinTheirValidityOnly() {
        Instant t = Instant.parse("2020-01-01T00:00:00Z");
        UnitRecord unit = new UnitRecord(UUID.randomUUID(), "k", "n", null, null, null, true, t, t.plusSeconds(10));
        assertTrue(unit.activeAt(t));
        assertFalse(unit.activeAt(t.plusSeconds(10)));
        assertFalse(unit.activeAt(t.minusSeconds(1)));
        UserRecord inactive = new UserRecord(UUID.randomUUID(), "k", "", null, List.of(), List.of(), false, null,
                null);
        assertFalse(inactive.activeAt(t), "no Aktiv state");
        FunctionRecord open = new FunctionRecord(UUID.randomUUID(), "", "Ansat", null, List.of(), List.of(), true,
                null, null);
        assertTrue(open.activeAt(t));
        assertThrows(NullPointerException.class, () -> new FunctionRecord(UUID.randomUUID(), null, "", null,
                List.of(), List.of(), true, null, null));
    }
}

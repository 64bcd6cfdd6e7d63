package dk.rammearkitektur.sso.privileges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

class UserRightsTest {
    private static final String CASEWORKER = "http://fagsystem.example/roles/usersystemrole/sagsbehandler/1";
    private static final String READER = "http://fagsystem.example/roles/usersystemrole/laeser/1";
    private static final PrivilegeScope KORSBAEK = PrivilegeScope.cvr("11111111");
    private static final UUID UNIT_X = UUID.fromString("4053d58d-bd5e-48d9-b9d8-2c041faeccd5");
    private static final UUID UNIT_Y = UUID.fromString("7ac56cc7-a3d8-40eb-b2d6-f94096a271bf");

    /** Group 0: another municipality; group 1: reader anywhere; group 2: caseworker for 32.30.* and 27.24.00 at level 3. */
    private static final PrivilegeList LIST = PrivilegeList.of(
            PrivilegeGroup.of(PrivilegeScope.cvr("29189846"), CASEWORKER),
            PrivilegeGroup.of(KORSBAEK, READER),
            PrivilegeGroup.of(KORSBAEK, CASEWORKER, KleConstraint.of("32.30.*", "27.24.00"), SensitivityConstraint.of("3")),
            PrivilegeGroup.of(KORSBAEK, CASEWORKER, KleConstraint.of("32.18.00"), OrgUnitConstraint.of(UNIT_X)));

    private final UserRights rights = LIST.forCvr("11111111");

    @Test
    void rolesOfTheMunicipalityOnly() {
        assertEquals(Set.of(READER, CASEWORKER), rights.roles());
        assertEquals(3, rights.groups().size());
        assertTrue(LIST.forCvr("29189846").hasRole(CASEWORKER));
        assertFalse(LIST.forCvr("29189846").hasRole(READER));
    }

    @Test
    void unconstrainedGroupGrantsAnyCase() {
        AccessDecision d = rights.check(AccessRequest.role(READER).kle("99.99.99").sensitivity("9"));
        assertTrue(d.granted());
        assertEquals(OptionalInt.of(1), d.grantingGroup());
        assertTrue(d.explanation().contains("privilegeList.privilegeGroup[1]") && d.explanation().contains("without constraints"),
                d.explanation());
    }

    @Test
    void everyConstraintOfTheGroupMustHold() {
        AccessDecision ok = rights.check(AccessRequest.role(CASEWORKER).kle("32.30.05 G01").sensitivity("3"));
        assertTrue(ok.granted(), ok.explanation());
        assertEquals(OptionalInt.of(2), ok.grantingGroup());
        assertTrue(ok.explanation().contains("KLE [32.30.*, 27.24.00], sensitivity [3]"), ok.explanation());

        AccessDecision wrongLevel = rights.check(AccessRequest.role(CASEWORKER).kle("32.30.05").sensitivity("2"));
        assertFalse(wrongLevel.granted());
        assertEquals(List.of("privilegeList.privilegeGroup[2]: sensitivity 2 is not one of [3]",
                "privilegeList.privilegeGroup[3]: KLE 32.30.05 is not within [32.18.00]"), wrongLevel.reasons());
    }

    @Test
    void anyGrantingGroupSuffices() {
        AccessDecision d = rights.check(AccessRequest.role(CASEWORKER).kle("32.18.00").orgUnit(UNIT_X));
        assertTrue(d.granted(), d.explanation());
        assertEquals(OptionalInt.of(3), d.grantingGroup());
        assertFalse(rights.check(AccessRequest.role(CASEWORKER).kle("32.18.00").orgUnit(UNIT_Y)).granted());
    }

    @Test
    void constrainedDimensionMissingFromTheRequestRefuses() {
        AccessDecision d = rights.check(AccessRequest.role(CASEWORKER).kle("32.30.05"));
        assertFalse(d.granted());
        assertEquals("privilegeList.privilegeGroup[2]: sensitivity is constrained to [3] but the request names no sensitivity",
                d.firstReason().orElseThrow());
    }

    @Test
    void roleNotHeld() {
        AccessDecision d = rights.check(AccessRequest.role("http://other/roles/x/1"));
        assertFalse(d.granted());
        assertEquals(OptionalInt.empty(), d.grantingGroup());
        assertEquals("refused: no privilege group for urn:dk:gov:saml:cvrNumberIdentifier:11111111 holds http://other/roles/x/1",
                d.explanation());
    }

    @Test
    void kleMatching() {
        KleConstraint c = KleConstraint.of("32.30.*", "27.24.00", "27.*");
        assertTrue(c.covers(dk.rammearkitektur.model.KleNumber.parse("32.30")));
        assertTrue(c.covers(dk.rammearkitektur.model.KleNumber.parse("32.30.99")));
        assertFalse(c.covers(dk.rammearkitektur.model.KleNumber.parse("32")));
        assertTrue(c.covers(dk.rammearkitektur.model.KleNumber.parse("27")));
        assertTrue(c.covers(dk.rammearkitektur.model.KleNumber.parse("27.01.01")));
        assertFalse(KleConstraint.of("32.18").covers(dk.rammearkitektur.model.KleNumber.parse("32.18.00")));
    }

    @Test
    void matchesNothingSentinel() {
        KleConstraint none = KleConstraint.of("99.99.99");
        assertTrue(none.matchesNothing());
        assertFalse(none.covers(dk.rammearkitektur.model.KleNumber.parse("99.99.99")));
        assertFalse(KleConstraint.of("99.99.99", "32.*").matchesNothing());
        AccessDecision d = PrivilegeList.of(PrivilegeGroup.of(KORSBAEK, CASEWORKER, none)).forCvr("11111111")
                .check(AccessRequest.role(CASEWORKER).kle("99.99.99"));
        assertFalse(d.granted());
        assertTrue(d.explanation().contains("matches-nothing sentinel"), d.explanation());
    }

    @Test
    void orgUnitsCompareAsUuids() {
        OrgUnitConstraint c = new OrgUnitConstraint(List.of(UNIT_X.toString().toUpperCase(Locale.ROOT)));
        assertTrue(c.covers(UNIT_X));
        assertFalse(c.covers(UNIT_Y));
    }

    @Test
    void rawConstraintNeedsTheRequestToNameIt() {
        UserRights r = PrivilegeList.of(PrivilegeGroup.of(KORSBAEK, CASEWORKER, RawConstraint.of("urn:x", "nord")))
                .forCvr("11111111");
        assertFalse(r.check(AccessRequest.role(CASEWORKER)).granted());
        assertTrue(r.check(AccessRequest.role(CASEWORKER)).firstReason().orElseThrow().contains("not known to the SDK"));
        assertTrue(r.check(AccessRequest.role(CASEWORKER).other("urn:x", "nord")).granted());
        assertFalse(r.check(AccessRequest.role(CASEWORKER).other("urn:x", "syd")).granted());
    }

    @Test
    void badRequestsAreTyped() {
        assertEquals("request.kle", assertThrows(ValidationException.class,
                () -> AccessRequest.role(CASEWORKER).kle("32.1")).violations().get(0).path());
        assertEquals("role", assertThrows(ValidationException.class, () -> AccessRequest.role(" ")).violations().get(0).path());
        assertThrows(ValidationException.class, () -> AccessRequest.role(CASEWORKER).sensitivity(""));
    }

    // --- the access check against a reference written differently ------------------------------------------------------

    @Provide
    Arbitrary<PrivilegeList> lists() {
        return PrivilegeArbitraries.lists();
    }

    @Provide
    Arbitrary<AccessRequest> requests() {
        return PrivilegeArbitraries.requests();
    }

    @Provide
    Arbitrary<String> cvrs() {
        return net.jqwik.api.Arbitraries.of(PrivilegeArbitraries.CVRS);
    }

    @Property(tries = 3000)
    void checkAgreesWithTheReference(@ForAll("lists") PrivilegeList list, @ForAll("cvrs") String cvr,
            @ForAll("requests") AccessRequest request) {
        AccessDecision d = list.forCvr(cvr).check(request);
        OptionalInt expected = reference(list, cvr, request);
        Statistics.label("granted").collect(d.granted());
        assertEquals(expected, d.grantingGroup(), d.explanation());
        assertEquals(expected.isPresent(), d.granted());
        if (!d.granted()) {
            assertFalse(d.reasons().isEmpty());
        }
        Statistics.label("granted").coverage(c -> {
            c.check(true).percentage(p -> p > 5);
            c.check(false).percentage(p -> p > 5);
        });
    }

    /** The first group index that grants, by a regex per KLE value and plain string compares. */
    private static OptionalInt reference(PrivilegeList list, String cvr, AccessRequest r) {
        String scope = "urn:dk:gov:saml:cvrNumberIdentifier:" + cvr;
        for (int i = 0; i < list.groups().size(); i++) {
            PrivilegeGroup g = list.groups().get(i);
            if (!g.scope().uri().equals(scope) || !g.privileges().contains(r.role())) {
                continue;
            }
            boolean all = true;
            for (DataConstraint c : g.constraints()) {
                all &= holds(c, r);
            }
            if (all) {
                return OptionalInt.of(i);
            }
        }
        return OptionalInt.empty();
    }

    private static boolean holds(DataConstraint c, AccessRequest r) {
        Optional<String> given;
        switch (c.name()) {
            case DataConstraint.KLE:
                given = r.kle().map(k -> k.number());
                return given.isPresent() && c.values().stream().filter(v -> !v.equals("99.99.99"))
                        .map(v -> v.endsWith(".*") ? Pattern.quote(v.substring(0, v.length() - 2)) + "(\\..*)?" : Pattern.quote(v))
                        .anyMatch(regex -> given.get().matches(regex));
            case DataConstraint.ORG_UNIT:
                given = r.orgUnit().map(UUID::toString);
                return given.isPresent() && c.values().stream().anyMatch(v -> v.equalsIgnoreCase(given.get()));
            case DataConstraint.SENSITIVITY:
                given = r.sensitivity();
                break;
            case DataConstraint.IT_SYSTEM:
                given = r.itSystem();
                break;
            default:
                given = r.other(c.name());
        }
        return given.isPresent() && c.values().contains(given.get());
    }
}

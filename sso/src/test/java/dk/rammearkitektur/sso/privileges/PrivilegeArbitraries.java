package dk.rammearkitektur.sso.privileges;

import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Generators of privilege lists and access requests, drawn from small pools so that requests meet the lists. */
final class PrivilegeArbitraries {
    static final List<String> CVRS = List.of("11111111", "29189846", "93005620");
    static final List<String> ROLES = List.of(
            "http://fagsystem.example/roles/usersystemrole/sagsbehandler/1",
            "http://fagsystem.example/roles/usersystemrole/laeser/1",
            "http://fagsystem.example/roles/usersystemrole/admin/1");
    static final List<String> KLE_CODES = List.of("32", "32.18", "32.18.00", "32.18.05", "32.30.05", "27.24.00", "27.24",
            "99.99.99", "00.01.10");
    static final List<String> KLE_VALUES = List.of("32.*", "32.18.*", "32.18.00", "32.30.*", "27.24.00", "27.*",
            "99.99.99", "00.01.10", "32.18");
    static final List<UUID> UNITS = List.of(
            UUID.fromString("4053d58d-bd5e-48d9-b9d8-2c041faeccd5"),
            UUID.fromString("7ac56cc7-a3d8-40eb-b2d6-f94096a271bf"),
            UUID.fromString("00000000-0000-4000-8000-000000000001"));
    static final List<String> LEVELS = List.of("1", "2", "3", "fortrolig");
    static final List<String> SYSTEMS = List.of("sys-a", "sys-b");
    static final String RAW_NAME = "http://fagsystem.example/constraints/afdeling/1";
    static final List<String> RAW_VALUES = List.of("nord", "syd", "vest");

    private PrivilegeArbitraries() {
    }

    static Arbitrary<PrivilegeScope> scopes() {
        Arbitrary<PrivilegeScope> cvr = Arbitraries.of(CVRS).map(PrivilegeScope::cvr);
        Arbitrary<PrivilegeScope> other = Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofLength(10).map(n -> new PrivilegeScope(PrivilegeScope.Kind.PRODUCTION_UNIT, n)),
                Arbitraries.strings().numeric().ofLength(8).map(n -> new PrivilegeScope(PrivilegeScope.Kind.SE_NUMBER, n)),
                Arbitraries.of("0101901234", "3112995678").map(n -> new PrivilegeScope(PrivilegeScope.Kind.CPR, n)));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(8, cvr), net.jqwik.api.Tuple.of(2, other));
    }

    static Arbitrary<DataConstraint> constraints() {
        return Arbitraries.oneOf(
                Arbitraries.of(KLE_VALUES).list().ofMinSize(1).ofMaxSize(3).map(KleConstraint::new),
                Arbitraries.of(UNITS).list().ofMinSize(1).ofMaxSize(2)
                        .map(us -> new OrgUnitConstraint(us.stream().map(UUID::toString).toList())),
                Arbitraries.of(LEVELS).list().ofMinSize(1).ofMaxSize(2).map(SensitivityConstraint::new),
                Arbitraries.of(SYSTEMS).list().ofMinSize(1).ofMaxSize(2).map(ItSystemConstraint::new),
                Arbitraries.of(RAW_VALUES).list().ofMinSize(1).ofMaxSize(2).map(vs -> new RawConstraint(RAW_NAME, vs)));
    }

    /** Privilege texts beyond the pool: URIs with characters that need escaping in XML. */
    static Arbitrary<String> privileges() {
        Arbitrary<String> odd = Arbitraries.strings().withChars("abcæøå<>&\"'/:._-").ofMinLength(1).ofMaxLength(12)
                .map(s -> "http://x.example/roles/" + s + "/1");
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, Arbitraries.of(ROLES)), net.jqwik.api.Tuple.of(1, odd));
    }

    static Arbitrary<PrivilegeGroup> groups() {
        return Combinators.combine(scopes(), privileges().list().ofMinSize(1).ofMaxSize(3),
                constraints().list().ofMaxSize(3)).as(PrivilegeGroup::new);
    }

    static Arbitrary<PrivilegeList> lists() {
        return groups().list().ofMaxSize(6).map(PrivilegeList::of);
    }

    static Arbitrary<AccessRequest> requests() {
        return Combinators.combine(
                Arbitraries.of(ROLES),
                Arbitraries.of(KLE_CODES).injectNull(0.15),
                Arbitraries.of(UNITS).injectNull(0.15),
                Arbitraries.of(LEVELS).injectNull(0.15),
                Arbitraries.of(SYSTEMS).injectNull(0.15),
                Arbitraries.of(RAW_VALUES).injectNull(0.15)).as((role, kle, unit, level, system, raw) -> {
                    AccessRequest r = AccessRequest.role(role);
                    if (kle != null) {
                        r = r.kle(kle);
                    }
                    if (unit != null) {
                        r = r.orgUnit(unit);
                    }
                    if (level != null) {
                        r = r.sensitivity(level);
                    }
                    if (system != null) {
                        r = r.itSystem(system);
                    }
                    if (raw != null) {
                        r = r.other(RAW_NAME, raw);
                    }
                    return r;
                });
    }
}

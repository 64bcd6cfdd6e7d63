package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.FunctionRecord;
import dk.rammearkitektur.clients.stoettesystemer.OrganisationClient;
import dk.rammearkitektur.clients.stoettesystemer.OrganisationQuery;
import dk.rammearkitektur.clients.stoettesystemer.ResultPage;
import dk.rammearkitektur.clients.stoettesystemer.UnitRecord;
import dk.rammearkitektur.clients.stoettesystemer.UserRecord;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The Organisation client (SF1500 Bruger, OrganisationEnhed, OrganisationFunktion) against the simulator over loopback
 * TLS with real STS-issued holder-of-key tokens: search by each criterion, read, list, paging, StatusKode faults,
 * retries, input validation, and answers for the token CVR's organisation only.
 */
class OrganisationClientEndToEndTest extends SimulatorTest {
    private static SimulatorData.Organisation seeded;

    @BeforeAll
    static void keepSeed() {
        seeded = sim.data().organisation(sim.municipalityCvr()).orElseThrow();
    }

    @BeforeEach
    void restoreSeed() {
        sim.data().add(seeded);
    }

    private static SimulatorData.OrgUnit unit(String key) {
        return seeded.units().stream().filter(u -> key.equals(u.key())).findFirst().orElseThrow();
    }

    private static SimulatorData.User user(String userName) {
        return seeded.users().stream().filter(u -> userName.equals(u.userName())).findFirst().orElseThrow();
    }

    private static int requests() {
        return sim.requestCount("SF1500-bruger") + sim.requestCount("SF1500-organisationenhed")
                + sim.requestCount("SF1500-organisationfunktion");
    }

    @Test
    void searchesUsersByKeyNameAndUnit() {
        SimulatorData.User anna = user("anna");
        try (OrganisationClient org = SimulatorClients.organisation(sim).build()) {
            ResultPage<UserRecord> byKey = org.searchUsers(OrganisationQuery.all().withKey("anna"), 0, 10);
            assertEquals(1, byKey.items().size());
            assertFalse(byKey.hasNext());
            UserRecord found = byKey.items().get(0);
            assertEquals(anna.uuid(), found.uuid());
            assertEquals("anna", found.key());
            assertEquals("Anna Andersen", found.name());
            assertEquals(seeded.uuid(), found.organisationUuid());
            assertEquals(anna.units(), found.unitUuids());
            assertTrue(found.active());
            assertEquals(OrganisationResponses.SINCE, found.validFrom());
            assertNull(found.validTo());
            assertTrue(found.activeAt(Instant.now()));
            assertEquals(List.of(user("bo").uuid()), uuids(org.searchUsers(
                    OrganisationQuery.all().withName("Bo Berg"), 0, 10).items(), UserRecord::uuid));
            assertEquals(List.of(user("bo").uuid(), user("cim").uuid()), uuids(org.searchUsers(
                    OrganisationQuery.all().withUnit(unit("TK-JC").uuid()), 0, 10).items(), UserRecord::uuid));
            assertTrue(org.searchUsers(OrganisationQuery.all().withKey("anna").withName("Bo Berg"), 0, 10)
                    .items().isEmpty(), "every criterion must match");
            assertTrue(org.searchUsers(OrganisationQuery.all().withKey("nobody"), 0, 10).items().isEmpty());
        }
        assertEquals("no violations", sim.conformanceReport());
        assertEquals(8, sim.requestCount("SF1500-bruger"), "soeg and list for the three searches with hits, soeg alone for"
                + " the two without");
    }

    @Test
    void searchesUnitsByKeyNameAndParent() {
        SimulatorData.OrgUnit root = unit("TK");
        try (OrganisationClient org = SimulatorClients.organisation(sim).build()) {
            UnitRecord job = org.searchUnits(OrganisationQuery.all().withKey("TK-JC"), 0, 10).items().get(0);
            assertEquals(unit("TK-JC").uuid(), job.uuid());
            assertEquals("Jobcenter", job.name());
            assertEquals(unit("TK-SB").uuid(), job.parentUuid());
            assertEquals(seeded.uuid(), job.organisationUuid());
            assertNull(job.unitTypeUuid());
            assertEquals(List.of(unit("TK-BS").uuid()), uuids(org.searchUnits(
                    OrganisationQuery.all().withName("Borgerservice"), 0, 10).items(), UnitRecord::uuid));
            assertEquals(List.of(unit("TK-BS").uuid(), unit("TK-SB").uuid()), uuids(org.searchUnits(
                    OrganisationQuery.all().withParent(root.uuid()), 0, 10).items(), UnitRecord::uuid));
            assertEquals(4, org.searchAllUnits(OrganisationQuery.all(), 100).size(), "no criterion: every unit");
        }
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void searchesFunctionsByTypeUnitAndUser() {
        SimulatorData.User cim = user("cim");
        try (OrganisationClient org = SimulatorClients.organisation(sim).build()) {
            List<FunctionRecord> cims = org.searchAllFunctions(OrganisationQuery.all().withUser(cim.uuid()), 100);
            assertEquals(2, cims.size());
            assertEquals(Set.copyOf(cim.units()), cims.stream().flatMap(f -> f.unitUuids().stream())
                    .collect(Collectors.toSet()), "the user's units through its functions");
            for (FunctionRecord f : cims) {
                assertEquals("Ansat", f.name());
                assertEquals("", f.key());
                assertEquals(SimulatorData.ENGAGEMENT_TYPE, f.typeUuid());
                assertEquals(List.of(cim.uuid()), f.userUuids());
                assertTrue(f.active());
            }
            List<FunctionRecord> jobEngagements = org.searchAllFunctions(OrganisationQuery.all()
                    .withFunctionType(SimulatorData.ENGAGEMENT_TYPE).withUnit(unit("TK-JC").uuid()), 100);
            assertEquals(Set.of(user("bo").uuid(), cim.uuid()), jobEngagements.stream()
                    .flatMap(f -> f.userUuids().stream()).collect(Collectors.toSet()));
            assertTrue(org.searchAllFunctions(OrganisationQuery.all().withFunctionType(UUID.randomUUID()), 100)
                    .isEmpty());
            assertEquals(4, org.searchAllFunctions(OrganisationQuery.all().withName("Ansat"), 100).size());
            assertEquals(cim.units(), org.unitsOfUser(cim.uuid()), "units through functions, each once");
            assertEquals(List.of(), org.unitsOfUser(UUID.randomUUID()));
        }
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void readsAndListsAndLeavesUnknownUuidsOut() {
        SimulatorData.OrgUnit root = unit("TK");
        try (OrganisationClient org = SimulatorClients.organisation(sim).build()) {
            UnitRecord read = org.readUnit(root.uuid()).orElseThrow();
            assertEquals("Testkommune", read.name());
            assertEquals("TK", read.key());
            assertNull(read.parentUuid());
            assertEquals("anna", org.readUser(user("anna").uuid()).orElseThrow().key());
            FunctionRecord f = org.readFunction(seeded.functions().get(0).uuid()).orElseThrow();
            assertEquals(seeded.functions().get(0).users(), f.userUuids());
            assertTrue(org.readUser(UUID.randomUUID()).isEmpty());
            assertTrue(org.readUnit(user("anna").uuid()).isEmpty(), "a user's UUID is no unit");
            assertTrue(org.readFunction(UUID.randomUUID()).isEmpty());
            List<UserRecord> users = org.listUsers(List.of(user("cim").uuid(), UUID.randomUUID(),
                    user("anna").uuid(), user("cim").uuid()));
            assertEquals(List.of("cim", "anna"), users.stream().map(UserRecord::key).toList(),
                    "unknown left out, duplicates sent once, in reply order");
            assertEquals(4, org.listUnits(seeded.units().stream().map(SimulatorData.OrgUnit::uuid).toList()).size());
            assertTrue(org.listFunctions(List.of(UUID.randomUUID())).isEmpty());
        }
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void pagesAreReallyPaged() {
        try (OrganisationClient org = SimulatorClients.organisation(sim).build()) {
            List<UUID> seen = new ArrayList<>();
            ResultPage<UnitRecord> page = org.searchUnits(OrganisationQuery.all(), 0, 1);
            int pages = 1;
            seen.addAll(uuids(page.items(), UnitRecord::uuid));
            while (page.hasNext()) {
                assertEquals(1, page.items().size());
                page = org.searchUnits(OrganisationQuery.all(), page.nextOffset(), 1);
                seen.addAll(uuids(page.items(), UnitRecord::uuid));
                pages++;
            }
            assertEquals(4, pages, "four units, one a page");
            assertEquals(-1, page.nextOffset());
            assertEquals(seeded.units().stream().map(SimulatorData.OrgUnit::uuid).toList(), seen);
            assertEquals(8, sim.requestCount("SF1500-organisationenhed"), "soeg and list per page");
            ResultPage<UnitRecord> middle = org.searchUnits(OrganisationQuery.all(), 1, 2);
            assertEquals(List.of(seeded.units().get(1).uuid(), seeded.units().get(2).uuid()),
                    uuids(middle.items(), UnitRecord::uuid));
            assertEquals(3, middle.nextOffset());
            assertTrue(org.searchUnits(OrganisationQuery.all(), 4, 2).items().isEmpty(), "past the end");
        }
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void searchAllFollowsEveryPageUpToTheLimit() {
        List<SimulatorData.User> many = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            many.add(new SimulatorData.User(UUID.nameUUIDFromBytes(("many-" + i).getBytes(
                    java.nio.charset.StandardCharsets.UTF_8)), "user" + i, "Bruger " + i, List.of()));
        }
        sim.data().add(new SimulatorData.Organisation(sim.municipalityCvr(), seeded.uuid(), seeded.name(),
                seeded.units(), many));
        try (OrganisationClient org = SimulatorClients.organisation(sim).build()) {
            List<UserRecord> all = org.searchAllUsers(OrganisationQuery.all(), 1000);
            assertEquals(many.stream().map(SimulatorData.User::uuid).toList(), uuids(all, UserRecord::uuid));
            assertEquals(6, sim.requestCount("SF1500-bruger"), "three pages (100, 100, 50): soeg and list each");
            sim.reset();
            assertEquals(150, org.searchAllUsers(OrganisationQuery.all(), 150).size());
            assertEquals(4, sim.requestCount("SF1500-bruger"), "two pages, cut at the limit");
            sim.reset();
            assertEquals(many.get(0).uuid(), org.searchAllUsers(OrganisationQuery.all(), 1).get(0).uuid());
            assertEquals(2, sim.requestCount("SF1500-bruger"), "a page of one");
        }
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void statusOtherThan20IsAServiceFaultWithItsCode() {
        try (OrganisationClient org = SimulatorClients.organisation(sim).build()) {
            sim.faults().next(Fault.statusCode(44));
            ServiceFaultException e = assertThrows(ServiceFaultException.class,
                    () -> org.searchUsers(OrganisationQuery.all(), 0, 10));
            assertEquals("44", e.faultCode());
            sim.faults().next(Fault.statusCode(49));
            assertEquals("49", assertThrows(ServiceFaultException.class,
                    () -> org.readUnit(unit("TK").uuid())).faultCode());
            sim.faults().next(Fault.statusCode(40));
            assertEquals("40", assertThrows(ServiceFaultException.class,
                    () -> org.listFunctions(List.of(UUID.randomUUID()))).faultCode());
        }
    }

    @Test
    void readsAreRetriedWhenTheFailureIsRetrySafe() {
        RetryPolicy retries = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(20)).build();
        try (OrganisationClient org = SimulatorClients.organisation(sim).retryPolicy(retries).build()) {
            org.readUser(UUID.randomUUID()); // token fetched first, so the injected fault hits the service call
            sim.reset();
            sim.faults().next(Fault.httpStatus(503));
            assertEquals("TK", org.readUnit(unit("TK").uuid()).orElseThrow().key());
            assertEquals(2, sim.requestCount("SF1500-organisationenhed"), "the 503 and the retry");
        }
        try (OrganisationClient org = SimulatorClients.organisation(sim).build()) {
            sim.faults().next(Fault.httpStatus(503));
            assertThrows(HttpStatusException.class, () -> org.readUnit(unit("TK").uuid()),
                    "with no retries the failure reaches the caller");
        }
    }

    @Test
    void badInputIsAValidationExceptionNamingEveryFieldBeforeAnythingIsSent() {
        try (OrganisationClient org = SimulatorClients.organisation(sim).build()) {
            assertEquals(Set.of("query.functionTypeUuid", "query.parentUuid", "offset", "pageSize"), paths(() ->
                    org.searchUsers(OrganisationQuery.all().withFunctionType(UUID.randomUUID())
                            .withParent(UUID.randomUUID()), -1, 0)));
            assertEquals(Set.of("query.userUuid", "query.unitUuid", "pageSize"), paths(() -> org.searchUnits(
                    OrganisationQuery.all().withUser(UUID.randomUUID()).withUnit(UUID.randomUUID()), 0, 501)));
            assertEquals(Set.of("query.parentUuid"), paths(() -> org.searchFunctions(
                    OrganisationQuery.all().withParent(UUID.randomUUID()), 0, 10)));
            assertEquals(Set.of("query.key", "query.name"), paths(() -> org.searchFunctions(
                    OrganisationQuery.all().withKey("x".repeat(51)).withName(" "), 0, 10)));
            assertEquals(Set.of("query.key"), paths(() -> org.searchUsers(
                    OrganisationQuery.all().withKey("a\u0001b"), 0, 10)));
            assertEquals(Set.of("query.name"), paths(() -> org.searchUnits(
                    OrganisationQuery.all().withName("n".repeat(201)), 0, 10)));
            assertEquals(Set.of("query"), paths(() -> org.searchUnits(null, 0, 10)));
            assertEquals(Set.of("limit"), paths(() -> org.searchAllUsers(OrganisationQuery.all(), 0)));
            assertEquals(Set.of("uuid"), paths(() -> org.readFunction(null)));
            assertEquals(Set.of("user"), paths(() -> org.unitsOfUser(null)));
            assertEquals(Set.of("uuids"), paths(() -> org.listUnits(List.of())));
            List<UUID> withNull = new ArrayList<>(List.of(UUID.randomUUID()));
            withNull.add(null);
            assertEquals(Set.of("uuids[1]"), paths(() -> org.listUsers(withNull)));
        }
        assertEquals(0, requests(), "nothing was sent");
    }

    @Test
    void answersForTheTokenCvrsOrganisationOnly() {
        String other = "12345678";
        sim.authorise(other, sim.systemIdentity().certificate());
        try (OrganisationClient org = SimulatorClients.organisation(sim).authorityCvr(other).build()) {
            assertTrue(org.searchUsers(OrganisationQuery.all(), 0, 10).items().isEmpty());
            assertTrue(org.readUser(user("anna").uuid()).isEmpty());
            assertTrue(org.listUnits(List.of(unit("TK").uuid())).isEmpty());
        }
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void serviceRefusesATokenIssuedForAnotherService() {
        // the STS knows Klassifikation's entity id, so it issues; Organisation must refuse the token (audience)
        try (OrganisationClient org = SimulatorClients.organisation(sim)
                .entityId(ServiceplatformSimulator.SF1510_ENTITY_ID).build()) {
            assertThrows(ServiceFaultException.class, () -> org.readUser(UUID.randomUUID()));
        }
        assertTrue(sim.violations().stream().anyMatch(v -> "SF1500-bruger".equals(v.endpoint())),
                sim.conformanceReport());
    }

    private static Set<String> paths(Executable call) {
        ValidationException e = assertThrows(ValidationException.class, call);
        return e.violations().stream().map(Violation::path).collect(Collectors.toSet());
    }

    private static <T> List<UUID> uuids(List<T> items, java.util.function.Function<T, UUID> uuid) {
        return items.stream().map(uuid).toList();
    }
}

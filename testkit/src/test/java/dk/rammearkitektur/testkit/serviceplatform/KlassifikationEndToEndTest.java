package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.Classification;
import dk.rammearkitektur.clients.stoettesystemer.Facet;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.StsRefusedException;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Klassifikation client against the simulator over loopback TLS with real STS-issued holder-of-key tokens:
 * resolving KLE subjects and action facets, laes and list, the cache, status faults, retries and the token's audience.
 */
class KlassifikationEndToEndTest {
    private static ServiceplatformSimulator sim;

    @BeforeAll
    static void start() {
        sim = ServiceplatformSimulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    @Test
    void resolvesSubjectAndActionFacetToTheirUuids() {
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            Classification subject = k.resolveSubject(KleNumber.parse("32.18.02 G01")).orElseThrow();
            KlassifikationData.Klasse expected = sim.klassifikation().find("32.18.02", null).get(0);
            assertEquals(expected.uuid(), subject.uuid());
            assertEquals("32.18.02", subject.key());
            assertEquals(expected.title(), subject.title());
            assertEquals(KlassifikationData.SUBJECT_FACET, subject.facetUuid());
            assertEquals(KlassifikationData.SINCE, subject.validFrom());
            assertNull(subject.validTo());
            assertTrue(subject.validAt(Instant.now()));
            Classification action = k.resolveActionFacet("G01").orElseThrow();
            assertEquals(sim.klassifikation().find("G01", null).get(0).uuid(), action.uuid());
            assertEquals(KlassifikationData.ACTION_FACET, action.facetUuid());
        }
        assertEquals("no violations", sim.conformanceReport());
        assertEquals(4, sim.requestCount("SF1510"), "soeg and list for each");
    }

    @Test
    void cacheAnswersRepeatsUntilRefreshedOrCleared() {
        UUID replacement = UUID.randomUUID();
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            UUID first = k.resolveSubject(KleNumber.parse("32.03.04")).orElseThrow().uuid();
            assertEquals(first, k.resolveSubject(KleNumber.parse("32.03.04")).orElseThrow().uuid());
            assertEquals(2, sim.requestCount("SF1510"), "the second resolve came from the cache");
            assertEquals(1, k.cacheSize());
            // the register changes: refresh sees it
            KlassifikationData.Klasse old = sim.klassifikation().find("32.03.04", null).get(0);
            sim.klassifikation().remove(old.uuid());
            sim.klassifikation().add(new KlassifikationData.Klasse(replacement, "32.03.04", "Folkepension",
                    KlassifikationData.SUBJECT_FACET, KlassifikationData.SINCE, null));
            assertEquals(first, k.resolveSubject(KleNumber.parse("32.03.04")).orElseThrow().uuid(), "still cached");
            assertEquals(replacement, k.refresh(Facet.KLE_SUBJECT, "32.03.04").orElseThrow().uuid());
            k.clearCache();
            assertEquals(0, k.cacheSize());
            assertEquals(replacement, k.resolveSubject(KleNumber.parse("32.03.04")).orElseThrow().uuid());
        } finally {
            sim.klassifikation().remove(replacement);
            sim.klassifikation().subject("32.03.04", "Folkepension");
        }
    }

    @Test
    void classesAddedPerTestAreFoundAndUnknownKeysAreEmpty() {
        KlassifikationData.Klasse added = sim.klassifikation().subject("99.99.99", "Testemne");
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            assertEquals(added.uuid(), k.resolveSubject(KleNumber.parse("99.99.99")).orElseThrow().uuid());
            assertTrue(k.resolveSubject(KleNumber.parse("98.98.98")).isEmpty());
            assertTrue(k.resolveActionFacet("Z99").isEmpty());
            assertEquals(added.uuid(), k.read(added.uuid()).orElseThrow().uuid());
            assertTrue(k.read(UUID.randomUUID()).isEmpty());
            List<Classification> listed = k.list(List.of(added.uuid(), UUID.randomUUID(),
                    KlassifikationData.uuid("handlingsfacet-G01")));
            assertEquals(2, listed.size(), "unknown UUIDs are left out");
            assertEquals("G01", listed.get(1).key());
        } finally {
            sim.klassifikation().remove(added.uuid());
        }
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void facetUuidRestrictsTheSearch() {
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim)
                .facetUuid(Facet.KLE_SUBJECT, KlassifikationData.SUBJECT_FACET)
                .facetUuid(Facet.ACTION_FACET, UUID.randomUUID()).build()) {
            assertTrue(k.resolveSubject(KleNumber.parse("32.18.00")).isPresent());
            assertTrue(k.resolveActionFacet("G01").isEmpty(), "G01 is not in that (unknown) facet");
        }
        assertEquals("no violations", sim.conformanceReport());
    }

    @Test
    void statusOtherThan20IsAServiceFaultWithItsCode() {
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            sim.faults().next(Fault.statusCode(44));
            ServiceFaultException e = assertThrows(ServiceFaultException.class,
                    () -> k.resolveSubject(KleNumber.parse("32.18.02")));
            assertEquals("44", e.faultCode());
            assertEquals(0, k.cacheSize());
        }
    }

    @Test
    void readsAreRetriedWhenTheFailureIsRetrySafe() {
        RetryPolicy retries = RetryPolicy.builder().maxAttempts(3).initialDelay(Duration.ofMillis(10))
                .maxDelay(Duration.ofMillis(20)).build();
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).retryPolicy(retries).build()) {
            k.resolveActionFacet("K07"); // token fetched first, so the injected fault hits the service call
            sim.reset();
            sim.faults().next(Fault.httpStatus(503));
            UUID id = KlassifikationData.uuid("handlingsfacet-G01");
            assertEquals(id, k.read(id).orElseThrow().uuid());
            assertEquals(2, sim.requestCount("SF1510"), "the 503 and the retry");
        }
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            sim.faults().next(Fault.httpStatus(503));
            assertThrows(HttpStatusException.class, () -> k.read(KlassifikationData.uuid("handlingsfacet-G01")),
                    "with no retries the failure reaches the caller");
        }
    }

    @Test
    void badInputIsAValidationExceptionNamingTheFieldBeforeAnythingIsSent() {
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim).build()) {
            java.util.List<UUID> withNull = new java.util.ArrayList<>(List.of(UUID.randomUUID()));
            withNull.add(null);
            assertEquals("uuids[1]", path(assertThrows(dk.rammearkitektur.core.ValidationException.class,
                    () -> k.list(withNull))));
            assertEquals("uuids", path(assertThrows(dk.rammearkitektur.core.ValidationException.class,
                    () -> k.list(List.of()))));
            assertEquals("actionFacet", path(assertThrows(dk.rammearkitektur.core.ValidationException.class,
                    () -> k.resolveActionFacet("g1"))));
            assertEquals("subject", path(assertThrows(dk.rammearkitektur.core.ValidationException.class,
                    () -> k.resolveSubject(null))));
            assertEquals("key", path(assertThrows(dk.rammearkitektur.core.ValidationException.class,
                    () -> k.search("x".repeat(51), null))));
            assertEquals("kle", path(assertThrows(dk.rammearkitektur.core.ValidationException.class,
                    () -> k.refresh(Facet.KLE_SUBJECT, "32.1"))));
        }
        assertEquals(0, sim.requestCount("SF1510"), "nothing was sent");
    }

    private static String path(dk.rammearkitektur.core.ValidationException e) {
        return e.violations().get(0).path();
    }

    @Test
    void serviceRefusesATokenIssuedForAnotherService() {
        // the STS knows SF1500's entity id, so it issues; Klassifikation must refuse the token (audience)
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim)
                .entityId("http://stoettesystemerne.dk/service/organisation/3").build()) {
            assertThrows(ServiceFaultException.class, () -> k.resolveActionFacet("G01"));
        }
        assertTrue(sim.violations().stream().anyMatch(v -> "SF1510".equals(v.endpoint())),
                sim.conformanceReport());
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        try (KlassifikationClient k = SimulatorClients.klassifikation(sim)
                .entityId("http://entityid.kombit.dk/service/not-klassifikation/1").build()) {
            assertThrows(StsRefusedException.class, () -> k.resolveActionFacet("G01"));
        }
        assertFalse(sim.violations().isEmpty(), "the STS records the unknown audience");
    }
}

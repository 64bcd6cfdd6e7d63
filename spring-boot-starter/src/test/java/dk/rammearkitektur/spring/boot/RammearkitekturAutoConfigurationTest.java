package dk.rammearkitektur.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.clients.stoettesystemer.OrganisationClient;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.spring.boot.internal.ValidationFailureAnalyzer;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.spring.boot.test.SimulatorProperties;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@ServiceplatformSimulatorTest
class RammearkitekturAutoConfigurationTest {
    private static ServiceplatformSimulator sim;
    @TempDir
    static Path dir;
    private static List<String> shared;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RammearkitekturAutoConfiguration.class));

    @BeforeAll
    static void start(ServiceplatformSimulator simulator) {
        sim = simulator;
        shared = new ArrayList<>();
        SimulatorProperties.of(sim, dir).forEach((k, v) -> shared.add(k + "=" + v));
    }

    private static String[] with(String... more) {
        List<String> all = new ArrayList<>(shared);
        all.addAll(Arrays.asList(more));
        return all.toArray(String[]::new);
    }

    @Test
    void noSectionNoClient() {
        runner.withPropertyValues(with()).run(context -> {
            assertTrue(context.getStartupFailure() == null);
            assertFalse(context.containsBean("klassifikationClient"));
            assertTrue(context.getBeansOfType(KlassifikationClient.class).isEmpty());
            assertTrue(context.getBeansOfType(OrganisationClient.class).isEmpty());
            assertTrue(context.getBeansOfType(ServiceplatformClient.class).isEmpty());
            assertTrue(context.getBeansOfType(DigitalPostClient.class).isEmpty());
            assertTrue(context.getBeansOfType(
                    dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient.class).isEmpty());
            assertNotNull(context.getBean(RammearkitekturProperties.class));
        });
    }

    @Test
    void theApplicationsObservationRegistryRecordsTheClientsCalls() {
        io.micrometer.observation.tck.TestObservationRegistry registry =
                io.micrometer.observation.tck.TestObservationRegistry.create();
        runner.withBean(io.micrometer.observation.ObservationRegistry.class, () -> registry)
                .withPropertyValues(with("rammearkitektur.klassifikation.enabled=true")).run(context -> {
                    KlassifikationClient client = context.getBean(KlassifikationClient.class);
                    assertTrue(client.resolveSubject(KleNumber.parse("32.18.02")).isPresent());
                    io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("rammearkitektur.client.call").that()
                            .hasLowCardinalityKeyValue("service", "SF1510")
                            .hasLowCardinalityKeyValue("outcome", "success");
                    io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat(registry)
                            .hasObservationWithNameEqualTo("rammearkitektur.sts.token").that()
                            .hasLowCardinalityKeyValue("result", "issued");
                });
    }

    @Test
    void noPropertiesAtAllNoClient() {
        runner.run(context -> {
            assertTrue(context.getStartupFailure() == null);
            assertTrue(context.getBeansOfType(KlassifikationClient.class).isEmpty());
        });
    }

    @Test
    void klassifikationSectionGivesAClientThatResolvesThroughTheSimulator() {
        runner.withPropertyValues(with("rammearkitektur.klassifikation.enabled=true")).run(context -> {
            KlassifikationClient client = context.getBean(KlassifikationClient.class);
            assertEquals("32.18.02", client.resolveSubject(KleNumber.parse("32.18.02")).orElseThrow().key());
            assertTrue(context.getBeansOfType(OrganisationClient.class).isEmpty());
        });
    }

    @Test
    void serviceplatformSectionWithStsTokens() {
        runner.withPropertyValues(with("rammearkitektur.serviceplatform.enabled=true")).run(context ->
                assertNotNull(context.getBean(ServiceplatformClient.class)));
    }

    @Test
    void serviceplatformSectionWithInvocationContextAndAgreements() {
        runner.withPropertyValues(with("rammearkitektur.auth=invocation-context",
                "rammearkitektur.serviceplatform.user-system-uuid=" + sim.userSystemUuid(),
                "rammearkitektur.serviceplatform.user-uuid=" + sim.userUuid(),
                "rammearkitektur.serviceplatform.agreements.SF1520=" + sim.serviceAgreement("SF1520")))
                .run(context -> assertNotNull(context.getBean(ServiceplatformClient.class)));
    }

    @Test
    void organisationSectionGivesItsClient() {
        runner.withPropertyValues(with("rammearkitektur.organisation.entity-id=http://stoettesystemerne.dk/service/organisation/3"))
                .run(context -> {
                    assertNotNull(context.getBean(OrganisationClient.class));
                    assertTrue(context.getBeansOfType(KlassifikationClient.class).isEmpty());
                });
    }

    @Test
    void sectionSwitchedOffGivesNoClient() {
        runner.withPropertyValues(with("rammearkitektur.klassifikation.enabled=false"))
                .run(context -> assertTrue(context.getBeansOfType(KlassifikationClient.class).isEmpty()));
    }

    @Test
    void clientModuleMissingGivesNoClient() {
        runner.withClassLoader(new FilteredClassLoader(KlassifikationClient.class))
                .withPropertyValues(with("rammearkitektur.klassifikation.enabled=true"))
                .run(context -> {
                    assertTrue(context.getStartupFailure() == null);
                    assertFalse(context.containsBean("klassifikationClient"));
                });
    }

    @Test
    void applicationsOwnClientWins() {
        runner.withUserConfiguration(OwnClient.class)
                .withPropertyValues(with("rammearkitektur.klassifikation.enabled=true")).run(context -> {
                    assertEquals(1, context.getBeansOfType(KlassifikationClient.class).size());
                    assertSame(OwnClient.client, context.getBean(KlassifikationClient.class));
                });
    }

    @Test
    void badCvrFailsAndTheAnalyserNamesTheKeyAndRule() {
        assertFails(with("rammearkitektur.klassifikation.enabled=true", "rammearkitektur.sts.cvr=123"),
                "Property: rammearkitektur.sts.cvr (klassifikationClient.authorityCvr)", "Reason: must be 8 digits");
    }

    @Test
    void missingEnvironmentFailsNamingTheKey() {
        assertFails(new String[] {"rammearkitektur.klassifikation.enabled=true"},
                "Property: rammearkitektur.environment\n    Reason: must be set");
    }

    @Test
    void badTimeoutsAndRetriesNameTheirKeys() {
        assertFails(with("rammearkitektur.klassifikation.enabled=true", "rammearkitektur.timeouts.total=1s"),
                "Property: rammearkitektur.timeouts.total", "must be at least the connect timeout");
        assertFails(with("rammearkitektur.klassifikation.enabled=true", "rammearkitektur.retry.max-attempts=0"),
                "Property: rammearkitektur.retry.max-attempts", "must be at least 1");
    }

    @Test
    void unknownAuthModelAndAgreementNameTheirKeys() {
        assertFails(with("rammearkitektur.serviceplatform.enabled=true", "rammearkitektur.auth=saml"),
                "Property: rammearkitektur.auth\n    Reason: must be invocation-context, sts-soap or sts-rest");
        assertFails(with("rammearkitektur.auth=invocation-context",
                "rammearkitektur.serviceplatform.user-system-uuid=" + sim.userSystemUuid(),
                "rammearkitektur.serviceplatform.user-uuid=" + sim.userUuid(),
                "rammearkitektur.serviceplatform.agreements.SF9999=" + sim.userUuid()),
                "Property: rammearkitektur.serviceplatform.agreements.sf9999", "must be one of [SF1520, SF1530, SF6002]");
    }

    @Test
    void digitalPostSectionFallsBackToTheSharedKeysAndNeedsItsEnvironment() {
        assertFails(with("rammearkitektur.digital-post.authority-cvr=" + sim.municipalityCvr()),
                "Property: rammearkitektur.digital-post.environment\n    Reason: must be set");
        runner.withPropertyValues(with("rammearkitektur.digital-post.environment=" + sim.baseUri()))
                .run(context -> assertNotNull(context.getBean(DigitalPostClient.class)));
    }

    @Test
    void indexSectionsGiveTheirClientsOnTheKlassifikationClient() {
        var org = sim.data().organisation(sim.municipalityCvr()).orElseThrow();
        java.util.UUID master = dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.SEEDED_MASTER_SYSTEM;
        String masterName = sim.sagDokumentIndeks().itSystem(master).orElseThrow().name();
        List<String> index = new ArrayList<>();
        for (String section : List.of("case-index", "benefit-index")) {
            String p = "rammearkitektur." + section + ".";
            index.addAll(List.of(p + "owner-uuid=" + org.uuid(), p + "owner-name=" + org.name(),
                    p + "it-system-uuid=" + master, p + "it-system-name=" + masterName));
        }
        List<String> all = new ArrayList<>(index);
        all.add("rammearkitektur.klassifikation.enabled=true");
        runner.withPropertyValues(with(all.toArray(String[]::new))).run(context -> {
            assertNotNull(context.getBean(dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient.class));
            assertNotNull(context.getBean(dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient.class));
        });
        assertFails(with(index.toArray(String[]::new)),
                "Property: rammearkitektur.klassifikation\n    Reason: must be present");
        all.add("rammearkitektur.case-index.owner-cvr=12");
        all.add("rammearkitektur.benefit-index.it-system-name=");
        assertFails(with(all.toArray(String[]::new)),
                "Property: rammearkitektur.case-index.owner-cvr (caseIndexClient.owner.cvr)\n    Reason: must be 8 digits");
        all.remove(all.size() - 2);
        assertFails(with(all.toArray(String[]::new)),
                "Property: rammearkitektur.benefit-index.it-system-name (benefitIndexClient.itSystem.name)");
    }

    @Test
    void beskedfordelerSectionWithABrokerAddressUsesTheSharedEnvironmentForItsSts() {
        runner.withPropertyValues(with("rammearkitektur.beskedfordeler.environment=127.0.0.1:5671")).run(context ->
                assertNotNull(context.getBean(dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient.class)));
        assertFails(with("rammearkitektur.beskedfordeler.enabled=true"),
                "Property: rammearkitektur.beskedfordeler.environment\n    Reason: must be set");
        assertFails(with("rammearkitektur.beskedfordeler.environment=127.0.0.1:5671", "rammearkitektur.sts.cvr=1"),
                "Property: rammearkitektur.sts.cvr (beskedfordelerClient.authorityCvr)");
    }

    /** The context fails to start and the analyser's description contains each of {@code expected}. */
    private void assertFails(String[] properties, String... expected) {
        runner.withPropertyValues(properties).run(context -> {
            String d = describe(context.getStartupFailure());
            for (String e : expected) {
                assertTrue(d.contains(e), d);
            }
        });
    }

    @Test
    void keyStoreWithAliasInsteadOfFile() throws Exception {
        char[] pw = SimulatorClients.PASSWORD.toCharArray();
        java.security.KeyStore store = java.security.KeyStore.getInstance("PKCS12");
        store.load(new java.io.ByteArrayInputStream(sim.systemIdentity().pkcs12(pw)), pw);
        String alias = store.aliases().nextElement();
        List<String> props = new ArrayList<>();
        for (String p : with("rammearkitektur.klassifikation.enabled=true")) {
            if (!p.startsWith("rammearkitektur.certificate.file=")) {
                props.add(p);
            }
        }
        props.add("rammearkitektur.certificate.key-store=" + dir.resolve("system.p12"));
        props.add("rammearkitektur.certificate.alias=" + alias);
        runner.withPropertyValues(props.toArray(String[]::new)).run(context -> {
            KlassifikationClient client = context.getBean(KlassifikationClient.class);
            assertTrue(client.resolveSubject(KleNumber.parse("32.18.02")).isPresent());
        });
        props.set(props.size() - 1, "rammearkitektur.certificate.alias=nope");
        assertFails(props.toArray(String[]::new), "Property: rammearkitektur.certificate.alias");
    }

    /** The failure analyser's description of {@code failure}, as Spring Boot would print it. */
    static String describe(Throwable failure) {
        assertNotNull(failure, "the context should have failed");
        FailureAnalysis analysis = new ValidationFailureAnalyzer().analyze(failure);
        assertNotNull(analysis, () -> "not analysed: " + failure);
        assertInstanceOf(ValidationException.class, analysis.getCause());
        return analysis.getDescription();
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnClient {
        static KlassifikationClient client;

        @Bean
        KlassifikationClient myKlassifikation() {
            client = SimulatorClients.klassifikation(sim).build();
            return client;
        }
    }
}

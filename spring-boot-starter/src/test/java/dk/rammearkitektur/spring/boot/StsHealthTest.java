package dk.rammearkitektur.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.CprSubscriptionService;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.spring.boot.test.SimulatorProperties;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import dk.rammearkitektur.testkit.serviceplatform.Fault;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The STS health indicator {@code rammearkitekturSts} through the Serviceplatformen simulator's STS. */
@ServiceplatformSimulatorTest
class StsHealthTest {
    private static final String BEAN = "rammearkitekturStsHealthIndicator";
    private static ServiceplatformSimulator sim;
    @TempDir
    static Path dir;
    private static String[] props;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(RammearkitekturAutoConfiguration.class, RammearkitekturHealthAutoConfiguration.class))
            .withPropertyValues("rammearkitektur.serviceplatform.enabled=true",
                    "rammearkitektur.klassifikation.enabled=true");

    @BeforeAll
    static void start(ServiceplatformSimulator simulator) {
        sim = simulator;
        List<String> p = new ArrayList<>();
        SimulatorProperties.of(sim, dir).forEach((k, v) -> p.add(k + "=" + v));
        props = p.toArray(String[]::new);
    }

    @AfterEach
    void reset() {
        sim.reset();
    }

    private static Health health(AssertableApplicationContext context) {
        return context.getBean(BEAN, HealthIndicator.class).health();
    }

    @Test
    void upWithEndpointExpiryAndLastCheckedOneTokenRequestPerInterval() {
        runner.withPropertyValues(props).run(context -> {
            int before = sim.requestCount("STS");
            Health h = health(context);
            assertEquals(Status.UP, h.getStatus(), h.toString());
            Map<?, ?> sts = (Map<?, ?>) h.getDetails().get("serviceplatform");
            assertEquals(sim.baseUri() + "runtime/services/kombittrust/14/certificatemixed", sts.get("endpoint"));
            assertEquals(List.of("serviceplatform", "klassifikation"), sts.get("clients"),
                    "the two clients share one STS: one check");
            assertTrue(Instant.parse(sts.get("validUntil").toString()).isAfter(Instant.now()), h.toString());
            Instant.parse(h.getDetails().get("lastChecked").toString());
            assertEquals(before + 1, sim.requestCount("STS"), "one token request");
            for (int i = 0; i < 20; i++) {
                assertEquals(h, health(context));
            }
            assertEquals(before + 1, sim.requestCount("STS"), "polls within the interval ask the STS nothing");
        });
    }

    @Test
    void theBeskedfordelerClientsStsIsChecked() {
        // no broker is needed: the check asks the STS only
        runner.withPropertyValues(props).withPropertyValues("rammearkitektur.beskedfordeler.enabled=true",
                "rammearkitektur.beskedfordeler.environment=127.0.0.1:1").run(context -> {
                    Health h = health(context);
                    assertEquals(Status.UP, h.getStatus(), h.toString());
                    assertEquals(List.of("serviceplatform", "klassifikation", "beskedfordeler"),
                            ((Map<?, ?>) h.getDetails().get("serviceplatform")).get("clients"), h.toString());
                });
        runner.withPropertyValues(props).withPropertyValues("rammearkitektur.serviceplatform.enabled=false",
                        "rammearkitektur.klassifikation.enabled=false", "rammearkitektur.beskedfordeler.enabled=true",
                        "rammearkitektur.beskedfordeler.environment=127.0.0.1:1").run(context -> {
                    int before = sim.requestCount("STS");
                    Health h = health(context);
                    assertEquals(Status.UP, h.getStatus(), h.toString());
                    assertEquals(List.of("beskedfordeler"), ((Map<?, ?>) h.getDetails().get("beskedfordeler"))
                            .get("clients"), h.toString());
                    assertEquals(before + 1, sim.requestCount("STS"), "one token request");
                });
    }

    @Test
    void theRestEndpointWithStsRest() {
        runner.withPropertyValues(props).withPropertyValues("rammearkitektur.auth=sts-rest").run(context -> {
            Health h = health(context);
            assertEquals(Status.UP, h.getStatus(), h.toString());
            assertEquals(sim.baseUri() + "runtime/api/rest/wstrust/v1/issue",
                    ((Map<?, ?>) h.getDetails().get("serviceplatform")).get("endpoint"));
        });
    }

    @Test
    void downWhenTheStsRefusesAndTheCallsTokensAreLeftAlone() {
        runner.withPropertyValues(props).run(context -> {
            sim.faults().next(Fault.soapFault("STS.REQUEST_REFUSED"));
            Health h = health(context);
            assertEquals(Status.DOWN, h.getStatus(), h.toString());
            Map<?, ?> sts = (Map<?, ?>) h.getDetails().get("serviceplatform");
            assertEquals("DOWN", sts.get("status"));
            assertEquals("StsRefusedException", sts.get("errorType"), h.toString());
            assertTrue(sts.get("error").toString().contains("STS.REQUEST_REFUSED"), h.toString());
            assertFalse(h.toString().contains("PRIVATE KEY"), h.toString());
            // the refusal is not remembered for the calls: the client gets its own token and its answer
            assertTrue(context.getBean(dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient.class)
                    .resolveSubject(dk.rammearkitektur.model.KleNumber.parse("32.18.02")).isPresent());
        });
    }

    @Test
    void theServiceplatformClientsCheckRefusesServicesWithoutATokenModel() {
        runner.withPropertyValues(props).run(context -> {
            ServiceplatformClient sp = context.getBean(ServiceplatformClient.class);
            ValidationException none = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                    () -> sp.checkSts(null));
            assertEquals("service", none.violations().get(0).path());
            ValidationException sf6002 = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                    () -> sp.checkSts(CprSubscriptionService.INSTANCE));
            assertTrue(sf6002.getMessage().contains("SF6002"), sf6002.getMessage());
            int before = sim.requestCount("STS");
            assertTrue(sp.checkSts(PersonBaseDataExtendedService.INSTANCE).isAfter(Instant.now()));
            assertEquals(before + 1, sim.requestCount("STS"));
        });
    }

    @Test
    void downWhenTheStsIsUnreachable() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        runner.withPropertyValues(props).withPropertyValues("rammearkitektur.environment=https://127.0.0.1:" + closed
                + "/").run(context -> {
                    Health h = health(context);
                    assertEquals(Status.DOWN, h.getStatus(), h.toString());
                    Map<?, ?> sts = (Map<?, ?>) h.getDetails().get("serviceplatform");
                    assertEquals("ConnectionFailedException", sts.get("errorType"), h.toString());
                    assertTrue(sts.get("endpoint").toString().startsWith("https://127.0.0.1:" + closed + "/"));
                });
    }

    @Test
    void onlyTheStsClientsWithTheInvocationContextModel() {
        runner.withPropertyValues(props).withPropertyValues("rammearkitektur.auth=invocation-context",
                "rammearkitektur.serviceplatform.user-system-uuid=" + sim.userSystemUuid(),
                "rammearkitektur.serviceplatform.user-uuid=" + sim.userUuid()).run(context -> {
                    Health h = health(context);
                    assertEquals(Status.UP, h.getStatus(), h.toString());
                    assertEquals(List.of("klassifikation"),
                            ((Map<?, ?>) h.getDetails().get("klassifikation")).get("clients"));
                    assertFalse(h.getDetails().containsKey("serviceplatform"));
                    ValidationException e = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
                            () -> context.getBean(ServiceplatformClient.class)
                                    .checkSts(PersonBaseDataExtendedService.INSTANCE));
                    assertEquals("authModel", e.violations().get(0).path());
                });
    }

    @Test
    void unknownWithoutStsClientsAndAbsentWhenSwitchedOff() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(RammearkitekturAutoConfiguration.class,
                RammearkitekturHealthAutoConfiguration.class)).withPropertyValues(props).run(context ->
                assertEquals(Status.UNKNOWN, health(context).getStatus()));
        runner.withPropertyValues(props).withPropertyValues("management.health.rammearkitektur-sts.enabled=false")
                .run(context -> assertFalse(context.containsBean(BEAN)));
    }

    @Test
    void anIntervalOutOfRangeFailsTheContextNamingTheKey() {
        runner.withPropertyValues(props).withPropertyValues("rammearkitektur.health.sts-interval=0s").run(context -> {
            assertTrue(context.getStartupFailure() != null, "the context must not start");
            Throwable t = context.getStartupFailure();
            while (t != null && !(t instanceof ValidationException)) {
                t = t.getCause();
            }
            assertTrue(t instanceof ValidationException, String.valueOf(context.getStartupFailure()));
            assertEquals("rammearkitektur.health.sts-interval", ((ValidationException) t).violations().get(0).path());
        });
    }
}

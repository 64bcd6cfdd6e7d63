package dk.rammearkitektur.spring.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.spring.boot.internal.SharedSettings;
import dk.rammearkitektur.spring.boot.internal.SystemCertificateHealthIndicator;
import dk.rammearkitektur.spring.boot.test.SimulatorProperties;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The system certificate's health indicator. */
@ServiceplatformSimulatorTest
class HealthTest {
    private static ServiceplatformSimulator sim;
    @TempDir
    static Path dir;
    private static String[] props;

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(RammearkitekturAutoConfiguration.class, RammearkitekturHealthAutoConfiguration.class));

    @BeforeAll
    static void start(ServiceplatformSimulator simulator) {
        sim = simulator;
        List<String> p = new ArrayList<>();
        SimulatorProperties.of(sim, dir).forEach((k, v) -> p.add(k + "=" + v));
        props = p.toArray(String[]::new);
    }

    @Test
    void callsHealthFollowsTheLatestCallToEachService() {
        runner.withBean(io.micrometer.observation.ObservationRegistry.class,
                        io.micrometer.observation.ObservationRegistry::create)
                .withPropertyValues(props).withPropertyValues("rammearkitektur.klassifikation.enabled=true",
                        "rammearkitektur.retry.max-attempts=1")
                .run(context -> {
                    HealthIndicator calls = context.getBean("rammearkitekturCallsHealthIndicator",
                            HealthIndicator.class);
                    assertEquals(Status.UNKNOWN, calls.health().getStatus(), "no call yet");
                    dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient k = context.getBean(
                            dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient.class);
                    assertTrue(k.resolveSubject(dk.rammearkitektur.model.KleNumber.parse("32.18.02")).isPresent());
                    Health up = calls.health();
                    assertEquals(Status.UP, up.getStatus(), up.toString());
                    assertEquals("success", ((java.util.Map<?, ?>) up.getDetails().get("SF1510")).get("outcome"),
                            up.toString());
                    sim.faults().next(dk.rammearkitektur.testkit.serviceplatform.Fault.httpStatus(503));
                    org.junit.jupiter.api.Assertions.assertThrows(dk.rammearkitektur.core.HttpStatusException.class,
                            () -> k.resolveSubject(dk.rammearkitektur.model.KleNumber.parse("32.18.00")));
                    Health down = calls.health();
                    assertEquals(Status.DOWN, down.getStatus(), down.toString());
                    assertEquals("http-status", ((java.util.Map<?, ?>) down.getDetails().get("SF1510")).get("outcome"),
                            down.toString());
                    assertEquals("503", ((java.util.Map<?, ?>) down.getDetails().get("SF1510")).get("faultCode"));
                });
        sim.reset();
    }

    @Test
    void callsHealthIsUnknownWithoutARegistryAndCanBeSwitchedOff() {
        runner.withPropertyValues(props).withPropertyValues("rammearkitektur.klassifikation.enabled=true")
                .run(context -> {
                    context.getBean(dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient.class)
                            .resolveSubject(dk.rammearkitektur.model.KleNumber.parse("32.18.02"));
                    assertEquals(Status.UNKNOWN, context.getBean("rammearkitekturCallsHealthIndicator",
                            HealthIndicator.class).health().getStatus(), "the NOOP registry records nothing");
                });
        runner.withPropertyValues(props).withPropertyValues("management.health.rammearkitektur-calls.enabled=false")
                .run(context -> assertTrue(!context.containsBean("rammearkitekturCallsHealthIndicator")));
    }

    @Test
    void upWithExpiryDetails() {
        runner.withPropertyValues(props).run(context -> {
            Health h = context.getBean("rammearkitekturCertificateHealthIndicator", HealthIndicator.class).health();
            assertEquals(Status.UP, h.getStatus(), h.toString());
            assertEquals(false, h.getDetails().get("expiresSoon"), h.toString());
            assertTrue(h.getDetails().get("subject").toString().contains("CN="), h.toString());
            assertTrue(h.getDetails().containsKey("notAfter"));
        });
    }

    @Test
    void expiresSoonWithinTheWarningTime() {
        runner.withPropertyValues(props).withPropertyValues("rammearkitektur.health.certificate-expiry-warning=36500d")
                .run(context -> {
                    Health h = context.getBean(SystemCertificateHealthIndicator.class).health();
                    assertEquals(Status.UP, h.getStatus());
                    assertEquals(true, h.getDetails().get("expiresSoon"));
                    assertTrue(h.getDetails().get("warning").toString().startsWith("expires in "), h.toString());
                });
    }

    @Test
    void downWhenExpiredOrUnreadable() {
        runner.withPropertyValues(props).run(context -> {
            RammearkitekturProperties p = context.getBean(RammearkitekturProperties.class);
            Clock later = Clock.fixed(Instant.parse("2999-01-01T00:00:00Z"), ZoneOffset.UTC);
            Health h = new SystemCertificateHealthIndicator(new SharedSettings(p), later).health();
            assertEquals(Status.DOWN, h.getStatus());
            assertEquals("expired", h.getDetails().get("error"));
            p.getCertificate().setPassword("wrong");
            Health bad = new SystemCertificateHealthIndicator(new SharedSettings(p), Clock.systemUTC()).health();
            assertEquals(Status.DOWN, bad.getStatus());
            assertTrue(bad.getDetails().get("error").toString().contains("rammearkitektur.certificate.file"), bad.toString());
        });
    }

    @Test
    void absentWithoutHealthSupportWithoutCertificateOrSwitchedOff() {
        runner.withPropertyValues(props).withClassLoader(new FilteredClassLoader(HealthIndicator.class))
                .run(context -> assertTrue(context.getBeansOfType(SystemCertificateHealthIndicator.class).isEmpty()));
        runner.withPropertyValues("rammearkitektur.environment=test")
                .run(context -> assertTrue(context.getBeansOfType(SystemCertificateHealthIndicator.class).isEmpty()));
        runner.withPropertyValues(props).withPropertyValues("management.health.rammearkitektur-certificate.enabled=false")
                .run(context -> assertTrue(context.getBeansOfType(SystemCertificateHealthIndicator.class).isEmpty()));
    }
}

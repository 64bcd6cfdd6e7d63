package dk.rammearkitektur.spring.boot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.spring.boot.test.SimulatorProperties;
import dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** A real SpringApplication: the auto-configuration is found, the failure analyser prints its report. */
@ServiceplatformSimulatorTest
@ExtendWith(OutputCaptureExtension.class)
class SpringApplicationTest {
    private static ServiceplatformSimulator sim;
    @TempDir
    static Path dir;

    @BeforeAll
    static void start(ServiceplatformSimulator simulator) {
        sim = simulator;
    }

    private static ConfigurableApplicationContext run(String... more) {
        List<String> args = new ArrayList<>();
        SimulatorProperties.of(sim, dir).forEach((k, v) -> args.add("--" + k + "=" + v));
        for (String p : more) {
            args.add("--" + p);
        }
        SpringApplication app = new SpringApplication(App.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        return app.run(args.toArray(String[]::new));
    }

    @Test
    void autoConfiguredFromTheImportsFileAndClosedWithTheContext() {
        try (ConfigurableApplicationContext context = run("rammearkitektur.klassifikation.enabled=true")) {
            KlassifikationClient client = context.getBean(KlassifikationClient.class);
            assertTrue(client.resolveSubject(KleNumber.parse("32.18.02")).isPresent());
            assertArrayEquals(new String[] {"close"},
                    ((org.springframework.beans.factory.support.AbstractBeanDefinition) context.getBeanFactory()
                            .getBeanDefinition("klassifikationClient")).getDestroyMethodNames());
        }
    }

    @Test
    void badKeyFailsStartupWithTheAnalysersReport(CapturedOutput output) {
        assertThrows(Exception.class, () -> run("rammearkitektur.klassifikation.enabled=true",
                "rammearkitektur.sts.cvr=1234"));
        String out = output.getAll();
        assertTrue(out.contains("APPLICATION FAILED TO START"), out);
        assertTrue(out.contains("Property: rammearkitektur.sts.cvr (klassifikationClient.authorityCvr)"), out);
        assertTrue(out.contains("Reason: must be 8 digits"), out);
        assertTrue(out.contains("Correct the rammearkitektur.* properties named above"), out);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class App {
    }
}

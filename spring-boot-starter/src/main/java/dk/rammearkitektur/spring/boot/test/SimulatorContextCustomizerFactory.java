package dk.rammearkitektur.spring.boot.test;

import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Implements {@link RammearkitekturSimulatorTest}: registered in {@code META-INF/spring.factories}, so Spring's test
 * context framework asks it about every test class.
 */
public final class SimulatorContextCustomizerFactory implements ContextCustomizerFactory {
    /** Created by Spring's test context framework. */
    public SimulatorContextCustomizerFactory() {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        RammearkitekturSimulatorTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                RammearkitekturSimulatorTest.class);
        return annotation == null ? null : new Customizer(List.of(annotation.clients()));
    }

    /** Starts the simulator and sets the properties; equal for equal sections, so contexts are cached as usual. */
    private record Customizer(List<String> clients) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            ServiceplatformSimulator sim = ServiceplatformSimulator.builder().build().start();
            Path dir;
            try {
                dir = Files.createTempDirectory("rammearkitektur-simulator");
            } catch (IOException e) {
                sim.close();
                throw new UncheckedIOException(e);
            }
            Map<String, Object> properties = new LinkedHashMap<>(SimulatorProperties.of(sim, dir));
            for (String client : clients) {
                properties.put("rammearkitektur." + client + ".enabled", "true");
            }
            context.getEnvironment().getPropertySources()
                    .addFirst(new MapPropertySource("rammearkitekturSimulator", properties));
            context.getBeanFactory().registerSingleton("rammearkitekturSimulator", sim);
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    sim.close();
                    delete(dir);
                }
            });
        }

        private static void delete(Path dir) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary folder left behind
            }
        }

        @Override
        public String toString() {
            return "RammearkitekturSimulatorTest" + Arrays.toString(clients.toArray());
        }
    }
}

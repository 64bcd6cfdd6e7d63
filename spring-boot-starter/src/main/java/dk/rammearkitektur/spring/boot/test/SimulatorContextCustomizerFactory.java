package dk.rammearkitektur.spring.boot.test;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.pki.TestPki;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;
import org.springframework.util.ClassUtils;

/**
 * Implements {@link RammearkitekturSimulatorTest}: registered in {@code META-INF/spring.factories}, so Spring's test
 * context framework asks it about every test class.
 */
public final class SimulatorContextCustomizerFactory implements ContextCustomizerFactory {
    /** The sections the annotation can switch on. */
    static final Set<String> SECTIONS = Set.of("serviceplatform", "klassifikation", "organisation", "case-index",
            "benefit-index", "digital-post", "beskedfordeler");
    private static final String BESKEDFORDELER_SIMULATOR =
            "dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator";

    /** Created by Spring's test context framework. */
    public SimulatorContextCustomizerFactory() {
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        RammearkitekturSimulatorTest annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                RammearkitekturSimulatorTest.class);
        if (annotation == null) {
            return null;
        }
        Set<String> sections = new LinkedHashSet<>();
        for (String s : annotation.clients()) {
            if (!SECTIONS.contains(s)) {
                throw new ValidationException("@RammearkitekturSimulatorTest.clients",
                        "must name sections among " + new java.util.TreeSet<>(SECTIONS) + ", not " + s);
            }
            sections.add(s);
        }
        if (annotation.beskedfordeler()) {
            sections.add("beskedfordeler");
        }
        if (sections.contains("beskedfordeler")
                && !ClassUtils.isPresent(BESKEDFORDELER_SIMULATOR, testClass.getClassLoader())) {
            throw new ValidationException("@RammearkitekturSimulatorTest.beskedfordeler",
                    "needs rammearkitektur-testkit-beskedfordeler on the test class path");
        }
        return new Customizer(List.copyOf(sections));
    }

    /** Starts the simulators and sets the properties; equal for equal sections, so contexts are cached as usual. */
    private record Customizer(List<String> sections) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Deque<AutoCloseable> started = new ArrayDeque<>();
            Path dir = null;
            try {
                dir = Files.createTempDirectory("rammearkitektur-simulator");
                Path folder = dir;
                started.push(() -> delete(folder));
                TestPki pki = TestPki.generateFast(1);
                ServiceplatformSimulator sp = ServiceplatformSimulator.builder().pki(pki).build().start();
                started.push(sp);
                Map<String, Object> properties = new LinkedHashMap<>(SimulatorProperties.of(sp, dir));
                if (sections.contains("case-index") || sections.contains("benefit-index")) {
                    properties.putAll(SimulatorProperties.indexes(sp));
                }
                context.getBeanFactory().registerSingleton("rammearkitekturSimulator", sp);
                DigitalPostSimulator dp = null;
                if (sections.contains("digital-post")) {
                    dp = DigitalPostSimulator.builder().pki(pki).build().start();
                    started.push(dp);
                    properties.putAll(SimulatorProperties.digitalPost(dp, dir));
                    context.getBeanFactory().registerSingleton("rammearkitekturDigitalPostSimulator", dp);
                }
                if (sections.contains("beskedfordeler")) {
                    AutoCloseable bf = BeskedfordelerSimulators.start(sp, dp, properties);
                    started.push(bf);
                    context.getBeanFactory().registerSingleton("rammearkitekturBeskedfordelerSimulator", bf);
                }
                for (String section : sections) {
                    properties.put("rammearkitektur." + section + ".enabled", "true");
                }
                context.getEnvironment().getPropertySources()
                        .addFirst(new MapPropertySource("rammearkitekturSimulator", properties));
            } catch (IOException | RuntimeException e) {
                closeAll(started);
                throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
            }
            context.addApplicationListener(event -> {
                if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                    closeAll(started);
                }
            });
        }

        /** Closes in the reverse order of starting; a failure to close one does not keep the others open. */
        private static void closeAll(Deque<AutoCloseable> started) {
            while (!started.isEmpty()) {
                try {
                    started.pop().close();
                } catch (Exception e) {
                    // best effort: the remaining ones are still closed
                }
            }
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
            return "RammearkitekturSimulatorTest" + sections;
        }
    }
}

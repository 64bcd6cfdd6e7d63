package dk.rammearkitektur.testkit.digitalpost;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link DigitalPostSimulatorTest}: one simulator and one client per test class, kept in the
 * class's extension store so that JUnit closes them after the class; the simulator is reset before each test.
 */
public final class DigitalPostSimulatorExtension implements BeforeEachCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(DigitalPostSimulatorExtension.class);

    /** Creates the extension; JUnit calls this. */
    public DigitalPostSimulatorExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        simulator(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == DigitalPostSimulator.class || t == DigitalPostClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        if (p.getParameter().getType() == DigitalPostSimulator.class) {
            return simulator(e);
        }
        return store(e).getOrComputeIfAbsent("client", k -> new ClosingClient(simulator(e).clientBuilder().build()),
                ClosingClient.class).client;
    }

    private static DigitalPostSimulator simulator(ExtensionContext e) {
        return store(e).getOrComputeIfAbsent("simulator", k -> {
            DigitalPostSimulatorTest a = e.getRequiredTestClass().getAnnotation(DigitalPostSimulatorTest.class);
            return new ClosingSimulator(DigitalPostSimulator.builder().strict(a == null || a.strict()).build().start());
        }, ClosingSimulator.class).simulator;
    }

    private static ExtensionContext.Store store(ExtensionContext e) {
        ExtensionContext c = e;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c.getStore(NS);
    }

    @SuppressWarnings("deprecation")
    private record ClosingSimulator(DigitalPostSimulator simulator)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            simulator.close();
        }
    }

    @SuppressWarnings("deprecation")
    private record ClosingClient(DigitalPostClient client)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }
}

package dk.rammearkitektur.testkit.junit;

import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The extension behind {@link ServiceplatformSimulatorTest}: one simulator and one client per test class, kept in the
 * class's extension store so JUnit closes them after the class.
 */
public final class ServiceplatformSimulatorExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(ServiceplatformSimulatorExtension.class);

    /** Creates the extension; JUnit calls this. */
    public ServiceplatformSimulatorExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        simulator(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == ServiceplatformSimulator.class || t == ServiceplatformClient.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        if (t == ServiceplatformSimulator.class) {
            return simulator(e);
        }
        return classStore(e).getOrComputeIfAbsent("client",
                k -> new ClosingClient(SimulatorClients.invocationContext(simulator(e)).build()), ClosingClient.class).client;
    }

    private static ServiceplatformSimulator simulator(ExtensionContext e) {
        return classStore(e).getOrComputeIfAbsent("simulator", k -> {
            boolean strict = e.getRequiredTestClass().getAnnotation(ServiceplatformSimulatorTest.class) == null
                    || e.getRequiredTestClass().getAnnotation(ServiceplatformSimulatorTest.class).strict();
            return new ClosingSimulator(ServiceplatformSimulator.builder().strict(strict).build().start());
        }, ClosingSimulator.class).simulator;
    }

    private static ExtensionContext.Store classStore(ExtensionContext e) {
        ExtensionContext c = e;
        while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
            c = c.getParent().get();
        }
        return c.getStore(NS);
    }

    @SuppressWarnings("deprecation")
    private record ClosingSimulator(ServiceplatformSimulator simulator)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            simulator.close();
        }
    }

    @SuppressWarnings("deprecation")
    private record ClosingClient(ServiceplatformClient client)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }
}

package dk.rammearkitektur.testkit.beskedfordeler;

import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Resolves {@link BeskedfordelerSimulator} parameters, and {@link ServiceplatformSimulator} parameters (the STS whose
 * tokens the broker accepts), with ONE pair per test JVM: started on first use, kept in the root extension store and
 * closed when JUnit finishes. Tests share the broker, so each should create its own dueslag and clear the faults it
 * sets. Do not combine it with the testkit's {@code ServiceplatformSimulatorExtension} in one class: both resolve
 * {@link ServiceplatformSimulator}.
 */
public final class BeskedfordelerSimulatorExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NS =
            ExtensionContext.Namespace.create(BeskedfordelerSimulatorExtension.class);

    /** Creates the extension; JUnit calls this. */
    public BeskedfordelerSimulatorExtension() {
    }

    @Override
    public boolean supportsParameter(ParameterContext p, ExtensionContext e) {
        Class<?> t = p.getParameter().getType();
        return t == BeskedfordelerSimulator.class || t == ServiceplatformSimulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext p, ExtensionContext e) {
        Running running = e.getRoot().getStore(NS).getOrComputeIfAbsent(Running.class, k -> Running.start(), Running.class);
        return p.getParameter().getType() == ServiceplatformSimulator.class ? running.sts : running.broker;
    }

    @SuppressWarnings("deprecation")
    private record Running(ServiceplatformSimulator sts, BeskedfordelerSimulator broker)
            implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static Running start() {
            ServiceplatformSimulator sts = ServiceplatformSimulator.builder().build().start();
            try {
                return new Running(sts, BeskedfordelerSimulator.builder().sts(sts).start());
            } catch (RuntimeException e) {
                sts.close();
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                broker.close();
            } finally {
                sts.close();
            }
        }
    }
}

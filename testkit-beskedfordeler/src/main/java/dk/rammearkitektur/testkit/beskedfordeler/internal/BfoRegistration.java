package dk.rammearkitektur.testkit.beskedfordeler.internal;

import java.util.Collection;
import java.util.List;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.plugin.ConfiguredObjectRegistration;

/** Registers the simulator's Broker-J object types (registered in {@code META-INF/services}). */
public final class BfoRegistration implements ConfiguredObjectRegistration {
    /** Broker-J's service loader calls this. */
    public BfoRegistration() {
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Collection<Class<? extends ConfiguredObject>> getConfiguredObjectClasses() {
        return List.of(BfoTokenAuthenticationProvider.class);
    }

    @Override
    public String getType() {
        return "dk.rammearkitektur.testkit.beskedfordeler";
    }
}

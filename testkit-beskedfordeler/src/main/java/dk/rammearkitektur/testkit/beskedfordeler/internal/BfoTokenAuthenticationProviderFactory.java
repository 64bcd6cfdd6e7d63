package dk.rammearkitektur.testkit.beskedfordeler.internal;

import java.util.Map;
import org.apache.qpid.server.model.AbstractConfiguredObjectTypeFactory;
import org.apache.qpid.server.model.ConfiguredObject;
import org.apache.qpid.server.model.Container;

/** Creates {@link BfoTokenAuthenticationProviderImpl}s (registered in {@code META-INF/services}). */
public final class BfoTokenAuthenticationProviderFactory
        extends AbstractConfiguredObjectTypeFactory<BfoTokenAuthenticationProviderImpl> {
    /** Broker-J's service loader calls this. */
    public BfoTokenAuthenticationProviderFactory() {
        super(BfoTokenAuthenticationProviderImpl.class);
    }

    @Override
    protected BfoTokenAuthenticationProviderImpl createInstance(Map<String, Object> attributes, ConfiguredObject<?> parent) {
        return new BfoTokenAuthenticationProviderImpl(attributes, (Container<?>) parent);
    }
}

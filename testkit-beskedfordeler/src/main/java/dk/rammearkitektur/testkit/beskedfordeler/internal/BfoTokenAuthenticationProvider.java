package dk.rammearkitektur.testkit.beskedfordeler.internal;

import org.apache.qpid.server.model.AuthenticationProvider;
import org.apache.qpid.server.model.ManagedObject;

/**
 * The Broker-J authentication provider type {@value #TYPE}: SASL EXTERNAL whose response is the STS token (as KOMBIT's
 * sample client sends it), checked against the TLS client certificate by the {@link TokenGate} named like the provider.
 *
 * @param <X> the implementation type
 */
@ManagedObject(category = false, type = BfoTokenAuthenticationProvider.TYPE)
public interface BfoTokenAuthenticationProvider<X extends BfoTokenAuthenticationProvider<X>> extends AuthenticationProvider<X> {
    /** The provider's type name in the broker configuration. */
    String TYPE = "BfoToken";
}

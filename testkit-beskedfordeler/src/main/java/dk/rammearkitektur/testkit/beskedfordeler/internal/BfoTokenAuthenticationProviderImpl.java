package dk.rammearkitektur.testkit.beskedfordeler.internal;

import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.nio.charset.StandardCharsets;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.apache.qpid.server.model.Container;
import org.apache.qpid.server.model.ManagedObject;
import org.apache.qpid.server.model.NamedAddressSpace;
import org.apache.qpid.server.security.auth.AuthenticationResult;
import org.apache.qpid.server.security.auth.UsernamePrincipal;
import org.apache.qpid.server.security.auth.manager.AbstractAuthenticationManager;
import org.apache.qpid.server.security.auth.sasl.SaslNegotiator;
import org.apache.qpid.server.security.auth.sasl.SaslSettings;
import org.apache.qpid.server.transport.AbstractAMQPConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * EXTERNAL only: the SASL response is the SAML assertion's XML text; the TLS client certificate (read from the
 * connection, a Broker-J internal pinned by the tests) must be the token's holder-of-key. The authenticated principal
 * is named after the token ({@link TokenGate#principalName}), which the dueslag queues' owner check compares.
 */
@ManagedObject(category = false, type = BfoTokenAuthenticationProvider.TYPE)
public class BfoTokenAuthenticationProviderImpl extends AbstractAuthenticationManager<BfoTokenAuthenticationProviderImpl>
        implements BfoTokenAuthenticationProvider<BfoTokenAuthenticationProviderImpl> {
    private static final Logger LOG = LoggerFactory.getLogger(BfoTokenAuthenticationProviderImpl.class);

    /** Broker-J calls this through {@link BfoTokenAuthenticationProviderFactory}. */
    public BfoTokenAuthenticationProviderImpl(Map<String, Object> attributes, Container<?> container) {
        super(attributes, container);
    }

    @Override
    public List<String> getMechanisms() {
        return List.of("EXTERNAL");
    }

    @Override
    public SaslNegotiator createSaslNegotiator(String mechanism, SaslSettings settings, NamedAddressSpace addressSpace) {
        return new SaslNegotiator() {
            private String attempted;

            @Override
            public AuthenticationResult handleResponse(byte[] response) {
                TokenGate gate = TokenGate.named(getName());
                X509Certificate peer = peerCertificate(settings);
                attempted = peer == null ? null : peer.getSubjectX500Principal().getName();
                if (gate == null) {
                    return refuse("the simulator is closed");
                }
                if (gate.drawRefusal()) {
                    return refuse("connection refused by fault injection");
                }
                String token = response == null ? "" : new String(response, StandardCharsets.UTF_8);
                TokenGate.Verdict v = gate.check(token, peer, ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID,
                        ServiceplatformSimulator.BFO_SEND_ENTITY_ID);
                if (!v.accepted()) {
                    return refuse(v.reason());
                }
                return new AuthenticationResult(new UsernamePrincipal(TokenGate.principalName(v),
                        BfoTokenAuthenticationProviderImpl.this));
            }

            @Override
            public void dispose() {
            }

            @Override
            public String getAttemptedAuthenticationId() {
                return attempted;
            }
        };
    }

    private static AuthenticationResult refuse(String reason) {
        LOG.debug("connection refused: {}", reason);
        return new AuthenticationResult(AuthenticationResult.AuthenticationStatus.ERROR,
                new IllegalArgumentException(reason));
    }

    /** The TLS client certificate of the connection being authenticated, or null. */
    public static X509Certificate peerCertificate(Object connection) {
        if (connection instanceof AbstractAMQPConnection<?, ?> c && c.getNetwork() != null) {
            Certificate peer = c.getNetwork().getPeerCertificate();
            return peer instanceof X509Certificate x ? x : null;
        }
        return null;
    }
}

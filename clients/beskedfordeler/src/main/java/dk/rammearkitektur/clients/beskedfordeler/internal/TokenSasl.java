package dk.rammearkitektur.clients.beskedfordeler.internal;

import com.rabbitmq.client.LongString;
import com.rabbitmq.client.SaslConfig;
import com.rabbitmq.client.SaslMechanism;
import com.rabbitmq.client.impl.LongStringHelper;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * SASL {@code EXTERNAL} whose response is the STS token (the SAML assertion as XML text), as the Beskedfordeler
 * expects it beside the system certificate of the TLS connection (KOMBIT's sample {@code TokenSaslConfig}).
 */
final class TokenSasl implements SaslConfig, SaslMechanism {
    private final byte[] token;

    TokenSasl(String token) {
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public SaslMechanism getSaslMechanism(String[] serverMechanisms) {
        return Arrays.asList(serverMechanisms).contains("EXTERNAL") ? this : null;
    }

    @Override
    public String getName() {
        return "EXTERNAL";
    }

    @Override
    public LongString handleChallenge(LongString challenge, String username, String password) {
        return LongStringHelper.asLongString(token);
    }
}

package dk.rammearkitektur.signing.internal;

import java.security.Provider;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

/** The Bouncy Castle provider instance the SDK uses explicitly; it is never installed globally. */
public final class Bc {
    /** Shared provider instance. */
    public static final Provider PROVIDER = new BouncyCastleProvider();

    private Bc() {
    }
}

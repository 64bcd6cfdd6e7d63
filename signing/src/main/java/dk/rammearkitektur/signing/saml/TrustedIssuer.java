package dk.rammearkitektur.signing.saml;

import dk.rammearkitektur.signing.xml.SignatureTrust;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A token issuer and the keys that may sign as it (udsteder): an assertion is accepted only when its signature was
 * made with one of this issuer's keys and, where a name is configured, its {@code Issuer} is exactly that name.
 * The keys are pinned certificates, or a validated chain bound to one signing certificate by subject, key or
 * fingerprint ({@link SignatureTrust#validatedSubject}, {@link SignatureTrust#validatedKey},
 * {@link SignatureTrust#validatedFingerprint}); "any valid certificate may sign as this issuer" is refused.
 *
 * <pre>{@code
 * TrustedIssuer sts = TrustedIssuer.pinned("https://saml.n2adgangsstyring.stoettesystemerne.dk", stsCertificate);
 * SamlAssertionVerifier verifier = SamlAssertionVerifier.builder(sts).audience(entityId).build();
 * }</pre>
 */
public final class TrustedIssuer {
    private final String name;
    private final SignatureTrust keys;

    private TrustedIssuer(String name, SignatureTrust keys) {
        this.name = name;
        this.keys = keys;
    }

    /** The issuer {@code name} whose assertions are signed with one of these certificates. */
    public static TrustedIssuer pinned(String name, X509Certificate... certificates) {
        return of(name, SignatureTrust.pinned(certificates));
    }

    /** The issuer {@code name} whose assertions are signed with one of these certificates. */
    public static TrustedIssuer pinned(String name, List<X509Certificate> certificates) {
        return of(name, SignatureTrust.pinned(certificates));
    }

    /**
     * The holder of these pinned certificates, whatever Issuer name its assertions carry: for a client that received
     * the assertion from its STS over mutual TLS and knows the STS only by its signing certificates. The name is not
     * checked, but only these keys can sign.
     */
    public static TrustedIssuer pinnedAnyName(List<X509Certificate> certificates) {
        return new TrustedIssuer(null, SignatureTrust.pinned(certificates));
    }

    /**
     * The issuer {@code name} whose assertions are signed with a key {@code keys} trusts; {@code keys} must be bound
     * to a signer ({@link SignatureTrust#isBoundToSigner()}), else an {@link IllegalArgumentException}.
     */
    public static TrustedIssuer of(String name, SignatureTrust keys) {
        Objects.requireNonNull(name, "name == null");
        Objects.requireNonNull(keys, "keys == null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("the issuer name must not be blank");
        }
        if (!keys.isBoundToSigner()) {
            throw new IllegalArgumentException("issuer '" + name + "': the trust accepts any certificate its validator"
                    + " accepts, so anyone with a valid certificate could sign as this issuer; pin its certificates or bind"
                    + " the validated chain to its signing certificate (validatedSubject, validatedKey, validatedFingerprint)");
        }
        return new TrustedIssuer(name, keys);
    }

    /** The issuer name its assertions must carry; empty for {@link #pinnedAnyName(List)}. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The keys that may sign as this issuer. */
    public SignatureTrust keys() {
        return keys;
    }

    @Override
    public String toString() {
        return "TrustedIssuer[" + (name == null ? "any name" : name) + ", " + keys + "]";
    }
}

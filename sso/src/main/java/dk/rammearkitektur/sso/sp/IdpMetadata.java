package dk.rammearkitektur.sso.sp;

import dk.rammearkitektur.sso.internal.Checks;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.sso.internal.MetadataXml;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An identity provider's SAML metadata as the service provider uses it: entity id, SingleSignOnService and
 * SingleLogoutService locations by binding, signing and encryption certificates (a KeyDescriptor without {@code use}
 * counts as both) and WantAuthnRequestsSigned. Read with {@link #parse(String, SignatureTrust)} (signature required
 * and verified) or {@link #parseUnsigned(String)} (for metadata obtained over a trusted channel). Immutable.
 */
public final class IdpMetadata {
    /** The HTTP-Redirect binding URI. */
    public static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    /** The HTTP-POST binding URI. */
    public static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";

    private final String entityId;
    private final Map<String, String> ssoByBinding;
    private final Map<String, String> sloByBinding;
    private final List<X509Certificate> signing;
    private final List<X509Certificate> encryption;
    private final boolean wantAuthnRequestsSigned;

    /**
     * Metadata from its parts (for tests and configuration without a metadata document).
     *
     * @param entityId the IdP entity id
     * @param ssoByBinding SingleSignOnService locations by binding URI
     * @param sloByBinding SingleLogoutService locations by binding URI
     * @param signing the certificates assertions may be signed with (at least one)
     * @param encryption the encryption certificates (may be empty)
     * @param wantAuthnRequestsSigned the IdP's WantAuthnRequestsSigned
     */
    public IdpMetadata(String entityId, Map<String, String> ssoByBinding, Map<String, String> sloByBinding,
            List<X509Certificate> signing, List<X509Certificate> encryption, boolean wantAuthnRequestsSigned) {
        this.entityId = Checks.required(entityId, "entityId");
        this.ssoByBinding = Map.copyOf(ssoByBinding);
        this.sloByBinding = Map.copyOf(sloByBinding);
        this.signing = List.copyOf(signing);
        this.encryption = List.copyOf(encryption);
        this.wantAuthnRequestsSigned = wantAuthnRequestsSigned;
        if (this.signing.isEmpty()) {
            throw new SsoRefusedException(SsoRefusedException.METADATA,
                    "EntityDescriptor.IDPSSODescriptor.KeyDescriptor: no signing certificate");
        }
    }

    /**
     * Reads an EntityDescriptor whose enveloped signature (on the EntityDescriptor itself) must verify with
     * {@code trust}.
     *
     * @throws SsoRefusedException {@link SsoRefusedException#METADATA} when unsigned, badly signed or malformed
     */
    public static IdpMetadata parse(String xml, SignatureTrust trust) {
        return MetadataXml.readIdp(xml, Checks.required(trust, "trust"));
    }

    /**
     * Reads an EntityDescriptor without checking a signature: only for metadata from a trusted channel (a file the
     * operator installed, an HTTPS URL of the federation).
     */
    public static IdpMetadata parseUnsigned(String xml) {
        return MetadataXml.readIdp(xml, null);
    }

    /** The entity id, which Responses and assertions must carry as Issuer. */
    public String entityId() {
        return entityId;
    }

    /** The SingleSignOnService location for a binding. */
    public Optional<String> singleSignOnService(String binding) {
        return Optional.ofNullable(ssoByBinding.get(binding));
    }

    /** The SingleLogoutService location for a binding. */
    public Optional<String> singleLogoutService(String binding) {
        return Optional.ofNullable(sloByBinding.get(binding));
    }

    /** The certificates whose keys may sign assertions. */
    public List<X509Certificate> signingCertificates() {
        return signing;
    }

    /** The encryption certificates. */
    public List<X509Certificate> encryptionCertificates() {
        return encryption;
    }

    /** Whether the IdP wants signed AuthnRequests. */
    public boolean wantAuthnRequestsSigned() {
        return wantAuthnRequestsSigned;
    }

    @Override
    public String toString() {
        return "IdpMetadata[" + entityId + ", sso=" + ssoByBinding.keySet() + ", signing=" + signing.size() + "]";
    }
}

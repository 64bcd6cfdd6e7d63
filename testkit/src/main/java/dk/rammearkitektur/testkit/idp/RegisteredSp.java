package dk.rammearkitektur.testkit.idp;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.testkit.idp.internal.SpMetadataReader;
import java.net.URI;
import java.security.cert.X509Certificate;

/**
 * A service provider the simulator knows: its entity ID, Assertion Consumer Service URL (HTTP-POST), single logout URL
 * (HTTP-Redirect), the certificate its requests are signed with and the one assertions are encrypted to.
 *
 * @param entityId the SP's entity ID (the Issuer of its requests, the Audience of its assertions)
 * @param acs the Assertion Consumer Service URL
 * @param slo the single logout URL, or null when the SP does no logout
 * @param signingCertificate the certificate the SP signs requests with
 * @param encryptionCertificate the certificate assertions are encrypted to
 */
public record RegisteredSp(String entityId, URI acs, URI slo, X509Certificate signingCertificate,
        X509Certificate encryptionCertificate) {
    /** Checks that everything but {@code slo} is there. */
    public RegisteredSp {
        if (entityId == null || entityId.isBlank()) {
            throw new ValidationException("entityId", "is required");
        }
        if (acs == null || !acs.isAbsolute()) {
            throw new ValidationException("acs", "an absolute URL is required");
        }
        if (slo != null && !slo.isAbsolute()) {
            throw new ValidationException("slo", "must be an absolute URL");
        }
        if (signingCertificate == null) {
            throw new ValidationException("signingCertificate", "is required");
        }
        if (encryptionCertificate == null) {
            throw new ValidationException("encryptionCertificate", "is required");
        }
    }

    /**
     * Reads an SP's SAML metadata ({@code EntityDescriptor} with an {@code SPSSODescriptor}): entityID, the first
     * HTTP-POST AssertionConsumerService, the first HTTP-Redirect SingleLogoutService, and the KeyDescriptors
     * ({@code use="signing"}, {@code use="encryption"}, or no use for both). The metadata signature is not checked: the
     * tester hands the simulator metadata they trust. DTDs are refused.
     *
     * @param xml the metadata
     * @return the registration
     * @throws ValidationException naming the element or attribute that is missing or wrong
     * @throws dk.rammearkitektur.core.XmlParseException when it is not well-formed XML
     * @throws dk.rammearkitektur.core.XmlSecurityException when it has a DTD
     */
    public static RegisteredSp fromMetadata(String xml) {
        if (xml == null) {
            throw new ValidationException("metadata", "is required");
        }
        return SpMetadataReader.read(xml);
    }
}

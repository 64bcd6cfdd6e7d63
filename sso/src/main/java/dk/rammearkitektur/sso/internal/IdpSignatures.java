package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.signing.xml.VerifiedSignature;
import dk.rammearkitektur.signing.xml.XmlSignatureVerifier;
import dk.rammearkitektur.sso.sp.IdpMetadata;
import dk.rammearkitektur.sso.sp.IdpMetadataSource;
import dk.rammearkitektur.sso.sp.SsoRefusedException;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Verifies the identity provider's signatures with the signing certificates of its current metadata: an enveloped
 * XML signature on exactly one element, or a Redirect query signature. When the current keys fail, the metadata source
 * is asked once for fresh metadata ({@link IdpMetadataSource#refreshForNewKey()}, rate-limited there) and the check is
 * repeated with the new keys: an IdP key rollover. The verifier is rebuilt only when the metadata changes.
 */
public final class IdpSignatures {
    private record Keys(IdpMetadata metadata, XmlSignatureVerifier verifier) {
    }

    private final IdpMetadataSource source;
    private volatile Keys keys;

    /** Signatures checked against {@code source}'s metadata. */
    public IdpSignatures(IdpMetadataSource source) {
        this.source = source;
    }

    /** The current metadata. */
    public IdpMetadata metadata() {
        return source.current();
    }

    /**
     * Verifies that {@code element} carries exactly one ds:Signature child that references exactly {@code element}
     * (enveloped, so no wrapping) and verifies with an IdP signing certificate; refusals have {@code reason}
     * {@link SsoRefusedException#SIGNATURE} and name {@code path}.
     */
    public void verifyEnveloped(Element element, String path) {
        List<Element> signatures = SamlDom.children(element, SamlDom.DS, "Signature");
        if (signatures.size() != 1) {
            throw new SsoRefusedException(SsoRefusedException.SIGNATURE,
                    path + ".Signature: must occur exactly once (unsigned messages are refused), found "
                            + signatures.size());
        }
        try {
            verifyWith(verifier(source.current()), element, signatures.get(0), path);
        } catch (SsoRefusedException e) {
            if (!source.refreshForNewKey()) {
                throw e;
            }
            verifyWith(verifier(source.current()), element, signatures.get(0), path);
        }
    }

    /** {@link RedirectBinding#verify} against the IdP signing certificates; returns the inflated message. */
    public String verifyQuery(String rawQuery, String param) {
        try {
            return RedirectBinding.verify(rawQuery, param, source.current().signingCertificates());
        } catch (SsoRefusedException e) {
            if (!SsoRefusedException.QUERY_SIGNATURE.equals(e.reason()) || !source.refreshForNewKey()) {
                throw e;
            }
            return RedirectBinding.verify(rawQuery, param, source.current().signingCertificates());
        }
    }

    private static void verifyWith(XmlSignatureVerifier verifier, Element element, Element signature, String path) {
        try {
            VerifiedSignature v = verifier.verify(signature);
            v.requireSigned(element);
            if (v.signedElements().size() != 1) {
                throw new SsoRefusedException(SsoRefusedException.SIGNATURE,
                        path + ".Signature: must reference exactly the " + element.getLocalName());
            }
        } catch (SsoRefusedException e) {
            throw e;
        } catch (SecurityCheckException e) {
            throw new SsoRefusedException(SsoRefusedException.SIGNATURE, path + ".Signature: " + e.getMessage()
                    + " (" + e.reason() + ")", e);
        } catch (RammearkitekturException e) {
            throw new SsoRefusedException(SsoRefusedException.SIGNATURE, path + ".Signature: " + e.getMessage(), e);
        }
    }

    private XmlSignatureVerifier verifier(IdpMetadata metadata) {
        Keys k = keys;
        if (k == null || k.metadata() != metadata) {
            k = new Keys(metadata, XmlSignatureVerifier.builder(SignatureTrust.pinned(metadata.signingCertificates()))
                    .build());
            keys = k;
        }
        return k.verifier();
    }
}

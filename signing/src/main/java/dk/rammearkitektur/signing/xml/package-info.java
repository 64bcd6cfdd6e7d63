/**
 * Hardened XML-DSig on Apache Santuario: sign with {@link dk.rammearkitektur.signing.xml.XmlSigner}, verify with
 * {@link dk.rammearkitektur.signing.xml.XmlSignatureVerifier} against a
 * {@link dk.rammearkitektur.signing.xml.SignatureTrust}, and act only on the elements a
 * {@link dk.rammearkitektur.signing.xml.VerifiedSignature} names.
 */
package dk.rammearkitektur.signing.xml;

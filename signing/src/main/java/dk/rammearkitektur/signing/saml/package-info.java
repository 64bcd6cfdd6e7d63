/**
 * SAML 2.0 assertions as plain DOM, without OpenSAML: build and sign with
 * {@link dk.rammearkitektur.signing.saml.SamlAssertion#builder()}, verify with
 * {@link dk.rammearkitektur.signing.saml.SamlAssertionVerifier}.
 */
package dk.rammearkitektur.signing.saml;

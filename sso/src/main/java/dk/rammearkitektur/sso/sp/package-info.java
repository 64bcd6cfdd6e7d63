/**
 * The SAML 2.0 service provider, framework-neutral: {@link dk.rammearkitektur.sso.sp.ServiceProvider} builds the
 * signed AuthnRequest for the HTTP-Redirect binding, consumes the Response from the HTTP-POST binding (decrypts the
 * assertion, verifies its signature against the identity provider's metadata, checks the profile rules) and writes
 * the SP metadata. Presets for the Context Handler and NemLog-in are in {@link dk.rammearkitektur.sso.sp.SsoProfile}.
 */
package dk.rammearkitektur.sso.sp;

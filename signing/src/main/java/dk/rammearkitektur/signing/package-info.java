/**
 * OCES signing basics: {@link dk.rammearkitektur.signing.SigningCredential} (a key and its chain, from PKCS#12 or
 * PEM), {@link dk.rammearkitektur.signing.OcesIdentity} (who an OCES2/OCES3 certificate identifies),
 * {@link dk.rammearkitektur.signing.AlgorithmPolicy} (the per-endpoint algorithm allow-list) and the security
 * exceptions with reason codes. XML signatures are in {@code .xml}, SAML in {@code .saml}, WS-Security in
 * {@code .wss} and certificate validation in {@code .certificates}.
 */
package dk.rammearkitektur.signing;

/**
 * WS-Security for SOAP 1.1 and 1.2 without WSS4J: {@link dk.rammearkitektur.signing.wss.WsSecuritySigner} adds the
 * security header (Timestamp, SAML holder-of-key assertion or BinarySecurityToken, signature over Body, Timestamp and
 * WS-Addressing headers); {@link dk.rammearkitektur.signing.wss.WsSecurityVerifier} checks it on the receiving side
 * and reports the broken rule.
 */
package dk.rammearkitektur.signing.wss;

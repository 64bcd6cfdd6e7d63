/**
 * Logging people in: typed identities read from a SAML assertion's attributes, in the OIOSAML 3 vocabulary
 * ({@code https://data.gov.dk/...}, NemLog-in and the NSIS Context Handler) or the OIOSAML 2 one
 * ({@code dk:gov:saml:attribute:*} and {@code urn:oid:*}, the older Context Handler profile).
 * {@link dk.rammearkitektur.sso.Identities#fromAttributes} gives a {@link dk.rammearkitektur.sso.Professional} or a
 * {@link dk.rammearkitektur.sso.Citizen}; privileges are in {@code dk.rammearkitektur.sso.privileges}. The service
 * provider (requests, responses, decryption, metadata) is in {@code dk.rammearkitektur.sso.sp}.
 */
package dk.rammearkitektur.sso;

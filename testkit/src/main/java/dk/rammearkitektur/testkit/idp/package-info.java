/**
 * An identity provider simulator playing KOMBIT's Context Handler (NSIS and OIOSAML 2 profiles) and NemLog-in towards a
 * service provider under test, over loopback HTTPS: {@link dk.rammearkitektur.testkit.idp.IdentityProviderSimulator}.
 */
package dk.rammearkitektur.testkit.idp;

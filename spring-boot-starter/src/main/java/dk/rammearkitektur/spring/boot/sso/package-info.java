/**
 * Spring Security integration of the sso module: {@link dk.rammearkitektur.spring.boot.sso.SsoSecurity} installs the
 * login endpoints in a filter chain and {@link dk.rammearkitektur.spring.boot.sso.SsoAuthentication} is the
 * {@code Authentication} a login becomes.
 */
package dk.rammearkitektur.spring.boot.sso;

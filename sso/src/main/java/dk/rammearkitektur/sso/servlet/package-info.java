/**
 * A Jakarta Servlet adapter for the service provider: {@link dk.rammearkitektur.sso.servlet.SsoFilter} serves the
 * login start, the assertion consumer service, the SP metadata and a local logout, and requires login for protected
 * paths; {@link dk.rammearkitektur.sso.servlet.SsoSession} gives the application the logged-in identity. Needs the
 * Servlet API (6.0 or newer) from the web container; the rest of the module does not.
 */
package dk.rammearkitektur.sso.servlet;

/**
 * An example web application: a caseworker logs in through the Context Handler (here the testkit's identity provider
 * simulator) with the sso module's {@link dk.rammearkitektur.sso.servlet.SsoFilter} on embedded Tomcat, and sees the
 * rights the SDK read from the assertion. Start it with {@link dk.rammearkitektur.examples.web.CaseworkerWebApp#main}.
 */
package dk.rammearkitektur.examples.web;

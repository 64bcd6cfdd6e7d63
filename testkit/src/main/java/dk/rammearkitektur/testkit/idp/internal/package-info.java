/** The identity provider simulator's plumbing (SAML building, the Redirect binding, pages); not API. */
package dk.rammearkitektur.testkit.idp.internal;

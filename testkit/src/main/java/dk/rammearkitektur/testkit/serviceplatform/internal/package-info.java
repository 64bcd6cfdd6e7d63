/**
 * Implementation of the Serviceplatformen simulator (TLS material, request checks, DOM and SOAP helpers, response
 * writing), also used by the identity provider simulator for its keys, TLS and DOM. Not API.
 */
package dk.rammearkitektur.testkit.serviceplatform.internal;

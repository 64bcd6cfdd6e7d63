/**
 * Implementation of the Serviceplatformen clients: envelope building, the CXF transport, JAXB mapping, the STS token
 * cache. Not part of the API; may change without notice.
 */
package dk.rammearkitektur.clients.serviceplatform.internal;

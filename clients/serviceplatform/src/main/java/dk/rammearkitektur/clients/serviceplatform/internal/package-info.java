/**
 * Implementation of the Serviceplatformen clients: envelope building with the InvocationContext or an STS token, the
 * call executor (retries, timeouts), JAXB messages and their mapping to the API's records. Not part of the API; may change without notice.
 */
package dk.rammearkitektur.clients.serviceplatform.internal;

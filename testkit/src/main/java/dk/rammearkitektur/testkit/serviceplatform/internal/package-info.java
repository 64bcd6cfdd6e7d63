/** Implementation of the Serviceplatformen simulator: TLS material, request checks, response writing. Not API. */
package dk.rammearkitektur.testkit.serviceplatform.internal;

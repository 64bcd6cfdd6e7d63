/**
 * What every client of the SDK shares in its API: the choice of the security token service's protocol
 * ({@link dk.rammearkitektur.clients.common.StsProtocol}). The shared implementation (the HTTP transport, SOAP
 * envelopes and faults, STS token clients and cache, settings) is in the {@code internal} package, exported only to
 * the SDK's client modules.
 */
package dk.rammearkitektur.clients.common;

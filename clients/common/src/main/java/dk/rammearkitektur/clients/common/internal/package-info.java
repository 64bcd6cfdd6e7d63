/**
 * Implementation shared by every client (the HTTP transport, SOAP envelopes and faults, STS tokens); start at {@link
 * dk.rammearkitektur.clients.common.internal.ClientSettings}, the settings and checks both client builders hold. Not part of
 * the API; may change without notice.
 */
package dk.rammearkitektur.clients.common.internal;

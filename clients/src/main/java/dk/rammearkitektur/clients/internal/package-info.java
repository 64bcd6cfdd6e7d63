/**
 * Implementation shared by the Serviceplatformen and Digital Post clients; start at {@link
 * dk.rammearkitektur.clients.internal.ClientSettings}, the settings and checks both client builders hold. Not part of
 * the API; may change without notice.
 */
package dk.rammearkitektur.clients.internal;

/** Implementation of the support-systems clients: request building and reply reading. Not API. */
package dk.rammearkitektur.clients.stoettesystemer.internal;

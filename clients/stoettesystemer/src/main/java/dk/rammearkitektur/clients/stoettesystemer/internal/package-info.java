/**
 * Implementation of the support-systems clients: request building and reply reading (KlasseService 7; Organisation 6
 * Bruger, OrganisationEnhed, OrganisationFunktion). Not API.
 */
package dk.rammearkitektur.clients.stoettesystemer.internal;

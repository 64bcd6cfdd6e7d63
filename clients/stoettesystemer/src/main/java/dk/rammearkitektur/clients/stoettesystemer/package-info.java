/**
 * Support-systems (Støttesystemer) clients: {@link dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient}
 * resolves KLE subjects and action facets to their Klasse UUIDs with SF1510 KlasseService 7.
 */
package dk.rammearkitektur.clients.stoettesystemer;

/**
 * Support-systems (Støttesystemer) clients: {@link dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient}
 * resolves KLE subjects and action facets to their Klasse UUIDs with SF1510 KlasseService 7;
 * {@link dk.rammearkitektur.clients.stoettesystemer.OrganisationClient} searches and reads users (Bruger),
 * organisation units (OrganisationEnhed) and functions (OrganisationFunktion) with SF1500 Organisation 6. Both are
 * configured through {@link dk.rammearkitektur.clients.stoettesystemer.StoettesystemerClientBuilder} and a
 * {@link dk.rammearkitektur.clients.stoettesystemer.StoettesystemerEnvironment}. Built on a Klassifikation client,
 * {@link dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient} keeps cases in the Sags- og Dokumentindeks
 * (SF1470) and {@link dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient} keeps granted benefits and their
 * payments in the Ydelsesindeks (SF1490).
 */
package dk.rammearkitektur.clients.stoettesystemer;

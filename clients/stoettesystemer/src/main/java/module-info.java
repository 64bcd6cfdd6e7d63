/**
 * Clients for the services called directly on the Støttesystemer hosts (not through Serviceplatformen) with OIO IDWS
 * holder-of-key tokens from the STS: Klassifikation (SF1510, KlasseService 7) and Organisation (SF1500 Bruger,
 * OrganisationEnhed, OrganisationFunktion 6). Exports its API package only.
 */
module dk.rammearkitektur.clients.stoettesystemer {
    requires transitive dk.rammearkitektur.clients.common;
    requires transitive dk.rammearkitektur.model;
    requires org.slf4j;

    exports dk.rammearkitektur.clients.stoettesystemer;
}

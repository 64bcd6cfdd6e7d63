/**
 * Every client of the SDK in one dependency: Serviceplatformen (CPR, CVR, Organisation), Digital Post (MeMo,
 * SF1601) and the support systems (Klassifikation SF1510), on the shared client foundation. Holds no code of its own.
 */
module dk.rammearkitektur.clients {
    requires transitive dk.rammearkitektur.clients.common;
    requires transitive dk.rammearkitektur.clients.serviceplatform;
    requires transitive dk.rammearkitektur.clients.digitalpost;
    requires transitive dk.rammearkitektur.clients.stoettesystemer;
}

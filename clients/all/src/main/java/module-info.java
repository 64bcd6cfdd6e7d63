/**
 * Every client of the SDK in one dependency: Serviceplatformen (CPR, CVR, Organisation) and Digital Post (MeMo,
 * SF1601), on the shared client foundation. Holds no code of its own.
 */
module dk.rammearkitektur.clients {
    requires transitive dk.rammearkitektur.clients.common;
    requires transitive dk.rammearkitektur.clients.serviceplatform;
    requires transitive dk.rammearkitektur.clients.digitalpost;
}

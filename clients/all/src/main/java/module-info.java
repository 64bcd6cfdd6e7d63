/**
 * Every client of the SDK in one dependency: Serviceplatformen (CPR, CVR, Organisation), Digital Post (MeMo,
 * SF1601), the support systems (Klassifikation SF1510, Organisation SF1500, Sags- og Dokumentindeks SF1470) and the
 * Beskedfordeler, on the shared client foundation. Holds no code of its own.
 */
module dk.rammearkitektur.clients {
    requires transitive dk.rammearkitektur.clients.common;
    requires transitive dk.rammearkitektur.clients.serviceplatform;
    requires transitive dk.rammearkitektur.clients.digitalpost;
    requires transitive dk.rammearkitektur.clients.stoettesystemer;
    requires transitive dk.rammearkitektur.clients.beskedfordeler;
}

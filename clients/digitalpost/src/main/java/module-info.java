/**
 * Digital Post: the MeMo model with its reader, writer and rules ({@code memo}), and the SF1601 client
 * (KombiPostAfsend with the Fjernprint print part, PostForespoerg) with its requests and receipts. Exports its API
 * packages only.
 */
module dk.rammearkitektur.clients.digitalpost {
    requires transitive dk.rammearkitektur.clients.common;
    requires transitive dk.rammearkitektur.model;
    requires java.net.http;
    requires com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports dk.rammearkitektur.clients.digitalpost;
    exports dk.rammearkitektur.clients.digitalpost.memo;
}

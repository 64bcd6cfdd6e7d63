/**
 * The fælleskommunale Beskedfordeler (message distributor): events received by AMQP pull (SF1461 BeskedHent) or by
 * HTTPS push (BeskedFåTilsendt; a Servlet when {@code jakarta.servlet} is present, or a standalone server), deduplicated
 * on their message id in memory or in a database shared by several instances, and published (SF1462). Exports its
 * API packages only.
 */
module dk.rammearkitektur.clients.beskedfordeler {
    requires transitive dk.rammearkitektur.clients.common;
    requires transitive dk.rammearkitektur.model;
    requires transitive java.sql;
    requires com.rabbitmq.client;
    requires jdk.httpserver;
    requires static jakarta.servlet;
    requires org.slf4j;

    exports dk.rammearkitektur.clients.beskedfordeler;
    exports dk.rammearkitektur.clients.beskedfordeler.push;
}

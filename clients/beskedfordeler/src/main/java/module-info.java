/**
 * The fælleskommunale Beskedfordeler (message distributor): events received by AMQP pull (SF1461 BeskedHent) and
 * deduplicated on their message id, in memory or in a database shared by several instances. Exports its API package
 * only.
 */
module dk.rammearkitektur.clients.beskedfordeler {
    requires transitive dk.rammearkitektur.clients.common;
    requires transitive java.sql;
    requires com.rabbitmq.client;
    requires org.slf4j;

    exports dk.rammearkitektur.clients.beskedfordeler;
}

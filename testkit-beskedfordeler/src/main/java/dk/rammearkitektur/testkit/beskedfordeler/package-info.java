/**
 * The Beskedfordeler simulator: an embedded AMQP 0-9-1 broker that checks STS tokens like the real one.
 */
package dk.rammearkitektur.testkit.beskedfordeler;

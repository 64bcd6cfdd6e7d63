/** The Beskedfordeler client's implementation: AMQP connections with a token, the subscription loop. */
package dk.rammearkitektur.clients.beskedfordeler.internal;

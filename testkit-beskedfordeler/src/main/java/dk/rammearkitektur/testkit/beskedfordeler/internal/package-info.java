/** The simulator's plumbing: the Broker-J plug-ins, token checks and in-process message handling. Not an API. */
package dk.rammearkitektur.testkit.beskedfordeler.internal;

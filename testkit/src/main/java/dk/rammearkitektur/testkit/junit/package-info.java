/**
 * JUnit 5 support: {@link dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest} starts a Serviceplatformen
 * simulator for a test class and injects it, and a client configured for it, as test method or constructor
 * parameters. {@link dk.rammearkitektur.testkit.junit.SimulatorClients} configures clients by hand.
 */
package dk.rammearkitektur.testkit.junit;

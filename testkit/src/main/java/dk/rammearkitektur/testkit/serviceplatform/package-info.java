/**
 * An in-process simulator of Serviceplatformen for tests: loopback-only HTTPS with mutual TLS, the CPR (SF1520), CVR
 * (SF1530) and Organisation (SF1500) services over a seeded fictitious dataset, conformance checks on every request,
 * and fault injection.
 *
 * <p>Start with {@link dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator#builder()}; in JUnit 5 tests
 * use {@link dk.rammearkitektur.testkit.junit.ServiceplatformSimulatorTest}. The simulator is an independent second
 * implementation of the server side: it shares the contracts (XSDs) with the client, never its code.
 */
package dk.rammearkitektur.testkit.serviceplatform;

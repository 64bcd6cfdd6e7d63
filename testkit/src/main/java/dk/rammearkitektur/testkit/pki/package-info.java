/**
 * A deterministic test PKI in the OCES2 and OCES3 layouts, for tests of signing, validation and the simulators.
 * Start with {@link dk.rammearkitektur.testkit.pki.TestPki#generateFast(long)}; each
 * {@link dk.rammearkitektur.testkit.pki.TestIdentity} exports PKCS#12 and PEM, and
 * {@link dk.rammearkitektur.testkit.pki.OcspResponder} answers OCSP requests on the loopback interface.
 */
package dk.rammearkitektur.testkit.pki;

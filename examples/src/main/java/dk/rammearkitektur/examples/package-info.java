/**
 * Runnable examples a vendor can copy into a fagsystem: {@link dk.rammearkitektur.examples.CprLookupExample},
 * {@link dk.rammearkitektur.examples.CvrLookupExample}, {@link dk.rammearkitektur.examples.SendDigitalPostExample},
 * {@link dk.rammearkitektur.examples.CaseJournalisingExample} and
 * {@link dk.rammearkitektur.examples.VerifyIncomingTokenExample}. Each reads its configuration through
 * {@link dk.rammearkitektur.examples.ExampleConfig} (properties file and environment variables); start there. The
 * reference demo is in {@code dk.rammearkitektur.examples.demo}.
 */
package dk.rammearkitektur.examples;

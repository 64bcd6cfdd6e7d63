/**
 * An in-process Digital Post and NemSMS platform (SF1601 KombiPostAfsend, PostForespoerg, the STS REST issue and the
 * access-token exchange) on loopback HTTPS with mutual TLS, for tests. Start with
 * {@link dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator#builder()}; inspect
 * {@link dk.rammearkitektur.testkit.digitalpost.MailboxEntry mailboxes}, the
 * {@link dk.rammearkitektur.testkit.digitalpost.PrintedLetter print queue}, the
 * {@link dk.rammearkitektur.testkit.digitalpost.SmsMessage SMS outbox} and the emitted
 * {@link dk.rammearkitektur.testkit.digitalpost.PostStatusEvent statuses}; inject faults with
 * {@link dk.rammearkitektur.testkit.digitalpost.DigitalPostFault}. JUnit 5 tests can use
 * {@link dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulatorTest} to have a simulator and a configured
 * client injected.
 */
package dk.rammearkitektur.testkit.digitalpost;

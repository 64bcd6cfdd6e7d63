/**
 * The Digital Post client (SF1601) with its requests and receipts; the MeMo messages it carries are in
 * {@link dk.rammearkitektur.clients.digitalpost.memo}.
 *
 * <p>For KombiPostAfsend: a {@link dk.rammearkitektur.clients.digitalpost.KombiRequest} (channel choice, MeMo message
 * and the {@link dk.rammearkitektur.clients.digitalpost.PrintShipment} print part, addressed with a
 * {@link dk.rammearkitektur.clients.digitalpost.PrintAddress}) is written and read by
 * {@link dk.rammearkitektur.clients.digitalpost.KombiXml}; the platform's synchronous reply becomes a
 * {@link dk.rammearkitektur.clients.digitalpost.SendReceipt} and its later status events
 * {@link dk.rammearkitektur.clients.digitalpost.DeliveryStatus}es, kept once each by a
 * {@link dk.rammearkitektur.clients.digitalpost.DeliveryStatusLog}.
 *
 * <p>Sending: {@link dk.rammearkitektur.clients.digitalpost.DigitalPostClient} (built for a
 * {@link dk.rammearkitektur.clients.digitalpost.DigitalPostEnvironment}) fetches the STS and access tokens, streams
 * the request over mutual TLS and answers with the receipt; a
 * {@link dk.rammearkitektur.clients.digitalpost.Transmission} fixes the ids of one logical send so that a resend
 * repeats them (a failed send's exception gives it back: {@code e.request(Transmission.class)}).
 * {@link dk.rammearkitektur.clients.digitalpost.MemoLetters} turns a model document (a decision letter) for a person
 * or company into a MeMo message and a print part. Failures are core's
 * {@link dk.rammearkitektur.core.ServiceCallException}s.
 */
package dk.rammearkitektur.clients.digitalpost;

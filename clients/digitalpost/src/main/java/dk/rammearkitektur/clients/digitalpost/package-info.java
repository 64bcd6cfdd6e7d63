/**
 * Digital Post and NemSMS messages in the MeMo format (Meddelelsesmodellen), versions 1.1 and 1.2.
 *
 * <p>Start with {@link dk.rammearkitektur.clients.digitalpost.memo.MemoMessage#builder(MemoVersion)}: a message is a
 * {@link dk.rammearkitektur.clients.digitalpost.memo.MessageHeader} (sender, recipient, title, notification, flags,
 * content data, forward and reply data) and, for Digital Post, a
 * {@link dk.rammearkitektur.clients.digitalpost.memo.MessageBody} with one main document, attachments and technical
 * documents, each with {@link dk.rammearkitektur.clients.digitalpost.memo.MemoFile}s and
 * {@link dk.rammearkitektur.clients.digitalpost.memo.Action}s. Every {@code MemoMessage} is valid: building one checks
 * all rules and reports every violation at once with its field path.
 *
 * <p>{@link dk.rammearkitektur.clients.digitalpost.memo.MemoXml} writes and reads the XML, streaming file content
 * through {@link dk.rammearkitektur.clients.digitalpost.memo.FileContent} and
 * {@link dk.rammearkitektur.clients.digitalpost.memo.FileContentSink}.
 *
 * <p>For SF1601 KombiPostAfsend: {@link dk.rammearkitektur.clients.digitalpost.KombiRequest} (channel choice, MeMo
 * message and the {@link dk.rammearkitektur.clients.digitalpost.PrintShipment} print part) is written and read by
 * {@link dk.rammearkitektur.clients.digitalpost.KombiXml}; the platform's synchronous reply becomes a
 * {@link dk.rammearkitektur.clients.digitalpost.SendReceipt} and its later status events
 * {@link dk.rammearkitektur.clients.digitalpost.DeliveryStatus}es, kept once each by a
 * {@link dk.rammearkitektur.clients.digitalpost.DeliveryStatusLog}.
 *
 * <p>Sending: {@link dk.rammearkitektur.clients.digitalpost.DigitalPostClient} (built for a
 * {@link dk.rammearkitektur.clients.digitalpost.DigitalPostEnvironment}) fetches the STS and access tokens, streams
 * the request over mutual TLS and answers with the receipt; a
 * {@link dk.rammearkitektur.clients.digitalpost.Transmission} fixes the ids of one logical send so that a resend
 * repeats them. {@link dk.rammearkitektur.clients.digitalpost.memo.MemoLetters} turns a model document (a decision letter) for a
 * person or company into a MeMo message.
 */
package dk.rammearkitektur.clients.digitalpost;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;

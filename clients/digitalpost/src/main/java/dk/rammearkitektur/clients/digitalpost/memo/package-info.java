/**
 * Digital Post and NemSMS messages in the MeMo format (Meddelelsesmodellen), versions 1.1 and 1.2, with their
 * reader, writer and rules.
 *
 * <p>Start with {@link dk.rammearkitektur.clients.digitalpost.memo.MemoMessage#builder}: a message is a
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
 */
package dk.rammearkitektur.clients.digitalpost.memo;

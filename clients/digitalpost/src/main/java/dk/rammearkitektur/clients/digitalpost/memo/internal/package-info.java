/**
 * The MeMo reader, writer and rules behind {@link dk.rammearkitektur.clients.digitalpost.memo.MemoXml} and the
 * message builders. Not part of the API; may change without notice.
 */
package dk.rammearkitektur.clients.digitalpost.memo.internal;

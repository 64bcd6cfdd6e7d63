/**
 * Implementation of the MeMo model: the validation rules, the StAX writer and reader, streaming Base64, file
 * content sources and sinks. Not part of the public API; may change without notice.
 */
package dk.rammearkitektur.clients.digitalpost.internal;

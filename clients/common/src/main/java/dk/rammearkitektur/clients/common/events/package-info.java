/**
 * The Beskedfordeler event message (SF1461/SF1462, {@code Haendelsesbesked}) as a typed, validated model:
 * {@link dk.rammearkitektur.clients.common.events.EventMessage} parses a received message with the SDK's hardened
 * parser and writes one that validates against the published schema. Shared by the Beskedfordeler client and the
 * clients whose statuses arrive through it, such as Digital Post's {@code PKO_PostStatus}.
 */
package dk.rammearkitektur.clients.common.events;

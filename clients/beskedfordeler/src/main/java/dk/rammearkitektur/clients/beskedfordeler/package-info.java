/**
 * The Beskedfordeler client's API: receiving events (Hændelsesbeskeder) from a dueslag queue and deduplicating them.
 */
package dk.rammearkitektur.clients.beskedfordeler;

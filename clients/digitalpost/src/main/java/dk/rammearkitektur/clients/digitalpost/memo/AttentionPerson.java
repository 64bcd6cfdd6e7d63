package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;

/**
 * The person a message is for the attention of (attentionsperson).
 *
 * @param personId an identifier of the person, or null
 * @param label the person's name, or null
 */
public record AttentionPerson(String personId, String label) {
    /** Creates the value. */
    public static AttentionPerson of(String personId, String label) {
        return new AttentionPerson(personId, label);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

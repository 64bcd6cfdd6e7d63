package dk.rammearkitektur.clients.beskedfordeler;

import dk.rammearkitektur.core.RammearkitekturException;

/**
 * A deduplication store could not do its part: the database could not be reached, or a statement or the commit
 * failed. The message names the operation, the table and the SQLState. Whatever the work wrote through the store's
 * transaction was rolled back with the id, so the message counts as not handled and is handled again when the
 * Beskedfordeler redelivers it.
 */
public final class DeduplicationStoreException extends RammearkitekturException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception. */
    public DeduplicationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}

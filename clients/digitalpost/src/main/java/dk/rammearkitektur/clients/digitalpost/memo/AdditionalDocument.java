package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Lists;
import java.util.List;

/**
 * An attachment to the letter (bilag), with at least one file and any actions.
 *
 * @param additionalDocumentId the document's identifier, or null
 * @param label the document's title, or null
 * @param files at least one file
 * @param actions what the recipient is asked to do, possibly none
 */
public record AdditionalDocument(String additionalDocumentId, String label, List<MemoFile> files, List<Action> actions) {
    /** Copies the lists. */
    public AdditionalDocument {
        files = Lists.copy(files);
        actions = Lists.copy(actions);
    }

    /** An attachment with a title and files and no actions. */
    public static AdditionalDocument of(String label, MemoFile... files) {
        return new AdditionalDocument(null, label, List.of(files), List.of());
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

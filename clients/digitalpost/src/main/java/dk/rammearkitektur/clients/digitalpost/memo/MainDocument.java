package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Lists;
import java.util.List;

/**
 * The letter itself (hoveddokument): exactly one per message body, with at least one file and any actions.
 *
 * @param mainDocumentId the document's identifier, or null
 * @param label the document's title, or null
 * @param files at least one file
 * @param actions what the recipient is asked to do, possibly none
 */
public record MainDocument(String mainDocumentId, String label, List<MemoFile> files, List<Action> actions) {
    /** Copies the lists. */
    public MainDocument {
        files = Lists.copy(files);
        actions = Lists.copy(actions);
    }

    /** A main document with a title and files and no actions. */
    public static MainDocument of(String label, MemoFile... files) {
        return new MainDocument(null, label, List.of(files), List.of());
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

package dk.rammearkitektur.clients.digitalpost.memo;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Lists;
import java.util.List;

/**
 * A machine-readable document for the recipient's systems (teknisk dokument), e.g. XML; has no actions.
 *
 * @param technicalDocumentId the document's identifier, or null
 * @param label the document's title, or null
 * @param files at least one file
 */
public record TechnicalDocument(String technicalDocumentId, String label, List<MemoFile> files) {
    /** Copies the list. */
    public TechnicalDocument {
        files = Lists.copy(files);
    }

    /** A technical document with a title and files. */
    public static TechnicalDocument of(String label, MemoFile... files) {
        return new TechnicalDocument(null, label, List.of(files));
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

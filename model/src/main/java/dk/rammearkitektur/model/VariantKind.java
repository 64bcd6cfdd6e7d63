package dk.rammearkitektur.model;

/** Which variant of a document a set of parts belongs to (dokumentvariant). */
public enum VariantKind {
    /** Produktionsvariant: the editable original. */
    PRODUCTION,
    /** Arkivvariant: the form kept for archiving, e.g. PDF/A. */
    ARCHIVE,
    /** Offentlig variant: redacted for access requests. */
    PUBLIC,
    /** Signeret variant. */
    SIGNED
}

package dk.rammearkitektur.model;

import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.model.internal.Checks;
import java.util.List;

/**
 * One variant (variant) of a document, e.g. production or archive, with its parts.
 *
 * @param kind which variant
 * @param parts the parts, at least one; part names unique
 */
public record DocumentVariant(VariantKind kind, List<DocumentPart> parts) {
    /** Validates and copies; paths under {@code variant}. */
    public DocumentVariant {
        Violations v = Violations.at("variant");
        Checks.required(v, "kind", kind);
        if (Checks.required(v, "parts", parts)) {
            v.require(!parts.isEmpty(), "parts", "must hold at least one part");
            Checks.uniqueElements(v, "parts", parts, DocumentPart::name, "part name");
        }
        v.throwIfAny();
        parts = List.copyOf(parts);
    }

    /** Static factory. */
    public static DocumentVariant of(VariantKind kind, List<DocumentPart> parts) {
        return new DocumentVariant(kind, parts);
    }
}

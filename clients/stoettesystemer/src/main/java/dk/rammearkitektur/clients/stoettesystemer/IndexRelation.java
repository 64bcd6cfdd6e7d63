package dk.rammearkitektur.clients.stoettesystemer;

import dk.rammearkitektur.model.Validity;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * One relation of an indexed object as an index returns it: of a case in the Sags- og Dokumentindeks, or of a grant or
 * payment in the Ydelsesindeks. Which list it is in (e.g. {@code Sagsaktoer}, {@code Sagspart}, {@code Journalpost},
 * {@code Bevillingspart}, {@code Aktoer}), its role and object type (Klasse UUIDs, with the role's key when
 * {@link IndexClasses} or {@link BenefitIndexClasses} knows it), its index, what it points at (a UUID or a URN such as
 * {@code urn:oio:cpr-nr:…}) and its validity (virkning).
 *
 * @param kind the relation list element's name
 * @param role the role's Klasse UUID, or null when the reply has none
 * @param roleName the role's key (e.g. {@code Primær part}), or null when unknown
 * @param type the object type's Klasse UUID, or null when the reply has none
 * @param index the relation's index (Indeks), or null
 * @param reference the UUID or URN the relation points at
 * @param validity when the relation holds
 */
public record IndexRelation(String kind, UUID role, String roleName, UUID type, String index, String reference,
        Validity validity) {
    /** Checks that kind, reference and validity are set. */
    public IndexRelation {
        Objects.requireNonNull(kind, "kind == null");
        Objects.requireNonNull(reference, "reference == null");
        Objects.requireNonNull(validity, "validity == null");
    }

    /** The role's key, if known. */
    public Optional<String> roleKey() {
        return Optional.ofNullable(roleName);
    }

    /** The relations of {@code relations} with the role {@code roleName}. */
    static java.util.List<IndexRelation> withRole(java.util.List<IndexRelation> relations, String roleName) {
        return relations.stream().filter(r -> roleName.equals(r.roleName())).toList();
    }

    /** Masks a CPR number in a party URN, as everywhere in the SDK. */
    @Override
    public String toString() {
        String shown = dk.rammearkitektur.core.PersonalData.maskCprNumbers(reference);
        return "IndexRelation[" + kind + ", " + (roleName != null ? roleName : role) + ", " + shown + ", "
                + validity + "]";
    }
}

package dk.rammearkitektur.clients.stoettesystemer;

/**
 * The facets a fagsystem resolves classes in: the KLE subject plan (emneplan, keys such as {@code 32.18.02}), the
 * KLE action facet (handlingsfacet, keys such as {@code G01}) and the indexes' vocabulary of relation roles and object
 * types (keys such as {@code Ejer} or {@code OrgEnhed}, see {@link IndexClasses}). KOMBIT's samples name them "KLE Emneplan" and
 * "KLE - handlingsfacet" (kombit/kosdy_infrastructureSamples-java, {@code client.properties}).
 */
public enum Facet {
    /** KLE subjects (emner): {@code dd}, {@code dd.dd} or {@code dd.dd.dd}. */
    KLE_SUBJECT,
    /** KLE action facets (handlingsfacetter): a capital letter and two digits, such as {@code G01}. */
    ACTION_FACET,
    /** The indexes' relation roles and object types: keys of 1 to 50 characters, such as {@code Primær part}. */
    INDEX_VOCABULARY
}

package dk.rammearkitektur.clients.stoettesystemer;

/**
 * The two KLE facets a fagsystem resolves classes in: the subject plan (emneplan, keys such as {@code 32.18.02}) and
 * the action facet (handlingsfacet, keys such as {@code G01}). KOMBIT's samples name them "KLE Emneplan" and
 * "KLE - handlingsfacet" (kombit/kosdy_infrastructureSamples-java, {@code client.properties}).
 */
public enum Facet {
    /** KLE subjects (emner): {@code dd}, {@code dd.dd} or {@code dd.dd.dd}. */
    KLE_SUBJECT,
    /** KLE action facets (handlingsfacetter): a capital letter and two digits, such as {@code G01}. */
    ACTION_FACET
}

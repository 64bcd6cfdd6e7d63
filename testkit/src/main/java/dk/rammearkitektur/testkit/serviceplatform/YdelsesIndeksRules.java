package dk.rammearkitektur.testkit.serviceplatform;

/**
 * The rules the simulated Ydelsesindeks 6 (SF1490) enforces, by stable rule id, and the StatusKode values it answers
 * with. A broken rule is recorded as a {@link ConformanceViolation} whose {@code code} is the rule id, and the object
 * is refused (in strict and lenient mode alike) with its UnikRetur (fremsoeg and fjern: the StandardRetur) carrying the
 * status code and a FejlbeskedTekst that starts with the rule id and names the element. An importer or opdater that
 * breaks any rule changes nothing (the simulator's choice: requests are atomic; the objects of such a request that broke
 * no rule are answered with {@link #INVALID} and {@link #ATOMIC}).
 *
 * <p>Sources, abbreviated as in the SDK's research note: [X] the published contract
 * ({@code sf1490-ydelsesindeks-6/xsd/6.0.STS-0}); [V] KOMBIT's general guide for both indexes
 * ({@code generelt-vejledning-anvisninger.md}, §6.1.1, §9.1, §9.3, §11, §12.3, §12.4); [A-OEF] KOMBIT's
 * "Anvendelse af Økonomisk Effektueringsobjektet i Ydelsesindekset" v2.3 (cited, not copied; not in the shared
 * folder); [S] KOMBIT's Ydelse sample ({@code kosdy_infrastructureSamplesYdelse-java}: a sample, not a rule); [SDK] the
 * SDK's own choice. KOMBIT publishes no anvisning for the Bevilling object, so every Bevilling occurrence and role rule
 * is the SDK's reading of [X], [V] and [S]. The published contract gives StatusKode no meaning beyond 20 = OK; 40, 44
 * and 49 are the simulator's choice, as for the Sags- og Dokumentindeks ({@link SagDokumentIndeksRules}). Tests relax
 * a rule with {@link YdelsesIndeksData#relax}.
 */
public final class YdelsesIndeksRules {
    /** StatusKode: accepted. */
    public static final int OK = 20;
    /** StatusKode: the request breaks a rule (simulator's choice). */
    public static final int INVALID = 40;
    /** StatusKode: the object to change or remove is not in the index (simulator's choice). */
    public static final int NOT_FOUND = 44;
    /**
     * StatusKode: a conflict: the token's organisation does not own the object, the object is already imported, or a
     * grant to remove still has payments (simulator's choice).
     */
    public static final int CONFLICT = 49;

    /**
     * Every imported Registrering carries Tidspunkt, BrugerRef and LivscyklusKode {@code Importeret}, and all
     * registrations of one object the same BrugerRef ([A-OEF] 3.2; Bevilling by analogy [SDK]).
     */
    public static final String REGISTRATION = "YDI-REGISTRERING";
    /** An opdater element carries {@code yi:Tidspunkt} ([X]: required; [A-OEF] OB2). */
    public static final String TIDSPUNKT = "YDI-TIDSPUNKT";
    /**
     * A Virkning is missing (Egenskaber, relations), or its FraTidspunkt is not the Registrering's Tidspunkt (opdater:
     * {@code yi:Tidspunkt}), or its TilTidspunkt is not GraenseIndikator {@code true}: the index keeps no double
     * history ([A-OEF] changelog 2.0 and every Virkning row; Bevilling the same [SDK]; [V] §11).
     */
    public static final String VIRKNING = "YDI-VIRKNING";
    /** A Virkning lacks AktoerRef or has an AktoerTypeKode other than Bruger or ItSystem ([A-OEF], [V]). */
    public static final String VIRKNING_ACTOR = "YDI-VIRKNING-AKTOER";
    /** A relation (with or without Virkning) lacks Rolle, Type or ReferenceID ([V] §9.1, §9.3). */
    public static final String RELATION_FIELDS = "YDI-REL-FIELDS";
    /** Rolle is not a role class (facet Relationsrolle) in Klassifikation ([V] §6.1.1). */
    public static final String ROLE_UNKNOWN = "YDI-ROLE-UNKNOWN";
    /** Rolle is a role class, but not one of this relation element (e.g. Ejer as a Bevillingspart). */
    public static final String ROLE_RELATION = "YDI-ROLE-RELATION";
    /** Type is not an object-type class (facet Objekttype) in Klassifikation ([V] §6.1.1). */
    public static final String TYPE_UNKNOWN = "YDI-TYPE-UNKNOWN";
    /** Type is an object type the role does not allow (e.g. Person for Ejer). */
    public static final String TYPE_ROLE = "YDI-TYPE-ROLE";
    /**
     * Indeks given for a role with at most one relation, missing for one with many (DelAf, Adgang), or used twice
     * ([A-OEF] 3.4-3.7; Bevilling [SDK]).
     */
    public static final String INDEKS = "YDI-INDEKS";
    /**
     * More or fewer relations with a role than allowed. Payment ([A-OEF]): DelAf 1..n, Aktoer Ejer 1, Udbetalende enhed
     * 1, ItSystem Master 1 and Afsender 1, OekonomiskEffektueringPart Effektueringsmodtager 1. Grant [SDK]:
     * Bevillingsaktoer Ejer 1 and Ansvarlig 0..1, Bevillingspart Ydelsesmodtager 1 and Bevillingsmodtager 0..1,
     * Bevillingssag Tilknyttet 0..1, Sikkerhedsprofil Adgang 0..n; in a BevilgetYdelse ItSystem Master 1 and Afsender
     * 0..1.
     */
    public static final String OCCURS = "YDI-OCCURS";
    /**
     * A ReferenceID of the wrong form: a Person is urn:oio:cpr-nr:&lt;10&gt;, urn:oio:us:personid:&lt;7&gt;,
     * urn:oio:udk:borgerid:&lt;12&gt; or urn:oio:fuldtnavn:&lt;name&gt;; a Virksomhed urn:oio:cvr-nr:&lt;8&gt;,
     * urn:oio:pnr:&lt;10&gt; or urn:oio:fuldtnavn:&lt;name&gt;; an Organisation a UUID or urn:oio:cvr-nr:&lt;8&gt;; an
     * OrgEnhed a UUID or urn:oio:&lt;org&gt;:&lt;idtype&gt;:&lt;id&gt;; IT systems, classes, cases and payments by UUID
     * ([A-OEF] 3.5, 3.7; [V] §9.1).
     */
    public static final String REF_URN = "YDI-REF-URN";
    /**
     * A ReferenceID that does not resolve: an OrgEnhed not of the token's organisation, an IT system the simulator does
     * not know (the IT systems of {@link SagDokumentIndeksData#itSystem}), a Klasse not in Klassifikation (the
     * granted benefit's Klassifikation: not a KLE subject) [SDK].
     */
    public static final String REF_RESOLVE = "YDI-REF-RESOLVE";
    /**
     * A payment's Egenskaber lack one of BrugervendtNoegle, Startdato, Slutdato, SamletBruttobeloeb, Dispositionsdato,
     * BeloebEfterSkatATP, BeloebSendtTilUdbetaling, Udbetalingsafdeling, or Udbetalingsafdeling is not the FuldtNavn of
     * the Aktoer 'Udbetalende enhed' ([A-OEF] 3.3).
     */
    public static final String OEF_PROPERTIES = "YDI-OEF-EGENSKABER";
    /**
     * SendtTilUdbetalingTekst is required when BeloebEfterSkatATP differs from BeloebSendtTilUdbetaling, UdbetaltTekst
     * when BeloebUdbetalt is given and differs from BeloebSendtTilUdbetaling ([A-OEF] 3.3).
     */
    public static final String OEF_TEXT = "YDI-OEF-TEKST";
    /**
     * A payment needs a DelAf relation whose ReferenceID is its own UUID, with YdelsesperiodeStartdato/Slutdato,
     * Ydelsesbeloeb, Klassifikationsbeskrivelse (a KLE number dd.dd.dd) and BevilgetYdelseRef ([A-OEF] 3.4).
     */
    public static final String OEF_DELAF = "YDI-OEF-DELAF";
    /** SamletBruttobeloeb is the sum of the DelAf lines' Ydelsesbeloeb ([A-OEF] 3.3's definition, checked [SDK]). */
    public static final String OEF_SUM = "YDI-OEF-SUM";
    /**
     * A DelAf's BevilgetYdelseRef names a grant in the index or in the same importer call, and one of that grant's
     * BevilgetYdelse Ids ([A-OEF] 3.4 "skal være identisk med"; [V] §12.4).
     */
    public static final String OEF_GRANT_REF = "YDI-OEF-BEVREF";
    /**
     * Dataafgrænsning of a grant: a Bevillingsaktoer Ejer with CVR-nr, Egenskaber with Foelsomhed, and at least one
     * BevilgetYdelse whose Ydelse/Klassifikation has the KLE number (BrugervendtNoegle) of its KLE subject class
     * ([V] §12.3).
     */
    public static final String GRANT_SCOPE = "YDI-BEV-DATAAFGR";
    /**
     * Each BevilgetYdelse has an Id (unique in the grant), Navn, BevilgetYdelseStartdato, a Ydelse with Ydelsesnavn,
     * and an ItSystem Master (Afsender optional) with SystemNavn ([S] comments, [X]; [SDK]).
     */
    public static final String GRANT_BENEFIT = "YDI-BEV-YDELSE";
    /** The Master IT system of a grant or payment never changes (SF1470's rule; [A-OEF] "må ikke fjernes"; [SDK]). */
    public static final String MASTER_FIXED = "YDI-MASTER-FIXED";
    /**
     * The token's CVR owns what it writes, reads and removes: the Ejer of a grant or payment is the organisation of the
     * token's CVR (its UUID, or urn:oio:cvr-nr:&lt;cvr&gt;); answered with {@link #CONFLICT} [SDK, as SDI-CVR-OWNER].
     */
    public static final String CVR_OWNER = "YDI-CVR-OWNER";
    /** opdater or fjern of a UUID the index does not hold as that kind of object ({@link #NOT_FOUND}). */
    public static final String NOT_FOUND_RULE = "YDI-NOT-FOUND";
    /** importer of a UUID the index already holds ({@link #CONFLICT}, "already imported"; use opdater) [SDK]. */
    public static final String EXISTS = "YDI-EXISTS";
    /** fjern of a grant that still has payments in the index ({@link #CONFLICT}: remove its payments first) [SDK]. */
    public static final String HAS_PAYMENTS = "YDI-HAS-PAYMENTS";
    /** A request element the simulator cannot read: a UUID that is no UUID, an element of another namespace. */
    public static final String INPUT = "YDI-INPUT";
    /** Not a rule: the text of an object that broke no rule but was not stored because another object did. */
    public static final String ATOMIC = "YDI-ATOMIC";

    private YdelsesIndeksRules() {
    }
}

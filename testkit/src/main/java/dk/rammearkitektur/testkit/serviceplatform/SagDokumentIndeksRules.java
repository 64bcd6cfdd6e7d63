package dk.rammearkitektur.testkit.serviceplatform;

/**
 * The rules the simulated Sags- og Dokumentindeks (SF1470) enforces, by stable rule id, and the StatusKode values it
 * answers with. A broken rule is recorded as a {@link ConformanceViolation} whose {@code code} is the rule id, and
 * the request is refused (in strict and lenient mode alike: these are the service's own checks, not the platform's)
 * with the object's UnikRetur (or, for {@code fremsoeg}, the StandardRetur) carrying the status code and a
 * FejlbeskedTekst that starts with the rule id. A request that breaks any rule changes nothing (the simulator's
 * choice: requests are atomic; the objects of such a request that broke no rule are answered with
 * {@link #ATOMIC}).
 *
 * <p>The published contract gives StatusKode no meaning beyond 20 = OK (SagDokObjekt.xsd types it as an integer; the
 * anvisninger name no codes), so {@link #INVALID}, {@link #NOT_FOUND} and {@link #NOT_PERMITTED} are the simulator's
 * choice, in the style of HTTP's 400/404/403 as the other simulated støttesystemer answer.
 *
 * <p>The rule sources are KOMBIT's anvisninger for the Sag and Dokument objects (occurrences, [OB1] mandatory at
 * import, Indeks "MÅ IKKE UDFYLDES" for roles with at most one relation and required for the others (and for
 * Afgørelsesklasse, "af tekniske årsager"), the allowed
 * object types per role), the general usage patterns (AM-01, AM-02, AM-04) and section 9 of the general guide
 * (ReferenceID, Rolle and Type on every relation); the role and object-type classes are identified as the SDK's
 * vocabulary agreement says (see {@link KlassifikationData#ROLE_FACET}). KOMBIT's guide warns that the real index
 * enforces few of these rules (it names only the fixed Master IT system); the simulator is deliberately stricter, so
 * that a client that passes it follows the anvisninger. {@link #CVR_OWNER} is the SDK's rule, not the anvisninger's
 * (they regulate who may read, not who may write). Tests relax a rule with {@link SagDokumentIndeksData#relax}.
 */
public final class SagDokumentIndeksRules {
    /** StatusKode: accepted. */
    public static final int OK = 20;
    /** StatusKode: the request breaks a rule (simulator's choice). */
    public static final int INVALID = 40;
    /** StatusKode: the object to change or remove is not in the index (simulator's choice). */
    public static final int NOT_FOUND = 44;
    /** StatusKode: the token's organisation does not own the object (simulator's choice). */
    public static final int NOT_PERMITTED = 49;

    /**
     * Prefix of the mandatory-relation rules: {@code SDI-OB1-} plus the role name in capitals without spaces, æ/ø/å
     * as AE/OE/AA ({@code SDI-OB1-EJER}, {@code SDI-OB1-ANSVARLIG}, {@code SDI-OB1-PRIMAERKLASSE},
     * {@code SDI-OB1-HANDLINGSKLASSE}, {@code SDI-OB1-MASTER}, {@code SDI-OB1-AFSENDER}): an import lacks a valid
     * relation with a role the anvisninger mark [OB1] with 1 occurrence.
     */
    public static final String OB1_PREFIX = "SDI-OB1-";
    /** An imported case has no Fremdrift (FremdriftStatusKode is [OB1]). */
    public static final String OB1_FREMDRIFT = "SDI-OB1-FREMDRIFT";
    /** The Primær klasse relation of a case lacks SagsklasseLokalUdvidelse/BrugervendtNoegle = the KLE number. */
    public static final String OB1_KLE_KEY = "SDI-OB1-BRUGERVENDTNOEGLE";
    /** An IT-system relation (Master, Afsender) lacks SystemNavn ([OB1]). */
    public static final String OB1_SYSTEM_NAME = "SDI-OB1-SYSTEMNAVN";
    /**
     * An imported Registrering lacks Tidspunkt (OB2), BrugerRef (OB1) or LivscyklusKode {@code Importeret} (OB1, "udfyldes
     * altid med 'Importeret'", also on opdater when given).
     */
    public static final String REGISTRATION = "SDI-REGISTRERING";
    /**
     * Egenskaber at import (or when an opdater sends Egenskaber) lack BrugervendtNoegle, Sagsnummer and Titel (a case)
     * or BrugervendtNoegle, Dokumentnummer, Titel and Type (a document) (OB1).
     */
    public static final String OB1_PROPERTIES = "SDI-OB1-EGENSKABER";
    /** An imported case lacks SagIndeksEgenskaber/Foelsomhed, a document Egenskaber/Foelsomhed (OB1, dataafgrænsning). */
    public static final String OB1_SENSITIVITY = "SDI-OB1-FOELSOMHED";
    /**
     * The Master IT system of a case or document cannot change ("Det håndhæves af Sags- og Dokumentindekset, at det
     * altid er samme master system, der står bag en opdatering"): a re-import or opdater names another Master.
     */
    public static final String MASTER_FIXED = "SDI-MASTER-FIXED";
    /**
     * Ejer, Ansvarlig, Primær behandler and Primær klasse may have no gap: a relation with these roles ends only where
     * another with the same role starts.
     */
    public static final String NO_GAP = "SDI-NO-GAP";
    /** An opdater would leave a mandatory role without a relation valid to infinity (AM-02: only optional relations may end). */
    public static final String OB1_REMOVE = "SDI-OB1-REMOVE";
    /** More relations with a role than the anvisninger allow at the same time (e.g. two Ejer). */
    public static final String OCCURS = "SDI-OCCURS";
    /** A relation lacks ReferenceID, Rolle or Type (general guide 9.1, 9.3). */
    public static final String RELATION_FIELDS = "SDI-REL-FIELDS";
    /** Rolle is not a role class (facet Relationsrolle) in Klassifikation. */
    public static final String ROLE_UNKNOWN = "SDI-ROLE-UNKNOWN";
    /** Rolle is a role class, but not one of this relation type (e.g. Ejer as a Sagspart). */
    public static final String ROLE_RELATION = "SDI-ROLE-RELATION";
    /** Type is not an object-type class (facet Objekttype) in Klassifikation. */
    public static final String TYPE_UNKNOWN = "SDI-TYPE-UNKNOWN";
    /** Type is an object type the role does not allow (e.g. Bruger for Ejer). */
    public static final String TYPE_ROLE = "SDI-TYPE-ROLE";
    /** Indeks given for a role with at most one relation, missing for a role with many, or a key used twice. */
    public static final String INDEKS = "SDI-INDEKS";
    /**
     * A ReferenceID that does not resolve: a Klasse not in Klassifikation (or not a KLE subject / action facet for
     * Primær klasse / Handlingsklasse of a case), an OrgEnhed or Bruger not in the token's organisation, an IT system
     * not known, a Sag or Dokument in neither the index nor the request.
     */
    public static final String REF_RESOLVE = "SDI-REF-RESOLVE";
    /**
     * A URN of the wrong form: a Person is urn:oio:cpr-nr:&lt;10 digits&gt;, urn:oio:us:personid:&lt;7&gt;,
     * urn:oio:udk:borgerid:&lt;12&gt; or urn:oio:fuldtnavn:&lt;name&gt;; a Virksomhed urn:oio:cvr-nr:&lt;8&gt;,
     * urn:oio:pnr:&lt;10&gt; or urn:oio:fuldtnavn:&lt;name&gt;; an Organisation a UUID or urn:oio:cvr-nr:&lt;8&gt;; an
     * OrgEnhed or Bruger a UUID or urn:oio:&lt;org&gt;:&lt;idtype&gt;:&lt;id&gt;; a Journalnotat's ReferenceID is
     * {@code URN:Empty}; a Sikkerhedsprofil (role Adgang) refers by UUID only.
     */
    public static final String REF_URN = "SDI-REF-URN";
    /** A Virkning is missing, starts at infinity, has no TilTidspunkt, or does not start before it ends. */
    public static final String VIRKNING = "SDI-VIRKNING";
    /**
     * A Virkning lacks AktoerRef or has an AktoerTypeKode other than Bruger or ItSystem (OB5: "Obligatorisk hvis data er
     * tilføjet eller ændret"; the XSD's other values are for data from before 2020).
     */
    public static final String VIRKNING_ACTOR = "SDI-VIRKNING-AKTOER";
    /**
     * AM-01: an imported case's Fremdrift history must start with Opstaaet, be contiguous (each state starts where the
     * previous ends), have only the last state open-ended and follow Opstaaet, Oplyst, Afgjort, Afsluttet in order;
     * an opdater must leave a contiguous history. A document's history must be contiguous with only the last open.
     */
    public static final String AM01_HISTORY = "SDI-AM01-HISTORY";
    /**
     * The token's CVR must own what it changes: the Ejer of an import (or the new Ejer of an opdater) is the
     * organisation of the token's CVR (its UUID, or urn:oio:cvr-nr:&lt;cvr&gt;), and opdater and fjern only touch
     * objects whose Ejer is that organisation (answered with {@link #NOT_PERMITTED}).
     */
    public static final String CVR_OWNER = "SDI-CVR-OWNER";
    /** opdater or fjern of a UUID the index does not hold as that kind of object (answered with {@link #NOT_FOUND}). */
    public static final String NOT_FOUND_RULE = "SDI-NOT-FOUND";
    /** A request element the simulator cannot read: a UUID that is no UUID, an import of a Sag UUID as a Dokument. */
    public static final String INPUT = "SDI-INPUT";
    /** Not a rule: the text of an object that broke no rule but was not stored because another object did. */
    public static final String ATOMIC = "SDI-ATOMIC";

    private SagDokumentIndeksRules() {
    }

    /** The [OB1] rule id of a role, e.g. {@code SDI-OB1-PRIMAERKLASSE} for "Primær klasse". */
    public static String mandatory(String roleName) {
        return OB1_PREFIX + roleName.toUpperCase(java.util.Locale.ROOT).replace("Æ", "AE").replace("Ø", "OE")
                .replace("Å", "AA").replace(" ", "").replace("-", "");
    }
}

package dk.rammearkitektur.clients.serviceplatform;

/** Civil status (civilstand) as the CPR register codes it. */
public enum CivilStatus {
    /** U: unmarried (ugift). */
    UNMARRIED("U"),
    /** G: married (gift). */
    MARRIED("G"),
    /** F: divorced (fraskilt). */
    DIVORCED("F"),
    /** E: widowed (enke/enkemand). */
    WIDOWED("E"),
    /** P: registered partnership (registreret partnerskab). */
    REGISTERED_PARTNERSHIP("P"),
    /** O: dissolved partnership (ophævet partnerskab). */
    DISSOLVED_PARTNERSHIP("O"),
    /** L: surviving partner (længstlevende partner). */
    SURVIVING_PARTNER("L"),
    /** D: dead (død). */
    DEAD("D");

    private final String code;

    CivilStatus(String code) {
        this.code = code;
    }

    /** The register's one-letter code. */
    public String code() {
        return code;
    }

    /** Maps a one-letter code; unknown codes throw {@link IllegalArgumentException}. */
    public static CivilStatus fromCode(String code) {
        for (CivilStatus s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown civil status code " + code);
    }
}

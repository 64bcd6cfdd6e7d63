package dk.rammearkitektur.clients.serviceplatform;

/** A person's status in the CPR register (status), grouped from the register's numeric codes. */
public enum PersonStatus {
    /** Alive with a residence in Denmark or Greenland (codes 1, 3, 5, 7). */
    ACTIVE,
    /** Has a CPR number for tax reasons but no residence (code 20). */
    NO_RESIDENCE,
    /** The CPR number was annulled, deleted or replaced (codes 30, 50, 60). */
    CPR_NUMBER_INVALID,
    /** Missing (forsvundet, code 70). */
    MISSING,
    /** Emigrated (udrejst, code 80). */
    EMIGRATED,
    /** Dead (død, code 90). */
    DEAD;

    /** Maps a CPR status code; unknown codes throw {@link IllegalArgumentException}. */
    public static PersonStatus fromCode(int code) {
        switch (code) {
            case 1: case 3: case 5: case 7:
                return ACTIVE;
            case 20:
                return NO_RESIDENCE;
            case 30: case 50: case 60:
                return CPR_NUMBER_INVALID;
            case 70:
                return MISSING;
            case 80:
                return EMIGRATED;
            case 90:
                return DEAD;
            default:
                throw new IllegalArgumentException("unknown CPR status code " + code);
        }
    }
}

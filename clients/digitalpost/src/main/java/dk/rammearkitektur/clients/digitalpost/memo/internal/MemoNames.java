package dk.rammearkitektur.clients.digitalpost.memo.internal;

import dk.rammearkitektur.clients.digitalpost.memo.Education;
/** Namespaces and prefixes of MeMo on the wire. */
public final class MemoNames {
    /** The MeMo namespace, for 1.1 and 1.2 alike. */
    public static final String MEMO = "https://DigitalPost.dk/MeMo-1";
    /** Basic data (grunddata). */
    public static final String GRD = "https://data.gov.dk/model/core/";
    /** Motor register. */
    public static final String DMV = "https://motorregister.skat.dk/";
    /** KLE classification. */
    public static final String KLE = "http://kle-online.dk/";
    /** FORM classification. */
    public static final String FORM = "http://www.form-online.dk/";
    /** GS1 location numbers. */
    public static final String GLN = "https://www.gs1.dk/gs1-standarder/identifikation/gln-global-location-number/";
    /** SOR health-care register. */
    public static final String SOR = "https://services.nsi.dk/en/Services/SOR";
    /** Education register. */
    public static final String UDD = "https://www.dst.dk/da/TilSalg/Forskningsservice/Dokumentation/hoejkvalitetsvariable/elevregister-2/udd#";

    /** Prefix and namespace pairs declared on the root element; the platform expects exactly {@code memo}. */
    static final String[][] DECLARED = {
        {"memo", MEMO}, {"grd", GRD}, {"dmv", DMV}, {"kle", KLE}, {"form", FORM}, {"gln", GLN}, {"sor", SOR}, {"udd", UDD},
    };

    private MemoNames() {
    }

    /** The prefix this SDK writes for {@code namespace}. */
    static String prefix(String namespace) {
        for (String[] d : DECLARED) {
            if (d[1].equals(namespace)) {
                return d[0];
            }
        }
        throw new IllegalArgumentException("not a MeMo namespace: " + namespace);
    }
}

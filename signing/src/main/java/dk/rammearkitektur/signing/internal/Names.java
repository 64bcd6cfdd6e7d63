package dk.rammearkitektur.signing.internal;

import dk.rammearkitektur.core.PersonalData;
import java.security.cert.X509Certificate;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/** Readable, CPR-masked distinguished names for messages and logs. */
public final class Names {
    private static final Map<String, String> OIDS = Map.of("2.5.4.5", "SERIALNUMBER", "2.5.4.97", "organizationIdentifier");

    private Names() {
    }

    /** The subject of a certificate, readable and masked. */
    public static String subject(X509Certificate c) {
        return display(c.getSubjectX500Principal());
    }

    /** A principal, readable and masked. */
    public static String display(X500Principal p) {
        return PersonalData.maskCprNumbers(p.getName(X500Principal.RFC2253, OIDS));
    }
}

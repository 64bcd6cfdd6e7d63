package dk.rammearkitektur.signing;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.x500.AttributeTypeAndValue;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;

/**
 * Who an OCES certificate (OCES-certifikat) identifies, read from the subject's RDNs with Bouncy Castle (never by
 * pattern-matching the DN string).
 *
 * <ul>
 *   <li>OCES3 (Den Danske Stat): {@code serialNumber} {@code UI:DK-O:G:<uuid>} (organisation/system) or
 *       {@code UI:DK-E:G:<uuid>} (employee), CVR from {@code organizationIdentifier} {@code NTRDK-<cvr>};
 *       {@code UI:DK-P:G:<uuid>} (person, no CVR).</li>
 *   <li>OCES2 (TRUST2408): {@code serialNumber} {@code CVR:<cvr>-FID:<n>} (system, FOCES), {@code -UID:<n>}
 *       (organisation, VOCES), {@code -RID:<n>} (employee, MOCES), or {@code PID:<n>} (person, POCES).</li>
 * </ul>
 * Any other layout is refused with a {@link ValidationException}; nothing is guessed. Start with {@link #of(X509Certificate)}.
 */
public final class OcesIdentity {
    /** organizationIdentifier (2.5.4.97). */
    static final ASN1ObjectIdentifier ORGANIZATION_IDENTIFIER = new ASN1ObjectIdentifier("2.5.4.97");

    /** The OCES generation. */
    public enum Generation {
        /** OCES2, issued under TRUST2408 (Nets DanID). */
        OCES2,
        /** OCES3, issued by Den Danske Stat (MitID Erhverv). */
        OCES3
    }

    /** What kind of holder the certificate identifies. */
    public enum Kind {
        /** A system (funktionscertifikat, OCES2 FOCES). */
        SYSTEM,
        /** An organisation (virksomhedscertifikat / OCES3 organisationscertifikat, also used by systems). */
        ORGANISATION,
        /** An employee (medarbejdercertifikat). */
        EMPLOYEE,
        /** A private person (personcertifikat). */
        PERSON
    }

    private final Generation generation;
    private final Kind kind;
    private final String cvr;
    private final UUID uuid;
    private final String identifier;
    private final String serialNumber;
    private final String commonName;
    private final String organisation;
    private final String subject;

    private OcesIdentity(Generation generation, Kind kind, String cvr, UUID uuid, String identifier, String serialNumber,
            String commonName, String organisation, String subject) {
        this.generation = generation;
        this.kind = kind;
        this.cvr = cvr;
        this.uuid = uuid;
        this.identifier = identifier;
        this.serialNumber = serialNumber;
        this.commonName = commonName;
        this.organisation = organisation;
        this.subject = subject;
    }

    /** The identity of a certificate's subject; {@link ValidationException} for a layout that is not OCES2/OCES3. */
    public static OcesIdentity of(X509Certificate certificate) {
        Objects.requireNonNull(certificate, "certificate == null");
        return of(X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()));
    }

    /** The identity of a subject name; {@link ValidationException} for a layout that is not OCES2/OCES3. */
    public static OcesIdentity of(X500Name subject) {
        Objects.requireNonNull(subject, "subject == null");
        String serial = single(subject, BCStyle.SERIALNUMBER, "serialNumber");
        String cn = single(subject, BCStyle.CN, "commonName");
        String org = optionalSingle(subject, BCStyle.O, "organizationName");
        String orgId = optionalSingle(subject, ORGANIZATION_IDENTIFIER, "organizationIdentifier");
        String dn = subject.toString();
        if (serial.startsWith("UI:DK-")) {
            return oces3(serial, cn, org, orgId, dn);
        }
        if (serial.startsWith("CVR:") || serial.startsWith("PID:")) {
            return oces2(serial, cn, org, dn);
        }
        throw new ValidationException("certificate.subject.serialNumber",
                "must be an OCES3 (UI:DK-O:G:, UI:DK-E:G:, UI:DK-P:G: + uuid) or OCES2 (CVR:<cvr>-FID:/UID:/RID:<n>, PID:<n>) serial number");
    }

    private static OcesIdentity oces3(String serial, String cn, String org, String orgId, String dn) {
        Kind kind;
        if (serial.startsWith("UI:DK-O:G:")) {
            kind = Kind.ORGANISATION;
        } else if (serial.startsWith("UI:DK-E:G:")) {
            kind = Kind.EMPLOYEE;
        } else if (serial.startsWith("UI:DK-P:G:")) {
            kind = Kind.PERSON;
        } else {
            throw new ValidationException("certificate.subject.serialNumber",
                    "must start with UI:DK-O:G: (organisation), UI:DK-E:G: (employee) or UI:DK-P:G: (person) in an OCES3"
                            + " certificate");
        }
        UUID uuid = uuid(serial.substring("UI:DK-O:G:".length()));
        if (kind == Kind.PERSON) {
            return new OcesIdentity(Generation.OCES3, kind, null, uuid, uuid.toString(), serial, cn, org, dn);
        }
        if (orgId == null) {
            throw new ValidationException("certificate.subject.organizationIdentifier", "must be present (NTRDK-<cvr>)");
        }
        if (!orgId.startsWith("NTRDK-")) {
            throw new ValidationException("certificate.subject.organizationIdentifier", "must have the form NTRDK-<cvr>");
        }
        String cvr = cvr(orgId.substring("NTRDK-".length()), "certificate.subject.organizationIdentifier");
        return new OcesIdentity(Generation.OCES3, kind, cvr, uuid, uuid.toString(), serial, cn, org, dn);
    }

    private static OcesIdentity oces2(String serial, String cn, String org, String dn) {
        String path = "certificate.subject.serialNumber";
        if (serial.startsWith("PID:")) {
            String id = serial.substring(4);
            if (id.isEmpty() || id.length() > 40 || !id.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '-')) {
                throw new ValidationException(path, "must have the form PID:<digits and hyphens>");
            }
            return new OcesIdentity(Generation.OCES2, Kind.PERSON, null, null, id, serial, cn, org, dn);
        }
        int dash = serial.indexOf('-');
        if (dash != 4 + 8 || serial.length() < dash + 6 || serial.charAt(dash + 4) != ':') {
            throw new ValidationException(path, "must have the form CVR:<8 digits>-FID:|UID:|RID:<digits>");
        }
        String cvr = cvr(serial.substring(4, dash), path);
        String tag = serial.substring(dash + 1, dash + 4);
        Kind kind = switch (tag) {
            case "FID" -> Kind.SYSTEM;
            case "UID" -> Kind.ORGANISATION;
            case "RID" -> Kind.EMPLOYEE;
            default -> throw new ValidationException(path, "must use FID, UID or RID after the CVR number, was " + tag);
        };
        String id = digits(serial.substring(dash + 5), path);
        if (org != null && org.contains("// CVR:")) {
            String orgCvr = org.substring(org.lastIndexOf("// CVR:") + "// CVR:".length()).trim();
            if (!orgCvr.equals(cvr)) {
                throw new ValidationException("certificate.subject.organizationName",
                        "names CVR " + orgCvr + " but serialNumber names " + cvr);
            }
            org = org.substring(0, org.lastIndexOf("// CVR:")).trim();
        }
        return new OcesIdentity(Generation.OCES2, kind, cvr, null, id, serial, cn, org, dn);
    }

    private static String single(X500Name name, ASN1ObjectIdentifier oid, String field) {
        String v = optionalSingle(name, oid, field);
        if (v == null) {
            throw new ValidationException("certificate.subject." + field, "must be present");
        }
        return v;
    }

    private static String optionalSingle(X500Name name, ASN1ObjectIdentifier oid, String field) {
        List<String> values = new ArrayList<>();
        for (RDN rdn : name.getRDNs()) {
            for (AttributeTypeAndValue atv : rdn.getTypesAndValues()) {
                if (atv.getType().equals(oid)) {
                    if (!(atv.getValue() instanceof ASN1String s)) {
                        throw new ValidationException("certificate.subject." + field, "must be a string");
                    }
                    values.add(s.getString());
                }
            }
        }
        if (values.size() > 1) {
            throw new ValidationException("certificate.subject." + field, "must occur at most once");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static UUID uuid(String s) {
        try {
            UUID u = UUID.fromString(s);
            if (u.toString().equals(s.toLowerCase(Locale.ROOT))) {
                return u;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ValidationException("certificate.subject.serialNumber", "must end with a UUID (8-4-4-4-12 hex digits)");
    }

    private static String cvr(String s, String path) {
        if (s.length() != 8 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException(path, "must hold a CVR number of 8 digits");
        }
        return s;
    }

    private static String digits(String s, String path) {
        if (s.isEmpty() || s.length() > 20 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new ValidationException(path, "must end with 1 to 20 digits");
        }
        return s;
    }

    /** OCES2 or OCES3. */
    public Generation generation() {
        return generation;
    }

    /** System, organisation, employee or person. */
    public Kind kind() {
        return kind;
    }

    /** The CVR number (8 digits) of the organisation; empty for person certificates. */
    public Optional<String> cvr() {
        return Optional.ofNullable(cvr);
    }

    /** The OCES3 UUID from the serial number (what a service registers); empty for OCES2. */
    public Optional<UUID> uuid() {
        return Optional.ofNullable(uuid);
    }

    /** The holder's identifier: the OCES3 UUID, or the OCES2 FID/UID/RID/PID number. */
    public String identifier() {
        return identifier;
    }

    /** The raw subject serialNumber attribute. */
    public String serialNumber() {
        return serialNumber;
    }

    /** The subject's common name. */
    public String commonName() {
        return commonName;
    }

    /** The organisation name (OCES2: without the {@code // CVR:} suffix), if present. */
    public Optional<String> organisation() {
        return Optional.ofNullable(organisation);
    }

    /** The subject DN as text, for display. */
    public String subject() {
        return subject;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OcesIdentity other && subject.equals(other.subject) && generation == other.generation;
    }

    @Override
    public int hashCode() {
        return subject.hashCode();
    }

    @Override
    public String toString() {
        return PersonalData.maskCprNumbers("OcesIdentity[" + generation + " " + kind + (cvr == null ? "" : ", cvr=" + cvr)
                + ", id=" + identifier + ", cn=" + commonName + "]");
    }
}

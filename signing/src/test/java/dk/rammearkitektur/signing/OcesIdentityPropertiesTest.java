package dk.rammearkitektur.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.core.ValidationException;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.StringLength;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;

class OcesIdentityPropertiesTest {
    @Provide
    Arbitrary<String> cvrs() {
        return Arbitraries.strings().numeric().ofLength(8);
    }

    @Provide
    Arbitrary<String> names() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(' ', 'æ', 'ø', 'å', ',', '+', '=', '"').ofMinLength(1)
                .ofMaxLength(30).filter(s -> !s.isBlank());
    }

    @Property(tries = 200)
    void oces3SubjectsParseBack(@ForAll("cvrs") String cvr, @ForAll("names") String cn, @ForAll("names") String org,
            @ForAll boolean employee) {
        UUID uuid = UUID.randomUUID();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK")
                .addRDN(new ASN1ObjectIdentifier("2.5.4.97"), "NTRDK-" + cvr).addRDN(BCStyle.O, org)
                .addRDN(BCStyle.SERIALNUMBER, (employee ? "UI:DK-E:G:" : "UI:DK-O:G:") + uuid).addRDN(BCStyle.CN, cn).build();
        OcesIdentity id = OcesIdentity.of(name);
        assertEquals(OcesIdentity.Generation.OCES3, id.generation());
        assertEquals(employee ? OcesIdentity.Kind.EMPLOYEE : OcesIdentity.Kind.ORGANISATION, id.kind());
        assertEquals(cvr, id.cvr().orElseThrow());
        assertEquals(uuid, id.uuid().orElseThrow());
        assertEquals(cn, id.commonName());
        assertEquals(org, id.organisation().orElseThrow());
    }

    @Property(tries = 200)
    void oces2SubjectsParseBack(@ForAll("cvrs") String cvr, @ForAll("names") String cn,
            @ForAll("tags") String tag, @ForAll @StringLength(min = 1, max = 12) String digitsSeed) {
        String n = Integer.toString(Math.abs(digitsSeed.hashCode() % 100_000_000));
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "DK")
                .addRDN(BCStyle.O, "Kommune // CVR:" + cvr)
                .addMultiValuedRDN(new ASN1ObjectIdentifier[] {BCStyle.SERIALNUMBER, BCStyle.CN},
                        new String[] {"CVR:" + cvr + "-" + tag + ":" + n, cn})
                .build();
        OcesIdentity id = OcesIdentity.of(name);
        assertEquals(OcesIdentity.Generation.OCES2, id.generation());
        assertEquals(cvr, id.cvr().orElseThrow());
        assertEquals(n, id.identifier());
        assertEquals("Kommune", id.organisation().orElseThrow());
        assertEquals(switch (tag) {
            case "FID" -> OcesIdentity.Kind.SYSTEM;
            case "UID" -> OcesIdentity.Kind.ORGANISATION;
            default -> OcesIdentity.Kind.EMPLOYEE;
        }, id.kind());
    }

    @Provide
    Arbitrary<String> tags() {
        return Arbitraries.of("FID", "UID", "RID");
    }

    @Property(tries = 500)
    void arbitrarySerialNumbersNeverCrash(@ForAll @StringLength(max = 60) String serial, @ForAll("names") String cn) {
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, cn)
                .addRDN(BCStyle.SERIALNUMBER, new org.bouncycastle.asn1.DERUTF8String(serial)).build();
        try {
            OcesIdentity id = OcesIdentity.of(name);
            assertEquals(serial, id.serialNumber());
        } catch (ValidationException e) {
            assertEquals(1, e.violations().size());
        }
    }
}

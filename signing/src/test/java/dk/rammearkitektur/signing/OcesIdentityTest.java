package dk.rammearkitektur.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.testkit.pki.TestPki;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;

class OcesIdentityTest {
    private final TestPki pki = TestPki.generateFast(1);

    @Test
    void oces3Organisation() {
        OcesIdentity id = OcesIdentity.of(pki.oces3Organisation().certificate());
        assertEquals(OcesIdentity.Generation.OCES3, id.generation());
        assertEquals(OcesIdentity.Kind.ORGANISATION, id.kind());
        assertEquals(pki.cvr(), id.cvr().orElseThrow());
        assertTrue(id.uuid().isPresent());
        assertTrue(id.serialNumber().startsWith("UI:DK-O:G:"));
        assertEquals("Rammearkitektur Testsystem", id.commonName());
    }

    @Test
    void oces3Employee() {
        OcesIdentity id = OcesIdentity.of(pki.oces3Employee().certificate());
        assertEquals(OcesIdentity.Kind.EMPLOYEE, id.kind());
        assertEquals(id.uuid().orElseThrow().toString(), id.identifier());
    }

    @Test
    void oces2Kinds() {
        OcesIdentity sys = OcesIdentity.of(pki.oces2System().certificate());
        assertEquals(OcesIdentity.Generation.OCES2, sys.generation());
        assertEquals(OcesIdentity.Kind.SYSTEM, sys.kind());
        assertEquals(pki.cvr(), sys.cvr().orElseThrow());
        assertFalse(sys.uuid().isPresent());
        assertEquals("Rammearkitektur Testkommune", sys.organisation().orElseThrow());
        assertEquals(OcesIdentity.Kind.EMPLOYEE, OcesIdentity.of(pki.oces2Employee().certificate()).kind());
        assertEquals(OcesIdentity.Kind.ORGANISATION, OcesIdentity.of(pki.oces2Organisation().certificate()).kind());
    }

    @Test
    void oces2Person() {
        OcesIdentity p = OcesIdentity.of(new X500Name("C=DK,O=Ingen organisatorisk tilknytning,CN=Test Person+SERIALNUMBER=PID:9208-2002-2-123456789012"));
        assertEquals(OcesIdentity.Kind.PERSON, p.kind());
        assertFalse(p.cvr().isPresent());
    }

    @Test
    void personCertificatesFromTheTestPki() {
        OcesIdentity p3 = OcesIdentity.of(pki.oces3Person().certificate());
        assertEquals(OcesIdentity.Generation.OCES3, p3.generation());
        assertEquals(OcesIdentity.Kind.PERSON, p3.kind());
        assertFalse(p3.cvr().isPresent());
        assertTrue(p3.uuid().isPresent());
        OcesIdentity p2 = OcesIdentity.of(pki.oces2Person().certificate());
        assertEquals(OcesIdentity.Generation.OCES2, p2.generation());
        assertEquals(OcesIdentity.Kind.PERSON, p2.kind());
        assertTrue(p2.identifier().startsWith("9208-2002-2-"), p2.identifier());
    }

    @Test
    void unknownLayoutsAreRefusedWithThePath() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> OcesIdentity.of(new X500Name("C=DK,CN=Someone,SERIALNUMBER=ABC:123")));
        assertEquals("certificate.subject.serialNumber", e.violations().get(0).path());
        assertThrows(ValidationException.class, () -> OcesIdentity.of(new X500Name("C=DK,CN=Someone")));
        assertThrows(ValidationException.class,
                () -> OcesIdentity.of(new X500Name("C=DK,CN=X,SERIALNUMBER=UI:DK-O:G:not-a-uuid,2.5.4.97=NTRDK-12345678")));
        assertThrows(ValidationException.class,
                () -> OcesIdentity.of(new X500Name("C=DK,CN=X,SERIALNUMBER=UI:DK-O:G:0b7a2c1e-0a5b-4c36-9d3b-8a2f4f6f0a11")));
        assertThrows(ValidationException.class,
                () -> OcesIdentity.of(new X500Name("C=DK,CN=X,SERIALNUMBER=CVR:1234567-FID:1")));
        assertThrows(ValidationException.class,
                () -> OcesIdentity.of(new X500Name("C=DK,CN=X,SERIALNUMBER=CVR:12345678-XID:1")));
        assertThrows(ValidationException.class,
                () -> OcesIdentity.of(new X500Name("C=DK,O=Org // CVR:87654321,CN=X+SERIALNUMBER=CVR:12345678-FID:1")));
    }
}

package dk.rammearkitektur.sso;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.sso.privileges.AccessRequest;
import dk.rammearkitektur.sso.privileges.BppNamespace;
import dk.rammearkitektur.sso.privileges.KleConstraint;
import dk.rammearkitektur.sso.privileges.PrivilegeGroup;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import dk.rammearkitektur.sso.privileges.PrivilegeScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdentitiesTest {
    private static final UUID USER = UUID.fromString("1b3f7e2a-55c1-4c8e-9d1b-2f0e4a6b8c9d");
    private static final String ROLE = "http://fagsystem.example/roles/usersystemrole/sagsbehandler/1";
    private static final PrivilegeList PRIVILEGES = PrivilegeList.of(
            PrivilegeGroup.of(PrivilegeScope.cvr("11111111"), ROLE, KleConstraint.of("32.*")),
            PrivilegeGroup.of(PrivilegeScope.cvr("29189846"), ROLE));

    private static Map<String, List<String>> nsisProfessional() {
        Map<String, List<String>> a = new HashMap<>();
        a.put(Identities.SPEC_VERSION, List.of("OIO-SAML-3.0"));
        a.put(Identities.NSIS_LOA, List.of("Substantial"));
        a.put(Identities.PROFESSIONAL_UUID, List.of("urn:uuid:" + USER));
        a.put(Identities.PROFESSIONAL_CVR, List.of("11111111"));
        a.put(Identities.PROFESSIONAL_ORG_NAME, List.of("Korsbæk Kommune"));
        a.put(Identities.FIRST_NAME, List.of("Hanne"));
        a.put(Identities.LAST_NAME, List.of("Sagsbehandler"));
        a.put(Identities.EMAIL, List.of("hs@korsbaek.example", "hanne@korsbaek.example"));
        a.put(Identities.PRIVILEGES, List.of(PRIVILEGES.toBase64(BppNamespace.V1_2)));
        return a;
    }

    private static Violation violation(Runnable r) {
        ValidationException e = assertThrows(ValidationException.class, r::run);
        assertEquals(1, e.violations().size(), e.getMessage());
        return e.violations().get(0);
    }

    @Test
    void nsisContextHandlerProfessional() {
        Professional p = assertInstanceOf(Professional.class, Identities.fromAttributes(
                Identities.PROFESSIONAL_NAME_ID_PREFIX + USER, "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent",
                nsisProfessional()));
        assertEquals(USER, p.uuid());
        assertEquals("11111111", p.cvr());
        assertEquals(Optional.of("Korsbæk Kommune"), p.organisationName());
        assertEquals(Optional.of("Hanne Sagsbehandler"), p.name());
        assertEquals(List.of("hs@korsbaek.example", "hanne@korsbaek.example"), p.emails());
        assertEquals(Optional.of(LevelOfAssurance.SUBSTANTIAL), p.levelOfAssurance());
        assertEquals(3, p.assuranceLevel());
        assertEquals(PRIVILEGES, p.privileges());
        assertEquals(1, p.rights().groups().size());
        assertTrue(p.rights().check(AccessRequest.role(ROLE).kle("32.18.00")).granted());
        assertFalse(p.rights().check(AccessRequest.role(ROLE).kle("27.24.00")).granted());
    }

    @Test
    void professionalRequiresCvrAndOrganisationName() {
        Map<String, List<String>> noCvr = nsisProfessional();
        noCvr.remove(Identities.PROFESSIONAL_CVR);
        Violation v = violation(() -> Identities.fromAttributes("x", null, noCvr));
        assertEquals("attributes[" + Identities.PROFESSIONAL_CVR + "]", v.path());
        assertEquals("is required for a professional", v.rule());

        Map<String, List<String>> noOrg = nsisProfessional();
        noOrg.remove(Identities.PROFESSIONAL_ORG_NAME);
        assertEquals("attributes[" + Identities.PROFESSIONAL_ORG_NAME + "]",
                violation(() -> Identities.fromAttributes("x", null, noOrg)).path());
    }

    @Test
    void professionalUuidFromTheNameIdWhenTheAttributeIsMissing() {
        Map<String, List<String>> a = nsisProfessional();
        a.remove(Identities.PROFESSIONAL_UUID);
        Professional p = (Professional) Identities.fromAttributes(Identities.PROFESSIONAL_NAME_ID_PREFIX + USER, null, a);
        assertEquals(USER, p.uuid());
        assertEquals("attributes[" + Identities.PROFESSIONAL_UUID + "]",
                violation(() -> Identities.fromAttributes("transient-1", null, a)).path());
        Map<String, List<String>> b = nsisProfessional();
        assertEquals("nameId", violation(() -> Identities.fromAttributes(
                Identities.PROFESSIONAL_NAME_ID_PREFIX + UUID.randomUUID(), null, b)).path());
    }

    @Test
    void levelOfAssuranceIsRequired() {
        Map<String, List<String>> a = nsisProfessional();
        a.remove(Identities.NSIS_LOA);
        Violation v = violation(() -> Identities.fromAttributes("x", null, a));
        assertEquals("attributes", v.path());
        assertTrue(v.rule().contains(Identities.NSIS_LOA) && v.rule().contains(Identities.LEGACY_ASSURANCE_LEVEL), v.rule());
        a.put(Identities.LEGACY_ASSURANCE_LEVEL, List.of("3"));
        Professional p = (Professional) Identities.fromAttributes("x", null, a);
        assertEquals(Optional.empty(), p.levelOfAssurance());
        assertEquals(3, p.assuranceLevel());
        a.put(Identities.NSIS_LOA, List.of("Medium"));
        assertEquals("attributes[" + Identities.NSIS_LOA + "].levelOfAssurance",
                violation(() -> Identities.fromAttributes("x", null, a)).path());
    }

    @Test
    void singleValuedAttributeWithTwoValues() {
        Map<String, List<String>> a = nsisProfessional();
        a.put(Identities.PROFESSIONAL_CVR, List.of("11111111", "29189846"));
        Violation v = violation(() -> Identities.fromAttributes("x", null, a));
        assertEquals("attributes[" + Identities.PROFESSIONAL_CVR + "]", v.path());
        assertEquals("must have one value, not 2", v.rule());
    }

    @Test
    void badPrivilegesAreNamedUnderTheAttribute() {
        Map<String, List<String>> a = nsisProfessional();
        a.put(Identities.PRIVILEGES, List.of("%%%"));
        assertEquals("attributes[" + Identities.PRIVILEGES + "].privilegeList",
                violation(() -> Identities.fromAttributes("x", null, a)).path());
    }

    @Test
    void privilegesThatAreBase64ButNotXml() {
        Map<String, List<String>> a = nsisProfessional();
        a.put(Identities.PRIVILEGES, List.of("aGVsbG8="));
        assertEquals("attributes[" + Identities.PRIVILEGES + "].privilegeList: XML is not well-formed (line 1, column 1)",
                assertThrows(dk.rammearkitektur.core.XmlParseException.class, () -> Identities.fromAttributes("x", null, a))
                        .getMessage());
        String doctype = "<!DOCTYPE x><x/>";
        a.put(Identities.PRIVILEGES, List.of(java.util.Base64.getEncoder().encodeToString(doctype.getBytes(
                java.nio.charset.StandardCharsets.UTF_8))));
        dk.rammearkitektur.core.XmlSecurityException e = assertThrows(dk.rammearkitektur.core.XmlSecurityException.class,
                () -> Identities.fromAttributes("x", null, a));
        assertEquals("xml.doctype", e.reason());
        assertTrue(e.getMessage().startsWith("attributes[" + Identities.PRIVILEGES + "].privilegeList: "), e.getMessage());
    }

    @Test
    void oiosaml2ContextHandlerProfessionalFromX509SubjectName() {
        Map<String, List<String>> a = new HashMap<>();
        a.put(Identities.LEGACY_SPEC_VERSION, List.of("DK-SAML-2.0"));
        a.put("dk:gov:saml:attribute:KombitSpecVer", List.of("1.0"));
        a.put(Identities.LEGACY_ASSURANCE_LEVEL, List.of("3"));
        a.put(Identities.LEGACY_CVR, List.of("11111111"));
        a.put(Identities.LEGACY_PRIVILEGES, List.of(PRIVILEGES.toBase64(BppNamespace.V1_0_1)));
        String nameId = "C=DK,O=11111111,CN=Hanne Sagsbehandler\\, Korsbæk,Serial=" + USER;
        Professional p = assertInstanceOf(Professional.class, Identities.fromAttributes(nameId, Identities.X509_SUBJECT_NAME, a));
        assertEquals(USER, p.uuid());
        assertEquals("11111111", p.cvr());
        assertEquals(Optional.of("Hanne Sagsbehandler, Korsbæk"), p.name());
        assertEquals(Optional.empty(), p.organisationName());
        assertEquals(Optional.empty(), p.levelOfAssurance());
        assertEquals(3, p.assuranceLevel());
        assertEquals(PRIVILEGES, p.privileges());

        a.put(Identities.LEGACY_CVR, List.of("29189846"));
        assertEquals("nameId", violation(() -> Identities.fromAttributes(nameId, Identities.X509_SUBJECT_NAME, a)).path());
        a.put(Identities.LEGACY_CVR, List.of("11111111"));
        assertEquals("nameId", violation(() -> Identities.fromAttributes("C=DK,O=11111111,CN=H,Serial=CVR:1-RID:2",
                Identities.X509_SUBJECT_NAME, a)).path());
        assertEquals("nameId", violation(() -> Identities.fromAttributes("just text", Identities.X509_SUBJECT_NAME, a)).path());
    }

    @Test
    void nemLoginCitizenWithMaskedCpr() {
        Map<String, List<String>> a = new HashMap<>();
        a.put(Identities.SPEC_VERSION, List.of("OIO-SAML-3.0"));
        a.put(Identities.NSIS_LOA, List.of("Substantial"));
        a.put(Identities.CPR_NUMBER, List.of("0101901234"));
        a.put(Identities.CPR_UUID, List.of("urn:uuid:" + USER));
        a.put(Identities.FIRST_NAME, List.of("Ib"));
        a.put(Identities.LAST_NAME, List.of("Borger"));
        UUID person = UUID.randomUUID();
        Citizen c = assertInstanceOf(Citizen.class, Identities.fromAttributes(Identities.PERSON_NAME_ID_PREFIX + person,
                "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent", a));
        assertEquals(Optional.of(person), c.uuid());
        assertEquals("0101901234", c.cpr().orElseThrow().value());
        assertEquals(Optional.of(USER), c.cprUuid());
        assertEquals(Optional.of("Ib Borger"), c.displayName());
        assertFalse(c.toString().contains("0101901234"), c.toString());
        assertTrue(c.toString().contains("010190-****"), c.toString());

        a.put(Identities.CPR_NUMBER, List.of("3213901234"));
        Violation v = violation(() -> Identities.fromAttributes("x", null, a));
        assertEquals("attributes[" + Identities.CPR_NUMBER + "].cpr", v.path());
    }

    @Test
    void nemLoginBusinessUserIsAProfessionalWithoutPrivileges() {
        Map<String, List<String>> a = nsisProfessional();
        a.remove(Identities.PRIVILEGES);
        a.put(Identities.CPR_NUMBER, List.of("0101901234"));
        Professional p = (Professional) Identities.fromAttributes(Identities.PROFESSIONAL_NAME_ID_PREFIX + USER, null, a);
        assertEquals(PrivilegeList.empty(), p.privileges());
        assertTrue(p.rights().isEmpty());
        assertFalse(p.toString().contains("0101901234"), p.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " "})
    void nameIdIsRequired(String nameId) {
        assertEquals("nameId", violation(() -> Identities.fromAttributes(nameId, null, nsisProfessional())).path());
    }

    @Provide
    Arbitrary<Map<String, List<String>>> attributeMaps() {
        Arbitrary<String> names = Arbitraries.of(Identities.NSIS_LOA, Identities.PROFESSIONAL_CVR, Identities.PROFESSIONAL_UUID,
                Identities.PROFESSIONAL_ORG_NAME, Identities.CPR_NUMBER, Identities.CPR_UUID, Identities.PRIVILEGES,
                Identities.LEGACY_ASSURANCE_LEVEL, Identities.LEGACY_CVR, Identities.LEGACY_CPR, Identities.LEGACY_PRIVILEGES,
                Identities.EMAIL, Identities.FULL_NAME);
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
                Arbitraries.of("Low", "High", "3", "2", "11111111", "0101901234", "urn:uuid:" + USER, USER.toString(),
                        PRIVILEGES.toBase64(BppNamespace.V1_2), ""));
        return Arbitraries.maps(names, values.list().ofMaxSize(2)).ofMaxSize(8);
    }

    @Property(tries = 1000)
    void readingNeverThrowsAnythingButTypedExceptions(@ForAll("attributeMaps") Map<String, List<String>> attributes,
            @ForAll("nameIds") String nameId, @ForAll boolean x509) {
        try {
            UserIdentity id = Identities.fromAttributes(nameId, x509 ? Identities.X509_SUBJECT_NAME : null, attributes);
            assertFalse(id.toString().contains("0101901234"), id.toString());
        } catch (RammearkitekturException e) {
            // ValidationException, or XmlParseException for a privileges value that is base64 but not XML
            assertFalse(e.getMessage().contains("0101901234"), e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> nameIds() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(30),
                Arbitraries.of("C=DK,O=11111111,CN=A,Serial=" + USER, Identities.PROFESSIONAL_NAME_ID_PREFIX + USER,
                        Identities.PERSON_NAME_ID_PREFIX + "nope", "C=DK,O=1,Serial=" + USER));
    }
}

package dk.rammearkitektur.sso.privileges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.XmlSecurityException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PrivilegeListTest {
    private static final String V101 = "http://itst.dk/oiosaml/basic_privilege_profile";
    private static final String V12 = "http://digst.dk/oiosaml/basic_privilege_profile";
    private static final String USER_ROLE = "http://korsbaek.lamotech.dk/roles/usersystemrole/user/1";
    private static final String CASEWORKER = "http://fagsystem.example/roles/usersystemrole/sagsbehandler/1";

    /** The shape of the Context Handler test vector in the research note (re-typed): one orgenhed constraint. */
    static String openCaseShaped(String ns) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<bpp:PrivilegeList xmlns:bpp=\"" + ns + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\">\n"
                + "  <Privilege>" + USER_ROLE + "</Privilege>\n"
                + "  <Constraint Name=\"http://sts.kombit.dk/constraints/orgenhed/1\">"
                + "4053d58d-bd5e-48d9-b9d8-2c041faeccd5, 7ac56cc7-a3d8-40eb-b2d6-f94096a271bf</Constraint>\n"
                + "</PrivilegeGroup></bpp:PrivilegeList>";
    }

    private static String base64(String xml) {
        return Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String list(String groups) {
        return "<bpp:PrivilegeList xmlns:bpp=\"" + V101 + "\">" + groups + "</bpp:PrivilegeList>";
    }

    private static Violation onlyViolation(ValidationException e) {
        assertEquals(1, e.violations().size(), e.getMessage());
        return e.violations().get(0);
    }

    @Test
    void readsTheContextHandlerExampleFromBase64() {
        PrivilegeList list = PrivilegeList.parse(base64(openCaseShaped(V101)));

        assertEquals(BppNamespace.V1_0_1, list.namespace());
        assertEquals(1, list.groups().size());
        PrivilegeGroup g = list.groups().get(0);
        assertEquals(PrivilegeScope.cvr("11111111"), g.scope());
        assertEquals(List.of(USER_ROLE), g.privileges());
        OrgUnitConstraint units = (OrgUnitConstraint) g.constraints().get(0);
        assertEquals(List.of(UUID.fromString("4053d58d-bd5e-48d9-b9d8-2c041faeccd5"),
                UUID.fromString("7ac56cc7-a3d8-40eb-b2d6-f94096a271bf")), units.units());
        UserRights rights = list.forCvr("11111111");
        assertTrue(rights.hasRole(USER_ROLE));
        assertTrue(rights.check(AccessRequest.role(USER_ROLE)
                .orgUnit(UUID.fromString("7ac56cc7-a3d8-40eb-b2d6-f94096a271bf"))).granted());
        assertFalse(rights.check(AccessRequest.role(USER_ROLE).orgUnit(UUID.randomUUID())).granted());
        assertTrue(list.forCvr("29189846").isEmpty());
    }

    @Test
    void base64MayBeWrappedOverLines() {
        String b64 = base64(openCaseShaped(V101));
        StringBuilder wrapped = new StringBuilder();
        for (int i = 0; i < b64.length(); i += 76) {
            wrapped.append(b64, i, Math.min(b64.length(), i + 76)).append("\r\n");
        }
        assertEquals(PrivilegeList.parse(b64), PrivilegeList.parse(wrapped.toString()));
    }

    @Test
    void bothNamespacesGiveTheSameList() {
        PrivilegeList a = PrivilegeList.parseXml(openCaseShaped(V101));
        PrivilegeList b = PrivilegeList.parseXml(openCaseShaped(V12));
        assertEquals(a, b);
        assertEquals(BppNamespace.V1_0_1, a.namespace());
        assertEquals(BppNamespace.V1_2, b.namespace());
    }

    @Test
    void kleAndSensitivityGroupInEitherOrder() {
        String privilegeFirst = list("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\">"
                + "<Privilege>" + CASEWORKER + "</Privilege>"
                + "<Constraint Name=\"http://sts.kombit.dk/constraints/KLE/1\">32.30.*,27.24.00</Constraint>"
                + "<Constraint Name=\"http://sts.kombit.dk/constraints/foelsomhed/1\">3</Constraint></PrivilegeGroup>");
        String constraintsFirst = list("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\">"
                + "<Constraint Name=\"http://sts.kombit.dk/constraints/KLE/1\">32.30.*, 27.24.00</Constraint>"
                + "<Constraint Name=\"http://sts.kombit.dk/constraints/foelsomhed/1\"> 3 </Constraint>"
                + "<Privilege>" + CASEWORKER + "</Privilege></PrivilegeGroup>");
        PrivilegeList a = PrivilegeList.parseXml(privilegeFirst);
        assertEquals(a, PrivilegeList.parseXml(constraintsFirst));
        assertEquals(List.of(KleConstraint.of("32.30.*", "27.24.00"), SensitivityConstraint.of("3")),
                a.groups().get(0).constraints());
    }

    @Test
    void childrenQualifiedWithTheRootNamespaceAreAccepted() {
        String xml = "<p:PrivilegeList xmlns:p=\"" + V12 + "\"><p:PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\">"
                + "<p:Privilege>" + CASEWORKER + "</p:Privilege></p:PrivilegeGroup></p:PrivilegeList>";
        assertEquals(List.of(CASEWORKER), PrivilegeList.parseXml(xml).groups().get(0).privileges());
    }

    @Test
    void everyScopeKindAndItsNumber() {
        String xml = list(group("urn:dk:gov:saml:cvrNumberIdentifier:29189846")
                + group("urn:dk:gov:saml:productionUnitIdentifier:1003388394")
                + group("urn:dk:gov:saml:seNumberIdentifier:12345678")
                + group("urn:dk:gov:saml:cprNumberIdentifier:0101901234"));
        List<PrivilegeGroup> groups = PrivilegeList.parseXml(xml).groups();
        assertEquals(List.of(PrivilegeScope.Kind.CVR, PrivilegeScope.Kind.PRODUCTION_UNIT, PrivilegeScope.Kind.SE_NUMBER,
                PrivilegeScope.Kind.CPR), groups.stream().map(g -> g.scope().kind()).toList());
        assertEquals(List.of("29189846", "1003388394", "12345678", "0101901234"),
                groups.stream().map(g -> g.scope().number()).toList());
        assertEquals("urn:dk:gov:saml:cprNumberIdentifier:0101901234", groups.get(3).scope().uri());
    }

    @Test
    void cprScopeIsMaskedInEveryToString() {
        PrivilegeList list = PrivilegeList.parseXml(list(group("urn:dk:gov:saml:cprNumberIdentifier:0101901234")));
        assertEquals("urn:dk:gov:saml:cprNumberIdentifier:010190-****", list.groups().get(0).scope().toString());
        for (String shown : List.of(list.toString(), list.groups().get(0).toString(),
                list.forScope(list.groups().get(0).scope()).toString(),
                list.forScope(list.groups().get(0).scope()).check(AccessRequest.role("x")).explanation())) {
            assertFalse(shown.contains("0101901234"), shown);
            assertFalse(shown.contains("1234"), shown);
        }
        assertTrue(list.toXml().contains("cprNumberIdentifier:0101901234"));
    }

    @Test
    void unknownConstraintIsKeptRawAndWrittenBack() {
        String xml = list("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"><Privilege>r</Privilege>"
                + "<Constraint Name=\"urn:example:afdeling\">nord , syd</Constraint></PrivilegeGroup>");
        PrivilegeList list = PrivilegeList.parseXml(xml);
        assertEquals(RawConstraint.of("urn:example:afdeling", "nord", "syd"), list.groups().get(0).constraints().get(0));
        assertTrue(list.toXml().contains("<Constraint Name=\"urn:example:afdeling\">nord,syd</Constraint>"), list.toXml());
        assertEquals(list, PrivilegeList.parseXml(list.toXml()));
    }

    @ParameterizedTest
    @EnumSource(BppNamespace.class)
    void writesEitherNamespace(BppNamespace ns) {
        PrivilegeList list = PrivilegeList.parseXml(openCaseShaped(V101));
        String xml = list.toXml(ns);
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpp:PrivilegeList xmlns:bpp=\"" + ns.uri() + "\">"), xml);
        PrivilegeList back = PrivilegeList.parse(list.toBase64(ns));
        assertEquals(list, back);
        assertEquals(ns, back.namespace());
    }

    @Test
    void emptyListIsAllowed() {
        PrivilegeList list = PrivilegeList.parseXml(list(""));
        assertEquals(PrivilegeList.empty(), list);
        assertFalse(list.forCvr("11111111").check(AccessRequest.role(CASEWORKER)).granted());
    }

    // --- refusals --------------------------------------------------------------------------------------------------

    @Test
    void doctypeIsRefusedNamingTheRule() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>" + openCaseShaped(V101).substring(39);
        XmlSecurityException e = assertThrows(XmlSecurityException.class, () -> PrivilegeList.parseXml(xml));
        assertEquals("xml.doctype", e.reason());
        assertTrue(e.getMessage().startsWith("privilegeList: "), e.getMessage());
        assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
        XmlSecurityException viaBase64 = assertThrows(XmlSecurityException.class, () -> PrivilegeList.parse(base64(xml)));
        assertEquals("xml.doctype", viaBase64.reason());
    }

    @Test
    void externalEntityIsRefused() {
        String xml = "<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + list("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"><Privilege>&x;</Privilege></PrivilegeGroup>");
        assertEquals("xml.doctype", assertThrows(XmlSecurityException.class, () -> PrivilegeList.parseXml(xml)).reason());
    }

    @Test
    void undeclaredEntityReferenceIsRefusedAsAnEntity() {
        String xml = list("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"><Privilege>&x;</Privilege></PrivilegeGroup>");
        XmlSecurityException e = assertThrows(XmlSecurityException.class, () -> PrivilegeList.parseXml(xml));
        assertEquals("xml.entity", e.reason());
        assertTrue(e.getMessage().contains("entity"), e.getMessage());
    }

    @Test
    void predefinedEntitiesAreFine() {
        String xml = list("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"><Privilege>a&amp;b</Privilege></PrivilegeGroup>");
        assertEquals(List.of("a&b"), PrivilegeList.parseXml(xml).groups().get(0).privileges());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "QUJD=", "====", "Q"})
    void badBase64(String text) {
        Violation v = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.parse(text)));
        assertEquals("privilegeList", v.path());
        assertTrue(v.rule().contains("base64"), v.rule());
    }

    @Test
    void notWellFormedIsAParseException() {
        XmlParseException e = assertThrows(XmlParseException.class, () -> PrivilegeList.parseXml("<bpp:PrivilegeList xmlns:bpp=\"" + V101 + "\">"));
        assertEquals("privilegeList: XML is not well-formed (line 1, column 79)", e.getMessage());
        assertNull(e.getCause(), "the parser's own message may echo the input");
    }

    @Test
    void parserTextIsNotEchoed() {
        String xml = "<?xml version=\"0101901234\"?>" + list("");
        XmlParseException e = assertThrows(XmlParseException.class, () -> PrivilegeList.parseXml(xml));
        assertFalse(e.getMessage().contains("0101901234") || e.getMessage().contains("010190"), e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void wrongRootElement() {
        Violation v = onlyViolation(assertThrows(ValidationException.class,
                () -> PrivilegeList.parseXml("<bpp:Privileges xmlns:bpp=\"" + V101 + "\"/>")));
        assertEquals("privilegeList", v.path());
        assertTrue(v.rule().contains("root element must be PrivilegeList"), v.rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"<PrivilegeList/>", "<b:PrivilegeList xmlns:b=\"http://itst.dk/oiosaml/basic_privilege_profile/2\"/>"})
    void unknownOrMissingNamespace(String xml) {
        Violation v = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(xml)));
        assertEquals("privilegeList", v.path());
        assertTrue(v.rule().contains(V101) && v.rule().contains(V12), v.rule());
    }

    @Test
    void missingScope() {
        Violation v = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(
                list(group("urn:dk:gov:saml:cvrNumberIdentifier:11111111") + "<PrivilegeGroup><Privilege>r</Privilege></PrivilegeGroup>"))));
        assertEquals("privilegeList.privilegeGroup[1].scope", v.path());
        assertTrue(v.rule().contains("Scope attribute is required"), v.rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:dk:gov:saml:cvrNumberIdentifier:1111111", "urn:dk:gov:saml:cvrNumberIdentifier:1111111x",
            "urn:dk:gov:saml:cvrNumberIdentifier:", "urn:dk:gov:saml:cvrNumberIdentifier:111111111"})
    void badCvrInScope(String scope) {
        Violation v = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(list(group(scope)))));
        assertEquals("privilegeList.privilegeGroup[0].scope", v.path());
        assertTrue(v.rule().contains("cvrNumberIdentifier must be 8 digits"), v.rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"urn:dk:gov:saml:vatNumber:11111111", "11111111", "urn:dk:gov:saml:cvrNumberIdentifier"})
    void badScopeShape(String scope) {
        Violation v = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(list(group(scope)))));
        assertEquals("privilegeList.privilegeGroup[0].scope", v.path());
    }

    @Test
    void badKleValueNamesGroupConstraintAndValue() {
        String xml = list(group("urn:dk:gov:saml:cvrNumberIdentifier:11111111")
                + group("urn:dk:gov:saml:cvrNumberIdentifier:11111111")
                + "<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"><Privilege>r</Privilege>"
                + "<Constraint Name=\"http://sts.kombit.dk/constraints/orgenhed/1\">4053d58d-bd5e-48d9-b9d8-2c041faeccd5</Constraint>"
                + "<Constraint Name=\"http://sts.kombit.dk/constraints/KLE/1\">32.30.*, 32.3</Constraint></PrivilegeGroup>");
        Violation v = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(xml)));
        assertEquals("privilegeList.privilegeGroup[2].constraint[1].value[1]", v.path());
        assertTrue(v.rule().startsWith("a KLE value must be"), v.rule());
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "32.*.*", "32.18.00.*", "3.18", "32.18.00 G01", "32-18"})
    void kleValuesOutsideTheFormat(String value) {
        assertThrows(ValidationException.class, () -> KleConstraint.of(value));
    }

    @Test
    void badOrgUnitValue() {
        String xml = list("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"><Privilege>r</Privilege>"
                + "<Constraint Name=\"http://sts.kombit.dk/constraints/orgenhed/1\">1-2-3-4-5</Constraint></PrivilegeGroup>");
        Violation v = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(xml)));
        assertEquals("privilegeList.privilegeGroup[0].constraint[0].value[0]", v.path());
    }

    @Test
    void emptyConstraintAndMissingName() {
        String xml = list("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"><Privilege>r</Privilege>"
                + "<Constraint Name=\"http://sts.kombit.dk/constraints/KLE/1\"> , </Constraint><Constraint>1</Constraint></PrivilegeGroup>");
        ValidationException e = assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(xml));
        assertEquals(List.of("privilegeList.privilegeGroup[0].constraint[0].value",
                "privilegeList.privilegeGroup[0].constraint[1].name"), e.violations().stream().map(Violation::path).toList());
    }

    @Test
    void groupWithoutPrivilege() {
        Violation v = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(
                list("<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"/>"))));
        assertEquals("privilegeList.privilegeGroup[0].privilege", v.path());
    }

    @Test
    void unknownElementsAndTextAreRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(list(
                "<Extra/>text<PrivilegeGroup Scope=\"urn:dk:gov:saml:cvrNumberIdentifier:11111111\"><Privilege>r<b/></Privilege>"
                        + "<Privileges>r</Privileges></PrivilegeGroup>")));
        assertEquals(List.of("privilegeList", "privilegeList", "privilegeList.privilegeGroup[0].privilege[0]",
                "privilegeList.privilegeGroup[0]"), e.violations().stream().map(Violation::path).toList());
        assertTrue(e.violations().get(0).rule().contains("Extra"), e.getMessage());
    }

    @Test
    void violationsAreCappedForHugeBadDocuments() {
        StringBuilder groups = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            groups.append("<PrivilegeGroup/>");
        }
        ValidationException e = assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(list(groups.toString())));
        assertTrue(e.violations().size() >= 20 && e.violations().size() < 60, String.valueOf(e.violations().size()));
    }

    @Test
    void sizeLimit() {
        String filler = "<!--" + "x".repeat(PrivilegeList.MAX_XML_BYTES) + "-->";
        String big = list(filler);
        Violation v = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(big)));
        assertEquals("privilegeList", v.path());
        assertTrue(v.rule().contains(String.valueOf(PrivilegeList.MAX_XML_BYTES)), v.rule());
        Violation b = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.parse(base64(big))));
        assertTrue(b.rule().contains(String.valueOf(PrivilegeList.MAX_BASE64_CHARS)), b.rule());
        // just under the limit still reads
        String fits = list("<!--" + "x".repeat(PrivilegeList.MAX_XML_BYTES - 200) + "-->");
        assertEquals(PrivilegeList.empty(), PrivilegeList.parse(base64(fits)));
        // a multi-byte character counts as its UTF-8 bytes
        String wide = list("<!--" + "æ".repeat(PrivilegeList.MAX_XML_BYTES / 2) + "-->");
        assertThrows(ValidationException.class, () -> PrivilegeList.parseXml(wide));
    }

    @Test
    void forCvrNeedsEightDigits() {
        Violation v = onlyViolation(assertThrows(ValidationException.class, () -> PrivilegeList.empty().forCvr("1234")));
        assertEquals("cvr", v.path());
    }

    @Test
    void nullsAreValidationExceptionsNotNullPointers() {
        List<org.junit.jupiter.api.function.Executable> calls = List.of(
                () -> PrivilegeList.parse(null),
                () -> PrivilegeList.parseXml((String) null),
                () -> PrivilegeList.parseXml((byte[]) null),
                () -> PrivilegeList.of((List<PrivilegeGroup>) null),
                () -> PrivilegeList.of((PrivilegeGroup) null),
                () -> PrivilegeList.empty().forCvr(null),
                () -> PrivilegeList.empty().forScope(null),
                () -> PrivilegeList.empty().toXml(null),
                () -> PrivilegeList.empty().forCvr("11111111").check(null),
                () -> PrivilegeGroup.of(null, CASEWORKER),
                () -> PrivilegeGroup.of(PrivilegeScope.cvr("11111111"), null),
                () -> PrivilegeGroup.of(PrivilegeScope.cvr("11111111"), CASEWORKER, (DataConstraint) null),
                () -> PrivilegeScope.parse(null),
                () -> new PrivilegeScope(null, "11111111"),
                () -> KleConstraint.of((String) null),
                () -> new KleConstraint(null),
                () -> KleConstraint.of("32.*").covers(null),
                () -> OrgUnitConstraint.of((UUID) null),
                () -> OrgUnitConstraint.of(UUID.randomUUID()).covers(null),
                () -> SensitivityConstraint.of((String) null),
                () -> ItSystemConstraint.of((String) null),
                () -> RawConstraint.of(null, "a"),
                () -> RawConstraint.of("urn:x", (String) null),
                () -> AccessRequest.role(null),
                () -> AccessRequest.role(CASEWORKER).kle((String) null),
                () -> AccessRequest.role(CASEWORKER).kle((dk.rammearkitektur.model.KleNumber) null),
                () -> AccessRequest.role(CASEWORKER).orgUnit(null),
                () -> AccessRequest.role(CASEWORKER).sensitivity(null),
                () -> AccessRequest.role(CASEWORKER).itSystem(null),
                () -> AccessRequest.role(CASEWORKER).other(null, "a"));
        for (int i = 0; i < calls.size(); i++) {
            assertThrows(ValidationException.class, calls.get(i), "call " + i);
        }
    }

    private static String group(String scope) {
        return "<PrivilegeGroup Scope=\"" + scope + "\"><Privilege>" + CASEWORKER + "</Privilege></PrivilegeGroup>";
    }
}

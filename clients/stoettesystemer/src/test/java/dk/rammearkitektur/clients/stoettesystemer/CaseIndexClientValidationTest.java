package dk.rammearkitektur.clients.stoettesystemer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.ValidationException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CaseIndexClientValidationTest {
    @Test
    void everyBadSettingIsNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> CaseIndexClient.builder()
                .owner(null, "1234", " ").itSystem(null, "x".repeat(256)).entityId(" ")
                .endpoint(URI.create("http://example.org/sdi")).build());
        assertEquals(Set.of("caseIndexClient.klassifikation", "caseIndexClient.owner.organisation",
                "caseIndexClient.owner.cvr", "caseIndexClient.owner.name", "caseIndexClient.itSystem.uuid",
                "caseIndexClient.itSystem.name", "caseIndexClient.entityId", "caseIndexClient.endpoint"), paths(e));
    }

    @Test
    void configuredClassesMustNameEveryRoleAndType() {
        Map<String, UUID> some = new LinkedHashMap<>();
        some.put("Ejer", UUID.randomUUID());
        ValidationException e = assertThrows(ValidationException.class, () -> IndexClasses.of(some));
        assertEquals(IndexClasses.ROLES.size() + IndexClasses.OBJECT_TYPES.size() - 1, e.violations().size());
        assertEquals(true, paths(e).contains("classes.Primær part"));
        for (String k : IndexClasses.ROLES) {
            some.put(k, UUID.randomUUID());
        }
        for (String k : IndexClasses.OBJECT_TYPES) {
            some.put(k, UUID.randomUUID());
        }
        IndexClasses c = IndexClasses.of(some);
        assertEquals("Ejer", c.key(c.uuid("Ejer")).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> c.uuid("Ukendt"));
    }

    @Test
    void anotherSystemsFreeTextAndReferencesAreShownWithCprNumbersMasked() {
        IndexRelation part = new IndexRelation("Sagspart", null, "Primær part", null, null,
                "URN:OIO:CPR-NR:0101801234", dk.rammearkitektur.model.Validity.from(java.time.Instant.EPOCH));
        IndexedCase c = new IndexedCase(dk.rammearkitektur.model.CaseId.random(), "Sag 0101801234",
                "Sag vedr. 010180-1234", null, java.util.List.of(), java.util.List.of(part));
        String shown = c.toString();
        assertEquals(false, shown.contains("1234"), shown);
        assertEquals(true, shown.contains("010180-****"), shown);
    }

    private static Set<String> paths(ValidationException e) {
        return e.violations().stream().map(v -> v.path()).collect(Collectors.toSet());
    }
}

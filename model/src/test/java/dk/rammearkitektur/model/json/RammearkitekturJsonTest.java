package dk.rammearkitektur.model.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Samples;
import dk.rammearkitektur.model.Validity;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RammearkitekturJsonTest {
    private final ObjectMapper mapper = RammearkitekturJson.mapper();

    private static List<String> paths(ValidationException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toList());
    }

    @Test
    void caseRoundTripIsLossless() throws Exception {
        Case c = Samples.aCase();
        String json = mapper.writeValueAsString(c);
        assertEquals(c, mapper.readValue(json, Case.class));
        assertEquals(c, RammearkitekturJson.read(json, Case.class));
        assertSame(mapper, RammearkitekturJson.mapper());
    }

    @Test
    void formatIsIsoDatesDecimalStringsAndFullCpr() throws Exception {
        JsonNode tree = mapper.readTree(RammearkitekturJson.write(Samples.aCase()));
        assertEquals("1234.50", tree.at("/benefits/0/amount").textValue());
        assertEquals("2026-04-01", tree.at("/benefits/0/grantPeriod/from").textValue());
        assertEquals("2026-03-03", tree.at("/documents/0/journalDate").textValue());
        assertEquals("person", tree.at("/parties/0/party/kind").textValue());
        assertEquals("0707614285", tree.at("/parties/0/party/cpr").textValue());
        assertEquals("27.24.00 G01", tree.at("/classification").textValue());
        assertEquals("\"0707614285\"", mapper.writeValueAsString(Cpr.parse("070761-4285")));
        assertEquals(KleNumber.parse("27.24"), mapper.readValue("\"27.24\"", KleNumber.class));
    }

    @Test
    void historyRoundTrip() {
        History<Case> h = Samples.history();
        String json = RammearkitekturJson.write(h);
        assertEquals(h, RammearkitekturJson.readHistory(json, Case.class));
        ValidationException e = assertThrows(ValidationException.class, () -> RammearkitekturJson.readHistory(json, Party.class));
        assertEquals("history.registrations[0].effects[0].value", e.violations().get(0).path());
        assertEquals("must be a Party", e.violations().get(0).rule());
    }

    @Test
    void partiesAreReadByTheirIdentifier() {
        for (Party party : List.<Party>of(Samples.person(), Samples.company(), Samples.unit())) {
            assertEquals(party, RammearkitekturJson.read(RammearkitekturJson.write(party), Party.class));
        }
        assertEquals(List.of("person.cpr"), paths(assertThrows(ValidationException.class,
                () -> RammearkitekturJson.read("{\"id\":\"" + Samples.PERSON_ID + "\",\"cpr\":\"1\",\"name\":\"x\"}", Party.class))));
        assertEquals(List.of("party"), paths(assertThrows(ValidationException.class, () -> RammearkitekturJson.read("[]", Party.class))));
        assertEquals(List.of("organisationUnit.size"), paths(assertThrows(ValidationException.class,
                () -> RammearkitekturJson.read("{\"size\":1}", Party.class))));
    }

    @Test
    void historiesOfOtherObjectTypes() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        History<Party> parties = History.start(t, "a", null, List.of(
                Effect.of(Validity.of(t, t.plusSeconds(60)), Samples.person()),
                Effect.of(Validity.from(t.plusSeconds(60)), Samples.company())));
        assertEquals(parties, RammearkitekturJson.readHistory(RammearkitekturJson.write(parties), Party.class));
        History<Benefit> benefits = History.start(t, "a", "n", List.of(
                Effect.of(Validity.from(t), Samples.benefit())));
        assertEquals(benefits, RammearkitekturJson.readHistory(RammearkitekturJson.write(benefits), Benefit.class));
        History<Document> documents = History.start(t, "a", null, List.of(
                Effect.of(Validity.from(t), Samples.decision())));
        assertEquals(documents, RammearkitekturJson.readHistory(RammearkitekturJson.write(documents), Document.class));
        assertEquals(History.empty(), RammearkitekturJson.readHistory("{\"registrations\":[]}", Case.class));
    }

    @Test
    void invalidNestedValueGivesItsPath() throws Exception {
        ObjectNode tree = (ObjectNode) mapper.readTree(RammearkitekturJson.write(Samples.aCase()));
        ((ObjectNode) tree.at("/parties/2/party")).put("cvr", "12345678");
        ((ObjectNode) tree.at("/parties/0/party")).put("cpr", "3213901234");
        ((ObjectNode) tree.at("/benefits/0")).put("amount", "12.345");
        ((ObjectNode) tree.at("/documents/0/document")).put("letterDate", "2026-02-30");
        tree.put("status", "OPEN");
        ValidationException e = assertThrows(ValidationException.class,
                () -> RammearkitekturJson.read(mapper.writeValueAsString(tree), Case.class));
        assertEquals(List.of("case.status", "case.parties[0].party.cpr", "case.parties[2].party.cvr",
                "case.documents[0].document.letterDate", "case.benefits[0].amount"), paths(e));
        assertFalse(e.getMessage().contains("3213901234"), e.getMessage());
    }

    @Test
    void jacksonErrorsBecomeValidationExceptionsWithPaths() throws Exception {
        ObjectNode tree = (ObjectNode) mapper.readTree(RammearkitekturJson.write(Samples.aCase()));
        ((ObjectNode) tree.at("/parties/1/party")).put("shoeSize", 44);
        String unknown = mapper.writeValueAsString(tree);
        ValidationException e = assertThrows(ValidationException.class, () -> RammearkitekturJson.read(unknown, Case.class));
        assertEquals(List.of("case.parties[1].party.shoeSize"), paths(e));
        assertEquals("is not a known property", e.violations().get(0).rule());
        // the same exception type from the plain ObjectMapper API
        assertThrows(ValidationException.class, () -> mapper.readValue(unknown, Case.class));

        ObjectMapper lenient = RammearkitekturJson.builder().failOnUnknownProperties(false).build();
        assertEquals(Samples.aCase(), RammearkitekturJson.read(lenient, unknown, Case.class));

        ((ObjectNode) tree.at("/parties/1/party")).remove("shoeSize");
        ((ObjectNode) tree.at("/parties/1/party")).put("kind", "spaceship");
        assertEquals(List.of("case.parties[1].party"), paths(assertThrows(ValidationException.class,
                () -> RammearkitekturJson.read(mapper.writeValueAsString(tree), Case.class))));

        assertEquals(List.of("case"), paths(assertThrows(ValidationException.class, () -> RammearkitekturJson.read("{\"id\":", Case.class))));
        assertEquals(List.of("case"), paths(assertThrows(ValidationException.class, () -> RammearkitekturJson.read("null", Case.class))));
        ValidationException dup = assertThrows(ValidationException.class,
                () -> RammearkitekturJson.read("{\"title\":\"a\",\"title\":\"b\"}", Document.class));
        assertTrue(dup.getMessage().contains("not well-formed JSON"), dup.getMessage());
        ValidationException typed = assertThrows(ValidationException.class,
                () -> RammearkitekturJson.read("{\"variants\":{}}", Document.class));
        assertEquals(List.of("document.variants"), paths(typed));
    }

    @Test
    void missingFieldsAreAllListed() {
        ValidationException e = assertThrows(ValidationException.class, () -> RammearkitekturJson.read("{}", Person.class));
        assertEquals(List.of("person.id", "person.cpr"), paths(e));
        ValidationException doc = assertThrows(ValidationException.class,
                () -> RammearkitekturJson.read("{\"variants\":[null,{\"kind\":\"ARCHIVE\",\"parts\":[{}]}]}", Document.class));
        assertEquals(List.of("document.id", "document.letterDate", "document.type", "document.direction", "document.variants[0]",
                "document.variants[1].parts[0].size"), paths(doc));
    }
}

package dk.rammearkitektur.model.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.XmlSecurityException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Samples;
import dk.rammearkitektur.model.Validity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import org.junit.jupiter.api.Test;

class ModelXmlTest {
    @Test
    void roundTripsAreLosslessAndSchemaValid() throws Exception {
        Case c = Samples.aCase();
        byte[] xml = ModelXml.write(c);
        SecureXml.validator(ModelXml.schema()).validate(new DOMSource(SecureXml.parse(new String(xml, StandardCharsets.UTF_8))));
        assertEquals(c, ModelXml.read(xml, Case.class));
        assertEquals(Samples.decision(), ModelXml.read(ModelXml.write(Samples.decision()), Document.class));
        assertEquals(Samples.benefit(), ModelXml.read(ModelXml.write(Samples.benefit()), Benefit.class));
        assertEquals(Samples.company(), ModelXml.read(ModelXml.write(Samples.company()), Party.class));
        History<Case> h = Samples.history();
        assertEquals(h, ModelXml.readHistory(ModelXml.write(h), Case.class));
    }

    @Test
    void historiesOfOtherObjectTypes() {
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        History<Party> parties = History.start(t, "a", null, List.of(
                Effect.of(Validity.of(t, t.plusNanos(1)), Samples.person()),
                Effect.of(Validity.from(t.plusNanos(1)), Samples.unit())));
        assertEquals(parties, ModelXml.readHistory(ModelXml.write(parties), Party.class));
        assertThrows(ValidationException.class, () -> ModelXml.readHistory(ModelXml.write(parties), Person.class));
        History<Benefit> benefits = History.start(t, "a", "n", List.of(
                Effect.of(Validity.from(t), Samples.benefit())));
        assertEquals(benefits, ModelXml.readHistory(ModelXml.write(benefits), Benefit.class));
        assertEquals(History.empty(), ModelXml.readHistory(ModelXml.write(History.empty()), Case.class));
    }

    @Test
    void usesTheNamespaceAndEscapesText() {
        String xml = ModelXml.writeString(Samples.aCase());
        assertTrue(xml.contains("urn:dk:rammearkitektur:model:1"), xml);
        assertTrue(xml.contains("Serviceloven § 41 &amp; &lt;andet&gt;"), xml);
    }

    @Test
    void wrongRootTypeIsRefused() {
        byte[] person = ModelXml.write(Samples.person());
        assertThrows(XmlParseException.class, () -> ModelXml.read(person, Company.class));
        assertEquals(Samples.person(), ModelXml.read(person, Person.class));
        assertThrows(XmlParseException.class, () -> ModelXml.read(ModelXml.write(Samples.history()), Case.class));
        assertThrows(XmlParseException.class, () -> ModelXml.readHistory(person, Case.class));
    }

    @Test
    void schemaViolationsAndUnsafeXmlAreRefused() {
        String xml = ModelXml.writeString(Samples.aCase());
        String noTitle = xml.replaceFirst("<ra:title>[^<]*</ra:title>", "");
        XmlParseException e = assertThrows(XmlParseException.class, () -> ModelXml.read(noTitle, Case.class));
        assertTrue(e.getMessage().contains("line"), e.getMessage());
        String badCpr = xml.replace("0707614285", "070761428");
        XmlParseException cprError = assertThrows(XmlParseException.class, () -> ModelXml.read(badCpr, Case.class));
        assertFalse(cprError.getMessage().contains("070761428"), cprError.getMessage());
        assertTrue(cprError.getMessage().contains("line 1"), cprError.getMessage());
        assertEquals(null, cprError.getCause(), "the parser's exception repeats the value");
        String body = xml.substring(xml.indexOf("?>") + 2);
        String doctype = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + body;
        assertThrows(XmlSecurityException.class, () -> ModelXml.read(doctype, Case.class));
        assertThrows(XmlParseException.class, () -> ModelXml.read("<case", Case.class));
        assertThrows(XmlParseException.class, () -> ModelXml.read(xml + "<case/>", Case.class), "a second root element");
        assertThrows(XmlParseException.class, () -> ModelXml.read(xml + "junk", Case.class), "text after the root");
        assertEquals(Samples.aCase(), ModelXml.read(xml + "<!-- comment -->\n", Case.class));
    }

    @Test
    void modelRulesGivePaths() {
        String xml = ModelXml.writeString(Samples.aCase());
        String impossibleDate = xml.replace("0707614285", "3213901234");
        ValidationException e = assertThrows(ValidationException.class, () -> ModelXml.read(impossibleDate, Case.class));
        assertEquals("case.parties[0].party.cpr", e.violations().get(0).path());
        assertFalse(e.getMessage().contains("3213901234"));
        String badCvr = xml.replace("25313763", "25313764");
        assertEquals("case.parties[2].party.cvr",
                assertThrows(ValidationException.class, () -> ModelXml.read(badCvr, Case.class)).violations().get(0).path());
    }
}

package dk.rammearkitektur.clients.common.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * Against the published Beskedfordeler schema in {@code ../shared} (skipped with a message when absent): the sample the
 * other tests parse is valid, and so is every message the builder makes, bare ({@code Beskedkuvert.xsd}) and as a push
 * ({@code AnvendersystemOperationer.xsd}). The schema factory may load schemas from files only.
 */
class EventMessageSchemaConformanceTest {
    private static Validator validator(Path folder, String xsd) throws Exception {
        Schema schema = SecureXml.schemaFactory("file").newSchema(folder.resolve(xsd).toFile());
        return SecureXml.validator(schema);
    }

    @Test
    void theSampleAndManyBuiltMessagesAreValid() throws Exception {
        Path folder = Samples.schemaFolder();
        Validator bare = validator(folder, "Beskedkuvert.xsd");
        Validator push = validator(folder, "AnvendersystemOperationer.xsd");
        bare.validate(new StreamSource(new ByteArrayInputStream(Samples.kombitLike())));
        List<EventMessage> messages = Envelopes.messages().sampleStream().limit(300).toList();
        for (EventMessage m : messages) {
            bare.validate(new StreamSource(new ByteArrayInputStream(m.toXml())));
            push.validate(new StreamSource(new ByteArrayInputStream(m.toModtagBeskedInput())));
        }
        assertEquals(300, messages.size());
    }

    @Test
    void theSchemaRejectsWhatTheParserRejects() throws Exception {
        Validator bare = validator(Samples.schemaFolder(), "Beskedkuvert.xsd");
        org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXException.class, () -> bare.validate(new StreamSource(
                new ByteArrayInputStream(Samples.bytes(Samples.without("<Beskedtype>"))))));
    }
}

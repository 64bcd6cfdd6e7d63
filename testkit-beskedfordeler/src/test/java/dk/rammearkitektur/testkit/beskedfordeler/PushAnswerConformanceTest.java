package dk.rammearkitektur.testkit.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.clients.beskedfordeler.push.PushReceiver;
import dk.rammearkitektur.clients.beskedfordeler.push.PushResponse;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.testkeys.TestKeys;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.UUID;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;

/**
 * Every answer the SDK's push receiver sends the Beskedfordeler (delivered, refused caller, unreadable body, failed
 * handler, wrong method) is a {@code ModtagBeskedOutput} valid against the published
 * {@code AnvendersystemOperationer.xsd}.
 */
class PushAnswerConformanceTest {

    @Test
    void everyAnswerIsAPublishedModtagBeskedOutput() throws Exception {
        Validator v = PublishedSchemas.validator("AnvendersystemOperationer.xsd");
        List<X509Certificate> platform = List.of(TestKeys.anchor());
        PushReceiver ok = PushReceiver.builder().platformCertificates(platform).handler(e -> { }).build();
        PushReceiver failing = PushReceiver.builder().platformCertificates(platform).handler(e -> {
            throw new IllegalStateException("down");
        }).build();
        byte[] event = EventMessage.builder().messageId(UUID.randomUUID()).messageType(UUID.randomUUID().toString())
                .build().toModtagBeskedInput();
        List<PushResponse> answers = List.of(ok.receive(event, platform), ok.receive(event, List.of()),
                ok.receive("<x/>".getBytes(StandardCharsets.UTF_8), platform), failing.receive(event, platform),
                ok.methodNotAllowed());
        assertEquals(List.of(20, 40, 40, 50, 40), answers.stream().map(PushResponse::statusCode).toList());
        for (PushResponse a : answers) {
            PublishedSchemas.validate(v, a.body());
        }
    }
}

package dk.rammearkitektur.clients.beskedfordeler.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.Envelopes;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.clients.beskedfordeler.UnreadableMessage;
import dk.rammearkitektur.clients.common.testkeys.TestKeys;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * A push is answered 20 only after the handler returned, once per message id; any failure answers an error so the
 * platform delivers again; only the pinned platform certificate may push.
 */
class PushReceiverTest {
    private static final X509Certificate PLATFORM = TestKeys.anchor();
    private final List<ReceivedEvent> handled = new ArrayList<>();
    private final List<UnreadableMessage> unreadable = new ArrayList<>();

    private PushReceiver receiver(AtomicBoolean fail) {
        return PushReceiver.builder().platformCertificates(List.of(PLATFORM)).onUnreadable(unreadable::add)
                .handler(e -> {
                    if (fail.get()) {
                        throw new IllegalStateException("database down for 010190-1234");
                    }
                    handled.add(e);
                }).build();
    }

    private static String status(PushResponse r) {
        Document d = SecureXml.parse(new ByteArrayInputStream(r.body()));
        assertEquals("ModtagBeskedOutput", d.getDocumentElement().getLocalName());
        assertEquals("urn:oio:sts:1.0.0", d.getDocumentElement().getNamespaceURI());
        return d.getElementsByTagNameNS("urn:oio:sagdok:3.0.0", "StatusKode").item(0).getTextContent();
    }

    @Test
    void handledPushIsAnswered20AndADuplicateIsNotHandledAgain() {
        PushReceiver r = receiver(new AtomicBoolean());
        UUID id = UUID.randomUUID();
        PushResponse first = r.receive(Envelopes.modtagBeskedInput(id, "<x/>"), List.of(PLATFORM));
        assertEquals(200, first.httpStatus());
        assertEquals("20", status(first));
        assertTrue(first.delivered());
        PushResponse again = r.receive(Envelopes.modtagBeskedInput(id, "<x/>"), List.of(PLATFORM));
        assertEquals("20", status(again));
        assertEquals(1, handled.size());
        assertEquals(id.toString(), handled.get(0).message().messageId());
        assertTrue(handled.get(0).dueslag().isEmpty());
    }

    @Test
    void failedHandlerIsAnswered50WithoutItsTextAndHandledWhenDeliveredAgain() {
        AtomicBoolean fail = new AtomicBoolean(true);
        PushReceiver r = receiver(fail);
        UUID id = UUID.randomUUID();
        PushResponse failed = r.receive(Envelopes.modtagBeskedInput(id, "<x/>"), List.of(PLATFORM));
        assertEquals(500, failed.httpStatus());
        assertEquals("50", status(failed));
        assertFalse(failed.delivered());
        String text = new String(failed.body(), StandardCharsets.UTF_8);
        assertFalse(text.contains("database") || text.contains("010190"), text);
        fail.set(false);
        assertEquals("20", status(r.receive(Envelopes.modtagBeskedInput(id, "<x/>"), List.of(PLATFORM))));
        assertEquals(1, handled.size());
    }

    @Test
    void onlyThePinnedPlatformCertificateWithinItsValidityMayPush() {
        PushReceiver r = receiver(new AtomicBoolean());
        byte[] body = Envelopes.modtagBeskedInput(UUID.randomUUID(), "<x/>");
        assertEquals(403, r.receive(body, List.of()).httpStatus());
        assertEquals(403, r.receive(body, null).httpStatus());
        PushReceiver otherPin = PushReceiver.builder().handler(handled::add)
                .platformCertificates(List.of(expiredCertificate())).build();
        assertEquals("40", status(otherPin.receive(body, List.of(PLATFORM))));
        PushReceiver later = PushReceiver.builder().handler(handled::add).platformCertificates(List.of(PLATFORM))
                .clock(Clock.fixed(Instant.parse("2040-01-01T00:00:00Z"), ZoneOffset.UTC)).build();
        assertEquals(403, later.receive(body, List.of(PLATFORM)).httpStatus());
        assertTrue(handled.isEmpty());
    }

    @Test
    void unreadableBodyIsAnswered40AfterTheUnreadableHandlerSawIt() {
        PushReceiver r = receiver(new AtomicBoolean());
        byte[] bad = "<sts:ModtagBeskedInput xmlns:sts=\"urn:oio:sts:1.0.0\"/>".getBytes(StandardCharsets.UTF_8);
        PushResponse answer = r.receive(bad, List.of(PLATFORM));
        assertEquals(400, answer.httpStatus());
        assertEquals("40", status(answer));
        assertEquals(1, unreadable.size());
        assertTrue(unreadable.get(0).dueslag().isEmpty());
        assertEquals(bad.length, unreadable.get(0).body().length);
        byte[] dtd = ("<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                .getBytes(StandardCharsets.UTF_8);
        assertEquals(400, r.receive(dtd, List.of(PLATFORM)).httpStatus());
        assertEquals(413, r.receive(new byte[PushReceiver.MAX_BODY_BYTES + 1], List.of(PLATFORM)).httpStatus());
        assertTrue(handled.isEmpty());
    }

    @Test
    void buildNamesEachMissingSetting() {
        ValidationException e = assertThrows(ValidationException.class, () -> PushReceiver.builder().clock(null)
                .onUnreadable(null).build());
        String m = e.getMessage();
        for (String field : List.of("handler", "platformCertificates", "clock", "onUnreadable")) {
            assertTrue(m.contains("pushReceiver." + field), field + " in " + m);
        }
    }

    private static X509Certificate expiredCertificate() {
        try {
            java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(TestKeys.expiredP12()), TestKeys.PASSWORD);
            return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
        } catch (java.security.GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

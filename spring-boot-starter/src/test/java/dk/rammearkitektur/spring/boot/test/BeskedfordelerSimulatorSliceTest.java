package dk.rammearkitektur.spring.boot.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.PostStatusEvent;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code @RammearkitekturSimulatorTest(beskedfordeler = true)}: the Beskedfordeler simulator runs, and the
 * auto-configured {@link BeskedfordelerClient} receives an event from a dueslag through it, with a token from the
 * Serviceplatformen simulator's STS; the Digital Post simulator's delivery statuses reach it too.
 */
@SpringBootTest(classes = BeskedfordelerSimulatorSliceTest.App.class)
@RammearkitekturSimulatorTest(beskedfordeler = true)
class BeskedfordelerSimulatorSliceTest {
    @Autowired
    BeskedfordelerClient client;
    @Autowired
    BeskedfordelerSimulator beskedfordeler;
    @Autowired
    ServiceplatformSimulator sts;
    @Autowired
    DigitalPostClient digitalPost;
    @Autowired
    DigitalPostSimulator post;

    @Test
    void anEventOnTheDueslagReachesTheAutoConfiguredClientsSubscription() throws Exception {
        UUID dueslag = beskedfordeler.createDueslag(sts.municipalityCvr());
        List<ReceivedEvent> received = new CopyOnWriteArrayList<>();
        try (EventSubscription s = client.subscription(dueslag).handler(received::add).start()) {
            assertTrue(s.awaitConsuming(Duration.ofSeconds(20)), String.valueOf(s.lastFailure()));
            UUID id = UUID.randomUUID();
            EventMessage event = EventMessage.builder().messageId(id).messageType("urn:test:slice").build();
            beskedfordeler.deliver(dueslag, id.toString(), event.toXml());
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty() && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            assertEquals(1, received.size(), "the event arrives once");
            assertEquals(id.toString(), received.get(0).message().messageId());
            assertEquals(dueslag, received.get(0).dueslag().orElseThrow());
        }
        assertEquals(0, beskedfordeler.depth(dueslag), "acknowledged");
    }

    @Test
    void theDeliveryStatusOfALetterSentByDigitalPostArrivesAsAnEvent() throws Exception {
        UUID dueslag = beskedfordeler.createDueslag(sts.municipalityCvr());
        beskedfordeler.subscribe(dueslag, PostStatusEvent.BESKEDTYPE);
        List<ReceivedEvent> received = new CopyOnWriteArrayList<>();
        try (EventSubscription s = client.subscription(dueslag).handler(received::add).start()) {
            assertTrue(s.awaitConsuming(Duration.ofSeconds(20)), String.valueOf(s.lastFailure()));
            byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
            MemoMessage memo = MemoMessage.builder(MemoVersion.V1_2)
                    .header(MessageHeader.builder(MessageType.DIGITALPOST).label("Afgørelse").mandatory(false)
                            .legalNotification(false).sender(Sender.cvr(post.authorityCvr(), "Kommunen").build())
                            .recipient(Recipient.cpr("1505821234").label("Test Person").build()).build())
                    .body(MessageBody.builder(Instant.now(), MainDocument.of("Afgørelse",
                            MemoFile.pdf("brev.pdf", pdf))).build())
                    .build();
            assertTrue(digitalPost.send(KombiRequest.digitalPost(memo)).accepted());
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < post.statuses().size() || received.isEmpty()) {
                assertTrue(System.nanoTime() < end, received.size() + " of " + post.statuses().size());
                Thread.sleep(20);
            }
            assertTrue(received.stream().allMatch(e -> PostStatusEvent.BESKEDTYPE.equalsIgnoreCase(
                    e.message().filter().messageType())), received.toString());
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}

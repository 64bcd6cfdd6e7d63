package dk.rammearkitektur.testkit.beskedfordeler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
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
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Digital Post simulator's delivery statuses reach the Beskedfordeler simulator, and the SDK's subscription reads
 * each as a {@link DeliveryStatus} that points back at the letter it was sent for.
 */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class DigitalPostStatusesTest {

    @Test
    void everyStatusOfASentLetterArrivesThroughTheDueslag(BeskedfordelerSimulator bf, ServiceplatformSimulator sts)
            throws Exception {
        List<DeliveryStatus> received = new CopyOnWriteArrayList<>();
        UUID dueslag = bf.createDueslag();
        bf.subscribe(dueslag, PostStatusEvent.BESKEDTYPE);
        try (DigitalPostSimulator dp = DigitalPostSimulator.builder().build().start();
                DigitalPostClient post = dp.clientBuilder().build();
                BeskedfordelerClient client = BeskedfordelerClient.builder()
                        .environment(BeskedfordelerEnvironment.custom(bf.host(), bf.port(), sts.baseUri(),
                                sts.baseUri()))
                        .systemCertificate(sts.systemIdentity().pkcs12("pw".toCharArray()), "pw".toCharArray())
                        .trustAnchors(List.of(bf.tlsTrustAnchor(), sts.tlsTrustAnchor()))
                        .stsCertificates(List.of(sts.stsCertificate())).authorityCvr(sts.municipalityCvr()).build()) {
            bf.followDigitalPost(dp);
            EventSubscription s = client.subscription(dueslag)
                    .handler(e -> received.add(DeliveryStatus.of(e.message()))).start();
            assertTrue(s.awaitConsuming(Duration.ofSeconds(20)));
            MemoMessage letter = letter();
            SendReceipt receipt = post.send(KombiRequest.digitalPost(letter));
            assertTrue(receipt.accepted());
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.size() < dp.statuses().size() || received.isEmpty()) {
                assertTrue(System.nanoTime() < end, "statuses received: " + received.size() + " of "
                        + dp.statuses().size());
                Thread.sleep(20);
            }
            UUID sentUuid = letter.header().messageUuid();
            assertTrue(received.stream().allMatch(st -> sentUuid.equals(st.messageUuid())), received.toString());
            assertEquals(dp.statuses().stream().map(PostStatusEvent::status).toList(),
                    received.stream().map(DeliveryStatus::statusText).toList());
            assertTrue(received.stream().anyMatch(st -> st.kind() == DeliveryStatus.Kind.DELIVERED));
            while (bf.depth(dueslag) > 0) {
                assertTrue(System.nanoTime() < end, "unacknowledged: " + bf.depth(dueslag));
                Thread.sleep(20);
            }
        }
    }

    private static MemoMessage letter() {
        byte[] pdf = "%PDF-1.7\nafgørelse".getBytes(StandardCharsets.UTF_8);
        return MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).label("Afgørelse om sygedagpenge")
                        .mandatory(false).legalNotification(false)
                        .sender(Sender.cvr("29189846", "Aarhus Kommune").build())
                        .recipient(Recipient.cpr("0101901234").build()).build())
                .body(MessageBody.builder(Instant.parse("2026-12-06T09:00:00Z"), MainDocument.of("Afgørelse",
                        MemoFile.of(MemoFile.PDF, "afgoerelse.pdf", "da", FileContent.ofBytes(pdf)))).build())
                .build();
    }
}

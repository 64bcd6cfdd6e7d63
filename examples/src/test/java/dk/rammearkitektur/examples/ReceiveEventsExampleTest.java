package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.clients.beskedfordeler.InMemoryDeduplication;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.clients.digitalpost.PrintAddress;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulatorExtension;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.PostStatusEvent;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ReceiveEventsExample} against the Beskedfordeler simulator, configured from a properties file as a vendor
 * would; the Digital Post simulator's delivery statuses of a sent letter arrive as events and as DeliveryStatuses.
 */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class ReceiveEventsExampleTest {
    @TempDir
    static Path dir;

    @Test
    void deliveryStatusesOfASentLetterArriveThroughTheDueslag(BeskedfordelerSimulator bf, ServiceplatformSimulator sts)
            throws Exception {
        UUID dueslag = bf.createDueslag(sts.municipalityCvr());
        bf.subscribe(dueslag, PostStatusEvent.BESKEDTYPE);
        Path file = SimulatorConfig.write(Files.createDirectories(dir.resolve("bf")), sts, null, "sts-soap");
        Files.writeString(file, String.join("\n", "", "beskedfordeler.host=" + bf.host(),
                "beskedfordeler.port=" + bf.port(), "beskedfordeler.dueslag=" + dueslag, ""), StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("bf").resolve("sp-tls.pem"), "\n" + dk.rammearkitektur.signing.Pem.encode(bf.tlsTrustAnchor()),
                StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
        ExampleConfig config = ExampleConfig.load(file, Map.of());
        List<EventMessage> events = new CopyOnWriteArrayList<>();
        List<DeliveryStatus> statuses = new CopyOnWriteArrayList<>();
        try (DigitalPostSimulator dp = DigitalPostSimulator.builder().build().start();
                BeskedfordelerClient client = config.beskedfordelerClient().build();
                EventSubscription s = ReceiveEventsExample.receive(client, config.dueslag(),
                        InMemoryDeduplication.create(), events::add, statuses::add)) {
            bf.followDigitalPost(dp);
            assertTrue(s.awaitConsuming(Duration.ofSeconds(20)), String.valueOf(s.lastFailure()));
            ExampleConfig post = ExampleConfig.load(SimulatorConfig.write(Files.createDirectories(dir.resolve("dp")),
                    null, dp, "digitalpost"), Map.of());
            byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
            SendDigitalPostExample.Outcome sent = SendDigitalPostExample.send(post, new SendDigitalPostExample.Letter(
                    "1505821234", "Test Person", PrintAddress.builder().personName("Test Person").streetName("Testvej")
                    .streetBuildingIdentifier("12").postCode("8000").district("Aarhus C").countryCode("DK").build(),
                    "Afgørelse", pdf, "Klagevejledning", pdf, null), Clock.systemUTC());
            assertTrue(sent.letter().accepted());
            long end = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (statuses.size() < dp.statuses().size() || statuses.isEmpty()) {
                assertTrue(System.nanoTime() < end, statuses.size() + " of " + dp.statuses().size());
                Thread.sleep(20);
            }
            assertEquals(dp.statuses().size(), events.size());
            assertTrue(events.stream().allMatch(ReceiveEventsExample::isPostStatus));
            assertTrue(statuses.stream().allMatch(st -> sent.messageUuid().equals(st.messageUuid())), statuses.toString());
            assertTrue(statuses.stream().anyMatch(st -> st.kind() == DeliveryStatus.Kind.DELIVERED));
            assertFalse(ReceiveEventsExample.isPostStatus(EventMessage.builder().messageId(UUID.randomUUID())
                    .messageType(PostStatusEvent.BESKEDTYPE).build()));
        }
    }
}

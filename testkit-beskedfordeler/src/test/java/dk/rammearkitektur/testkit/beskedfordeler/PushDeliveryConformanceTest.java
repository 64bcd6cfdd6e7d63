package dk.rammearkitektur.testkit.beskedfordeler;

import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.await;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.envelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.beskedfordeler.EventHandler;
import dk.rammearkitektur.clients.beskedfordeler.ReceivedEvent;
import dk.rammearkitektur.clients.beskedfordeler.push.PushReceiver;
import dk.rammearkitektur.clients.beskedfordeler.push.PushServer;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import dk.rammearkitektur.testkit.serviceplatform.internal.LoopbackHttpsServer;
import dk.rammearkitektur.testkit.serviceplatform.internal.SimulatorExchanges;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/**
 * The simulator's push delivery (BeskedFåTilsendt) into the SDK's {@link PushServer} and {@link PushReceiver}: an
 * event is handled once, a duplicate answered 20 without handling it again, a failing handler leads to redelivery
 * until it succeeds, an unpinned platform certificate is refused and redelivered, an event never accepted ends in
 * the push fejlkø after the maximum number of attempts, and only HTTP 200 with a ModtagBeskedOutput saying 20 counts.
 */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class PushDeliveryConformanceTest {
    private static final char[] PW = "push-server".toCharArray();
    private final BeskedfordelerSimulator bf;
    private final ServiceplatformSimulator sts;
    private final String type = UUID.randomUUID().toString();
    private final List<ReceivedEvent> handled = new CopyOnWriteArrayList<>();
    private final List<PushServer> servers = new ArrayList<>();

    PushDeliveryConformanceTest(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) {
        this.bf = bf;
        this.sts = sts;
    }

    @AfterEach
    void stop() {
        for (PushServer s : servers) {
            bf.stopPushingTo(s.uri());
            s.close();
        }
    }

    /** The testkit's TLS server certificate (localhost, 127.0.0.1), which the simulator trusts by default. */
    private static KeyStore serverKeys() throws Exception {
        ServerTls tls = ServerTls.shared();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("server", tls.serverKeys().getPrivate(), PW,
                new X509Certificate[] {tls.serverCertificate(), tls.ca()});
        return ks;
    }

    /** A push server whose receiver pins {@code pinned}, registered for {@link #type}. */
    private PushServer server(EventHandler handler, X509Certificate pinned) throws Exception {
        PushReceiver receiver = PushReceiver.builder().handler(handler).platformCertificates(List.of(pinned)).build();
        PushServer s = PushServer.builder().serverCertificate(serverKeys(), PW)
                .clientTrustAnchors(sts.pki().trustAnchors()).receiver(receiver).start();
        servers.add(s);
        bf.pushTo(s.uri(), type);
        return s;
    }

    private List<PushAttempt> attempts(String messageId) {
        return bf.pushDeliveries().stream().filter(a -> a.messageId().equals(messageId)).toList();
    }

    private String push() {
        String id = UUID.randomUUID().toString();
        return push(id);
    }

    private String push(String id) {
        assertEquals(1, bf.push(id, envelope(id, type)).size());
        return id;
    }

    @Test
    void pushedEventIsHandledOnceAndCountsOn200With20() throws Exception {
        PushServer s = server(handled::add, bf.platformCertificate());
        String id = push();
        await("the delivery", () -> attempts(id).size() == 1);
        PushAttempt a = attempts(id).get(0);
        assertTrue(a.delivered(), a.toString());
        assertEquals(s.uri(), a.url());
        assertEquals(1, a.attempt());
        assertEquals(200, a.httpStatus());
        assertEquals(20, a.statusKode());
        assertNull(a.failure());
        assertEquals(1, handled.size());
        assertEquals(id, handled.get(0).message().messageId());
        assertEquals(type, handled.get(0).message().filter().messageType());
    }

    @Test
    void duplicatePushIsAnswered20WithoutHandlingItAgain() throws Exception {
        server(handled::add, bf.platformCertificate());
        String id = push();
        await("the first delivery", () -> attempts(id).size() == 1);
        push(id);
        await("the second delivery", () -> attempts(id).size() == 2);
        assertTrue(attempts(id).stream().allMatch(PushAttempt::delivered), attempts(id).toString());
        assertEquals(1, handled.size());
    }

    @Test
    void handlerFailingTwiceIsRedeliveredUntilItSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server(e -> {
            if (calls.incrementAndGet() <= 2) {
                throw new IllegalStateException("not yet");
            }
            handled.add(e);
        }, bf.platformCertificate());
        String id = push();
        await("a delivery", () -> attempts(id).stream().anyMatch(PushAttempt::delivered));
        List<PushAttempt> all = attempts(id);
        assertEquals(List.of(1, 2, 3), all.stream().map(PushAttempt::attempt).toList());
        assertEquals(List.of(500, 500, 200), all.stream().map(PushAttempt::httpStatus).toList());
        assertEquals(List.of(50, 50, 20), all.stream().map(PushAttempt::statusKode).toList());
        assertEquals(1, handled.size());
        assertEquals(3, calls.get());
    }

    @Test
    void unpinnedPlatformCertificateIsRefusedAndRedelivered() throws Exception {
        server(handled::add, sts.systemIdentity().certificate());
        String id = push();
        await("two refused attempts", () -> attempts(id).size() >= 2);
        for (PushAttempt a : attempts(id)) {
            assertEquals(403, a.httpStatus(), a.toString());
            assertEquals(40, a.statusKode());
            assertTrue(!a.delivered());
        }
        assertTrue(handled.isEmpty());
    }

    @Test
    void eventNeverAcceptedEndsInTheFejlkoeAfterTheMaximumAttempts() throws Exception {
        server(e -> {
            throw new IllegalStateException("always failing");
        }, bf.platformCertificate());
        String id = push();
        await("the push fejlkø", () -> bf.pushFejlkoe().stream().anyMatch(a -> a.messageId().equals(id)));
        List<PushAttempt> all = attempts(id);
        assertEquals(List.of(1, 2, 3, 4, 5), all.stream().map(PushAttempt::attempt).toList());
        assertTrue(all.stream().noneMatch(PushAttempt::delivered));
        PushAttempt last = bf.pushFejlkoe().stream().filter(a -> a.messageId().equals(id)).findFirst().orElseThrow();
        assertEquals(5, last.attempt());
        Thread.sleep(300);
        assertEquals(5, attempts(id).size(), "nothing is tried after the fejlkø");
    }

    @Test
    void connectionFailureIsRedelivered() throws Exception {
        PushServer s = server(handled::add, bf.platformCertificate());
        s.close();
        String id = push();
        await("two failed attempts", () -> attempts(id).size() >= 2);
        for (PushAttempt a : attempts(id)) {
            assertEquals(-1, a.httpStatus(), a.toString());
            assertNull(a.statusKode());
            assertTrue(a.failure() != null && !a.failure().isBlank());
        }
    }

    @Test
    void publishedEventIsPushedTooAndObservedAsOneCall() throws Exception {
        server(handled::add, bf.platformCertificate());
        EventMessage event = EventMessage.builder().messageId(UUID.randomUUID()).messageType(type).build();
        TestObservationRegistry registry = TestObservationRegistry.create();
        try (BeskedfordelerClient client = BeskedfordelerClient.builder().observationRegistry(registry)
                .environment(BeskedfordelerEnvironment.custom(bf.host(), bf.port(), sts.baseUri(), sts.baseUri()))
                .systemCertificate(sts.systemIdentity().pkcs12(PW), PW)
                .trustAnchors(List.of(bf.tlsTrustAnchor(), sts.tlsTrustAnchor()))
                .stsCertificates(List.of(sts.stsCertificate())).authorityCvr(sts.municipalityCvr()).build()) {
            assertEquals(1, client.publish(event).attempts());
        }
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("rammearkitektur.client.call", 1)
                .hasAnObservation(o -> o.hasNameEqualTo("rammearkitektur.client.call")
                        .hasLowCardinalityKeyValue("service", "SF1462")
                        .hasLowCardinalityKeyValue("operation", "AfsendBesked")
                        .hasLowCardinalityKeyValue("outcome", "success"))
                .hasAnObservation(o -> o.hasNameEqualTo("rammearkitektur.sts.token")
                        .hasLowCardinalityKeyValue("entity.id", BeskedfordelerClient.SEND_ENTITY_ID)
                        .hasLowCardinalityKeyValue("result", "issued"));
        // The attempt is recorded once the reply is read, after the handler ran: wait for both.
        await("the pushed event handled", () -> handled.size() == 1 && attempts(event.messageId()).size() == 1);
        assertEquals(event.messageId(), handled.get(0).message().messageId());
        assertTrue(attempts(event.messageId()).get(0).delivered());
    }

    @Test
    void pushedDocumentsAreValidModtagBeskedInput() throws Exception {
        Validator v = PublishedSchemas.validator("AnvendersystemOperationer.xsd");
        server(handled::add, bf.platformCertificate());
        String id = push();
        await("the delivery", () -> attempts(id).size() == 1);
        byte[] sent = attempts(id).get(0).request();
        PublishedSchemas.validate(v, sent);
        Element root = SecureXml.parse(new ByteArrayInputStream(sent)).getDocumentElement();
        assertEquals("urn:oio:sts:1.0.0", root.getNamespaceURI());
        assertEquals("ModtagBeskedInput", root.getLocalName());
        assertThrows(org.xml.sax.SAXException.class, () -> PublishedSchemas.validate(v,
                "<sts:ModtagBeskedInput xmlns:sts=\"urn:oio:sts:1.0.0\"/>".getBytes(StandardCharsets.UTF_8)),
                "the schema can fail: a ModtagBeskedInput without its Haendelsesbesked");
    }

    @Test
    void http200WithoutStatus20DoesNotCount() throws Exception {
        String out = "<sts:ModtagBeskedOutput xmlns:sts=\"urn:oio:sts:1.0.0\" xmlns:sd=\"urn:oio:sagdok:3.0.0\">"
                + "<sd:StandardRetur><sd:StatusKode>%d</sd:StatusKode></sd:StandardRetur></sts:ModtagBeskedOutput>";
        List<String> replies = List.of(String.format(out, 40),
                "<sd:StandardRetur xmlns:sd=\"urn:oio:sagdok:3.0.0\"><sd:StatusKode>20</sd:StatusKode>"
                        + "</sd:StandardRetur>",
                String.format(out, 20));
        AtomicInteger n = new AtomicInteger();
        LoopbackHttpsServer raw = LoopbackHttpsServer.start(0, sts.pki().trustAnchors(), "raw-callback",
                Map.of("/cb", ex -> {
                    ex.getRequestBody().readAllBytes();
                    SimulatorExchanges.send(ex, 200, "text/xml", replies.get(Math.min(n.getAndIncrement(), 2))
                            .getBytes(StandardCharsets.UTF_8));
                }));
        URI callback = raw.baseUri().resolve("/cb");
        try {
            bf.pushTo(callback, type);
            String id = UUID.randomUUID().toString();
            assertEquals(List.of(callback), bf.push(id, envelope(id, type)));
            await("a delivery", () -> attempts(id).stream().anyMatch(PushAttempt::delivered));
            List<PushAttempt> all = attempts(id);
            assertEquals(List.of(200, 200, 200), all.stream().map(PushAttempt::httpStatus).toList());
            assertEquals(java.util.Arrays.asList(40, null, 20), all.stream().map(PushAttempt::statusKode).toList(),
                    "a bare StandardRetur is not a ModtagBeskedOutput");
            assertEquals(List.of(false, false, true), all.stream().map(PushAttempt::delivered).toList());
        } finally {
            bf.stopPushingTo(callback);
            raw.stop();
        }
    }

    @Test
    void callbackMustBeHttps() {
        assertThrows(IllegalArgumentException.class, () -> bf.pushTo(URI.create("http://127.0.0.1:1/x"), type));
        assertThrows(IllegalArgumentException.class,
                () -> bf.push("x", "<nope/>".getBytes(StandardCharsets.UTF_8)));
    }
}

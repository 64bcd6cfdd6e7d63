package dk.rammearkitektur.testkit.beskedfordeler;

import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.await;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.connect;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.consume;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.envelope;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.next;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.ssl;
import static dk.rammearkitektur.testkit.beskedfordeler.BrokerClients.token;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.serviceplatform.Fault;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import javax.net.ssl.SSLContext;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Element;

/** SF1462 as KOMBIT's sample publishes: confirms, mandatory, the token header, a reply on the shared reply-to queue. */
@ExtendWith(BeskedfordelerSimulatorExtension.class)
class PublishTest {
    private static final String SD = "urn:oio:sagdok:3.0.0";
    private final BeskedfordelerSimulator bf;
    private final ServiceplatformSimulator sts;
    private final SSLContext system;
    private String lastReply;

    PublishTest(BeskedfordelerSimulator bf, ServiceplatformSimulator sts) throws Exception {
        this.bf = bf;
        this.sts = sts;
        this.system = ssl(sts.systemIdentity(), bf.tlsTrustAnchor());
    }

    @AfterEach
    void clearFaults() {
        bf.faults().clear();
        sts.faults().clear();
    }

    /** The reply's StatusKode: publishes {@code body} with {@code headerToken} and waits for the correlated reply. */
    private int publish(String headerToken, String messageId, byte[] body) throws Exception {
        String connectionToken = token(sts, sts.systemIdentity(), ServiceplatformSimulator.BFO_SEND_ENTITY_ID);
        try (Connection c = connect(bf, system, connectionToken)) {
            Channel ch = c.createChannel();
            BlockingQueue<Delivery> replies = consume(ch, BeskedfordelerSimulator.REPLY_TO_QUEUE, true);
            ch.confirmSelect();
            String correlationId = UUID.randomUUID().toString();
            AMQP.BasicProperties props = new AMQP.BasicProperties.Builder().correlationId(correlationId)
                    .replyTo(BeskedfordelerSimulator.REPLY_TO_QUEUE).messageId(messageId).contentType("application/xml")
                    .headers(Map.of("token", headerToken)).build();
            ch.basicPublish(BeskedfordelerSimulator.AFSEND_EXCHANGE, "", true, false, props, body);
            ch.waitForConfirmsOrDie(BrokerClients.WAIT.toMillis());
            Delivery reply;
            do {
                reply = next(replies); // the reply queue is shared: skip other publishers' replies
            } while (!correlationId.equals(reply.getProperties().getCorrelationId()));
            Element root = SecureXml.parse(new String(reply.getBody(), StandardCharsets.UTF_8)).getDocumentElement();
            // every reply the simulator sends is a published sd:StandardRetur (SagDokObjekt.xsd) when the files are here
            for (Validator v : PublishedSchemas.ifPresent("1.1/SagDokObjekt.xsd").stream().toList()) {
                PublishedSchemas.validate(v, reply.getBody());
            }
            assertEquals("StandardRetur", root.getLocalName());
            assertEquals(SD, root.getNamespaceURI());
            int status = Integer.parseInt(root.getElementsByTagNameNS(SD, "StatusKode").item(0).getTextContent().trim());
            lastReply = root.getElementsByTagNameNS(SD, "FejlbeskedTekst").item(0).getTextContent();
            return status;
        }
    }

    private String sendToken() throws Exception {
        return token(sts, sts.systemIdentity(), ServiceplatformSimulator.BFO_SEND_ENTITY_ID);
    }

    @Test
    void publishedEnvelopeIsAnswered20AndRoutedToTheSubscribedDueslag() throws Exception {
        String type = UUID.randomUUID().toString();
        UUID subscribed = bf.createDueslag();
        UUID other = bf.createDueslag();
        bf.subscribe(subscribed, type.toUpperCase(java.util.Locale.ROOT));
        String id = UUID.randomUUID().toString();
        byte[] body = envelope(id, type);
        assertEquals(BeskedfordelerSimulator.STATUS_OK, publish(sendToken(), id, body), () -> lastReply);
        await("routing", () -> bf.depth(subscribed) == 1);
        List<QueuedMessage> routed = bf.messages(subscribed);
        assertEquals(id, routed.get(0).messageId());
        assertArrayEquals(body, routed.get(0).body());
        assertEquals(0, bf.depth(other));
        PublishedBesked p = bf.published().stream().filter(x -> id.equals(x.messageId())).findFirst().orElseThrow();
        assertEquals(sts.municipalityCvr(), p.cvr());
        assertEquals(type, p.beskedtype());
        assertEquals(List.of(subscribed), p.routedTo());
        assertEquals("OK", p.fejlbeskedTekst());
    }

    @Test
    void expiredHeaderTokenIsAnswered41() throws Exception {
        sts.faults().next(Fault.expiredToken());
        String expired = sendToken();
        String id = UUID.randomUUID().toString();
        assertEquals(BeskedfordelerSimulator.STATUS_TOKEN_EXPIRED, publish(expired, id, envelope(id, "x")),
                () -> lastReply);
    }

    @Test
    void expireTokensFaultAnswers41() throws Exception {
        String valid = sendToken();
        String connectionToken = sendToken();
        String id = UUID.randomUUID().toString();
        try (Connection c = connect(bf, system, connectionToken)) {
            bf.faults().expireTokens(true); // the open connection stays; the header token now counts as expired
            Channel ch = c.createChannel();
            BlockingQueue<Delivery> replies = consume(ch, BeskedfordelerSimulator.REPLY_TO_QUEUE, true);
            String correlationId = UUID.randomUUID().toString();
            ch.basicPublish(BeskedfordelerSimulator.AFSEND_EXCHANGE, "", true, false, new AMQP.BasicProperties.Builder()
                    .correlationId(correlationId).replyTo(BeskedfordelerSimulator.REPLY_TO_QUEUE).messageId(id)
                    .headers(Map.of("token", valid)).build(), envelope(id, "x"));
            Delivery reply;
            do {
                reply = next(replies);
            } while (!correlationId.equals(reply.getProperties().getCorrelationId()));
            assertTrue(new String(reply.getBody(), StandardCharsets.UTF_8).contains("<sd:StatusKode>41</sd:StatusKode>"));
        }
    }

    @Test
    void receiveTokenInTheHeaderIsRefused40() throws Exception {
        String receive = token(sts, sts.systemIdentity(), ServiceplatformSimulator.BFO_RECEIVE_ENTITY_ID);
        String id = UUID.randomUUID().toString();
        assertEquals(BeskedfordelerSimulator.STATUS_REFUSED, publish(receive, id, envelope(id, "x")));
    }

    @Test
    void bodyThatIsNotAHaendelsesbeskedIsRefused40() throws Exception {
        String id = UUID.randomUUID().toString();
        assertEquals(BeskedfordelerSimulator.STATUS_REFUSED,
                publish(sendToken(), id, "<StandardRetur/>".getBytes(StandardCharsets.UTF_8)));
        assertEquals(BeskedfordelerSimulator.STATUS_REFUSED,
                publish(sendToken(), id, BeskedfordelerFaults.MALFORMED));
    }
}

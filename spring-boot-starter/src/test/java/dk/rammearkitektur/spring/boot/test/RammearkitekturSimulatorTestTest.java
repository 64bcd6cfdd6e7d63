package dk.rammearkitektur.spring.boot.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.clients.stoettesystemer.OrganisationClient;
import dk.rammearkitektur.clients.stoettesystemer.UnitRecord;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.MailboxEntry;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * The test slice: {@code @SpringBootTest} with {@code @RammearkitekturSimulatorTest} gets clients of the
 * Serviceplatformen and Digital Post simulators, and the simulators as beans.
 */
@SpringBootTest(classes = RammearkitekturSimulatorTestTest.App.class,
        properties = "rammearkitektur.environment=production")
@RammearkitekturSimulatorTest
class RammearkitekturSimulatorTestTest {
    /** A CPR number the Digital Post simulator delivers to (registered by default). */
    private static final String CPR = "1505821234";

    @Autowired
    KlassifikationClient klassifikation;
    @Autowired
    OrganisationClient organisation;
    @Autowired
    DigitalPostClient digitalPost;
    @Autowired
    ServiceplatformSimulator sim;
    @Autowired
    DigitalPostSimulator post;
    @Autowired
    @Qualifier("rammearkitekturStsHealthIndicator")
    HealthIndicator sts;
    @Autowired
    ApplicationContext context;

    @Test
    void theAutoConfiguredClientsCallTheSimulatorEvenWhenTheApplicationNamesAnotherEnvironment() {
        assertEquals("32.18.02", klassifikation.resolveSubject(KleNumber.parse("32.18.02")).orElseThrow().key());
        assertTrue(sim.requestCount("SF1510") > 0, "the simulator saw the call");
        assertNotNull(context.getBean(ServiceplatformClient.class));
    }

    @Test
    void readsAnOrganisationUnitOfTheSimulatorsMunicipality() {
        SimulatorData.OrgUnit unit = sim.data().organisation(sim.municipalityCvr()).orElseThrow().units().get(0);
        UnitRecord read = organisation.readUnit(unit.uuid()).orElseThrow();
        assertEquals(unit.uuid(), read.uuid());
        assertEquals(unit.name(), read.name());
    }

    @Test
    void aLetterSentThroughTheAutoConfiguredClientIsInTheSimulatorsMailbox() {
        byte[] pdf = "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        MemoMessage memo = MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).label("Afgørelse").mandatory(false)
                        .legalNotification(false).sender(Sender.cvr(post.authorityCvr(), "Kommunen").build())
                        .recipient(Recipient.cpr(CPR).label("Test Person").build()).build())
                .body(MessageBody.builder(Instant.now(), MainDocument.of("Afgørelse", MemoFile.pdf("brev.pdf", pdf)))
                        .build())
                .build();
        SendReceipt receipt = digitalPost.send(KombiRequest.digitalPost(memo));
        assertTrue(receipt.accepted(), receipt.toString());
        List<MailboxEntry> mailbox = post.mailbox(CPR);
        assertTrue(mailbox.stream().anyMatch(m -> m.messageUuid().equals(memo.header().messageUuid())),
                mailbox.toString());
    }

    @Test
    void theStsHealthCoversBothSimulatorsStss() {
        Health h = sts.health();
        assertEquals(Status.UP, h.getStatus(), h.toString());
        assertEquals(List.of("serviceplatform", "klassifikation", "organisation"),
                ((Map<?, ?>) h.getDetails().get("serviceplatform")).get("clients"), h.toString());
        assertEquals(post.baseUri() + DigitalPostSimulator.STS_REST_PATH.substring(1),
                ((Map<?, ?>) h.getDetails().get("digital-post")).get("endpoint"), h.toString());
    }

    @Test
    void anUnknownSectionIsRefusedByName() {
        @RammearkitekturSimulatorTest(clients = "klassifkation")
        class Misspelt {
        }
        ValidationException e = assertThrows(ValidationException.class,
                () -> new SimulatorContextCustomizerFactory().createContextCustomizer(Misspelt.class, List.of()));
        assertEquals("@RammearkitekturSimulatorTest.clients", e.violations().get(0).path());
        assertTrue(e.getMessage().contains("klassifkation"), e.getMessage());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }
}

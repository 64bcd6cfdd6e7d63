package dk.rammearkitektur.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.clients.digitalpost.PrintAddress;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.MailboxEntry;
import dk.rammearkitektur.testkit.digitalpost.PrintedLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SendDigitalPostExample} against the Digital Post simulator. */
class SendDigitalPostExampleTest {
    private static final String DIGITAL_CPR = "1505821234";
    private static final String EXEMPT_CPR = "1208471236";
    @TempDir
    static Path dir;
    private static DigitalPostSimulator sim;
    private static ExampleConfig config;

    @BeforeAll
    static void start() throws Exception {
        sim = DigitalPostSimulator.builder().build().start();
        config = ExampleConfig.load(SimulatorConfig.write(dir, null, sim, "digitalpost"), Map.of());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void clean() {
        sim.reset();
        sim.registerForNemSms(DIGITAL_CPR).exemptFromDigitalPost(EXEMPT_CPR);
    }

    private static SendDigitalPostExample.Letter letter(String cpr, String text) {
        PrintAddress address = PrintAddress.builder().personName("Test Person").streetName("Testvej")
                .streetBuildingIdentifier("12").postCode("8000").district("Aarhus C").countryCode("DK").build();
        return new SendDigitalPostExample.Letter(cpr, "Test Person", address, "Afgørelse om sygedagpenge",
                pdf("afgørelse"), "Klagevejledning", pdf("klagevejledning"), text);
    }

    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + "\n%%EOF\n").getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void letterWithAttachmentAndNemSmsForACitizenWithDigitalPost() {
        SendDigitalPostExample.Outcome o = SendDigitalPostExample.send(config,
                letter(DIGITAL_CPR, "Du har fået post fra kommunen."), Clock.systemUTC());
        assertTrue(o.digital());
        assertTrue(o.letter().accepted(), o.letter().toString());
        assertTrue(o.sms().orElseThrow().accepted());
        List<MailboxEntry> box = sim.mailbox(DIGITAL_CPR);
        assertEquals(1, box.size());
        assertEquals(2, box.get(0).files().size(), "letter and attachment");
        assertEquals(o.messageUuid(), box.get(0).messageUuid());
        assertEquals(1, sim.smsOutbox().size());
        assertEquals("Du har fået post fra kommunen.", sim.smsOutbox().get(0).text());
        assertTrue(sim.printQueue().isEmpty());
        assertTrue(sim.violations().isEmpty(), sim.conformanceReport());
    }

    @Test
    void exemptCitizenGetsAPrintedLetterAndNoSms() {
        SendDigitalPostExample.Outcome o = SendDigitalPostExample.send(config, letter(EXEMPT_CPR, "not sent"),
                Clock.systemUTC());
        assertFalse(o.digital());
        assertTrue(o.letter().accepted());
        assertTrue(o.sms().isEmpty());
        List<PrintedLetter> printed = sim.printQueue();
        assertEquals(1, printed.size());
        assertEquals("Test Person", printed.get(0).personName());
        assertEquals(0, sim.mailboxTotal());
        assertTrue(sim.smsOutbox().isEmpty());
    }

    @Test
    void theDeliveryReceiptIsReadFromPkoPostStatus() {
        SendDigitalPostExample.Outcome o = SendDigitalPostExample.send(config, letter(DIGITAL_CPR, null),
                Clock.systemUTC());
        assertTrue(o.sms().isEmpty(), "no text, no notification");
        List<DeliveryStatus> statuses = sim.statuses().stream().filter(e -> o.messageUuid().equals(e.messageUuid()))
                .map(e -> SendDigitalPostExample.receipt(e.openStream())).toList();
        assertFalse(statuses.isEmpty());
        DeliveryStatus status = statuses.get(statuses.size() - 1);
        assertEquals(o.messageUuid(), status.messageUuid());
        assertEquals(DeliveryStatus.Kind.DELIVERED, status.kind(), statuses.toString());
        assertEquals(o.letter().transmissionId(), status.transmissionId());
    }
}

package dk.rammearkitektur.testkit.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.KombiXml;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.PrintAddress;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.clients.digitalpost.Transmission;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Where the platform's behaviour is not published (failure body, repeated transaction ids and messageUUIDs), the
 * simulator's behaviour is configurable, and the client handles every form safely: a refusal stays a refusal,
 * nothing is delivered twice unless the simulator is told to, nothing is reported delivered that was not.
 */
class SimulatorModesTest {
    /** Every status text a public source shows. */
    private static final Set<String> SOURCED = Set.of("Modtaget Digital Post", "Afleveret Digital Post", "Fejlet", "Afsendt",
            "Modtaget", "Klar", "Afleveret til print og kuvertering", "Opdatering fra Post Danmark", "Tilbagekaldt");

    @ParameterizedTest
    @EnumSource(DigitalPostSimulator.FailureReply.class)
    void everyFailureBodyIsARefusalWithTheHttpStatus(DigitalPostSimulator.FailureReply form) {
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().failureReply(form).build().start();
                DigitalPostClient client = sim.clientBuilder().build()) {
            sim.exemptFromDigitalPost(Letters.EXEMPT_CPR);
            ServiceFaultException e = assertThrows(ServiceFaultException.class,
                    () -> client.send(KombiRequest.digitalPost(Letters.letter(Letters.EXEMPT_CPR, Letters.pdf(10)))));
            assertEquals(400, e.httpStatus().getAsInt(), form.toString());
            assertTrue(e.request(Transmission.class).isPresent());
            switch (form) {
                case FEJL -> assertEquals(DigitalPostErrors.NOT_REACHABLE, e.faultCode());
                case ADVIS -> assertTrue(e.faultText().startsWith(DigitalPostErrors.NOT_REACHABLE), e.faultText());
                case PLAIN_TEXT -> {
                    assertEquals("HTTP 400", e.faultCode());
                    assertTrue(e.faultText().contains("exempt"), e.faultText());
                    assertFalse(e.getMessage().contains(Letters.EXEMPT_CPR), e.getMessage());
                }
                case EMPTY -> {
                    assertEquals("HTTP 400", e.faultCode());
                    assertNull(e.faultText());
                }
                default -> throw new AssertionError(form);
            }
            assertEquals(1, sim.requestCount("KOMBI"), "a refusal is not repeated");
            assertEquals(0, sim.mailboxTotal());
        }
    }

    @Test
    void aSuccessCarriesTheAdvisReceived() {
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start();
                DigitalPostClient client = sim.clientBuilder().build()) {
            SendReceipt r = client.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(10))));
            assertEquals(List.of("Received"), r.advices().stream().map(SendReceipt.Advice::text).collect(Collectors.toList()));
        }
    }

    @Test
    void aRepeatedMessageUuidIsHandledAsConfigured() {
        for (DigitalPostSimulator.RepeatedMessage mode : DigitalPostSimulator.RepeatedMessage.values()) {
            try (DigitalPostSimulator sim = DigitalPostSimulator.builder().repeatedMessage(mode).build().start();
                    DigitalPostClient client = sim.clientBuilder().build()) {
                MemoMessage letter = Letters.letter(Letters.CPR, Letters.pdf(10));
                client.send(KombiRequest.digitalPost(letter));
                Transmission again = client.prepare(KombiRequest.digitalPost(letter));
                switch (mode) {
                    case ACKNOWLEDGE -> {
                        assertTrue(client.send(again).accepted());
                        assertEquals(1, sim.mailboxTotal());
                    }
                    case REFUSE -> {
                        ServiceFaultException e = assertThrows(ServiceFaultException.class, () -> client.send(again));
                        assertEquals(DigitalPostErrors.DUPLICATE_MESSAGE, e.faultCode());
                        assertEquals(1, sim.mailboxTotal());
                    }
                    case DELIVER_AGAIN -> {
                        assertTrue(client.send(again).accepted());
                        assertEquals(2, sim.mailboxTotal(), "the simulator was told to deliver repeats");
                    }
                    default -> throw new AssertionError(mode);
                }
            }
        }
    }

    @Test
    void aRepeatedTransactionIdIsHandledAsConfigured() throws Exception {
        for (DigitalPostSimulator.RepeatedTransaction mode : DigitalPostSimulator.RepeatedTransaction.values()) {
            try (DigitalPostSimulator sim = DigitalPostSimulator.builder().repeatedTransaction(mode).build().start();
                    DigitalPostClient client = sim.clientBuilder().build()) {
                Transmission t = client.prepare(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(10))));
                SendReceipt first = client.send(t);
                switch (mode) {
                    case REPLAY -> assertEquals(first.transmissionId(), client.resend(t).transmissionId());
                    case REFUSE -> assertEquals(DigitalPostErrors.TRANSACTION_REUSED,
                            assertThrows(ServiceFaultException.class, () -> client.resend(t)).faultCode());
                    case HANDLE_AGAIN -> assertTrue(client.resend(t).accepted(), "acknowledged by the messageUUID rule");
                    default -> throw new AssertionError(mode);
                }
                assertEquals(1, sim.mailboxTotal(), mode + ": the letter is delivered once");
            }
        }
    }

    @Test
    void onlySourcedStatusTextsAreEmittedAndAFailedDeliveryCarriesItsDetails() {
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start();
                DigitalPostClient client = sim.clientBuilder().build()) {
            sim.registerForNemSms(Letters.CPR).failDeliveriesTo(Letters.EXEMPT_CPR);
            client.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(10))));
            client.send(KombiRequest.nemSms(Letters.sms(Letters.CPR, "Husk tandlægen")));
            client.send(KombiRequest.physicalPost(Letters.print(Letters.CPR, Letters.pdf(10))));
            MemoMessage failing = Letters.letter(Letters.EXEMPT_CPR, Letters.pdf(10));
            client.send(KombiRequest.digitalPost(failing));
            for (PostStatusEvent e : sim.statuses()) {
                assertTrue(SOURCED.contains(e.status()), e.status());
                DeliveryStatus d = DeliveryStatus.parse(e.openStream());
                assertFalse(d.kind() == DeliveryStatus.Kind.UNKNOWN, e.status());
            }
            assertEquals(6, sim.statuses().size(), "two per Digital Post and print letter, none for NemSMS");
            DeliveryStatus last = DeliveryStatus.parse(sim.statuses().get(5).openStream());
            assertEquals(DeliveryStatus.Kind.FAILED, last.kind());
            assertEquals(failing.header().messageUuid(), last.messageUuid());
            assertEquals("1", last.errorCode());
        }
    }

    @Test
    void thePrintPartIsCheckedAgainstThePublishedSchemaAndAttachmentsArrive() throws Exception {
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start();
                DigitalPostClient client = sim.clientBuilder().build()) {
            Assumptions.assumeTrue(sim.validatesPrintAgainstXsd(), "published Fjernprint XSD not found in ../shared");
            assertTrue(sim.conformanceReport().contains("published Fjernprint XSD"), sim.conformanceReport());
            PrintShipment p = PrintShipment.builder("brev-7", FileContent.ofBytes(Letters.pdf(20))).cprPlaceholder()
                    .address(PrintAddress.builder().personName("Jens Hansen").lines(List.of("Storgatan 1", "111 22 Stockholm"))
                            .countryCode("SE").build())
                    .senderDetails(PrintShipment.SenderDetails.of("sagsbehandler"))
                    .addAttachment(PrintShipment.Attachment.of("Vejledning", 0, FileContent.ofBytes(Letters.pdf(30))))
                    .addAttachment(PrintShipment.Attachment.of("Klagevejledning", 1, FileContent.ofBytes(Letters.pdf(40))))
                    .build();
            client.send(KombiRequest.physicalPost(p));
            PrintedLetter printed = sim.printQueue().get(0);
            assertEquals(List.of("Vejledning", "Klagevejledning"),
                    printed.attachments().stream().map(ReceivedFile::filename).collect(Collectors.toList()));
            assertEquals(Letters.sha256(Letters.pdf(40)), printed.attachments().get(1).sha256());
            DeliveryStatus printStatus = DeliveryStatus.parse(sim.statuses().get(0).openStream());
            assertEquals("brev-7", printStatus.shipmentId());
            assertEquals("sagsbehandler", printStatus.print().userName(), "the print fields echo the request");
            assertEquals("no violations", sim.conformanceReport().lines().reduce((a, b) -> b).orElseThrow(), sim.conformanceReport());
            String bad = new String(KombiXml.toBytes(KombiRequest.physicalPost(Letters.print(Letters.CPR, Letters.pdf(10)))),
                    StandardCharsets.UTF_8).replace(">8000<", ">DK-8000<");
            HttpResponse<String> r = SimulatorRequests.kombi(sim, bad);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("Fjernprint XSD"), r.body());
        }
    }

    @Test
    void theDigitalPostParametersAndTheSenderAddressAreAcceptedAndChecked(@TempDir Path noContracts) throws Exception {
        PrintShipment p = PrintShipment.builder("brev-8", FileContent.ofBytes(Letters.pdf(20))).cvr("29189846")
                .senderDetails(PrintShipment.SenderDetails.of("sagsbehandler").withSenderAddress(PrintAddress.builder()
                        .personName("Aarhus Kommune").streetName("Rådhuspladsen").streetBuildingIdentifier("2").postCode("8000")
                        .build()))
                .digitalPostParameters(new PrintShipment.DigitalPostParameters(null, 3L, "standard", null, null,
                        new PrintShipment.Fesd(null, null, "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", null), true))
                .build();
        String missing = new String(KombiXml.toBytes(KombiRequest.physicalPost(p)), StandardCharsets.UTF_8)
                .replace("<fjernprint:MedsendDokumentRegistreringIndikator>true</fjernprint:MedsendDokumentRegistreringIndikator>", "");
        for (DigitalPostSimulator.Builder b : List.of(DigitalPostSimulator.builder(), DigitalPostSimulator.builder().contracts(noContracts))) {
            try (DigitalPostSimulator sim = b.build().start(); DigitalPostClient client = sim.clientBuilder().build()) {
                assertTrue(client.send(KombiRequest.physicalPost(p)).accepted(), sim.conformanceReport());
                assertEquals("no violations", sim.conformanceReport().lines().reduce((x, y) -> y).orElseThrow(), sim.conformanceReport());
                HttpResponse<String> r = SimulatorRequests.kombi(sim, missing);
                assertEquals(400, r.statusCode(), r.body());
                assertTrue(r.body().contains("MedsendDokumentRegistreringIndikator"), r.body());
            }
        }
    }

    @Test
    void theMessageMayComeAfterThePrintPart() throws Exception {
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start()) {
            sim.exemptFromDigitalPost(Letters.EXEMPT_CPR);
            String x = new String(KombiXml.toBytes(KombiRequest.automatic(Letters.letter(Letters.EXEMPT_CPR, Letters.pdf(10)),
                    Letters.print(Letters.EXEMPT_CPR, Letters.pdf(10)))), StandardCharsets.UTF_8);
            int m0 = x.indexOf("<memo:Message");
            int m1 = x.indexOf("</memo:Message>") + "</memo:Message>".length();
            int end = x.indexOf("</kombi_request>");
            String printFirst = x.substring(0, m0) + x.substring(m1, end) + x.substring(m0, m1) + x.substring(end);
            HttpResponse<String> r = SimulatorRequests.kombi(sim, printFirst);
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(1, sim.printQueue().size());
            assertEquals("no violations", sim.conformanceReport().lines().reduce((a, b) -> b).orElseThrow(), sim.conformanceReport());
        }
    }

    @Test
    void aConfiguredSizeLimitIsARefusal() {
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().maxFileBytes(1000).build().start();
                DigitalPostClient client = sim.clientBuilder().build()) {
            assertTrue(client.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(1000)))).accepted());
            ServiceFaultException e = assertThrows(ServiceFaultException.class,
                    () -> client.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(1001)))));
            assertEquals(413, e.httpStatus().getAsInt());
            assertEquals(DigitalPostErrors.TOO_LARGE, e.faultCode());
            assertEquals(1, sim.mailboxTotal());
        }
    }

    @Test
    void theMessageMustUseThePrefixMemo() throws Exception {
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start()) {
            String x = new String(KombiXml.toBytes(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(10)))),
                    StandardCharsets.UTF_8).replace("memo:", "m:").replace("xmlns:memo=", "xmlns:m=");
            HttpResponse<String> r = SimulatorRequests.kombi(sim, x);
            assertEquals(400, r.statusCode(), r.body());
            assertTrue(r.body().contains("prefix memo"), r.body());
        }
    }
}

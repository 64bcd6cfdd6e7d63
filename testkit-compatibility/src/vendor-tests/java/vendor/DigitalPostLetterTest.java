package vendor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
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
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulatorTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A vendor's letter by Digital Post (SF1601) through the SDK's client against the testkit's simulator. */
@DigitalPostSimulatorTest
class DigitalPostLetterTest {
    @Test
    void sendsALetterThroughTheSimulator(DigitalPostSimulator sim, DigitalPostClient client) {
        byte[] pdf = "%PDF-1.7\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        MemoMessage letter = MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).label("Afgørelse")
                        .mandatory(false).legalNotification(false)
                        .sender(Sender.cvr("29189846", "Aarhus Kommune").build())
                        .recipient(Recipient.cpr("0101901234").build()).build())
                .body(MessageBody.builder(Instant.parse("2026-11-25T09:00:00Z"),
                        MainDocument.of("Afgørelse", MemoFile.of(MemoFile.PDF, "afgoerelse.pdf", "da",
                                FileContent.ofBytes(pdf)))).build())
                .build();
        assertTrue(client.send(KombiRequest.digitalPost(letter)).accepted());
        assertEquals(1, sim.mailboxTotal());
    }
}

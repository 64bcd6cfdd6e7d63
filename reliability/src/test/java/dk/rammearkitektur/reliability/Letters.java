package dk.rammearkitektur.reliability;

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
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Small, valid Digital Post letters and NemSMS messages for fault and soak tests. */
public final class Letters {
    /** A fictitious citizen. */
    public static final String CPR = "0101901234";
    /** The sending municipality. */
    public static final String SENDER_CVR = "29189846";

    private Letters() {
    }

    /** A tiny PDF-looking attachment of {@code size} bytes. */
    public static byte[] pdf(int size) {
        byte[] b = new byte[size];
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            b[i] = i < head.length ? head[i] : (byte) ('a' + i % 26);
        }
        return b;
    }

    /** A Digital Post letter to {@code cpr} with the given messageUUID and a small PDF. */
    public static MemoMessage letter(String cpr, UUID messageUuid) {
        return MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).messageUuid(messageUuid)
                        .label("Afgørelse om boligstøtte").mandatory(false).legalNotification(false)
                        .sender(Sender.cvr(SENDER_CVR, "Aarhus Kommune").build())
                        .recipient(Recipient.cpr(cpr).build()).build())
                .body(MessageBody.builder(Instant.parse("2026-11-25T09:00:00Z"),
                        MainDocument.of("Afgørelse", MemoFile.of(MemoFile.PDF, "afgoerelse.pdf", "da",
                                FileContent.ofBytes(pdf(600))))).build())
                .build();
    }

    /** A NemSMS message to {@code cpr} with the given messageUUID. */
    public static MemoMessage sms(String cpr, UUID messageUuid, String text) {
        return MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.NEMSMS).messageUuid(messageUuid).label("Påmindelse")
                        .notification(text).sender(Sender.cvr(SENDER_CVR, "Aarhus Kommune").build())
                        .recipient(Recipient.cpr(cpr).build()).build())
                .build();
    }
}

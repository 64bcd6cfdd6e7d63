package dk.rammearkitektur.testkit.digitalpost;

import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.PrintAddress;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** Test letters (the console tests take their PDF bytes from here too). */
public final class Letters {
    static final String CPR = "0101901234";
    static final String EXEMPT_CPR = "0202802345";
    static final String SENDER_CVR = "29189846";

    private Letters() {
    }

    /** {@code size} bytes that start as a PDF does. */
    public static byte[] pdf(int size) {
        byte[] b = new byte[size];
        byte[] head = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < size; i++) {
            b[i] = i < head.length ? head[i] : (byte) (i * 31 + 7);
        }
        return b;
    }

    static MemoMessage letter(MemoVersion version, String cpr, FileContent content) {
        return MemoMessage.builder(version)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).label("Afgørelse om boligstøtte")
                        .mandatory(false).legalNotification(false)
                        .sender(Sender.cvr(SENDER_CVR, "Aarhus Kommune").build())
                        .recipient(Recipient.cpr(cpr).build()).build())
                .body(MessageBody.builder(Instant.parse("2026-11-25T09:00:00Z"),
                        MainDocument.of("Afgørelse", MemoFile.of(MemoFile.PDF, "afgoerelse.pdf", "da", content))).build())
                .build();
    }

    static MemoMessage letter(String cpr, byte[] pdf) {
        return letter(MemoVersion.V1_2, cpr, FileContent.ofBytes(pdf));
    }

    static MemoMessage sms(String cpr, String text) {
        return MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.NEMSMS).label("Påmindelse").notification(text)
                        .sender(Sender.cvr(SENDER_CVR, "Aarhus Kommune").build())
                        .recipient(Recipient.cpr(cpr).build()).build())
                .build();
    }

    static PrintShipment print(String cpr, byte[] pdf) {
        return PrintShipment.builder(UUID.randomUUID().toString(), FileContent.ofBytes(pdf)).cpr(cpr)
                .address(PrintAddress.builder().personName("Jens Hansen").streetName("Rådhuspladsen")
                        .streetBuildingIdentifier("2").postCode("8000").district("Aarhus C").countryCode("DK").build())
                .title("Afgørelse om boligstøtte").build();
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

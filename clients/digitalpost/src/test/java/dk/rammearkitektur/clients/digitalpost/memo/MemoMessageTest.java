package dk.rammearkitektur.clients.digitalpost.memo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class MemoMessageTest {

    private static List<String> paths(ValidationException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toList());
    }

    @Test
    void samplesAreValid() {
        for (MemoVersion v : MemoVersion.values()) {
            assertEquals(v, MemoSamples.full(v).version());
            assertEquals(v, MemoSamples.minimal(v).version());
            assertTrue(MemoSamples.nemSms(v).isNemSms());
        }
        assertEquals("1.1.0", MemoSamples.minimal(MemoVersion.V1_1).memoSchVersion());
        assertNull(MemoSamples.minimal(MemoVersion.V1_2).memoSchVersion());
    }

    @Test
    void reportsEveryViolationAtOnceWithFullPaths() {
        MessageHeader header = MessageHeader.builder(MessageType.DIGITALPOST)
                .messageUuid(UUID.fromString("8c2b0c8e-2f8e-1c5a-9d3b-3f1f8a7e2b10"))
                .label("x".repeat(257))
                .sender(Sender.cvr("2918984", "Aarhus Kommune").build())
                .recipient(Recipient.cpr(MemoSamples.CPR).build())
                .build();
        MainDocument main = new MainDocument(null, null, List.of(
                MemoFile.of("application/pdf", "brev?.pdf", "dan", FileContent.ofBytes(new byte[1]))),
                List.of(Action.link("Se sagen", ActionCode.SELVBETJENING, URI.create("http://www.borger.dk/"))));
        ValidationException e = assertThrows(ValidationException.class, () -> MemoMessage.builder(MemoVersion.V1_1)
                .header(header).body(MessageBody.builder(MemoSamples.CREATED, main).build()).build());
        assertEquals(List.of(
                "message.header.messageUuid",
                "message.header.label",
                "message.header.mandatory",
                "message.header.legalNotification",
                "message.header.sender.senderId",
                "message.body.mainDocument.files[0].filename",
                "message.body.mainDocument.files[0].language",
                "message.body.mainDocument.actions[0].entryPoint"), paths(e));
        assertTrue(e.getMessage().startsWith("8 violations: message.header.messageUuid: must be a version 4 (random) UUID; "),
                e.getMessage());
        assertTrue(e.getMessage().contains("message.body.mainDocument.actions[0].entryPoint: must be an absolute https:// link"),
                e.getMessage());
    }

    @Test
    void missingPartsAreViolationsNotNullPointers() {
        ValidationException e = assertThrows(ValidationException.class, () -> new MemoMessage(null, null, null, null));
        assertEquals(List.of("message.version", "message.header"), paths(e));
        ValidationException files = assertThrows(ValidationException.class, () -> MemoMessage.builder(MemoVersion.V1_2)
                .header(MemoSamples.minimal(MemoVersion.V1_2).header())
                .body(new MessageBody(null, new MainDocument(null, null, Arrays.asList((MemoFile) null), null), null,
                        Arrays.asList((TechnicalDocument) null)))
                .build());
        assertEquals(List.of("message.body.createdDateTime", "message.body.mainDocument.files[0]",
                "message.body.technicalDocuments[0]"), paths(files));
        ValidationException empty = assertThrows(ValidationException.class, () -> MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(null).messageUuid(null).build()).build());
        assertEquals(List.of("message.header.messageType", "message.header.messageUuid", "message.header.label",
                "message.header.sender", "message.header.recipient"), paths(empty));
    }

    @Test
    void nemSmsIsAHeaderWithTheTextInTheNotification() {
        MessageHeader h = MemoSamples.nemSms(MemoVersion.V1_2).header();
        ValidationException withBody = assertThrows(ValidationException.class, () -> MemoMessage.builder(MemoVersion.V1_2)
                .header(h).body(MemoSamples.minimal(MemoVersion.V1_2).body()).build());
        assertEquals(List.of("message.body"), paths(withBody));
        MessageHeader tooLong = MessageHeader.builder(MessageType.NEMSMS).label("SMS").notification("z".repeat(151))
                .sender(h.sender()).recipient(Recipient.cvr("29189846").build()).build();
        ValidationException e = assertThrows(ValidationException.class,
                () -> MemoMessage.builder(MemoVersion.V1_2).header(tooLong).build());
        assertEquals(List.of("message.header.notification", "message.header.recipient.idType"), paths(e));
        MessageHeader noText = MessageHeader.builder(MessageType.NEMSMS).label("SMS").sender(h.sender()).recipient(h.recipient()).build();
        assertEquals(List.of("message.header.notification"), paths(assertThrows(ValidationException.class,
                () -> MemoMessage.builder(MemoVersion.V1_2).header(noText).build())));
        MessageHeader exact = MessageHeader.builder(MessageType.NEMSMS).label("SMS").notification("z".repeat(150))
                .sender(h.sender()).recipient(h.recipient()).build();
        assertEquals(150, MemoMessage.builder(MemoVersion.V1_2).header(exact).build().header().notification().length());
    }

    @Test
    void digitalPostNeedsABody() {
        MessageHeader h = MemoSamples.minimal(MemoVersion.V1_2).header();
        assertEquals(List.of("message.body"), paths(assertThrows(ValidationException.class,
                () -> MemoMessage.builder(MemoVersion.V1_2).header(h).build())));
    }

    @Test
    void actionsNeedHttpsLinksAndReservationsOnlyForAppointments() {
        Reservation r = Reservation.builder().description("Møde").reservationUuid(UUID.randomUUID()).abstractText("Møde")
                .location("Rådhuset").startDateTime(Instant.parse("2025-03-10T10:00:00Z"))
                .endDateTime(Instant.parse("2025-03-10T09:00:00Z")).build();
        List<Action> actions = List.of(
                Action.link("a", ActionCode.INFORMATION, URI.create("https://example.dk/" + "p".repeat(250))),
                Action.link("b", ActionCode.INFORMATION, URI.create("ftp://example.dk/")),
                Action.link("c", ActionCode.INFORMATION, URI.create("https:relative")),
                new Action("d", ActionCode.BETALING, null, null, r, URI.create("https://example.dk/")),
                new Action("e", ActionCode.UNDERSKRIV, Instant.parse("2025-03-02T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"), null, null));
        ValidationException e = assertThrows(ValidationException.class, () -> MemoMessage.builder(MemoVersion.V1_2)
                .header(MemoSamples.minimal(MemoVersion.V1_2).header())
                .body(MessageBody.builder(MemoSamples.CREATED, new MainDocument(null, null,
                        List.of(MemoFile.pdf("a.pdf", new byte[0])), actions)).build())
                .build());
        String a = "message.body.mainDocument.actions";
        assertEquals(List.of(a + "[0].entryPoint", a + "[1].entryPoint", a + "[2].entryPoint", a + "[3]", a + "[3].reservation",
                a + "[3].reservation.endDateTime", a + "[4].endDateTime"), paths(e));
    }

    @Test
    void filenamesAreCheckedAndCanBeSanitised() {
        for (String bad : List.of("a<b", "a>b", "a:b", "a\"b", "a/b", "a\\b", "a|b", "a?b", "a*b", "a\rb", "a\nb",
                "a\u00a0b", "a\u2000b", "a\u200ab", "a\u2028b", "a\u205fb", "a\u2060b", "a\u3000b")) {
            ValidationException e = assertThrows(ValidationException.class, () -> MemoMessage.builder(MemoVersion.V1_2)
                    .header(MemoSamples.minimal(MemoVersion.V1_2).header())
                    .body(MessageBody.builder(MemoSamples.CREATED, MainDocument.of("x", MemoFile.pdf(bad, new byte[0]))).build())
                    .build(), bad);
            assertEquals(List.of("message.body.mainDocument.files[0].filename"), paths(e));
            assertFalse(MemoFile.sanitizeFilename(bad).chars().anyMatch(c -> c != 'a' && c != 'b' && c != '-'), bad);
        }
        assertEquals("Afgørelse- boligstøtte -2025-.pdf", MemoFile.sanitizeFilename("Afgørelse: boligstøtte <2025>.pdf"));
        assertEquals("a-b", MemoFile.sanitizeFilename("a<>:\u3000b"));
        assertEquals("a\u2011b", MemoFile.sanitizeFilename("a\u2011b"));
        assertNull(MemoFile.sanitizeFilename(null));
    }

    @Test
    void toStringMasksCprNumbersAndOmitsFileBytes() {
        MemoMessage m = MemoSamples.full(MemoVersion.V1_2);
        String s = m.toString();
        assertFalse(s.contains(MemoSamples.CPR), s);
        assertTrue(s.contains("recipientId=010190-****"), s);
        assertTrue(s.contains("cprNumber=010190-****"), s);
        assertTrue(s.contains("FileContent[" + MemoSamples.PDF.length + " bytes]"), s);
        assertFalse(Recipient.cpr(MemoSamples.CPR).build().toString().contains("1234"));
        assertFalse(CprData.of(MemoSamples.CPR, "x").toString().contains("1234"));
    }

    @Test
    void violationsNeverEchoValues() {
        ValidationException e = assertThrows(ValidationException.class, () -> MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.NEMSMS).label("SMS til 0101901234").notification("n".repeat(151))
                        .sender(Sender.cvr("29189846", "K").build()).recipient(Recipient.cpr("010190123").build()).build())
                .build());
        assertFalse(e.getMessage().contains("010190123"), e.getMessage());
        assertFalse(e.getMessage().contains("nnnn"), e.getMessage());
    }

    @Test
    void textMustBeXmlSafeAndLengthsAreCountedInUtf16Units() {
        String emoji = "\uD83D\uDE00";
        MessageHeader.Builder h = MessageHeader.builder(MessageType.DIGITALPOST).label(emoji.repeat(128))
                .sender(Sender.cvr("29189846", "K").build()).recipient(Recipient.cpr(MemoSamples.CPR).build());
        MessageBody body = MemoSamples.minimal(MemoVersion.V1_2).body();
        assertEquals(256, MemoMessage.builder(MemoVersion.V1_2).header(h.build()).body(body).build().header().label().length());
        for (String bad : List.of("a" + emoji.repeat(128), "bad\u0000", "bad\uFFFE", "bad\uDC00x", "\uD800")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> MemoMessage.builder(MemoVersion.V1_2).header(h.label(bad).build()).body(body).build());
            assertEquals(List.of("message.header.label"), paths(e));
        }
    }

    @Test
    void versionAttributeParsesAsDecimal() {
        assertEquals(Optional.of(MemoVersion.V1_1), MemoVersion.fromAttribute("1.1"));
        assertEquals(Optional.of(MemoVersion.V1_2), MemoVersion.fromAttribute(" 1.20 "));
        assertEquals(Optional.empty(), MemoVersion.fromAttribute("1.3"));
        assertEquals(Optional.empty(), MemoVersion.fromAttribute("one"));
    }

    @Test
    void listsAreCopied() {
        List<MemoFile> files = new java.util.ArrayList<>(List.of(MemoFile.pdf("a.pdf", new byte[0])));
        MainDocument d = new MainDocument(null, null, files, null);
        files.clear();
        assertEquals(1, d.files().size());
        assertThrows(UnsupportedOperationException.class, () -> d.files().add(null));
        assertEquals(List.of(), d.actions());
        byte[] bytes = {1, 2, 3};
        FileContent c = FileContent.ofBytes(bytes);
        bytes[0] = 9;
        assertEquals(FileContent.ofBytes(new byte[] {1, 2, 3}), c);
    }
}

package dk.rammearkitektur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MemoXml;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MemoCommandTest {
    private static final String UUID_TEXT = "8c2b0c8e-2f8e-4c5a-9d3b-3f1f8a7e2b10";

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    private static String letter() {
        MemoMessage m = MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).messageUuid(UUID.fromString(UUID_TEXT)).label("Afgørelse")
                        .sender(Sender.cvr("29189846", "Aarhus Kommune").build())
                        .recipient(Recipient.cpr("0101901234").build()).build())
                .body(MessageBody.builder(Instant.parse("2025-03-03T09:00:00Z"),
                        MainDocument.of("Afgørelse", MemoFile.pdf("afgoerelse.pdf", new byte[1000]))).build())
                .build();
        return new String(MemoXml.toBytes(m), StandardCharsets.UTF_8);
    }

    private static Path write(Path dir, String xml) throws IOException {
        return Files.writeString(dir.resolve("memo.xml"), xml, StandardCharsets.UTF_8);
    }

    @Test
    void validMessageExitsZeroAndSummarisesWithTheCprMasked(@TempDir Path dir) throws IOException {
        Result r = run("memo", "validate", write(dir, letter()).toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("valid: MeMo 1.2 DIGITALPOST message " + UUID_TEXT), r.out());
        assertTrue(r.out().contains("recipient: CPR 010190-****"), r.out());
        assertTrue(r.out().contains("files: 1 (1000 bytes)"), r.out());
        assertFalse(r.out().contains("0101901234"), r.out());
    }

    @Test
    void invalidMessageExitsTwoWithEveryViolation(@TempDir Path dir) throws IOException {
        String bad = letter().replace(UUID_TEXT, "8c2b0c8e-2f8e-1c5a-9d3b-3f1f8a7e2b10")
                .replace("afgoerelse.pdf", "afgørelse: endelig.pdf")
                .replace("<memo:label>Afgørelse</memo:label><memo:Sender>", "<memo:label> </memo:label><memo:Sender>");
        Result r = run("memo", "validate", write(dir, bad).toString());
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("invalid: 3 violation(s)"), r.err());
        assertTrue(r.err().contains("message.header.messageUuid: must be a version 4 (random) UUID"), r.err());
        assertTrue(r.err().contains("message.header.label: must not be blank"), r.err());
        assertTrue(r.err().contains("message.body.mainDocument.files[0].filename: must not contain"), r.err());
        assertFalse(r.err().contains("0101901234"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void brokenXmlAndMissingFilesExitTwo(@TempDir Path dir) throws IOException {
        Result broken = run("memo", "validate", write(dir, letter().replace("</memo:Message>", "</memo:Besked>")).toString());
        assertEquals(2, broken.code(), broken.err());
        assertTrue(broken.err().contains("xml: must be well-formed XML"), broken.err());
        Result missing = run("memo", "validate", dir.resolve("nope.xml").toString());
        assertEquals(2, missing.code(), missing.err());
        assertTrue(missing.err().contains("file: does not exist"), missing.err());
    }

    @Test
    void doctypeIsRefusedWithExitThree(@TempDir Path dir) throws IOException {
        String evil = letter().replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE m [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>");
        Result r = run("memo", "validate", write(dir, evil).toString());
        assertEquals(3, r.code(), r.err());
        assertTrue(r.err().contains("xml.doctype"), r.err());
    }

    @Test
    void memoWithoutSubcommandIsAUsageError() {
        Result r = run("memo");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("rammearkitektur memo: Missing required subcommand"), r.err());
    }
}

package dk.rammearkitektur.clients.digitalpost.memo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.XmlSecurityException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MemoXmlTest {

    static String xml(MemoMessage m) {
        return new String(MemoXml.toBytes(m), StandardCharsets.UTF_8);
    }

    static MemoMessage read(String xml) throws IOException {
        return MemoXml.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> paths(ValidationException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toList());
    }

    @ParameterizedTest
    @EnumSource(MemoVersion.class)
    void fullMessageValidatesAgainstPublishedSchemaAndRoundTrips(MemoVersion version) throws IOException {
        MemoMessage m = MemoSamples.full(version);
        byte[] bytes = MemoXml.toBytes(m);
        MemoSchemas.assumeAvailable();
        MemoSchemas.validate(version, bytes);
        assertEquals(m, MemoXml.read(new ByteArrayInputStream(bytes)));
    }

    @ParameterizedTest
    @EnumSource(MemoVersion.class)
    void minimalAndNemSmsMessagesValidateAndRoundTrip(MemoVersion version) throws IOException {
        MemoSchemas.assumeAvailable();
        for (MemoMessage m : List.of(MemoSamples.minimal(version), MemoSamples.nemSms(version))) {
            byte[] bytes = MemoXml.toBytes(m);
            MemoSchemas.validate(version, bytes);
            assertEquals(m, MemoXml.read(new ByteArrayInputStream(bytes)));
        }
    }

    @Test
    void fullMessageRoundTripsWithoutSchemas() throws IOException {
        for (MemoVersion v : MemoVersion.values()) {
            MemoMessage m = MemoSamples.full(v);
            assertEquals(m, read(xml(m)));
        }
    }

    @Test
    void writesTheMemoPrefixVersionAttributesAndUtcDates() {
        String v11 = xml(MemoSamples.minimal(MemoVersion.V1_1));
        assertTrue(v11.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><memo:Message xmlns:memo=\"https://DigitalPost.dk/MeMo-1\""), v11);
        assertTrue(v11.contains("memoVersion=\"1.1\" memoSchVersion=\"1.1.0\""), v11);
        assertTrue(v11.contains("<memo:createdDateTime>2025-03-03T09:15:30Z</memo:createdDateTime>"), v11);
        assertTrue(v11.contains("<memo:mandatory>false</memo:mandatory><memo:legalNotification>false</memo:legalNotification>"), v11);
        String v12 = xml(MemoSamples.minimal(MemoVersion.V1_2));
        assertTrue(v12.contains("memoVersion=\"1.2\""), v12);
        assertFalse(v12.contains("memoSchVersion"), v12);
        assertFalse(v12.contains("xmlns=\""), "no default namespace: " + v12);
    }

    @Test
    void writesFileContentAsBase64() {
        String x = xml(MemoSamples.minimal(MemoVersion.V1_2));
        String expected = java.util.Base64.getEncoder().encodeToString(MemoSamples.PDF);
        assertTrue(x.contains("<memo:content>" + expected + "</memo:content>"), x);
    }

    @Test
    void nemSmsHasNoBody() {
        String x = xml(MemoSamples.nemSms(MemoVersion.V1_2));
        assertFalse(x.contains("MessageBody"), x);
        assertTrue(x.contains("<memo:messageType>NEMSMS</memo:messageType>"), x);
    }

    @Test
    void carriageReturnsAndMarkupCharactersSurviveTheRoundTrip() throws IOException {
        MemoMessage m = MemoSamples.full(MemoVersion.V1_2);
        MemoMessage back = read(xml(m));
        assertEquals("Videresendt til rette myndighed\r\nmed venlig hilsen", back.header().forwardData().comment());
        assertEquals("Afgørelse om boligstøtte <&> \"citat\"", back.header().label());
    }

    @Test
    void doctypeIsRefused() {
        String x = xml(MemoSamples.minimal(MemoVersion.V1_2)).replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>");
        XmlSecurityException e = assertThrows(XmlSecurityException.class, () -> read(x));
        assertEquals("xml.doctype", e.reason());
    }

    @Test
    void notWellFormedXmlIsAParseError() {
        assertThrows(XmlParseException.class, () -> read("<memo:Message xmlns:memo=\"https://DigitalPost.dk/MeMo-1\" memoVersion=\"1.2\"></memo:Nachricht>"));
    }

    @Test
    void wrongRootIsRefusedWithAPath() {
        ValidationException e = assertThrows(ValidationException.class, () -> read("<Message memoVersion=\"1.2\"/>"));
        assertEquals(List.of("message"), paths(e));
    }

    @Test
    void elementsOutOfSchemaOrderAreRefused() {
        String x = xml(MemoSamples.minimal(MemoVersion.V1_2)).replace("<memo:label>Brev</memo:label>", "")
                .replace("<memo:Sender>", "<memo:label>Brev</memo:label><memo:Sender>");
        ValidationException e = assertThrows(ValidationException.class, () -> read(x));
        assertEquals(List.of("message.header"), paths(e));
        assertTrue(e.getMessage().contains("memo:label"), e.getMessage());
    }

    @Test
    void unknownElementsAreRefused() {
        String x = xml(MemoSamples.minimal(MemoVersion.V1_2)).replace("<memo:Sender>", "<memo:Sender><memo:bogus/>");
        ValidationException e = assertThrows(ValidationException.class, () -> read(x));
        assertEquals(List.of("message.header.sender"), paths(e));
    }

    @Test
    void badValuesAreAllReportedWithTheirPaths() {
        String x = xml(MemoSamples.full(MemoVersion.V1_2))
                .replace(MemoSamples.MESSAGE_UUID.toString(), "8c2b0c8e-2f8e-1c5a-9d3b-3f1f8a7e2b10")
                .replace("<memo:createdDateTime>2025-03-03T09:15:30Z", "<memo:createdDateTime>2025-03-03T10:15:30+01:00")
                .replace("<memo:reply>true", "<memo:reply>yes")
                .replace("https://www.borger.dk/boligstoette?sag=1", "http://www.borger.dk/")
                .replace("Afgørelse om boligstøtte.pdf", "Afgørelse: boligstøtte.pdf")
                .replace("<memo:actionCode>INFORMATION", "<memo:actionCode>LAES");
        ValidationException e = assertThrows(ValidationException.class, () -> read(x));
        assertEquals(List.of("message.header.reply", "message.body.createdDateTime",
                "message.body.additionalDocuments[0].actions[0].actionCode",
                "message.header.messageUuid", "message.body.mainDocument.files[0].filename",
                "message.body.mainDocument.actions[0].entryPoint"), paths(e), e.getMessage());
    }

    @Test
    void versionAttributesFollowTheVersionRules() {
        String v12 = xml(MemoSamples.minimal(MemoVersion.V1_2));
        ValidationException withSch = assertThrows(ValidationException.class,
                () -> read(v12.replace("memoVersion=\"1.2\"", "memoVersion=\"1.2\" memoSchVersion=\"1.2.0\"")));
        assertEquals(List.of("message.memoSchVersion"), paths(withSch));
        String v11 = xml(MemoSamples.minimal(MemoVersion.V1_1));
        ValidationException noSch = assertThrows(ValidationException.class,
                () -> read(v11.replace(" memoSchVersion=\"1.1.0\"", "")));
        assertEquals(List.of("message.memoSchVersion"), paths(noSch));
        ValidationException noFlags = assertThrows(ValidationException.class,
                () -> read(v11.replace("<memo:mandatory>false</memo:mandatory>", "")));
        assertEquals(List.of("message.header.mandatory"), paths(noFlags));
        ValidationException unknown = assertThrows(ValidationException.class,
                () -> read(v12.replace("memoVersion=\"1.2\"", "memoVersion=\"2.0\"")));
        assertEquals(List.of("message.version"), paths(unknown));
        ValidationException representativeIn11 = assertThrows(ValidationException.class,
                () -> read(v11.replace("<memo:label>Aarhus Kommune</memo:label>",
                        "<memo:label>Aarhus Kommune</memo:label><memo:Representative><memo:label>R</memo:label></memo:Representative>")));
        assertEquals(List.of("message.header.sender.representative"), paths(representativeIn11));
    }

    @Test
    void versionAttributeIsReadAsADecimal() throws IOException {
        String v11 = xml(MemoSamples.minimal(MemoVersion.V1_1)).replace("memoVersion=\"1.1\"", "memoVersion=\"1.10\"");
        assertEquals(MemoVersion.V1_1, read(v11).version());
    }

    @Test
    void invalidBase64IsRefusedAtTheContentPath() {
        String good = java.util.Base64.getEncoder().encodeToString(MemoSamples.PDF);
        String x = xml(MemoSamples.minimal(MemoVersion.V1_2));
        for (String bad : List.of(good.substring(1), "QUJD=QUJD", "QU*D", "QUJD\u00e6")) {
            ValidationException e = assertThrows(ValidationException.class,
                    () -> read(x.replace(good, bad)), bad);
            assertEquals(List.of("message.body.mainDocument.files[0].content"), paths(e));
        }
    }

    @Test
    void base64MayBeWrappedInWhitespace() throws IOException {
        String good = java.util.Base64.getEncoder().encodeToString(MemoSamples.PDF);
        String wrapped = java.util.Base64.getMimeEncoder(8, "\r\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(MemoSamples.PDF);
        String x = xml(MemoSamples.minimal(MemoVersion.V1_2)).replace(good, "\n  " + wrapped + "\t\n");
        assertArrayEquals(MemoSamples.PDF, read(x).body().mainDocument().files().get(0).content().readAllBytes());
    }

    @Test
    void tempFileSinkKeepsContentOnDiskAndCleansUpOnFailure(@TempDir Path dir) throws IOException {
        MemoMessage m = MemoSamples.full(MemoVersion.V1_2);
        byte[] bytes = MemoXml.toBytes(m);
        MemoMessage back = MemoXml.read(new ByteArrayInputStream(bytes), FileContentSink.tempFiles(dir));
        MemoFile first = back.body().mainDocument().files().get(0);
        assertArrayEquals(MemoSamples.PDF, first.content().readAllBytes());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(5, files.count());
        }
        Path failing = Files.createDirectory(dir.resolve("failing"));
        String broken = new String(bytes, StandardCharsets.UTF_8).replace("<data/>", "x")
                .replace(java.util.Base64.getEncoder().encodeToString("<data/>".getBytes(StandardCharsets.UTF_8)), "@@@@");
        assertThrows(ValidationException.class,
                () -> MemoXml.read(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), FileContentSink.tempFiles(failing)));
        try (Stream<Path> files = Files.list(failing)) {
            assertEquals(0, files.count(), "files of a failed read are deleted");
        }
    }

    @Test
    void streamSinkHandsBytesToTheCallerAndKeepsOnlyTheSize() throws IOException {
        Map<String, ByteArrayOutputStream> got = new HashMap<>();
        List<String> names = new ArrayList<>();
        MemoMessage back = MemoXml.read(new ByteArrayInputStream(MemoXml.toBytes(MemoSamples.full(MemoVersion.V1_1))),
                FileContentSink.toStreams((path, filename) -> {
                    names.add(filename);
                    return got.computeIfAbsent(path, p -> new ByteArrayOutputStream());
                }));
        assertArrayEquals(MemoSamples.PDF, got.get("message.body.mainDocument.files[0]").toByteArray());
        assertEquals(List.of("Afgørelse om boligstøtte.pdf", "noter.txt", "beregning.pdf", "vejledning.pdf", "data.xml"), names);
        FileContent kept = back.body().mainDocument().files().get(0).content();
        assertEquals(MemoSamples.PDF.length, kept.knownSize().getAsLong());
        assertThrows(IOException.class, kept::openStream);
    }

    @Test
    void inMemorySinkRefusesFilesOverItsLimit() {
        ValidationException e = assertThrows(ValidationException.class, () -> MemoXml.read(
                new ByteArrayInputStream(MemoXml.toBytes(MemoSamples.minimal(MemoVersion.V1_2))), FileContentSink.inMemory(10)));
        assertEquals(List.of("message.body.mainDocument.files[0].content"), paths(e));
    }

    @Test
    void contentIsReadFromPathsAndStreamsWhenWritten(@TempDir Path dir) throws IOException {
        Path pdf = Files.write(dir.resolve("a.pdf"), MemoSamples.PDF);
        int[] opened = {0};
        MemoMessage m = MemoMessage.builder(MemoVersion.V1_2)
                .header(MemoSamples.minimal(MemoVersion.V1_2).header())
                .body(MessageBody.builder(MemoSamples.CREATED, new MainDocument(null, null, List.of(
                        MemoFile.pdf("a.pdf", pdf),
                        MemoFile.of("application/pdf", "b.pdf", "da", FileContent.ofStream(() -> {
                            opened[0]++;
                            return new ByteArrayInputStream(MemoSamples.PDF);
                        }))), List.of())).build())
                .build();
        MemoMessage back = read(xml(m));
        assertEquals(1, opened[0]);
        for (MemoFile f : back.body().mainDocument().files()) {
            assertArrayEquals(MemoSamples.PDF, f.content().readAllBytes());
        }
    }

    @Test
    void failingContentSurfacesAsIOException() {
        MemoMessage m = MemoMessage.builder(MemoVersion.V1_2)
                .header(MemoSamples.minimal(MemoVersion.V1_2).header())
                .body(MessageBody.builder(MemoSamples.CREATED, MainDocument.of("x",
                        MemoFile.pdf("missing.pdf", Path.of("/nonexistent/missing.pdf")))).build())
                .build();
        assertThrows(IOException.class, () -> MemoXml.write(m, OutputStream.nullOutputStream()));
    }

    @Test
    void readingIgnoresSchemaLocationAttributesButNotOthers() throws IOException {
        String x = xml(MemoSamples.minimal(MemoVersion.V1_2)).replace("memoVersion=\"1.2\"",
                "memoVersion=\"1.2\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"a b\"");
        assertNull(read(x).memoSchVersion());
        ValidationException e = assertThrows(ValidationException.class,
                () -> read(xml(MemoSamples.minimal(MemoVersion.V1_2)).replace("memoVersion=\"1.2\"", "memoVersion=\"1.2\" extra=\"1\"")));
        assertEquals(List.of("message"), paths(e));
    }
}

package dk.rammearkitektur.clients.digitalpost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.FileContentSink;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoSamples;
import dk.rammearkitektur.clients.digitalpost.memo.MemoSchemas;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;

public class KombiXmlTest {
    static final byte[] LETTER = "%PDF-1.7 printed letter".getBytes(StandardCharsets.US_ASCII);

    public static PrintShipment print() {
        return printBuilder(FileContent.ofBytes(LETTER)).build();
    }

    static PrintShipment.Builder printBuilder(FileContent letter) {
        return PrintShipment.builder("5b0a8b8e-0d4e-4b7c-8a3f-2c1d0e9f8a7b", letter)
                .shipmentTypeId(12345).cpr(MemoSamples.CPR)
                .address(PrintAddress.builder().personName("Test Borger").coName("c/o Værge").streetName("Rådhuspladsen")
                        .streetBuildingIdentifier("2").floor("1").suite("th").postCode("8000").district("Aarhus C").build())
                .title("Afgørelse om boligstøtte")
                .printOptions(PrintShipment.PrintOptions.of("Duplex", "SH", "C5"))
                .postCategory(PrintShipment.PostCategory.PRIORITAIRE);
    }

    static KombiRequest read(byte[] xml) throws IOException {
        return KombiXml.read(new ByteArrayInputStream(xml), FileContentSink.inMemory());
    }

    static List<String> paths(ValidationException e) {
        return e.violations().stream().map(Violation::path).collect(Collectors.toList());
    }

    @Test
    void everyChannelRoundTrips() throws IOException {
        List<KombiRequest> requests = List.of(
                KombiRequest.digitalPost(MemoSamples.full(MemoVersion.V1_2)),
                KombiRequest.nemSms(MemoSamples.nemSms(MemoVersion.V1_1)),
                KombiRequest.physicalPost(print()),
                KombiRequest.automatic(MemoSamples.minimal(MemoVersion.V1_2), print()),
                KombiRequest.automatic(MemoSamples.minimal(MemoVersion.V1_1), null));
        for (KombiRequest k : requests) {
            byte[] xml = KombiXml.toBytes(k);
            KombiRequest back = read(xml);
            assertEquals(k.channel(), back.channel());
            assertEquals(k.memo(), back.memo());
            if (k.print() != null) {
                assertEquals(k.print().address(), back.print().address());
                assertEquals(k.print().printOptions(), back.print().printOptions());
                assertEquals(k.print().content(), back.print().content());
                assertEquals(k.print(), back.print());
            } else {
                assertNull(back.print());
            }
        }
    }

    /** A print part using every element the SDK models: attachments, channel-independent and transaction parameters. */
    static PrintShipment fullPrint() {
        PrintShipment.Builder b = printBuilder(FileContent.ofBytes(LETTER)).documentUuid("2b1c9d7e-4f3a-4e6b-9c8d-1a2b3c4d5e6f")
                .letterDate(java.time.LocalDate.of(2025, 3, 3))
                .transaction(new PrintShipment.TransactionParameters(java.time.Instant.parse("2025-03-03T09:15:30Z"),
                        "masse-1", "Kun fejl", "kvittering@aarhus.dk"))
                .senderDetails(new PrintShipment.SenderDetails("Borgerservice", "Sagsbehandler Å", "konto-7",
                        PrintAddress.builder().personName("Aarhus Kommune").coName("Borgerservice").streetName("Rådhuspladsen")
                                .streetBuildingIdentifier("2").postCode("8000").district("Aarhus C").build(),
                        true, true, false, "Fysisk Post", false))
                .digitalPostParameters(new PrintShipment.DigitalPostParameters(java.time.Instant.parse("2025-03-04T08:00:00Z"),
                        4L, "angivet", 0L, 17L, new PrintShipment.Fesd("0f1e2d3c-4b5a-4968-8776-655443322110", null,
                                "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", null), true));
        for (int i = 0; i < 3; i++) {
            b.addAttachment(PrintShipment.Attachment.of("Bilag " + i + " – vejledning", i,
                    FileContent.ofBytes(("%PDF bilag " + i).getBytes(StandardCharsets.US_ASCII))));
        }
        return b.build();
    }

    /** The smallest DigitalPostParametre and a sender address given as lines. */
    static PrintShipment minimalDigitalPostAndLinesSender() {
        return printBuilder(FileContent.ofBytes(LETTER)).digitalPostParameters(PrintShipment.DigitalPostParameters.of(false))
                .senderDetails(PrintShipment.SenderDetails.of("sagsbehandler").withSenderAddress(PrintAddress.builder()
                        .personName("Kommunen").lines(List.of("Box 1", "8000 Aarhus C")).build()))
                .build();
    }

    /** A letter to a citizen named by the CPR placeholder, with a foreign address given as lines. */
    static PrintShipment placeholderWithLines() {
        return PrintShipment.builder("brev-2", FileContent.ofBytes(LETTER)).cprPlaceholder()
                .address(PrintAddress.builder().personName("Test Borger").lines(List.of("Storgatan 1", "SE-111 22 Stockholm"))
                        .countryCode("SE").build())
                .build();
    }

    /** A structured address with a delivery sublocation and a post office box. */
    static PrintShipment boxAddress() {
        return PrintShipment.builder("brev-3", FileContent.ofBytes(LETTER)).cvr("29189846")
                .address(PrintAddress.builder().personName("Firma A/S").streetName("Industrivej").streetBuildingIdentifier("12B")
                        .floor("st").suite("tv").mailDeliverySublocation("Nørre Snede").postCode("8766").district("Nørre Snede")
                        .postOfficeBox(120).build())
                .build();
    }

    @Test
    void everyModelledPrintElementRoundTrips() throws IOException {
        for (PrintShipment p : List.of(fullPrint(), placeholderWithLines(), boxAddress(), minimalDigitalPostAndLinesSender())) {
            KombiRequest k = KombiRequest.physicalPost(p);
            KombiRequest back = read(KombiXml.toBytes(k));
            assertEquals(p, back.print());
            assertEquals(p.attachments().size(), back.print().attachments().size());
            for (int i = 0; i < p.attachments().size(); i++) {
                assertArrayEquals(p.attachments().get(i).content().readAllBytes(), back.print().attachments().get(i).content().readAllBytes());
            }
        }
    }

    @Test
    void everyPrintPartIsValidAgainstThePublishedFjernprintSchema() {
        FjernprintSchema.assumeAvailable();
        MemoSchemas.assumeAvailable();
        for (PrintShipment p : List.of(print(), fullPrint(), placeholderWithLines(), boxAddress(), minimalDigitalPostAndLinesSender())) {
            FjernprintSchema.validateParts(KombiXml.toBytes(KombiRequest.physicalPost(p)));
            FjernprintSchema.validateParts(KombiXml.toBytes(KombiRequest.automatic(MemoSamples.full(MemoVersion.V1_2), p)));
            FjernprintSchema.validateParts(KombiXml.toBytes(KombiRequest.automatic(MemoSamples.full(MemoVersion.V1_1), p)));
        }
    }

    @Test
    void theCprPlaceholderNeedsAnAddressAndTheSchemaLimitsAreChecked() {
        ValidationException noAddress = assertThrows(ValidationException.class, () -> KombiRequest.physicalPost(
                PrintShipment.builder("brev", FileContent.ofBytes(LETTER)).cprPlaceholder().build()));
        assertEquals(List.of("kombiRequest.print.address"), paths(noAddress));
        PrintShipment.Builder many = PrintShipment.builder("brev", FileContent.ofBytes(LETTER));
        for (int i = 0; i <= PrintShipment.MAX_ATTACHMENTS; i++) {
            many.addAttachment(PrintShipment.Attachment.of("b" + i, i, FileContent.ofBytes(LETTER)));
        }
        assertEquals(List.of("kombiRequest.print.attachments"),
                paths(assertThrows(ValidationException.class, () -> KombiRequest.physicalPost(many.build()))));
        PrintShipment bad = PrintShipment.builder("brev", FileContent.ofBytes(LETTER)).cpr("3102901234")
                .address(PrintAddress.builder().personName("N").lines(List.of("x".repeat(35))).streetName("Gade")
                        .postCode("DK-8000").build())
                .senderDetails(new PrintShipment.SenderDetails(null, "", null, null, null, null, null, "NemSMS", null))
                .transaction(new PrintShipment.TransactionParameters(null, "", "Nogle", "ikke en adresse"))
                .addAttachment(new PrintShipment.Attachment("a".repeat(301), "PDF", -1, null)).build();
        ValidationException e = assertThrows(ValidationException.class, () -> KombiRequest.physicalPost(bad));
        assertEquals(List.of("kombiRequest.print.recipientId", "kombiRequest.print.address.lines[0]",
                "kombiRequest.print.address.streetName", "kombiRequest.print.address.postCode",
                "kombiRequest.print.transaction.massShipmentId", "kombiRequest.print.transaction.receiptType",
                "kombiRequest.print.transaction.receiptEmail", "kombiRequest.print.senderDetails.userName",
                "kombiRequest.print.senderDetails.channel", "kombiRequest.print.attachments[0].name",
                "kombiRequest.print.attachments[0].sortIndex", "kombiRequest.print.attachments[0].content"), paths(e));
        assertTrue(!e.getMessage().contains("3102901234") && !bad.toString().contains("3102901234"), e.getMessage());
    }

    @Test
    void theDigitalPostParametersAndTheSenderAddressAreCheckedWithPaths() {
        PrintShipment bad = printBuilder(FileContent.ofBytes(LETTER))
                .senderDetails(PrintShipment.SenderDetails.of("sagsbehandler").withSenderAddress(PrintAddress.builder()
                        .personName("n".repeat(131)).streetName("Gade").streetBuildingIdentifier("0").postCode("800").build()))
                .digitalPostParameters(new PrintShipment.DigitalPostParameters(null, -1L, "ja", null, -2L,
                        new PrintShipment.Fesd(null, "0F1E2D3C-4B5A-4968-8776-655443322110", "sag-1", null), false))
                .build();
        ValidationException e = assertThrows(ValidationException.class, () -> KombiRequest.physicalPost(bad));
        String at = "kombiRequest.print.";
        assertEquals(List.of(at + "senderDetails.senderAddress.personName", at + "senderDetails.senderAddress.streetBuildingIdentifier",
                at + "senderDetails.senderAddress.postCode", at + "digitalPostParameters.contentTypeId",
                at + "digitalPostParameters.replySubjectId", at + "digitalPostParameters.replyType",
                at + "digitalPostParameters.fesd.actorId", at + "digitalPostParameters.fesd.caseId"), paths(e));
        assertTrue(!e.getMessage().contains(MemoSamples.CPR) && !bad.toString().contains(MemoSamples.CPR), e.getMessage());
    }

    /** Values on the wire that break a limit of the published schema, each with the path the reader names. */
    static final String[][] BROKEN_LIMITS = {
        {"<dkal:MeddelelseSvarTypeNavn>angivet<", "<dkal:MeddelelseSvarTypeNavn>Angivet<", "digitalPostParameters.replyType"},
        {"<dkal:MeddelelseIndholdstypeIdentifikator>4<", "<dkal:MeddelelseIndholdstypeIdentifikator>-4<",
            "digitalPostParameters.contentTypeId"},
        {"9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d", "9A8B7C6D-5E4F-4A3B-8C2D-1E0F9A8B7C6D", "digitalPostParameters.fesd.caseId"},
        {">true</fjernprint:MedsendDokumentRegistreringIndikator>", ">ja</fjernprint:MedsendDokumentRegistreringIndikator>",
            "digitalPostParameters.attachDocumentRegistration"},
        {"<itst:PersonName>Aarhus Kommune<", "<itst:PersonName>" + "n".repeat(131) + "<", "senderDetails.senderAddress.personName"},
        {"<dkcc2005:PostCodeIdentifier>8000</dkcc2005:PostCodeIdentifier><dkcc2005:DistrictSubdivisionIdentifier>Aarhus C<",
            "<dkcc2005:PostCodeIdentifier>80000</dkcc2005:PostCodeIdentifier><dkcc2005:DistrictSubdivisionIdentifier>Aarhus C<",
            "senderDetails.senderAddress.postCode"},
    };

    private static byte[] broken(String[] change) {
        String x = new String(KombiXml.toBytes(KombiRequest.physicalPost(fullPrint())), StandardCharsets.UTF_8);
        int at = x.indexOf("<fjernprint:ForsendelseAfsender>");
        int from = change[2].startsWith("senderDetails") ? at : x.indexOf("<fjernprint:DigitalPostParametre>");
        int i = x.indexOf(change[0], from);
        assertTrue(from >= 0 && i >= 0, change[0]);
        return (x.substring(0, i) + change[1] + x.substring(i + change[0].length())).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theReaderRefusesAValueBreakingASchemaLimitNamingItsPath() {
        for (String[] change : BROKEN_LIMITS) {
            ValidationException e = assertThrows(ValidationException.class, () -> read(broken(change)), change[1]);
            assertEquals(List.of("kombiRequest.print." + change[2]), paths(e), change[1]);
        }
    }

    @Test
    void thePublishedFjernprintSchemaRefusesTheSameValues() {
        FjernprintSchema.assumeAvailable();
        FjernprintSchema.validateParts(KombiXml.toBytes(KombiRequest.physicalPost(fullPrint())));
        for (String[] change : BROKEN_LIMITS) {
            assertThrows(AssertionError.class, () -> FjernprintSchema.validateParts(broken(change)), change[1]);
        }
    }

    @Test
    void writesTheWireFormat() {
        String x = new String(KombiXml.toBytes(KombiRequest.automatic(MemoSamples.minimal(MemoVersion.V1_2), print())),
                StandardCharsets.UTF_8);
        assertTrue(x.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><kombi_request><KombiValgKode>Automatisk Valg</KombiValgKode>"
                + "<memo:Message xmlns:memo=\"https://DigitalPost.dk/MeMo-1\""), x);
        assertTrue(x.contains("</memo:Message><fjernprint:ForsendelseISamling xmlns:fjernprint=\"urn:oio:fjernprint:1.0.0\""), x);
        assertTrue(x.contains("<fjernprint:ForsendelseI><fjernprint:AfsendelseIdentifikator>5b0a8b8e-0d4e-4b7c-8a3f-2c1d0e9f8a7b"), x);
        assertTrue(x.contains("<dkal:AfsendelseModtager><adir:CPRnummerIdentifikator>0101901234</adir:CPRnummerIdentifikator>"), x);
        assertTrue(x.contains("<dkcc:CountryIdentificationCode scheme=\"iso3166-alpha2\">DK</dkcc:CountryIdentificationCode>"), x);
        assertTrue(x.contains("<dkal:FilformatNavn>PDF</dkal:FilformatNavn><dkal:MeddelelseIndholdData>"
                + java.util.Base64.getEncoder().encodeToString(LETTER) + "</dkal:MeddelelseIndholdData>"), x);
        assertTrue(x.contains("<fjernprint:PostParametre><fjernprint:PostKategoriKode>Prioritaire</fjernprint:PostKategoriKode>"), x);
        assertTrue(x.endsWith("</fjernprint:ForsendelseISamling></kombi_request>"), x);
    }

    @Test
    void theChannelDecidesWhichPartsMustBeThere() {
        MemoMessage letter = MemoSamples.minimal(MemoVersion.V1_2);
        MemoMessage sms = MemoSamples.nemSms(MemoVersion.V1_2);
        assertEquals(List.of("kombiRequest.memo.header.messageType", "kombiRequest.print"),
                paths(assertThrows(ValidationException.class, () -> new KombiRequest(ChannelChoice.DIGITAL_POST, sms, print()))));
        assertEquals(List.of("kombiRequest.memo.header.messageType", "kombiRequest.print"),
                paths(assertThrows(ValidationException.class, () -> new KombiRequest(ChannelChoice.NEMSMS, letter, print()))));
        assertEquals(List.of("kombiRequest.memo", "kombiRequest.print"),
                paths(assertThrows(ValidationException.class, () -> new KombiRequest(ChannelChoice.PHYSICAL_POST, letter, null))));
        assertEquals(List.of("kombiRequest.memo"),
                paths(assertThrows(ValidationException.class, () -> KombiRequest.automatic(null, print()))));
        assertEquals(List.of("kombiRequest.channel"),
                paths(assertThrows(ValidationException.class, () -> new KombiRequest(null, letter, null))));
    }

    @Test
    void thePrintPartIsCheckedWithPaths() {
        PrintShipment bad = PrintShipment.builder("x".repeat(39), null).shipmentTypeId(0).cpr("12345")
                .address(PrintAddress.builder().personName(" ").streetName("Gade").postCode("8000").countryCode("DNK").build())
                .fileFormat("PORTABLEDOC").printOptions(PrintShipment.PrintOptions.of("Both", null, "C6")).build();
        ValidationException e = assertThrows(ValidationException.class, () -> KombiRequest.physicalPost(bad));
        assertEquals(List.of("kombiRequest.print.shipmentId", "kombiRequest.print.shipmentTypeId", "kombiRequest.print.recipientId",
                "kombiRequest.print.address.personName", "kombiRequest.print.address.streetBuildingIdentifier",
                "kombiRequest.print.address.countryCode", "kombiRequest.print.fileFormat", "kombiRequest.print.content",
                "kombiRequest.print.printOptions.sides", "kombiRequest.print.printOptions.envelope"), paths(e));
        assertTrue(!e.getMessage().contains("12345"), e.getMessage());
    }

    @Test
    void readerAcceptsThePrintPartBeforeTheMessage() throws IOException {
        KombiRequest k = KombiRequest.automatic(MemoSamples.minimal(MemoVersion.V1_2), print());
        String x = new String(KombiXml.toBytes(k), StandardCharsets.UTF_8);
        int m0 = x.indexOf("<memo:Message");
        int m1 = x.indexOf("</memo:Message>") + "</memo:Message>".length();
        int end = x.indexOf("</kombi_request>");
        String swapped = x.substring(0, m0) + x.substring(m1, end) + x.substring(m0, m1) + x.substring(end);
        KombiRequest back = read(swapped.getBytes(StandardCharsets.UTF_8));
        assertEquals(k.memo(), back.memo());
        assertEquals(k.print(), back.print());
    }

    @Test
    void readerRefusesWhatItDoesNotKnow() {
        String x = new String(KombiXml.toBytes(KombiRequest.physicalPost(print())), StandardCharsets.UTF_8);
        ValidationException unknown = assertThrows(ValidationException.class, () -> read(x.replace("<fjernprint:PostParametre>",
                "<fjernprint:MeddelelsesFormatObjekt/><fjernprint:PostParametre>").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("kombiRequest.print"), paths(unknown));
        ValidationException noIndicator = assertThrows(ValidationException.class, () -> read(x.replace("<fjernprint:PostParametre>",
                "<fjernprint:DigitalPostParametre/><fjernprint:PostParametre>").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("kombiRequest.print.digitalPostParameters.attachDocumentRegistration"), paths(noIndicator));
        ValidationException empty = assertThrows(ValidationException.class, () -> read(x.replace("</fjernprint:PostParametre>",
                "</fjernprint:PostParametre><fjernprint:BilagSamling/>").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("kombiRequest.print.attachments"), paths(empty));
        ValidationException byReference = assertThrows(ValidationException.class, () -> read(new String(KombiXml.toBytes(
                KombiRequest.physicalPost(fullPrint())), StandardCharsets.UTF_8).replaceFirst(
                "<dkal:VedhaeftningIndholdData>[^<]*</dkal:VedhaeftningIndholdData>",
                "<dkal:BilagIdentifikator>b1</dkal:BilagIdentifikator>").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("kombiRequest.print.attachments[0]"), paths(byReference));
        ValidationException sender = assertThrows(ValidationException.class, () -> read(new String(KombiXml.toBytes(
                KombiRequest.physicalPost(fullPrint())), StandardCharsets.UTF_8).replace("<fjernprint:AfsenderAdresse>",
                "<x/><fjernprint:AfsenderAdresse>")
                .getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("kombiRequest.print.senderDetails.senderAddress"), paths(sender));
        ValidationException channel = assertThrows(ValidationException.class,
                () -> read(x.replace(">Fysisk Post<", ">Brevdue<").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("kombiRequest.channel"), paths(channel));
        ValidationException memoPath = assertThrows(ValidationException.class, () -> read(new String(
                KombiXml.toBytes(KombiRequest.digitalPost(MemoSamples.minimal(MemoVersion.V1_2))), StandardCharsets.UTF_8)
                .replace("<memo:label>Brev</memo:label>", "<memo:label> </memo:label>").getBytes(StandardCharsets.UTF_8)));
        assertEquals(List.of("kombiRequest.memo.message.header.label"), paths(memoPath));
    }

    @Test
    void aFailedReadReleasesEveryFileAlreadyReceived(@TempDir Path dir) throws IOException {
        String x = new String(KombiXml.toBytes(KombiRequest.automatic(MemoSamples.full(MemoVersion.V1_2), print())),
                StandardCharsets.UTF_8).replace(java.util.Base64.getEncoder().encodeToString(LETTER), "not base64!");
        assertThrows(ValidationException.class,
                () -> KombiXml.read(new ByteArrayInputStream(x.getBytes(StandardCharsets.UTF_8)), FileContentSink.tempFiles(dir)));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }
}

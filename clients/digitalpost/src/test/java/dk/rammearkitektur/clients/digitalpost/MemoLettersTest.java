package dk.rammearkitektur.clients.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentDirection;
import dk.rammearkitektur.model.DocumentId;
import dk.rammearkitektur.model.DocumentPart;
import dk.rammearkitektur.model.DocumentType;
import dk.rammearkitektur.model.DocumentVariant;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.VariantKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import dk.rammearkitektur.clients.digitalpost.ChannelChoice;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoSchemas;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MemoXml;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;

class MemoLettersTest {
    private static final Instant CREATED = Instant.parse("2026-11-25T08:00:00Z");
    private static final String SHA = "a".repeat(64);
    private static final Sender SENDER = Sender.cvr("29189846", "Aarhus Kommune").build();

    static Person person() {
        return Person.builder().id(PartyId.of(UUID.fromString("5f2b8c1e-1d2a-4b3c-9d4e-5f6a7b8c9d0e")))
                .cpr(Cpr.parse("0101901234")).name("Jens Hansen").build();
    }

    static Document decision(UUID id, String title, DocumentVariant... variants) {
        return Document.builder().id(DocumentId.of(id)).title(title).letterDate(LocalDate.of(2026, 11, 25))
                .type(DocumentType.DECISION).direction(DocumentDirection.OUTGOING).variants(List.of(variants)).build();
    }

    static DocumentVariant variant(VariantKind kind, String name, long size, String sha) {
        return DocumentVariant.of(kind, List.of(DocumentPart.of(name, "application/pdf", size, sha)));
    }

    @Test
    void personLetterUsesTheArchiveVariantAndAddressesByCpr() {
        UUID id = UUID.randomUUID();
        Document d = decision(id, "Afgørelse om boligstøtte", variant(VariantKind.PRODUCTION, "udkast.docx", 9, SHA),
                variant(VariantKind.ARCHIVE, "afgørelse: endelig.pdf", 5, SHA));
        MemoMessage m = MemoLetters.letter(d, person(), FileContent.ofBytes(new byte[5]), SENDER, CREATED);
        assertEquals(MemoVersion.V1_2, m.version());
        assertEquals("Afgørelse om boligstøtte", m.header().label());
        assertEquals(Recipient.ID_TYPE_CPR, m.header().recipient().idType());
        assertEquals("0101901234", m.header().recipient().recipientId());
        assertEquals("Jens Hansen", m.header().recipient().label());
        assertEquals(id.toString(), m.header().messageId());
        MemoFile f = m.body().mainDocument().files().get(0);
        assertEquals("afgørelse- endelig.pdf", f.filename());
        assertEquals("application/pdf", f.encodingFormat());
        assertEquals(CREATED, m.body().createdDateTime());
        assertFalse(m.toString().contains("0101901234"), m.toString());
        if (MemoSchemas.available()) {
            MemoSchemas.validate(MemoVersion.V1_2, MemoXml.toBytes(m));
            MemoSchemas.validate(MemoVersion.V1_1, MemoXml.toBytes(MemoLetters.letter(MemoVersion.V1_1, d, person(),
                    FileContent.ofBytes(new byte[5]), SENDER, CREATED)));
        }
    }

    @Test
    void companyLetterAddressesByCvr() {
        Company c = Company.builder().id(PartyId.random()).cvr(Cvr.parse("29189846")).name("Firma A/S").build();
        MemoMessage m = MemoLetters.letter(decision(UUID.randomUUID(), "Afgørelse", variant(VariantKind.SIGNED, "a.pdf", 1, SHA)),
                c, FileContent.ofBytes(new byte[1]), SENDER, CREATED);
        assertEquals(Recipient.ID_TYPE_CVR, m.header().recipient().idType());
        assertEquals("29189846", m.header().recipient().recipientId());
    }

    @Test
    void everyProblemIsReportedWithItsPath() {
        Document onlyPublic = Document.builder().id(DocumentId.random()).title("Notat").letterDate(LocalDate.of(2026, 1, 1))
                .type(DocumentType.NOTE).direction(DocumentDirection.INTERNAL)
                .variants(List.of(variant(VariantKind.PUBLIC, "a.pdf", 1, SHA))).build();
        ValidationException e = assertThrows(ValidationException.class, () -> MemoLetters.letter(onlyPublic,
                OrganisationUnit.of(PartyId.random(), "Borgerservice"), null, null, null));
        String msg = e.getMessage();
        for (String expected : List.of("letter.sender: must be set", "letter.createdAt: must be set",
                "letter.content: must be set", "letter.recipient: must be a Person (CPR) or a Company (CVR)",
                "letter.document.type: must be DECISION or LETTER", "letter.document.direction: must be OUTGOING",
                "letter.document.variants: must hold an ARCHIVE, SIGNED or PRODUCTION variant")) {
            assertTrue(msg.contains(expected), msg);
        }
    }

    @Test
    void contentMustMatchThePartAndTheVariantMustHaveOnePart() {
        Document d = decision(UUID.randomUUID(), "Afgørelse", variant(VariantKind.ARCHIVE, "a.pdf", 10, SHA));
        ValidationException size = assertThrows(ValidationException.class,
                () -> MemoLetters.letter(d, person(), FileContent.ofBytes(new byte[3]), SENDER, CREATED));
        assertEquals("letter.content", size.violations().get(0).path());
        Document two = decision(UUID.randomUUID(), "Afgørelse", DocumentVariant.of(VariantKind.ARCHIVE,
                List.of(DocumentPart.of("a.pdf", "application/pdf", 1, SHA), DocumentPart.of("b.pdf", "application/pdf", 1, SHA))));
        ValidationException parts = assertThrows(ValidationException.class,
                () -> MemoLetters.letter(two, person(), FileContent.ofBytes(new byte[1]), SENDER, CREATED));
        assertEquals("letter.document.variants[ARCHIVE].parts", parts.violations().get(0).path());
        Document longTitle = decision(UUID.randomUUID(), "x".repeat(300), variant(VariantKind.ARCHIVE, "a.pdf", 1, SHA));
        ValidationException label = assertThrows(ValidationException.class,
                () -> MemoLetters.letter(longTitle, person(), FileContent.ofBytes(new byte[1]), SENDER, CREATED));
        assertTrue(label.violations().stream().anyMatch(v -> v.path().equals("message.header.label")), label.getMessage());
    }

    @Test
    void thePrintPartUsesTheAddressAndAStableShipmentId() {
        Person p = Person.builder().id(PartyId.random()).cpr(Cpr.parse("0101901234")).name("Jens Hansen")
                .address(dk.rammearkitektur.model.Address.danish("10. Februar Vej 5, 1. tv", "8000", "Aarhus C")).build();
        Document d = decision(UUID.randomUUID(), "Afgørelse", variant(VariantKind.ARCHIVE, "a.pdf", 3, SHA));
        PrintShipment print = MemoLetters.print(d, p, FileContent.ofBytes(new byte[3]));
        assertEquals("10. Februar Vej", print.address().streetName());
        assertEquals("5", print.address().streetBuildingIdentifier());
        assertEquals("1", print.address().floor());
        assertEquals("tv", print.address().suite());
        assertEquals("8000", print.address().postCode());
        assertEquals("Aarhus C", print.address().district());
        assertEquals("DK", print.address().countryCode());
        assertEquals("Jens Hansen", print.address().personName());
        assertEquals("0101901234", print.recipientId());
        assertEquals("Afgørelse", print.title());
        assertEquals(print.shipmentId(), MemoLetters.print(d, p, FileContent.ofBytes(new byte[3])).shipmentId());
        MemoMessage letter = MemoLetters.letter(d, p, FileContent.ofBytes(new byte[3]), SENDER, CREATED);
        assertEquals(letter.header().messageUuid().toString(), print.shipmentId());
        KombiRequest automatic = KombiRequest.automatic(letter, print);
        assertEquals(ChannelChoice.AUTOMATIC, automatic.channel());
        Person other = Person.builder().id(PartyId.random()).cpr(Cpr.parse("0101901234")).name("Jens Hansen")
                .address(dk.rammearkitektur.model.Address.danish("Strandvejen 12, 2. sal th", "8000", "Aarhus C")).build();
        PrintShipment lines = MemoLetters.print(d, other, FileContent.ofBytes(new byte[3]));
        assertEquals(java.util.List.of("Strandvejen 12, 2. sal th", "8000 Aarhus C"), lines.address().lines(),
                "an address the structured form cannot hold goes as lines");
        assertEquals(null, lines.address().streetName());
    }

    @Test
    void printingNeedsAnAddressWithAHouseNumberAndAPdf() {
        Document docx = decision(UUID.randomUUID(), "Afgørelse", DocumentVariant.of(VariantKind.ARCHIVE, List.of(
                DocumentPart.of("a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", 1, SHA))));
        ValidationException e = assertThrows(ValidationException.class, () -> MemoLetters.print(docx, person(), null));
        String m = e.getMessage();
        assertTrue(m.contains("print.recipient.address: must be known to print the letter"), m);
        assertTrue(m.contains("print.document.part.mediaType: must be application/pdf to print"), m);
        assertTrue(m.contains("print.content: must be set"), m);
        Person noNumber = Person.builder().id(PartyId.random()).cpr(Cpr.parse("0101901234")).name("Jens")
                .address(dk.rammearkitektur.model.Address.danish("Rådhuspladsen", "8000", "Aarhus C")).build();
        ValidationException street = assertThrows(ValidationException.class, () -> MemoLetters.print(
                decision(UUID.randomUUID(), "A", variant(VariantKind.ARCHIVE, "a.pdf", 1, SHA)), noNumber,
                FileContent.ofBytes(new byte[1])));
        assertEquals("print.recipient.address.street", street.violations().get(0).path());
    }

    @Property(tries = 200)
    void theMessageUuidIsAStableVersion4UuidPerLetterAndRecipient(@ForAll long hi, @ForAll long lo,
            @ForAll @AlphaChars @StringLength(min = 1, max = 40) String title, @ForAll @IntRange(min = 0, max = 15) int shaDigit) {
        String sha = Integer.toHexString(shaDigit).repeat(64);
        Document d = decision(new UUID(hi, lo), title.isBlank() ? "t" : title, variant(VariantKind.ARCHIVE, "a.pdf", 1, sha));
        MemoMessage a;
        try {
            a = MemoLetters.letter(d, person(), FileContent.ofBytes(new byte[1]), SENDER, CREATED);
        } catch (ValidationException e) {
            assertTrue(e.violations().stream().allMatch(v -> v.path().startsWith("message.header.label")
                    || v.path().startsWith("message.body.mainDocument.label")), e.getMessage());
            return;
        }
        UUID u = a.header().messageUuid();
        assertEquals(4, u.version());
        assertEquals(2, u.variant());
        assertEquals(u, MemoLetters.letter(d, person(), FileContent.ofBytes(new byte[1]), SENDER, CREATED).header().messageUuid());
        Company c = Company.builder().id(PartyId.random()).cvr(Cvr.parse("29189846")).name("Firma").build();
        assertNotEquals(u, MemoLetters.letter(d, c, FileContent.ofBytes(new byte[1]), SENDER, CREATED).header().messageUuid());
    }
}

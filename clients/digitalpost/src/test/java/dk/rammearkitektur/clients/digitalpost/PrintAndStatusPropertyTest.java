package dk.rammearkitektur.clients.digitalpost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.FileContentSink;

/**
 * Generated print parts and delivery statuses: what is written reads back equal, what a public schema allows is
 * accepted, and damage is refused with the field's path.
 */
class PrintAndStatusPropertyTest {
    private static final String ALPHABET = "abcæøåABCÆØÅ 0123456789-.,/&<>\"'";

    private static String text(Random r, int min, int max) {
        int n = min + r.nextInt(max - min + 1);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        String s = b.toString();
        return s.isBlank() && n > 0 ? "x" + s.substring(1) : s;
    }

    private static <T> T maybe(Random r, T value) {
        return r.nextBoolean() ? value : null;
    }

    /** A valid KontaktOplysning (ModtagerAdresse, AfsenderAdresse): structured or as lines. */
    private static PrintAddress address(Random r) {
        PrintAddress.Builder a = PrintAddress.builder().personName(text(r, 1, 130)).countryCode(r.nextBoolean() ? "DK" : "se");
        if (r.nextBoolean()) {
            List<String> lines = new ArrayList<>();
            for (int i = 0, n = 1 + r.nextInt(6); i < n; i++) {
                lines.add(text(r, 1, 34));
            }
            a.lines(lines).postCode(maybe(r, String.format("%04d", r.nextInt(10000))));
        } else {
            a.coName(maybe(r, text(r, 1, 130))).streetName(text(r, 1, 40)).streetBuildingIdentifier((1 + r.nextInt(999))
                    + (r.nextBoolean() ? "" : "B")).floor(maybe(r, r.nextBoolean() ? "st" : Integer.toString(1 + r.nextInt(99))))
                    .suite(maybe(r, text(r, 1, 4))).mailDeliverySublocation(maybe(r, text(r, 1, 34)))
                    .postCode(String.format("%04d", r.nextInt(10000))).district(maybe(r, text(r, 1, 34)))
                    .postOfficeBox(maybe(r, 1 + r.nextInt(9999)));
        }
        return a.build();
    }

    private static String uuid(Random r) {
        return new UUID(r.nextLong(), r.nextLong()).toString();
    }

    /** Valid DigitalPostParametre, each optional part present or not. */
    private static PrintShipment.DigitalPostParameters digitalPost(Random r) {
        return new PrintShipment.DigitalPostParameters(maybe(r, Instant.ofEpochSecond(r.nextInt(2_000_000_000))),
                maybe(r, r.nextLong() & Long.MAX_VALUE), maybe(r, List.of("angivet", "ikkeMuligt", "standard").get(r.nextInt(3))),
                maybe(r, (long) r.nextInt(1000)), maybe(r, (long) r.nextInt(1000)),
                maybe(r, new PrintShipment.Fesd(maybe(r, uuid(r)), maybe(r, uuid(r)), maybe(r, uuid(r)), maybe(r, uuid(r)))),
                r.nextBoolean());
    }

    /** A valid print part built from {@code seed}. */
    static PrintShipment print(long seed) {
        Random r = new Random(seed);
        PrintAddress address = address(r);
        byte[] letter = new byte[r.nextInt(300)];
        r.nextBytes(letter);
        PrintShipment.Builder b = PrintShipment.builder(text(r, 1, 38), FileContent.ofBytes(letter))
                .shipmentTypeId(maybe(r, 1 + r.nextInt(100000))).address(r.nextInt(4) == 0 ? null : address)
                .title(maybe(r, text(r, 0, 100))).documentUuid(maybe(r, UUID.randomUUID().toString()))
                .letterDate(maybe(r, LocalDate.of(2000 + r.nextInt(30), 1 + r.nextInt(12), 1 + r.nextInt(28))))
                .printOptions(maybe(r, PrintShipment.PrintOptions.of(maybe(r, "Duplex"), maybe(r, "Farve"), maybe(r, "C4"))))
                .postCategory(maybe(r, PrintShipment.PostCategory.values()[r.nextInt(6)]))
                .transaction(maybe(r, new PrintShipment.TransactionParameters(maybe(r, Instant.ofEpochSecond(r.nextInt(2_000_000_000))),
                        maybe(r, text(r, 1, 38)), maybe(r, "Alle"), maybe(r, "a@b.dk"))))
                .digitalPostParameters(maybe(r, digitalPost(r)))
                .senderDetails(maybe(r, new PrintShipment.SenderDetails(maybe(r, text(r, 0, 50)), text(r, 1, 50),
                        maybe(r, text(r, 0, 50)), maybe(r, address(r)), maybe(r, r.nextBoolean()), maybe(r, r.nextBoolean()), maybe(r, r.nextBoolean()),
                        maybe(r, "Fysisk Post"), maybe(r, r.nextBoolean()))));
        if (r.nextBoolean()) {
            b.cvr(String.format("%08d", r.nextInt(100_000_000)));
        } else if (b.build().address() != null && r.nextBoolean()) {
            b.cprPlaceholder();
        }
        for (int i = 0, n = r.nextInt(4); i < n; i++) {
            byte[] bytes = new byte[r.nextInt(100)];
            r.nextBytes(bytes);
            b.addAttachment(new PrintShipment.Attachment(text(r, 1, 300), "PDF", r.nextInt(1000), FileContent.ofBytes(bytes)));
        }
        return b.build();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return Arbitraries.longs();
    }

    @Property(tries = 150)
    void printPartsRoundTrip(@ForAll("seeds") long seed) throws IOException {
        PrintShipment p = print(seed);
        KombiRequest k = KombiRequest.physicalPost(p);
        PrintShipment back = KombiXml.read(new ByteArrayInputStream(KombiXml.toBytes(k)), FileContentSink.inMemory()).print();
        assertEquals(p, back);
        for (int i = 0; i < p.attachments().size(); i++) {
            assertArrayEquals(p.attachments().get(i).content().readAllBytes(), back.attachments().get(i).content().readAllBytes());
        }
    }

    @Property(tries = 60)
    void printPartsAreValidAgainstThePublishedSchema(@ForAll("seeds") long seed) {
        if (FjernprintSchema.xsd() == null) {
            return; // the JUnit example in KombiXmlTest reports the skip
        }
        FjernprintSchema.validateParts(KombiXml.toBytes(KombiRequest.physicalPost(print(seed))));
    }

    /** A PKO_PostStatus document with the given values. */
    static String status(String text, UUID uuid, String shipment, Instant time, String errorCode, List<Instant> events) {
        StringBuilder b = new StringBuilder("<ps:PKO_PostStatus xmlns:ps=\"http://serviceplatformen.dk/xml/print/PKO_PostStatus/1/types\">");
        b.append("<ps:MessageUUID>").append(uuid).append("</ps:MessageUUID>");
        if (shipment != null) {
            b.append("<ps:AfsendelseIdentifikator>").append(shipment).append("</ps:AfsendelseIdentifikator>");
        }
        b.append("<ps:TransaktionsDatoTid>").append(time).append("</ps:TransaktionsDatoTid>");
        b.append("<ps:TransaktionsStatusKode>").append(text.replace("&", "&amp;").replace("<", "&lt;")).append("</ps:TransaktionsStatusKode>");
        if (errorCode != null) {
            b.append("<ps:FejlDetaljer><ps:FejlKode>").append(errorCode).append("</ps:FejlKode></ps:FejlDetaljer>");
        }
        if (!events.isEmpty()) {
            b.append("<ps:ForsendelseHaendelseSamling>");
            for (Instant e : events) {
                b.append("<ps:ForsendelseHaendelse><ps:ForsendelseHaendelseTypeKode>T</ps:ForsendelseHaendelseTypeKode>")
                        .append("<ps:ForsendelseHaendelseDatoTid>").append(e).append("</ps:ForsendelseHaendelseDatoTid></ps:ForsendelseHaendelse>");
            }
            b.append("</ps:ForsendelseHaendelseSamling>");
        }
        return b.append("</ps:PKO_PostStatus>").toString();
    }

    @Property(tries = 200)
    void statusesRoundTripAndUnknownTextsAreNeverDeliveries(@ForAll("texts") String text, @ForAll boolean failed,
            @ForAll @IntRange(max = 3) int events, @ForAll @IntRange(min = 0, max = 2_000_000_000) int seconds) {
        UUID uuid = UUID.randomUUID();
        Instant time = Instant.ofEpochSecond(seconds);
        List<Instant> eventTimes = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            eventTimes.add(time.plusSeconds(i));
        }
        DeliveryStatus d = DeliveryStatus.parse(new ByteArrayInputStream(status(text, uuid, events > 0 ? "brev" : null, time,
                failed ? "7" : null, eventTimes).getBytes(StandardCharsets.UTF_8)));
        assertEquals(text.strip(), d.statusText());
        assertEquals(uuid, d.messageUuid());
        assertEquals(time, d.time());
        assertEquals(events, d.print() == null ? 0 : d.print().events().size());
        DeliveryStatus.Kind expected = failed ? DeliveryStatus.Kind.FAILED : DeliveryStatus.Kind.of(text);
        assertEquals(expected, d.kind());
        if (d.kind() == DeliveryStatus.Kind.DELIVERED) {
            assertTrue(text.strip().equalsIgnoreCase("Afleveret Digital Post"), text);
        }
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.oneOf(Arbitraries.of("Modtaget Digital Post", "Afleveret Digital Post", "Fejlet", "Afsendt", "Klar",
                "Afleveret til print og kuvertering", "Tilbagekaldt", "Afleveret", "Afleveret Fysisk Post", "afleveret digital post"),
                Arbitraries.strings().withCharRange('a', 'z').withChars(' ', 'æ', 'Å').ofMinLength(1).ofMaxLength(40)
                        .filter(s -> !s.isBlank()));
    }

    @Property(tries = 100)
    void aBrokenEventTimeNamesItsPath(@ForAll @IntRange(max = 3) int before) {
        List<Instant> ok = new ArrayList<>();
        for (int i = 0; i < before; i++) {
            ok.add(Instant.EPOCH);
        }
        String xml = status("Afsendt", UUID.randomUUID(), "brev", Instant.EPOCH, null, ok).replace("</ps:ForsendelseHaendelseSamling>",
                "<ps:ForsendelseHaendelse><ps:ForsendelseHaendelseDatoTid>igår</ps:ForsendelseHaendelseDatoTid></ps:ForsendelseHaendelse>"
                        + "</ps:ForsendelseHaendelseSamling>");
        if (before == 0) {
            xml = xml.replace("</ps:TransaktionsStatusKode>", "</ps:TransaktionsStatusKode><ps:ForsendelseHaendelseSamling>"
                    + "<ps:ForsendelseHaendelse><ps:ForsendelseHaendelseDatoTid>igår</ps:ForsendelseHaendelseDatoTid>"
                    + "</ps:ForsendelseHaendelse></ps:ForsendelseHaendelseSamling>");
        }
        String doc = xml;
        ValidationException e = assertThrows(ValidationException.class,
                () -> DeliveryStatus.parse(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))));
        assertEquals("deliveryStatus.print.events[" + before + "].time", e.violations().get(0).path());
    }
}

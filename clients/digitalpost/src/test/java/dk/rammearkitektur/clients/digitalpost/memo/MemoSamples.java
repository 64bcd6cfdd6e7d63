package dk.rammearkitektur.clients.digitalpost.memo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Hand-written messages that use every element, for example tests. */
public final class MemoSamples {
    public static final UUID MESSAGE_UUID = UUID.fromString("8c2b0c8e-2f8e-4c5a-9d3b-3f1f8a7e2b10");
    public static final Instant CREATED = Instant.parse("2025-03-03T09:15:30Z");
    public static final String CPR = "0101901234";
    public static final byte[] PDF = "%PDF-1.7 not really a pdf\n".getBytes(StandardCharsets.US_ASCII);

    private MemoSamples() {
    }

    public static MemoAddress address() {
        return MemoAddress.builder().id("0a3f507a-b2e6-32b8-e044-0003ba298018").addressLabel("Rådhuspladsen").houseNumber("2")
                .door("th").floor("1").co("c/o Borgerservice").zipCode("8000").city("Aarhus C").country("DA")
                .addressPoint(AddressPoint.of("575000.1", "6224000.2", "12.5")).build();
    }

    public static AttentionData attention() {
        return AttentionData.builder()
                .attentionPerson(AttentionPerson.of("p-17", "Sagsbehandler Jensen"))
                .productionUnit(ProductionUnit.of(1012345678L, "Borgerservice"))
                .globalLocationNumber(GlobalLocationNumber.of(5790000123456L, "Rådhuset"))
                .email(Email.of("post@example.dk", "Borgerservice"))
                .seNumber(SeNumber.of("12345678", "Kommunen"))
                .telephone(Telephone.of("+45 89 40 20 00", "Omstilling"))
                .eid(Eid.of("5798000012345", "EAN"))
                .contentResponsible(ContentResponsible.of("cr-1", "Ydelsescenter"))
                .generatingSystem(GeneratingSystem.of("ESDH-1", "Sagssystem"))
                .sorData(SorData.of("123456789012345", "Tandplejen"))
                .address(address())
                .unstructuredAddress("Rådhuspladsen 2, 8000 Aarhus C")
                .build();
    }

    public static ContactPoint contactPoint() {
        return ContactPoint.of("Ydelser", "kp-42", "Boligstøtte", List.of(ContactInfo.of("Telefon", "89 40 20 00"),
                ContactInfo.of("Åbningstid", "9-15")));
    }

    public static MessageHeader.Builder fullHeader(MemoVersion version) {
        Sender.Builder sender = Sender.cvr("29189846", "Aarhus Kommune").idTypeLabel("CVR-nummer")
                .attentionData(attention()).contactPoint(contactPoint());
        ForwardData.Builder forward = ForwardData.builder(UUID.fromString("0e9f1c7a-6a55-4c0f-8b1e-1f5b2d9c3a44"),
                Instant.parse("2025-01-02T08:00:00.123Z"), "Region Midt").originalContentResponsible("Regionen")
                .contactPointId("kp-1").comment("Videresendt til rette myndighed\r\nmed venlig hilsen");
        if (version == MemoVersion.V1_2) {
            sender.representative(Representative.of("12345678", "CVR", "CVR-nummer", "Digitaliseringsbureau A/S"));
            forward.originalRepresentative("Repræsentant ApS");
        }
        return MessageHeader.builder(MessageType.DIGITALPOST)
                .messageUuid(MESSAGE_UUID)
                .messageId("ESDH-2025-000123")
                .messageCode("BOLIGSTOETTE")
                .label("Afgørelse om boligstøtte <&> \"citat\"")
                .notification("Du har fået en afgørelse")
                .additionalNotification("Læs den inden 1. april")
                .reply(true)
                .replyByDateTime(Instant.parse("2025-04-01T22:00:00Z"))
                .doNotDeliverUntilDate(LocalDate.parse("2025-03-04"))
                .mandatory(false)
                .legalNotification(true)
                .postType("MYNDIGHEDSPOST")
                .sender(sender.build())
                .recipient(Recipient.cpr(CPR).idTypeLabel("CPR-nummer").label("Test Borger")
                        .attentionData(AttentionData.builder().attentionPerson(AttentionPerson.of(null, "Værge")).build())
                        .contactPoint(ContactPoint.of(null, "kp-borger", null, List.of())).build())
                .contentData(ContentData.builder()
                        .cprData(CprData.of(CPR, "Test Borger"))
                        .cvrData(CvrData.of("29189846", "Aarhus Kommune"))
                        .motorVehicle(MotorVehicle.of("AB12345", "WVWZZZ1JZXW000001"))
                        .propertyNumber("751-123456")
                        .caseId(CaseReference.of("27.24.00-G01-1-25", "ESDH"))
                        .kleData(KleData.of("27.24.00", "2.0", "G01", "Boligstøtte"))
                        .formData(FormData.of("27.24.00.05", "1.0", null, "Afgørelse om boligstøtte"))
                        .productionUnit(ProductionUnit.of(0L, null))
                        .education(Education.of("5166", "Datamatiker"))
                        .address(address())
                        .unstructuredAddress("Et sted i Danmark")
                        .addAdditionalContentData(AdditionalContentData.of("tekst", "Ansøgningsdato", "2025-02-01"))
                        .addAdditionalContentData(AdditionalContentData.of(null, "Beløb", "1.234,00 kr."))
                        .build())
                .forwardData(forward.build())
                .addReplyData(ReplyData.builder(UUID.fromString("3d4c2b1a-0f9e-4d8c-a7b6-5e4d3c2b1a09"))
                        .messageId("orig-1").replyUuid(UUID.fromString("7f6e5d4c-3b2a-4190-8f7e-6d5c4b3a2918"))
                        .senderId("29189846").recipientId(CPR).caseId("sag-1").contactPointId("kp-42")
                        .generatingSystemId("ESDH-1").comment("Svar på ansøgning")
                        .addAdditionalReplyData(AdditionalReplyData.of("Reference", "R-1"))
                        .build())
                .addReplyData(ReplyData.builder(UUID.fromString("a1b2c3d4-e5f6-4a1b-9c2d-3e4f5a6b7c8d")).build());
    }

    public static MessageBody fullBody() {
        Reservation reservation = Reservation.builder().description("Samtale om boligstøtte")
                .reservationUuid(UUID.fromString("5b0a8b8e-0d4e-4b7c-8a3f-2c1d0e9f8a7b")).abstractText("Møde")
                .location("Rådhuset, lokale 2").startDateTime(Instant.parse("2025-03-10T09:00:00Z"))
                .endDateTime(Instant.parse("2025-03-10T09:30:00Z")).organizerMail("jensen@example.dk")
                .organizerName("Jensen").build();
        MainDocument main = new MainDocument("doc-1", "Afgørelse", List.of(
                MemoFile.pdf("Afgørelse om boligstøtte.pdf", PDF),
                MemoFile.of("text/plain", "noter.txt", "da", FileContent.ofBytes("noter\r\n".getBytes(StandardCharsets.UTF_8)))),
                List.of(Action.link("Se din sag", ActionCode.SELVBETJENING, URI.create("https://www.borger.dk/boligstoette?sag=1")),
                        Action.appointment("Book tid", reservation),
                        Action.builder().label("Betal").actionCode(ActionCode.BETALING)
                                .startDateTime(Instant.parse("2025-03-03T00:00:00Z")).endDateTime(Instant.parse("2025-03-31T21:59:59Z"))
                                .entryPoint(URI.create("https://betaling.example.dk/")).build()));
        return MessageBody.builder(CREATED, main)
                .addAdditionalDocument(new AdditionalDocument("bilag-1", "Beregning", List.of(MemoFile.pdf("beregning.pdf", new byte[0])),
                        List.of(Action.link("Læs mere", ActionCode.INFORMATION, URI.create("https://www.example.dk/info")))))
                .addAdditionalDocument(AdditionalDocument.of(null, MemoFile.pdf("vejledning.pdf", PDF)))
                .addTechnicalDocument(TechnicalDocument.of("Data", MemoFile.of("text/xml", "data.xml", "da",
                        FileContent.ofBytes("<data/>".getBytes(StandardCharsets.UTF_8)))))
                .build();
    }

    /** A Digital Post message that uses every element the version allows. */
    public static MemoMessage full(MemoVersion version) {
        return MemoMessage.builder(version).header(fullHeader(version).build()).body(fullBody()).build();
    }

    /** The smallest Digital Post letter. */
    public static MemoMessage minimal(MemoVersion version) {
        return MemoMessage.builder(version)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).messageUuid(MESSAGE_UUID).label("Brev")
                        .mandatory(false).legalNotification(false)
                        .sender(Sender.cvr("29189846", "Aarhus Kommune").build())
                        .recipient(Recipient.cpr(CPR).build()).build())
                .body(MessageBody.builder(CREATED, MainDocument.of("Brev", MemoFile.pdf("brev.pdf", PDF))).build())
                .build();
    }

    /** A NemSMS message: a header with the text in the notification. */
    public static MemoMessage nemSms(MemoVersion version) {
        MessageHeader.Builder h = MessageHeader.builder(MessageType.NEMSMS).messageUuid(MESSAGE_UUID).label("Påmindelse")
                .notification("Husk din tid hos tandplejen i morgen kl. 9.")
                .sender(Sender.cvr("29189846", "Aarhus Kommune").build())
                .recipient(Recipient.cpr(CPR).build());
        if (version == MemoVersion.V1_1) {
            h.mandatory(false).legalNotification(false);
        }
        return MemoMessage.builder(version).header(h.build()).build();
    }
}

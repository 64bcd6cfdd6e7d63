package dk.rammearkitektur.examples;

import dk.rammearkitektur.clients.digitalpost.memo.AdditionalDocument;
import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
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
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.clients.digitalpost.Transmission;
import dk.rammearkitektur.core.PersonalData;
import java.io.InputStream;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Sends a letter with an attachment by Digital Post (SF1601 KombiPostAfsend) with a NemSMS notification, falling back
 * to a printed letter (Fjernprint) when the citizen is exempt from Digital Post, and reads the delivery receipt
 * (PKO_PostStatus) the platform sends back. The configuration is described in {@link ExampleConfig};
 * {@code digitalpost.sender-name} names the sending authority.
 */
public final class SendDigitalPostExample {
    private SendDigitalPostExample() {
    }

    /**
     * A letter to a citizen.
     *
     * @param cpr the recipient's CPR number
     * @param name the recipient's name, printed on the envelope
     * @param address the postal address for the printed fallback
     * @param title the letter's title
     * @param letterPdf the letter (main document)
     * @param attachmentTitle the attachment's title
     * @param attachmentPdf the attachment
     * @param smsText the NemSMS notification text, or null for none
     */
    public record Letter(String cpr, String name, PrintAddress address, String title, byte[] letterPdf,
            String attachmentTitle, byte[] attachmentPdf, String smsText) {
        /** Requires every part except the SMS text. */
        public Letter {
            Objects.requireNonNull(cpr, "cpr == null");
            Objects.requireNonNull(name, "name == null");
            Objects.requireNonNull(address, "address == null");
            Objects.requireNonNull(title, "title == null");
            Objects.requireNonNull(letterPdf, "letterPdf == null");
            Objects.requireNonNull(attachmentTitle, "attachmentTitle == null");
            Objects.requireNonNull(attachmentPdf, "attachmentPdf == null");
        }

        @Override
        public String toString() {
            return "Letter[" + PersonalData.maskCpr(cpr) + ", " + title + "]";
        }
    }

    /**
     * What happened to a letter.
     *
     * @param digital true when the citizen receives Digital Post (else the letter was printed)
     * @param letter the receipt of the letter
     * @param messageUuid the letter's MeMo messageUUID, to match delivery statuses with
     * @param sms the receipt of the NemSMS notification, when one was sent
     */
    public record Outcome(boolean digital, SendReceipt letter, UUID messageUuid, Optional<SendReceipt> sms) {
    }

    /**
     * Sends {@code letter}: asks PostForespoerg whether the citizen has Digital Post and NemSMS, sends the letter with
     * automatic channel choice (Digital Post, else the print part), then the notification when the letter went to
     * Digital Post and the citizen receives NemSMS. Each send is prepared first, so a timeout can be answered with
     * {@link DigitalPostClient#resend(Transmission)} without a second delivery.
     *
     * @param config the configuration
     * @param letter the letter
     * @param clock the clock for the message's creation time
     * @return the outcome
     */
    public static Outcome send(ExampleConfig config, Letter letter, Clock clock) {
        Objects.requireNonNull(letter, "letter == null");
        Sender sender = Sender.cvr(config.required("digitalpost.authority-cvr"),
                config.get("digitalpost.sender-name").orElse("Kommunen")).build();
        try (DigitalPostClient client = config.digitalPostClient().clock(clock).build()) {
            boolean digital = client.isRegisteredForDigitalPost(letter.cpr());
            MemoMessage memo = MemoMessage.builder(MemoVersion.V1_2)
                    .header(MessageHeader.builder(MessageType.DIGITALPOST).label(letter.title())
                            .mandatory(false).legalNotification(false).sender(sender)
                            .recipient(Recipient.cpr(letter.cpr()).label(letter.name()).build()).build())
                    .body(MessageBody.builder(clock.instant(), MainDocument.of(letter.title(),
                                    MemoFile.pdf("brev.pdf", letter.letterPdf())))
                            .addAdditionalDocument(AdditionalDocument.of(letter.attachmentTitle(),
                                    MemoFile.pdf("bilag.pdf", letter.attachmentPdf())))
                            .build())
                    .build();
            PrintShipment print = PrintShipment.builder(UUID.randomUUID().toString(),
                            FileContent.ofBytes(letter.letterPdf()))
                    .cpr(letter.cpr()).address(letter.address()).title(letter.title()).build();
            Transmission t = client.prepare(KombiRequest.automatic(memo, print));
            SendReceipt receipt = client.send(t);
            Optional<SendReceipt> sms = Optional.empty();
            if (digital && letter.smsText() != null && client.isRegisteredForNemSms(letter.cpr())) {
                MemoMessage notification = MemoMessage.builder(MemoVersion.V1_2)
                        .header(MessageHeader.builder(MessageType.NEMSMS).label(letter.title())
                                .notification(letter.smsText()).sender(sender)
                                .recipient(Recipient.cpr(letter.cpr()).build()).build())
                        .build();
                sms = Optional.of(client.send(KombiRequest.nemSms(notification)));
            }
            return new Outcome(digital, receipt, memo.header().messageUuid(), sms);
        }
    }

    /**
     * Reads a delivery status (PKO_PostStatus) as the platform delivers it through Beskedfordeler; match it to the
     * letter by {@link DeliveryStatus#messageUuid()} or the print shipment id.
     *
     * @param pkoPostStatus the status document
     * @return the status
     */
    public static DeliveryStatus receipt(InputStream pkoPostStatus) {
        return DeliveryStatus.parse(pkoPostStatus);
    }
}

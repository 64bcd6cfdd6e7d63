package dk.rammearkitektur.testkit.digitalpost;

import dk.rammearkitektur.core.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A letter in the simulated print queue (Fjernprint): sent as physical post, or the fallback of an automatic
 * channel choice for a recipient without Digital Post.
 *
 * @param shipmentId the AfsendelseIdentifikator
 * @param recipientId the CPR or CVR number from the print part, or null
 * @param personName the addressee's name from the address, or null
 * @param title the letter's title (TitelTekst), or null
 * @param letter the printed PDF
 * @param messageUuid the MeMo message's UUID when the letter fell back from Digital Post, else null
 * @param transactionId the {@code x-TransaktionsId} of the call
 * @param channelCode the KombiValgKode of the call
 * @param queuedAt when it was queued (simulator clock)
 * @param attachments the attachments printed with it (BilagSamling), in order
 */
public record PrintedLetter(String shipmentId, String recipientId, String personName, String title,
        ReceivedFile letter, UUID messageUuid, String transactionId, String channelCode, Instant queuedAt,
        List<ReceivedFile> attachments) {

    /** Copies the attachments. */
    public PrintedLetter {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "PrintedLetter[" + shipmentId + ", " + PersonalData.maskCprNumbers(String.valueOf(recipientId)) + ", "
                + title + ", " + letter.size() + " bytes, via " + channelCode + "]";
    }
}

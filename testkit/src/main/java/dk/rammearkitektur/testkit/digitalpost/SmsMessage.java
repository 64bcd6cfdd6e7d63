package dk.rammearkitektur.testkit.digitalpost;

import dk.rammearkitektur.core.PersonalData;
import java.time.Instant;
import java.util.UUID;

/**
 * A text message in the simulated NemSMS outbox.
 *
 * @param cpr the recipient's CPR number
 * @param text the SMS text (the MeMo notification)
 * @param messageUuid the MeMo messageUUID
 * @param transactionId the {@code x-TransaktionsId} of the call
 * @param sentAt when it was sent (simulator clock)
 */
public record SmsMessage(String cpr, String text, UUID messageUuid, String transactionId, Instant sentAt) {
    @Override
    public String toString() {
        return "SmsMessage[" + PersonalData.maskCpr(cpr) + ", " + PersonalData.maskCprNumbers(text) + "]";
    }
}

package dk.rammearkitektur.testkit.digitalpost;

import dk.rammearkitektur.core.PersonalData;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A letter delivered to a recipient's simulated Digital Post mailbox (digital postkasse).
 *
 * @param recipientIdType {@code CPR} or {@code CVR}
 * @param recipientId the CPR or CVR number
 * @param messageUuid the MeMo messageUUID
 * @param transactionId the {@code x-TransaktionsId} of the call that delivered it
 * @param transmissionId the transmission id the simulator answered with
 * @param memoVersion {@code 1.1} or {@code 1.2}
 * @param senderId the sender's id
 * @param label the title
 * @param files every file of the message, main document first
 * @param receivedAt when it arrived (simulator clock)
 */
public record MailboxEntry(String recipientIdType, String recipientId, UUID messageUuid, String transactionId,
        String transmissionId, String memoVersion, String senderId, String label, List<ReceivedFile> files,
        Instant receivedAt) {

    /** Copies the list. */
    public MailboxEntry {
        files = List.copyOf(files);
    }

    @Override
    public String toString() {
        return "MailboxEntry[" + recipientIdType + " " + PersonalData.maskCprNumbers(recipientId) + ", " + messageUuid
                + ", " + label + ", " + files.size() + " file(s)]";
    }
}

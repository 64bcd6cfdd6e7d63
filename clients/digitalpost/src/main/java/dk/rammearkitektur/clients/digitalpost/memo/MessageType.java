package dk.rammearkitektur.clients.digitalpost.memo;

/** The kind of MeMo message (meddelelsestype): a Digital Post letter or a NemSMS text message. */
public enum MessageType {
    /** A Digital Post letter with a message body and at least one document. */
    DIGITALPOST,
    /** A NemSMS text message: a header only, the text in the notification, no body or files. */
    NEMSMS
}

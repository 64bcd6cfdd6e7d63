package dk.rammearkitektur.clients.digitalpost;

import dk.rammearkitektur.clients.digitalpost.memo.internal.Describe;
import dk.rammearkitektur.clients.digitalpost.internal.KombiRules;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;

/**
 * The body of an SF1601 KombiPostAfsend call ({@code kombi_request}): the channel choice, the MeMo message and the
 * optional print part. Every instance is valid for its channel; the constructor throws one
 * {@link dk.rammearkitektur.core.ValidationException} with paths under {@code kombiRequest}.
 *
 * @param channel how the letter is delivered
 * @param memo the MeMo message; required except for {@link ChannelChoice#PHYSICAL_POST}
 * @param print the print part; required for {@link ChannelChoice#PHYSICAL_POST}, the fallback for
 *     {@link ChannelChoice#AUTOMATIC}, absent otherwise
 */
public record KombiRequest(ChannelChoice channel, MemoMessage memo, PrintShipment print) {

    /** Checks the request for its channel. */
    public KombiRequest {
        KombiRules.check(channel, memo, print);
    }

    /** A Digital Post letter. */
    public static KombiRequest digitalPost(MemoMessage memo) {
        return new KombiRequest(ChannelChoice.DIGITAL_POST, memo, null);
    }

    /** A NemSMS message. */
    public static KombiRequest nemSms(MemoMessage memo) {
        return new KombiRequest(ChannelChoice.NEMSMS, memo, null);
    }

    /** A printed letter. */
    public static KombiRequest physicalPost(PrintShipment print) {
        return new KombiRequest(ChannelChoice.PHYSICAL_POST, null, print);
    }

    /** A letter the platform delivers digitally when it can and otherwise prints from {@code print} (may be null). */
    public static KombiRequest automatic(MemoMessage memo, PrintShipment print) {
        return new KombiRequest(ChannelChoice.AUTOMATIC, memo, print);
    }

    @Override
    public String toString() {
        return Describe.record(this);
    }
}

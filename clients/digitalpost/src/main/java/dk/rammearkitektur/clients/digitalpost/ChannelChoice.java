package dk.rammearkitektur.clients.digitalpost;

import java.util.Optional;

/** How SF1601 KombiPostAfsend delivers a letter (KombiValgKode). */
public enum ChannelChoice {
    /** The platform chooses: Digital Post when the recipient has it, otherwise the print part (Automatisk Valg). */
    AUTOMATIC("Automatisk Valg"),
    /** Digital Post only. */
    DIGITAL_POST("Digital Post"),
    /** Physical letter through remote print (Fysisk Post). */
    PHYSICAL_POST("Fysisk Post"),
    /** A NemSMS text message. */
    NEMSMS("NemSMS");

    private final String code;

    ChannelChoice(String code) {
        this.code = code;
    }

    /** The KombiValgKode on the wire, e.g. {@code Automatisk Valg}. */
    public String code() {
        return code;
    }

    /** The choice a KombiValgKode names. */
    public static Optional<ChannelChoice> fromCode(String code) {
        for (ChannelChoice c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}

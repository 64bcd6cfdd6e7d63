package dk.rammearkitektur.clients.common.events;

import dk.rammearkitektur.clients.common.events.internal.EnvelopeReader;
import dk.rammearkitektur.clients.common.events.internal.EnvelopeWriter;
import dk.rammearkitektur.clients.common.events.internal.Describe;
import dk.rammearkitektur.clients.common.events.internal.Values;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Beskedfordeler event message ({@code Haendelsesbesked}, namespace {@code urn:oio:besked:kuvert:1.0}, SF1461/SF1462):
 * the message id and version, the envelope ({@code Beskedkuvert}: filter data, delivery information, the recipient's
 * action, the validity period) and the payloads ({@code Beskeddata}).
 *
 * <p>{@link #parse(byte[])} reads a bare {@code Haendelsesbesked} or one wrapped in {@code ModtagBeskedInput} (a push)
 * or {@code AfsendBeskedInput} (a publish) with the SDK's hardened parser, and refuses anything the published schema
 * does not allow in the parts it models with a {@link ValidationException} naming the field path, e.g.
 * {@code Haendelsesbesked.Beskedkuvert.Filtreringsdata.Beskedtype: is required}. {@link #toXml()} writes a document
 * valid against the published {@code Beskedkuvert.xsd}. {@link #toString()} and every exception message mask CPR
 * numbers.
 *
 * @param messageId {@code BeskedId}: a UUID in lower case, or a URN as given; the key to deduplicate redeliveries on
 * @param version {@code BeskedVersion}; not blank
 * @param filter {@code Filtreringsdata}
 * @param delivery {@code Leveranceinformation}
 * @param recipientAction {@code Modtagerhandling}; or null
 * @param validFrom {@code GyldighedFra}; or null
 * @param validTo {@code GyldighedTil}; or null
 * @param payloads one per {@code Beskeddata}, in order; never null
 */
public record EventMessage(String messageId, String version, EventFilter filter, DeliveryInfo delivery,
        RecipientAction recipientAction, EventTime validFrom, EventTime validTo, List<EventPayload> payloads) {
    /** The largest document {@link #parse(byte[])} and {@link #parse(InputStream)} accept: 10 MiB. */
    public static final int MAX_BYTES = EnvelopeReader.MAX_BYTES;

    /** Validates the required parts and normalises the message id; a null payload list is empty. */
    public EventMessage {
        messageId = Values.unikId(messageId, "Haendelsesbesked.BeskedId");
        version = Values.text(version, "Haendelsesbesked.BeskedVersion", true);
        Values.required(filter, "Haendelsesbesked.Beskedkuvert.Filtreringsdata");
        Values.required(delivery, "Haendelsesbesked.Beskedkuvert.Leveranceinformation");
        payloads = Values.list(payloads, "Haendelsesbesked.Beskeddata");
    }

    /**
     * Parses a {@code Haendelsesbesked}, bare or in {@code ModtagBeskedInput} or {@code AfsendBeskedInput}.
     *
     * @throws ValidationException when the document is not well-formed, has a DOCTYPE, exceeds {@link #MAX_BYTES} or
     *         breaks the schema; the message names the field path and the rule
     */
    public static EventMessage parse(byte[] xml) {
        return EnvelopeReader.read(xml);
    }

    /** Like {@link #parse(byte[])}, reading at most {@link #MAX_BYTES} from {@code in}, which is not closed. */
    public static EventMessage parse(InputStream in) {
        return EnvelopeReader.read(in);
    }

    /** The message as a bare {@code Haendelsesbesked} document, UTF-8, the elements in schema order. */
    public byte[] toXml() {
        return EnvelopeWriter.document(this);
    }

    /** The message as Beskedfordeler pushes it to a receiver: wrapped in {@code ModtagBeskedInput}, UTF-8. */
    public byte[] toModtagBeskedInput() {
        return EnvelopeWriter.modtagBeskedInput(this);
    }

    /** A builder; the message id and the message type are required. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String toString() {
        return Describe.masked(this);
    }

    /** Builds an {@link EventMessage}; {@link #build()} reports every missing or invalid part at once. */
    public static final class Builder {
        private String messageId;
        private String version = "1.0";
        private String messageType;
        private UUID responsibleActor;
        private final List<String> allowedRecipients = new ArrayList<>();
        private final List<RelatedObject> relatedObjects = new ArrayList<>();
        private final List<ObjectRegistration> objectRegistrations = new ArrayList<>();
        private final List<String> crossProcesses = new ArrayList<>();
        private DeliveryInfo delivery = DeliveryInfo.createdAt(null);
        private RecipientAction recipientAction;
        private EventTime validFrom;
        private EventTime validTo;
        private final List<EventPayload> payloads = new ArrayList<>();

        private Builder() {
        }

        /** {@code BeskedId}, a UUID or a URN; required. */
        public Builder messageId(String value) {
            messageId = value;
            return this;
        }

        /** {@code BeskedId} as a UUID. */
        public Builder messageId(UUID value) {
            return messageId(value == null ? null : value.toString());
        }

        /** {@code BeskedVersion}; {@code 1.0} unless set. */
        public Builder version(String value) {
            version = value;
            return this;
        }

        /** {@code Beskedtype}, a UUID or a URN; required. */
        public Builder messageType(String value) {
            messageType = value;
            return this;
        }

        /** {@code BeskedAnsvarligAktoer}. */
        public Builder responsibleActor(UUID value) {
            responsibleActor = value;
            return this;
        }

        /** Adds a {@code TilladtModtager}, e.g. {@code urn:oio:cvr-nr:…}. */
        public Builder allowedRecipient(String value) {
            allowedRecipients.add(value);
            return this;
        }

        /** Adds a {@code RelateretObjekt}. */
        public Builder relatedObject(RelatedObject value) {
            relatedObjects.add(value);
            return this;
        }

        /** Adds an {@code ObjektRegistrering}. */
        public Builder objectRegistration(ObjectRegistration value) {
            objectRegistrations.add(value);
            return this;
        }

        /** Adds a {@code TvaergaaendeProces}. */
        public Builder crossProcess(String value) {
            crossProcesses.add(value);
            return this;
        }

        /** {@code Leveranceinformation}; empty unless set. */
        public Builder delivery(DeliveryInfo value) {
            delivery = value;
            return this;
        }

        /** {@code Modtagerhandling}. */
        public Builder recipientAction(RecipientAction value) {
            recipientAction = value;
            return this;
        }

        /** {@code GyldighedFra}. */
        public Builder validFrom(EventTime value) {
            validFrom = value;
            return this;
        }

        /** {@code GyldighedTil}. */
        public Builder validTo(EventTime value) {
            validTo = value;
            return this;
        }

        /** Adds a {@code Beskeddata}. */
        public Builder payload(EventPayload value) {
            payloads.add(value);
            return this;
        }

        /**
         * The message.
         *
         * @throws ValidationException listing every missing or invalid part by its path under {@code Haendelsesbesked}
         */
        public EventMessage build() {
            Violations v = Violations.at("Haendelsesbesked");
            v.nested("", () -> Values.unikId(messageId, "BeskedId"));
            v.nested("", () -> Values.text(version, "BeskedVersion", true));
            EventFilter filter = v.nested("Beskedkuvert", () -> new EventFilter(messageType, responsibleActor,
                    allowedRecipients, relatedObjects, objectRegistrations, crossProcesses));
            v.require(delivery != null, "Beskedkuvert.Leveranceinformation", "is required");
            v.nested("", () -> Values.list(payloads, "Beskeddata"));
            v.throwIfAny();
            return new EventMessage(messageId, version, filter, delivery, recipientAction, validFrom, validTo, payloads);
        }
    }
}

package dk.rammearkitektur.clients.common.events;

import dk.rammearkitektur.clients.common.events.internal.Describe;
import dk.rammearkitektur.clients.common.events.internal.Values;
import java.util.List;
import java.util.UUID;

/**
 * How the message was created and delivered ({@code Leveranceinformation}). Every part is optional. The source
 * system's credentials ({@code KildesystemAkkreditiver}) and the local extension (with Beskedfordeler's signature)
 * are not kept.
 *
 * @param createdAt {@code Dannelsestidspunkt}
 * @param transactionId {@code TransaktionsId}, a UUID (lower case) or a URN
 * @param sourceSystem {@code Kildesystem}
 * @param sourceIpAddress {@code KildesystemIPAdresse}, as given
 * @param securityClassification {@code Sikkerhedsklassificering}, a UUID (lower case) or a URN
 * @param routes {@code Leveranceruter}; never null
 */
public record DeliveryInfo(EventTime createdAt, String transactionId, UUID sourceSystem, String sourceIpAddress,
        String securityClassification, List<DeliveryRoute> routes) {
    /** Validates and normalises the parts; a null route list is empty. */
    public DeliveryInfo {
        transactionId = Values.optionalUnikId(transactionId, "Leveranceinformation.TransaktionsId");
        sourceIpAddress = Values.text(sourceIpAddress, "Leveranceinformation.KildesystemIPAdresse", false);
        securityClassification = Values.optionalUnikId(securityClassification,
                "Leveranceinformation.Sikkerhedsklassificering");
        routes = Values.list(routes, "Leveranceinformation.Leveranceruter.Leverancerute");
    }

    /** Delivery information with only the time the message was created. */
    public static DeliveryInfo createdAt(EventTime createdAt) {
        return new DeliveryInfo(createdAt, null, null, null, null, List.of());
    }

    @Override
    public String toString() {
        return Describe.masked(this);
    }
}

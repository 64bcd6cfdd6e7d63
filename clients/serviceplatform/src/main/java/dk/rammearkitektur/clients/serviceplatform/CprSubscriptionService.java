package dk.rammearkitektur.clients.serviceplatform;

import java.net.URI;
import java.util.UUID;

/**
 * SF6002 CPR Abonnement (CprSubscriptionService 1): which persons' CPR changes the municipality follows. Platform
 * facts (research note {@code notes/sf6002.md}): service UUID {@code 9cdccc2f-3243-11e2-8fef-d4bed98c5934} (S1c
 * magenta-aps/cprbroker@6cb2ace {@code ServiceInfo.cs}, S7, and the URL of P1
 * https://www.serviceplatformen.dk/administration/serviceOverview/show?uuid=9cdccc2f-3243-11e2-8fef-d4bed98c5934),
 * endpoint {@code <service base>CPRSubscription/CPRSubscription/1/} (S1c, S6), SOAP 1.1 with {@code SOAPAction: ""}
 * (S1 {@code CprSubscriptionService.wsdl}), InvocationContext model only: mutual TLS and the InvocationContext in the
 * request element, no STS token (S1c, S2 magenta-aps/cpr_abonnement@f84d0d8, S7). Call it through
 * {@link ServiceplatformClient#cprSubscriptions()}.
 */
public final class CprSubscriptionService implements ServiceDescription {
    /** The one instance. */
    public static final CprSubscriptionService INSTANCE = new CprSubscriptionService();

    private static final UUID SERVICE_UUID = UUID.fromString("9cdccc2f-3243-11e2-8fef-d4bed98c5934");

    private CprSubscriptionService() {
    }

    @Override
    public String id() {
        return "SF6002";
    }

    @Override
    public UUID serviceUuid() {
        return SERVICE_UUID;
    }

    /**
     * SF6002 has no token model, so no token is ever asked for it; this is an SDK-made name kept only because every
     * {@link ServiceDescription} has one.
     */
    @Override
    public String entityId() {
        return "urn:rammearkitektur:sf6002:no-token-model";
    }

    @Override
    public URI endpoint(Environment environment) {
        return environment.serviceBase().resolve("CPRSubscription/CPRSubscription/1/");
    }

    @Override
    public String contractResource() {
        return "/dk/rammearkitektur/clients/serviceplatform/cpr/CprSubscriptionService_1.xsd";
    }

    @Override
    public String toString() {
        return "SF6002";
    }
}

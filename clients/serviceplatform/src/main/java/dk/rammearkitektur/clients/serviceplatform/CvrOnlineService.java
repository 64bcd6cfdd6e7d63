package dk.rammearkitektur.clients.serviceplatform;

import java.net.URI;
import java.util.UUID;

/** SF1530 CVR online 2: a company (virksomhed) by CVR number and a production unit (produktionsenhed) by P-number. */
public final class CvrOnlineService implements ServiceDescription {
    /** The one instance. */
    public static final CvrOnlineService INSTANCE = new CvrOnlineService();

    private static final UUID SERVICE_UUID = UUID.fromString("c0daecde-e278-43b7-84fd-477bfeeea027");

    private CvrOnlineService() {
    }

    @Override
    public String id() {
        return "SF1530";
    }

    @Override
    public UUID serviceUuid() {
        return SERVICE_UUID;
    }

    @Override
    public String entityId() {
        return "http://cvr.serviceplatformen.dk/service/online/2";
    }

    @Override
    public URI endpoint(Environment environment) {
        return environment.serviceBase().resolve("CVR/Online/2");
    }

    @Override
    public String contractResource() {
        return "/dk/rammearkitektur/clients/serviceplatform/cvr/CvrOnline_2.xsd";
    }

    @Override
    public String toString() {
        return "SF1530";
    }
}

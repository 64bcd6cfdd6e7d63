package dk.rammearkitektur.clients.serviceplatform;

import java.net.URI;
import java.util.UUID;

/** SF1520 CPR PersonBaseDataExtended 4: base data of a person (person) by CPR number (personnummer). */
public final class PersonBaseDataExtendedService implements ServiceDescription {
    /** The one instance. */
    public static final PersonBaseDataExtendedService INSTANCE = new PersonBaseDataExtendedService();

    private static final UUID SERVICE_UUID = UUID.fromString("e6be2436-bf35-4df2-83fe-925142825dc2");

    private PersonBaseDataExtendedService() {
    }

    @Override
    public String id() {
        return "SF1520";
    }

    @Override
    public UUID serviceUuid() {
        return SERVICE_UUID;
    }

    @Override
    public String entityId() {
        return "http://cpr.serviceplatformen.dk/service/personbasedataextended/4";
    }

    @Override
    public URI endpoint(Environment environment) {
        return environment.serviceBase().resolve("CPR/PersonBaseDataExtended/4");
    }

    @Override
    public String contractResource() {
        return "/dk/rammearkitektur/clients/serviceplatform/cpr/PersonBaseDataExtended_4.xsd";
    }

    @Override
    public String toString() {
        return "SF1520";
    }
}

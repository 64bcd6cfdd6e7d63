package dk.rammearkitektur.clients.serviceplatform;

import java.net.URI;
import java.util.UUID;

/**
 * SF1500 Organisation 6: the organisation units (organisationsenheder) and users (brugere) of a municipality.
 * Note: the service UUID here is a placeholder (the public sources used did not give SF1500's UUID); it matters only
 * for the InvocationContext model, and the STS model uses the entity id.
 */
public final class OrganisationService implements ServiceDescription {
    /** The one instance. */
    public static final OrganisationService INSTANCE = new OrganisationService();

    private static final UUID SERVICE_UUID = UUID.fromString("4b8d5e02-7c0a-4c4b-9a0e-5f6a1c2e3d40");

    private OrganisationService() {
    }

    @Override
    public String id() {
        return "SF1500";
    }

    @Override
    public UUID serviceUuid() {
        return SERVICE_UUID;
    }

    @Override
    public String entityId() {
        return "http://stoettesystemerne.dk/service/organisation/3";
    }

    @Override
    public URI endpoint(Environment environment) {
        return environment.organisationBase().resolve("organisation/organisationsystem/6/");
    }

    @Override
    public String contractResource() {
        return "/dk/rammearkitektur/clients/serviceplatform/organisation/Organisation_6.xsd";
    }

    @Override
    public String toString() {
        return "SF1500";
    }
}

package dk.rammearkitektur.clients.common.internal;

import dk.rammearkitektur.signing.wss.SoapVersion;
import java.net.URI;
import java.util.Objects;

/**
 * One SOAP service as the shared call code sees it, independent of any client family: a short id for logs and
 * errors, the entity id tokens are issued for (the STS's {@code AppliesTo}), the endpoint, the SOAP version of the
 * published binding and whether the binding declares the KOMBIT {@code RequestHeader} as a header part.
 *
 * @param id a short id, e.g. {@code SF1510}
 * @param entityId the service's entity id (token audience)
 * @param endpoint the endpoint URL
 * @param version the SOAP version of the binding
 * @param requestHeader whether {@code RequestHeader/TransactionUUID} is sent
 */
public record ServiceTarget(String id, String entityId, URI endpoint, SoapVersion version, boolean requestHeader) {
    /** Checks that nothing is null. */
    public ServiceTarget {
        Objects.requireNonNull(id, "id == null");
        Objects.requireNonNull(entityId, "entityId == null");
        Objects.requireNonNull(endpoint, "endpoint == null");
        Objects.requireNonNull(version, "version == null");
    }
}

package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.core.ValidationException;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The InvocationContext auth model: a header naming the service agreement, user system, user and service. */
public final class InvocationContextAuthenticator implements Authenticator {
    private final UUID userSystem;
    private final UUID user;
    private final String accountingInfo;
    private final String onBehalfOfUser;
    private final Map<String, UUID> agreements;

    /** Creates the authenticator; {@code agreements} maps service id to ServiceAgreementUUID. */
    public InvocationContextAuthenticator(UUID userSystem, UUID user, String accountingInfo, String onBehalfOfUser,
            Map<String, UUID> agreements) {
        this.userSystem = Objects.requireNonNull(userSystem, "userSystem == null");
        this.user = Objects.requireNonNull(user, "user == null");
        this.accountingInfo = accountingInfo;
        this.onBehalfOfUser = onBehalfOfUser;
        this.agreements = Map.copyOf(agreements);
    }

    @Override
    public void apply(Document envelope, Element header, Element body, CallInfo call) {
        UUID agreement = agreements.get(call.service().id());
        if (agreement == null) {
            throw new ValidationException("serviceAgreements." + call.service().id(),
                    "must be set to call this service with the InvocationContext auth model");
        }
        Element ctx = Dom.add(header, Soap.INVCTX, "invctx:InvocationContext", null);
        Dom.add(ctx, Soap.INVCTX, "invctx:ServiceAgreementUUID", agreement.toString());
        Dom.add(ctx, Soap.INVCTX, "invctx:UserSystemUUID", userSystem.toString());
        Dom.add(ctx, Soap.INVCTX, "invctx:UserUUID", user.toString());
        if (onBehalfOfUser != null) {
            Dom.add(ctx, Soap.INVCTX, "invctx:OnBehalfOfUser", onBehalfOfUser);
        }
        Dom.add(ctx, Soap.INVCTX, "invctx:ServiceUUID", call.service().serviceUuid().toString());
        Dom.add(ctx, Soap.INVCTX, "invctx:CallersServiceCallIdentifier", call.correlationId());
        if (accountingInfo != null) {
            Dom.add(ctx, Soap.INVCTX, "invctx:AccountingInfo", accountingInfo);
        }
    }
}

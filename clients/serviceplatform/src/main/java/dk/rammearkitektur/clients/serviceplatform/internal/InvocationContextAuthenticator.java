package dk.rammearkitektur.clients.serviceplatform.internal;

import dk.rammearkitektur.clients.serviceplatform.OrganisationService;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.Soap;

/**
 * The InvocationContext auth model. The published contracts put the {@code InvocationContext} element inside the
 * operation's request element in the SOAP Body, after the optional {@code CallContext} and {@code AuthorityContext}
 * and before the payload (SF1520 {@code PersonLookupRequestType}, SF1530 {@code Get*RequestType}); this authenticator
 * inserts it there.
 */
public final class InvocationContextAuthenticator implements Authenticator {
    /** The published {@code maxLength} of {@code OnBehalfOfUser}, {@code AccountingInfo} and the call identifier. */
    public static final int MAX_TEXT_LENGTH = 255;
    private static final String CALL_CONTEXT = "http://serviceplatformen.dk/xml/schemas/CallContext/1/";
    private static final String AUTHORITY_CONTEXT = "http://serviceplatformen.dk/xml/schemas/AuthorityContext/1/";

    private final UUID userSystem;
    private final UUID user;
    private final String accountingInfo;
    private final String onBehalfOfUser;
    private final Map<String, UUID> agreements;

    /**
     * Creates the authenticator; {@code agreements} maps service id to ServiceAgreementUUID.
     *
     * @throws ValidationException when {@code accountingInfo} or {@code onBehalfOfUser} is longer than the contract allows
     */
    public InvocationContextAuthenticator(UUID userSystem, UUID user, String accountingInfo, String onBehalfOfUser,
            Map<String, UUID> agreements) {
        this.userSystem = Objects.requireNonNull(userSystem, "userSystem == null");
        this.user = Objects.requireNonNull(user, "user == null");
        Violations v = Violations.at("");
        checkTexts(v, accountingInfo, onBehalfOfUser);
        v.throwIfAny();
        this.accountingInfo = accountingInfo;
        this.onBehalfOfUser = onBehalfOfUser;
        this.agreements = Map.copyOf(agreements);
    }

    /** Adds a violation for each optional text longer than {@link #MAX_TEXT_LENGTH} characters. */
    public static void checkTexts(Violations v, String accountingInfo, String onBehalfOfUser) {
        v.require(accountingInfo == null || accountingInfo.length() <= MAX_TEXT_LENGTH, "invocationContext.accountingInfo",
                "must be at most " + MAX_TEXT_LENGTH + " characters");
        v.require(onBehalfOfUser == null || onBehalfOfUser.length() <= MAX_TEXT_LENGTH, "invocationContext.onBehalfOfUser",
                "must be at most " + MAX_TEXT_LENGTH + " characters");
    }

    @Override
    public void apply(Document envelope, Element header, Element body, CallInfo call) {
        UUID agreement = agreements.get(call.service().id());
        if (agreement == null) {
            throw new ValidationException("serviceAgreements." + call.service().id(),
                    "must be set to call this service with the InvocationContext auth model");
        }
        Element ctx = envelope.createElementNS(Soap.INVCTX, "invctx:InvocationContext");
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
        if (call.service() == OrganisationService.INSTANCE) {
            // SF1500 6 has no InvocationContext model (research note row a7); the client builder refuses it too.
            throw new ValidationException("serviceAgreements." + call.service().id(),
                    "SF1500 Organisation 6 has no InvocationContext model: call it with an STS token");
        }
        Element request = Dom.children(body).get(0);
        Node before = request.getFirstChild();
        while (before != null && (before.getNodeType() != Node.ELEMENT_NODE
                || CALL_CONTEXT.equals(before.getNamespaceURI()) || AUTHORITY_CONTEXT.equals(before.getNamespaceURI()))) {
            before = before.getNextSibling();
        }
        request.insertBefore(ctx, before);
    }
}

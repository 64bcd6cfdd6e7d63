package dk.rammearkitektur.clients.serviceplatform;

import dk.rammearkitektur.clients.serviceplatform.internal.CallExecutor;
import dk.rammearkitektur.clients.serviceplatform.internal.subscription.CprSubscriptionMessages;
import dk.rammearkitektur.clients.serviceplatform.internal.subscription.CprSubscriptionReplies;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Cpr;

/**
 * Follow citizens with SF6002 CPR Abonnement ({@link CprSubscriptionService}): subscribe and unsubscribe a CPR number
 * ({@code AddPNRSubscription}, {@code RemovePNRSubscription}) and read the subscription's filters
 * ({@code GetAllFilters}). Get one from {@link ServiceplatformClient#cprSubscriptions()}; the client must use the
 * InvocationContext model with a service agreement for {@link CprSubscriptionService#INSTANCE}.
 *
 * <p>The subscription only chooses whose changes are delivered. The changes themselves do not come through this
 * service nor the Beskedfordeler: per the sources they arrive as daily change files (ændringsudtræk) on
 * Serviceplatformen's SFTP (P2 https://digitaliseringskataloget.dk/integration/sf6002, P1); see
 * {@code docs/cpr-subscription.md}.
 *
 * <p>Subscribe and unsubscribe are writes whose repetition has no further effect (a second subscribe answers
 * {@code ALREADY_EXISTED}, S5), so the SDK retries them like reads after transient failures (an SDK choice). CPR
 * numbers never reach logs or exception messages. Thread-safe.
 */
public final class CprSubscriptions {
    private final CallExecutor executor;

    CprSubscriptions(CallExecutor executor) {
        this.executor = executor;
    }

    /**
     * Follows {@code cpr} ({@code AddPNRSubscription}).
     *
     * @param cpr the person's CPR number
     * @return {@code ADDED}, {@code ALREADY_SUBSCRIBED}, {@code NOT_SUBSCRIBED} (the platform's
     *     {@code NON_EXISTING_PNR}) or {@code OTHER}
     * @throws ValidationException at path {@code cpr} when {@code cpr} is null
     * @throws ServiceFaultException for a SOAP fault
     */
    public SubscriptionResult subscribe(Cpr cpr) {
        return write("AddPNRSubscription", CprSubscriptionMessages.add(pnr(cpr)));
    }

    /**
     * Stops following {@code cpr} ({@code RemovePNRSubscription}).
     *
     * @param cpr the person's CPR number
     * @return {@code REMOVED}, {@code NOT_SUBSCRIBED} (the platform's {@code NON_EXISTING_PNR}: it was not followed)
     *     or {@code OTHER}
     * @throws ValidationException at path {@code cpr} when {@code cpr} is null
     * @throws ServiceFaultException for a SOAP fault
     */
    public SubscriptionResult unsubscribe(Cpr cpr) {
        return write("RemovePNRSubscription", CprSubscriptionMessages.remove(pnr(cpr)));
    }

    /**
     * Reads every filter of the subscription ({@code GetAllFilters}).
     *
     * @return the followed CPR numbers, municipality codes, change codes and age ranges
     * @throws ServiceFaultException for a SOAP fault
     * @throws dk.rammearkitektur.core.MalformedReplyException when a followed PNR is not a CPR number or a number is
     *     not a number
     */
    public SubscriptionFilters filters() {
        return executor.call(CprSubscriptionService.INSTANCE, "GetAllFilters", CprSubscriptionMessages.SOAP_ACTION,
                new CprSubscriptionMessages.GetAllFilters(), (payload, call) -> CprSubscriptionReplies.filters(payload));
    }

    private SubscriptionResult write(String operation, Object request) {
        return executor.idempotentWrite(CprSubscriptionService.INSTANCE, operation, CprSubscriptionMessages.SOAP_ACTION,
                request, (payload, call) -> CprSubscriptionReplies.result(payload, operation + "Response"));
    }

    private static String pnr(Cpr cpr) {
        if (cpr == null) {
            throw new ValidationException("cpr", "must be set");
        }
        return cpr.value();
    }

    @Override
    public String toString() {
        return "CprSubscriptions[SF6002]";
    }
}

package dk.rammearkitektur.clients.beskedfordeler;

import dk.rammearkitektur.clients.beskedfordeler.internal.ValueListMessages;
import dk.rammearkitektur.clients.common.internal.CallRetries;
import dk.rammearkitektur.clients.common.internal.SoapTransport;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.core.Violations;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import io.micrometer.observation.ObservationRegistry;

/**
 * The Beskedfordeler's value lists (værdilister; SF1461 VærdilisteRediger): read a list, add values to it, remove
 * values from it, for example the CPR numbers a subscription follows. SOAP 1.1 to the Beskedfordeler's
 * {@code StsbeskedfordelerImpl} endpoint with mutual TLS only, no token: the published WSDL has its security policy
 * commented out, and KOMBIT's sample {@code VaerdilisteServiceClient} sends none (research note
 * {@code services-breadth.md}, section 3; the WSDL in the conformance data).
 *
 * <p>Get it from {@link BeskedfordelerClient#valueLists()}: it shares that client's certificate, trust and
 * connections. A reply whose {@code StandardRetur/StatusKode} is not 20 is a {@link dk.rammearkitektur.core.ServiceFaultException}
 * with the status as its code. Reads are retried by the {@link RetryPolicy}; adding and removing are not (the SDK's
 * choice: whether the service treats them as idempotent is not published). Thread-safe.
 */
public final class ValueListClient {
    private static final Logger LOG = LoggerFactory.getLogger("dk.rammearkitektur.clients.beskedfordeler.vaerdiliste");
    private static final String SERVICE = "SF1461";

    private final BeskedfordelerEnvironment environment;
    private final SoapTransport transport;
    private final RetryPolicy retry;
    private final Timeouts timeouts;
    private final Clock clock;
    private final ObservationRegistry observations;

    ValueListClient(BeskedfordelerEnvironment environment, SoapTransport transport, RetryPolicy retry,
            Timeouts timeouts, Clock clock, ObservationRegistry observations) {
        this.observations = observations;
        this.clock = clock;
        this.environment = environment;
        this.transport = transport;
        this.retry = retry;
        this.timeouts = timeouts;
    }

    /**
     * Reads a value list ({@code laesvaerdiliste}): the property in effect now of its latest registration.
     *
     * @throws dk.rammearkitektur.core.ServiceFaultException when the service answers another status than 20 (44: no
     *     such list)
     */
    public ValueList read(UUID list) {
        Objects.requireNonNull(list, "list == null");
        ServiceCall call = ServiceCall.read(SERVICE, "laesvaerdiliste", UUID.randomUUID().toString());
        return send(call, "laes", ValueListMessages.laes(list), retry,
                reply -> ValueListMessages.readList(call, list, reply, clock.instant()));
    }

    /**
     * Adds values to a list ({@code tilfoejvaerdier}).
     *
     * @param values the values to add: 1 to 10,000, none blank
     */
    public void addValues(UUID list, Collection<String> values) {
        change(list, values, "tilfoejvaerdier", "TilfoejVaerdierInput");
    }

    /**
     * Removes values from a list ({@code fjernvaerdier}).
     *
     * @param values the values to remove: 1 to 10,000, none blank
     */
    public void removeValues(UUID list, Collection<String> values) {
        change(list, values, "fjernvaerdier", "FjernVaerdierInput");
    }

    private void change(UUID list, Collection<String> values, String operation, String input) {
        Violations v = Violations.at(operation);
        v.require(list != null, "list", "must be given");
        v.require(values != null && !values.isEmpty() && values.size() <= 10_000, "values",
                "must hold 1 to 10,000 values");
        List<String> copy = values == null ? List.of() : new ArrayList<>(values);
        for (int i = 0; i < copy.size(); i++) {
            String value = copy.get(i);
            v.require(value != null && !value.isBlank(), "values[" + i + "]", "must not be blank");
        }
        v.throwIfAny();
        ServiceCall call = ServiceCall.write(SERVICE, operation, UUID.randomUUID().toString(), null);
        send(call, operation, ValueListMessages.change(input, list, copy), RetryPolicy.none(),
                reply -> ValueListMessages.requireOk(call, reply));
    }

    /** One call: sent, retried by {@code policy}, its reply read by {@code reader} (a misshapen reply is malformed). */
    private <T> T send(ServiceCall call, String action, Document envelope, RetryPolicy policy,
            Function<Document, T> reader) {
        return CallRetries.run(LOG, observations, call, policy, timeouts, timeout -> reader.apply(transport.call(call,
                environment.vaerdiliste(), ValueListMessages.ACTION_PREFIX + action, envelope, timeout.get())));
    }

    @Override
    public String toString() {
        return "ValueListClient[" + environment.vaerdiliste() + "]";
    }
}

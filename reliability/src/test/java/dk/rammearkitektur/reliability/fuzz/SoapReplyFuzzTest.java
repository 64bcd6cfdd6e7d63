package dk.rammearkitektur.reliability.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * SOAP replies into the Serviceplatformen client, end to end over mutual TLS: a loopback proxy ({@link RecordingProxy}) first records the
 * simulator's genuine replies for the four operations (CPR, CVR, P-number, Organisation), then answers the client
 * with mutated copies of them (and with random text) under HTTP 200 or 500. Every call either returns a result or
 * throws one of our exceptions, within the client's timeout; never an NPE, a JAXB or JDK HTTP exception, or a hang; no
 * unmasked CPR number in a message or a result's text.
 */
class SoapReplyFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(5);
    static final int OPERATIONS = 4;

    /** A text in the recorded key (path and SOAP action) of each operation, by operation number. */
    static final List<String> ACTIONS = List.of("PersonLookup", "getLegalUnit", "getProductionUnit",
            "organisationsystem/6"); // SOAP 1.2 (SF1500) has no SOAPAction header: its key is the path

    private static ServiceplatformSimulator sim;
    private static RecordingProxy proxy;
    private static ServiceplatformClient client;
    /** SF1500 Organisation 6 has only the STS token model. */
    private static ServiceplatformClient tokenClient;

    @BeforeContainer
    static void start() throws Exception {
        sim = ServiceplatformSimulator.builder().strict(false).build().start();
        proxy = new RecordingProxy(sim);
        client = SimulatorClients.invocationContext(sim).environment(Environment.custom(proxy.baseUri()))
                .timeouts(Timeouts.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .retryPolicy(RetryPolicy.none()).build();
        tokenClient = SimulatorClients.stsToken(sim, StsProtocol.SOAP).environment(Environment.custom(proxy.baseUri()))
                .timeouts(Timeouts.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .retryPolicy(RetryPolicy.none()).build();
        proxy.recording(true);
        for (int op = 0; op < OPERATIONS; op++) {
            Object genuine = call(op);
            assertTrue(genuine instanceof Optional<?> o ? o.isPresent() : genuine != null, "genuine reply " + op);
        }
        proxy.recording(false);
        for (String action : ACTIONS) {
            assertTrue(proxy.recorded(action).status() == 200, "recorded " + action);
        }
    }

    @AfterContainer
    static void stop() {
        if (tokenClient != null) {
            tokenClient.close();
        }
        if (client != null) {
            client.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private static String recorded(int op) {
        return new String(proxy.recorded(ACTIONS.get(op)).body(), StandardCharsets.UTF_8);
    }

    private static Object call(int op) {
        return switch (op) {
            case 0 -> client.lookupPerson(SimulatorData.CPR_ACTIVE_1900S);
            case 1 -> client.lookupCompany(SimulatorData.CVR_ACTIVE);
            case 2 -> client.lookupProductionUnit(SimulatorData.PNUMBER_1);
            default -> tokenClient.readOrganisation(sim.municipalityCvr());
        };
    }

    private static void answer(int op, int status, String body) {
        proxy.answer(proxy.key(ACTIONS.get(op)), new RecordingProxy.Reply(status, "text/xml; charset=utf-8",
                body.getBytes(StandardCharsets.UTF_8)));
        Optional<Object> result = Fuzz.onlyOurs(LIMIT, () -> call(op));
        result.ifPresent(r -> assertFalse(PersonalData.containsCprNumber(String.valueOf(r)), "CPR in result: " + r));
    }

    @Property(tries = 1000)
    void mutatedGenuineReplies(@ForAll @IntRange(min = 0, max = OPERATIONS - 1) int op,
            @ForAll("edits") List<Mutation> edits, @ForAll("statuses") int status) {
        answer(op, status, Mutation.applyAll(edits, recorded(op)));
    }

    @Provide
    Arbitrary<List<Mutation>> edits() {
        return Mutation.some();
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(200, 200, 200, 500);
    }

    @Property(tries = 150)
    void randomReplies(@ForAll @IntRange(min = 0, max = OPERATIONS - 1) int op, @ForAll("randomBodies") String body,
            @ForAll("statuses") int status) {
        answer(op, status, body);
    }

    @Provide
    Arbitrary<String> randomBodies() {
        Function<String, String> envelope = inner -> "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'>"
                + "<s:Body>" + inner + "</s:Body></s:Envelope>";
        return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(300), Arbitraries.just(""),
                Arbitraries.strings().withChars("<>/=\"' :sEnvelopBdyFault").ofMaxLength(200).map(envelope),
                Arbitraries.of("<x/>", "<s:Fault/>", "<s:Fault><faultcode>s:Server</faultcode></s:Fault>",
                        "<a:b xmlns:a='urn:x'/>").map(envelope));
    }

    @Property(tries = 5)
    void genuineRepliesStillParse(@ForAll @IntRange(min = 0, max = OPERATIONS - 1) int op) {
        proxy.answer(proxy.key(ACTIONS.get(op)), proxy.recorded(ACTIONS.get(op)));
        Object r = call(op);
        assertTrue(r instanceof Optional<?> o ? o.isPresent() : r != null, "the proxy replays a genuine reply");
    }
}

package dk.rammearkitektur.reliability.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * STS replies into the Serviceplatformen client, for both STS protocols (WS-Trust SOAP and REST): a recording proxy
 * keeps the simulator's genuine token reply, then answers with mutated copies of it. The token's signature, lifetime
 * and holder-of-key binding are checked by the client, so a mutant either still yields a valid token (and the CVR
 * lookup succeeds) or the call ends in one of our exceptions, in time. Tokens live shorter than the client's renewal
 * margin, so every call asks the STS again.
 */
class StsReplyFuzzTest {
    static final Duration LIMIT = Duration.ofSeconds(5);
    private static ServiceplatformSimulator sim;
    private static RecordingProxy proxy;
    private static final Map<StsProtocol, ServiceplatformClient> CLIENTS = new EnumMap<>(StsProtocol.class);
    private static final Map<StsProtocol, String> PATHS = new EnumMap<>(StsProtocol.class);

    @BeforeContainer
    static void start() throws Exception {
        sim = ServiceplatformSimulator.builder().strict(false).tokenLifetime(Duration.ofMinutes(30)).build().start();
        proxy = new RecordingProxy(sim);
        for (StsProtocol protocol : StsProtocol.values()) {
            ServiceplatformClient c = SimulatorClients.stsToken(sim, protocol)
                    .environment(Environment.custom(proxy.baseUri()))
                    .timeouts(Timeouts.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)))
                    .retryPolicy(RetryPolicy.none()).tokenRenewalMargin(Duration.ofHours(1))
                    .stsFaultBackoff(Duration.ofSeconds(1)).build();
            CLIENTS.put(protocol, c);
            proxy.recording(true);
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent(), protocol + ": genuine token");
            proxy.recording(false);
            PATHS.put(protocol, proxy.key(protocol == StsProtocol.REST ? "/rest/" : "kombittrust"));
            int before = proxy.hits("");
            assertTrue(c.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent(), protocol + ": replayed reply accepted");
            assertTrue(proxy.hits(PATHS.get(protocol)) >= 2 && proxy.hits("") == before + 2,
                    protocol + ": every call asks the STS again");
        }
    }

    @AfterContainer
    static void stop() {
        CLIENTS.values().forEach(ServiceplatformClient::close);
        if (proxy != null) {
            proxy.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    @Property(tries = 300)
    void mutatedTokenReplies(@ForAll StsProtocol protocol, @ForAll("edits") List<Mutation> edits,
            @ForAll("statuses") int status) {
        String path = PATHS.get(protocol);
        RecordingProxy.Reply genuine = proxy.recorded(path);
        String mutated = Mutation.applyAll(edits, new String(genuine.body(), StandardCharsets.UTF_8));
        proxy.answer(path, new RecordingProxy.Reply(status, genuine.contentType(),
                mutated.getBytes(StandardCharsets.UTF_8)));
        Fuzz.onlyOurs(LIMIT, () -> CLIENTS.get(protocol).lookupCompany(SimulatorData.CVR_ACTIVE));
    }

    @Provide
    Arbitrary<List<Mutation>> edits() {
        return Mutation.some();
    }

    @Provide
    Arbitrary<Integer> statuses() {
        return Arbitraries.of(200, 200, 200, 400, 500);
    }
}

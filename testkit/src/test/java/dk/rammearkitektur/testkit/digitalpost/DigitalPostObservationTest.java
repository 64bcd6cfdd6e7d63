package dk.rammearkitektur.testkit.digitalpost;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ServiceFaultException;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Digital Post client's observations: a send, a refused send and a lookup by CPR number, none tagged with it. */
class DigitalPostObservationTest {
    private static final Pattern CPR = Pattern.compile("\\d{6}-?\\d{4}");

    @Test
    void sendsAndLookupsAreOneObservationEachWithoutTheCprNumber() {
        TestObservationRegistry registry = TestObservationRegistry.create();
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start();
                DigitalPostClient client = sim.clientBuilder().observationRegistry(registry).build()) {
            sim.exemptFromDigitalPost(Letters.EXEMPT_CPR);
            assertTrue(client.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(100)))).accepted());
            assertThrows(ServiceFaultException.class,
                    () -> client.send(KombiRequest.digitalPost(Letters.letter(Letters.EXEMPT_CPR, Letters.pdf(10)))));
            assertTrue(client.isRegisteredForDigitalPost(Letters.CPR));
        }
        TestObservationRegistryAssert.assertThat(registry)
                .hasNumberOfObservationsWithNameEqualTo("rammearkitektur.client.call", 3)
                .hasAnObservation(o -> o.hasNameEqualTo("rammearkitektur.client.call")
                        .hasLowCardinalityKeyValue("service", "SF1601")
                        .hasLowCardinalityKeyValue("operation", "KombiPostAfsend")
                        .hasLowCardinalityKeyValue("outcome", "success"))
                .hasAnObservation(o -> o.hasNameEqualTo("rammearkitektur.client.call")
                        .hasLowCardinalityKeyValue("operation", "KombiPostAfsend")
                        .hasLowCardinalityKeyValue("outcome", "fault")
                        .hasLowCardinalityKeyValue("fault.code", DigitalPostErrors.NOT_REACHABLE))
                .hasAnObservation(o -> o.hasNameEqualTo("rammearkitektur.client.call")
                        .hasLowCardinalityKeyValue("operation", "PostForespoerg")
                        .hasLowCardinalityKeyValue("outcome", "success"))
                .hasAnObservation(o -> o.hasNameEqualTo("rammearkitektur.sts.token")
                        .hasLowCardinalityKeyValue("entity.id", DigitalPostClient.KOMBI_ENTITY_ID)
                        .hasLowCardinalityKeyValue("result", "issued"));
        TestObservationRegistryAssert.assertThat(registry).hasHandledContextsThatSatisfy(contexts -> {
            for (Observation.Context context : contexts) {
                for (KeyValue kv : context.getAllKeyValues()) {
                    assertFalse(CPR.matcher(kv.getValue()).find(), kv.toString());
                    assertFalse(PersonalData.containsCprNumber(kv.getValue()), kv.toString());
                }
            }
        });
    }
}

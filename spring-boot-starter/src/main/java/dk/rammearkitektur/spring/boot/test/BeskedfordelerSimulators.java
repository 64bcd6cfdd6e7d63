package dk.rammearkitektur.spring.boot.test;

import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.util.Map;

/**
 * Starts the Beskedfordeler simulator for {@link SimulatorContextCustomizerFactory}; a class of its own so that the
 * optional {@code rammearkitektur-testkit-beskedfordeler} is loaded only when a test asks for it.
 */
final class BeskedfordelerSimulators {
    private BeskedfordelerSimulators() {
    }

    /**
     * Starts one with {@code sp} as its STS, following {@code dp}'s delivery statuses when it is not null, and adds
     * {@code rammearkitektur.beskedfordeler.environment} (its {@code host:port}) to {@code properties}.
     */
    static BeskedfordelerSimulator start(ServiceplatformSimulator sp, DigitalPostSimulator dp,
            Map<String, Object> properties) {
        BeskedfordelerSimulator bf = BeskedfordelerSimulator.builder().sts(sp).start();
        if (dp != null) {
            bf.followDigitalPost(dp);
        }
        properties.put("rammearkitektur.beskedfordeler.environment", bf.host() + ":" + bf.port());
        return bf;
    }
}

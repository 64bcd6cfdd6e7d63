package dk.rammearkitektur.clients.common.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.testkeys.TestKeys;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.core.Violations;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class ClientSettingsTest {

    private static List<String> rules(Violations v) {
        return v.list().stream().map(x -> x.path() + ": " + x.rule()).collect(Collectors.toList());
    }

    @Property(tries = 200)
    void clockSkewIsInRangeExactlyFromZeroToFifteenMinutes(@ForAll @LongRange(min = -2000, max = 2000) long seconds) {
        ClientSettings s = new ClientSettings();
        s.clockSkew(Duration.ofSeconds(seconds));
        assertEquals(seconds >= 0 && seconds <= 900, s.clockSkewInRange());
    }

    @Test
    void defaultsPassTheTokenChecksAndNullsAreNamed() {
        ClientSettings s = new ClientSettings();
        Violations ok = Violations.at("c");
        s.checkTimeoutsRetriesClock(ok);
        s.checkTokenTiming(ok);
        assertTrue(ok.isEmpty(), () -> rules(ok).toString());
        assertTrue(s.clockSkewInRange());

        s.timeouts(null);
        s.retryPolicy(null);
        s.clock(null);
        s.clockSkew(null);
        s.renewalMargin(Duration.ofMinutes(61));
        s.stsFaultBackoff(Duration.ofMillis(999));
        Violations bad = Violations.at("c");
        s.checkTimeoutsRetriesClock(bad);
        s.checkTokenTiming(bad);
        s.checkStsCertificates(bad);
        assertEquals(List.of("c.timeouts: must be set", "c.retryPolicy: must be set", "c.clock: must be set",
                "c.tokenRenewalMargin: must be between 0 and 1 hour", "c.stsFaultBackoff: must be at least 1 second",
                "c.stsCertificates: must hold at least one certificate"), rules(bad));
        assertFalse(s.clockSkewInRange());
    }

    @Test
    void certificateListsRefuseEmptyAndNull() {
        ClientSettings s = new ClientSettings();
        assertFalse(s.trustAnchorsUsable());
        s.trustAnchors(Arrays.asList(TestKeys.anchor(), null));
        assertFalse(s.trustAnchorsUsable());
        s.trustAnchors(List.of(TestKeys.anchor()));
        assertTrue(s.trustAnchorsUsable());
        s.trustAnchors(null);
        assertTrue(s.trustAnchors().isEmpty());
    }

    @Test
    void cvrIsExactlyEightDigits() {
        assertTrue(ClientSettings.isCvr("12345678"));
        assertFalse(ClientSettings.isCvr("1234567"));
        assertFalse(ClientSettings.isCvr("123456789"));
        assertFalse(ClientSettings.isCvr("1234567a"));
        assertFalse(ClientSettings.isCvr(null));
    }

    @Test
    void systemCertificateLoadsAndClearsItsPassword() {
        ClientSettings s = new ClientSettings();
        Violations none = Violations.at("c");
        assertFalse(s.checkSystemCertificateGiven(none));
        assertEquals(List.of("c.systemCertificate: must be set"), rules(none));

        char[] password = TestKeys.PASSWORD.clone();
        s.systemCertificate(TestKeys.systemP12(), password);
        s.trustAnchors(List.of(TestKeys.anchor()));
        Violations v = Violations.at("c");
        assertTrue(s.checkSystemCertificateGiven(v));
        KeyStore store = s.readKeyStore(v, true);
        assertNotNull(store);
        KeyMaterial km = s.keyMaterial(v, store);
        assertNotNull(km);
        assertTrue(v.isEmpty(), () -> rules(v).toString());
        s.clearPassword();
        assertEquals("changeit", new String(password), "the caller's array is copied, not cleared");
    }

    @Test
    void wrongPasswordIsReportedWithOrWithoutDetail() {
        ClientSettings s = new ClientSettings();
        s.systemCertificate(TestKeys.systemP12(), "wrong".toCharArray());
        Violations plain = Violations.at("c");
        assertNull(s.readKeyStore(plain, false));
        assertEquals(List.of("c.systemCertificate: could not be read (wrong password or not PKCS#12)"), rules(plain));
        Violations detailed = Violations.at("c");
        assertNull(s.readKeyStore(detailed, true));
        Violation only = detailed.list().get(0);
        assertTrue(only.rule().startsWith("could not be read (wrong password or not PKCS#12): "), only.rule());
    }
}

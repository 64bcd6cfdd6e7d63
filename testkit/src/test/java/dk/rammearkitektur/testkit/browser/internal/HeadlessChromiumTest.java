package dk.rammearkitektur.testkit.browser.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The harness itself: pinning, navigation, evaluation, waiting and clean-up. */
@Timeout(180)
class HeadlessChromiumTest {
    private static final Duration STEP = Duration.ofSeconds(60);

    @Test
    void theSpkiPinIsTheBase64Sha256OfTheKey() {
        String pin = HeadlessChromium.spkiPin(ServerTls.shared().serverCertificate());
        assertEquals(32, Base64.getDecoder().decode(pin).length);
        assertNotEquals(pin, HeadlessChromium.spkiPin(ServerTls.shared().ca()));
    }

    @Test
    void onlyThePinnedServerCertificateIsAccepted() {
        HeadlessChromium.assumeInstalled();
        try (ServiceplatformSimulator sim = ServiceplatformSimulator.builder().build().start()) {
            URI console = sim.startConsole();
            try (HeadlessChromium unpinned = HeadlessChromium.launch(List.of(), STEP)) {
                IllegalStateException e = assertThrows(IllegalStateException.class, () -> unpinned.navigate(console));
                assertTrue(e.getMessage().contains("ERR_CERT"), e.getMessage());
            }
            try (HeadlessChromium pinned = HeadlessChromium.launch(List.of(ServerTls.shared().serverCertificate()),
                    STEP)) {
                pinned.navigate(console);
                assertEquals("Overview - rammearkitektur simulator", pinned.evaluate("document.title").asText());
                pinned.click("nav a[href='/console/tokens']", true);
                assertEquals("/console/tokens", pinned.evaluate("location.pathname").asText());
                assertEquals(42, pinned.evaluate("new Promise(r => setTimeout(() => r(6 * 7), 10))").asInt());
                IllegalStateException missing = assertThrows(IllegalStateException.class,
                        () -> pinned.click("#no-such-element", false));
                assertTrue(missing.getMessage().contains("#no-such-element"), missing.getMessage());
                assertThrows(IllegalStateException.class, () -> pinned.evaluate("nope.nothing"));
            }
        }
    }

    @Test
    void waitingIsBoundedAndCloseRemovesTheProfileAndTheProcess() {
        HeadlessChromium.assumeInstalled();
        Path profile;
        ProcessHandle[] processes;
        try (HeadlessChromium browser = HeadlessChromium.launch(List.of(), Duration.ofSeconds(20))) {
            profile = browser.profile();
            assertTrue(Files.isDirectory(profile));
            processes = ProcessHandle.current().descendants().toArray(ProcessHandle[]::new);
            assertTrue(processes.length > 0);
            long start = System.nanoTime();
            assertThrows(IllegalStateException.class, () -> browser.waitUntil("false"));
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(60).toNanos());
        }
        assertFalse(Files.exists(profile), "profile deleted");
        for (ProcessHandle p : processes) {
            assertFalse(p.isAlive() && p.info().command().orElse("").contains("chrom"), "still running: " + p);
        }
    }
}

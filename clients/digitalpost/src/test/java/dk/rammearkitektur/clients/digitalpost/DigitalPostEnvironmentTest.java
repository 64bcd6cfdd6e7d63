package dk.rammearkitektur.clients.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import dk.rammearkitektur.clients.digitalpost.memo.MemoSamples;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;

class DigitalPostEnvironmentTest {
    @Test
    void presetsAndCustomBases() {
        assertSame(DigitalPostEnvironment.TEST, DigitalPostEnvironment.parse(" test "));
        assertSame(DigitalPostEnvironment.PRODUCTION, DigitalPostEnvironment.parse("prod"));
        assertEquals(URI.create("https://prod.serviceplatformen.dk/service/KombiPostAfsend_1/kombi"),
                DigitalPostEnvironment.PRODUCTION.kombi());
        DigitalPostEnvironment c = DigitalPostEnvironment.parse("https://127.0.0.1:8443");
        assertEquals(URI.create("https://127.0.0.1:8443/runtime/api/rest/wstrust/v1/issue"), c.stsRest());
        assertEquals(URI.create("https://127.0.0.1:8443/service/AccessTokenService_1/token"), c.accessToken());
        assertEquals(URI.create("https://127.0.0.1:8443/service/PostForespoerg_1/nemsms"), c.lookupBase().resolve("nemsms"));
    }

    @Test
    void badUrlsAreNamed() {
        ValidationException e = assertThrows(ValidationException.class, () -> new DigitalPostEnvironment(" ",
                URI.create("http://sts.example.dk/issue"), URI.create("relative"), null,
                URI.create("https://example.dk/PostForespoerg_1")));
        String m = e.getMessage();
        for (String expected : new String[] {"environment.name: must not be blank", "environment.stsRest: must use https",
            "environment.accessToken: must be an absolute URL with a host", "environment.kombi: must be set",
            "environment.lookupBase: must end with /"}) {
            assertTrue(m.contains(expected), m);
        }
        assertThrows(ValidationException.class, () -> DigitalPostEnvironment.parse("::not a url"));
    }

    @Test
    void transmissionsFixWholeSecondIdsAndNameMissingParts() {
        KombiRequest r = KombiRequest.digitalPost(MemoSamples.minimal(MemoVersion.V1_2));
        Transmission t = Transmission.of(UUID.randomUUID(), Instant.parse("2026-11-25T10:00:00.987654Z"), r);
        assertEquals(Instant.parse("2026-11-25T10:00:00Z"), t.transactionTime());
        assertEquals(r.memo().header().messageUuid(), t.messageUuid());
        ValidationException e = assertThrows(ValidationException.class, () -> Transmission.of(null, null, null));
        assertEquals(3, e.violations().size(), e.getMessage());
        assertTrue(e.getMessage().contains("transmission.transactionId: must be set"), e.getMessage());
    }

    @Test
    void theClientBuilderNamesEveryMissingSetting() {
        ValidationException e = assertThrows(ValidationException.class, () -> DigitalPostClient.builder()
                .authorityCvr("123").maxFileBytes(0L).build());
        String m = e.getMessage();
        for (String expected : new String[] {"digitalPostClient.environment: must be set",
            "digitalPostClient.authorityCvr: must be 8 digits", "digitalPostClient.trustAnchors: must hold at least one",
            "digitalPostClient.stsCertificates: must hold at least one", "digitalPostClient.maxFileBytes: must be positive",
            "digitalPostClient.systemCertificate: must be set"}) {
            assertTrue(m.contains(expected), m);
        }
    }

    @Test
    void theClientBuilderNamesANullObservationRegistry() {
        ValidationException e = assertThrows(ValidationException.class, () -> DigitalPostClient.builder()
                .observationRegistry(null).build());
        assertTrue(e.getMessage().contains("digitalPostClient.observationRegistry: must be set"), e.getMessage());
        ValidationException defaults = assertThrows(ValidationException.class,
                () -> DigitalPostClient.builder().build());
        assertTrue(!defaults.getMessage().contains("observationRegistry"), defaults.getMessage());
    }
}

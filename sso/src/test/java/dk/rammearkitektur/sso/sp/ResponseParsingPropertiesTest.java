package dk.rammearkitektur.sso.sp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.sso.Identities;
import dk.rammearkitektur.sso.Professional;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * The Response and metadata parsers on damaged input: a valid Response with one character changed, cut short, or
 * arbitrary text, is either accepted as a whole or refused with an {@link SsoRefusedException} of a known reason;
 * never another exception.
 */
class ResponseParsingPropertiesTest {
    private static final Set<String> REASONS = Set.of(SsoRefusedException.MALFORMED, SsoRefusedException.STATUS,
            SsoRefusedException.DESTINATION, SsoRefusedException.IN_RESPONSE_TO, SsoRefusedException.ISSUER,
            SsoRefusedException.ASSERTION_COUNT, SsoRefusedException.DECRYPTION, SsoRefusedException.ENCRYPTION_ALGORITHM,
            SsoRefusedException.SIGNATURE, SsoRefusedException.SUBJECT_CONFIRMATION, SsoRefusedException.CONDITIONS,
            SsoRefusedException.AUDIENCE, SsoRefusedException.STATEMENTS, SsoRefusedException.SPEC_VERSION,
            SsoRefusedException.IDENTITY, SsoRefusedException.LEVEL_OF_ASSURANCE, SsoRefusedException.REPLAY);
    private static final String UUID_TEXT = "1b3f7e2a-55c1-4c8e-9d1b-2f0e4a6b8c91";

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private record Fixture(ServiceProvider sp, String xml, String relayState) { }

    private Fixture fixture(boolean encrypt) {
        ServiceProvider sp = ServiceProvider.builder().entityId(TestIdp.SP_ENTITY).assertionConsumerService(TestIdp.ACS)
                .signingCredential(TestIdp.SP.toSigning()).decryptionCredential(TestIdp.SP.toSigning())
                .idp(ServiceProviderTest.idpMetadata(TestIdp.IDP)).profile(SsoProfile.contextHandlerNsisTest())
                .allowUnencryptedAssertion(!encrypt).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
        LoginRedirect r = sp.authnRequest(LoginOptions.defaults());
        TestIdp idp = new TestIdp(r.pending().id(), now);
        idp.nameId = Identities.PROFESSIONAL_NAME_ID_PREFIX + UUID_TEXT;
        idp.attributes = ServiceProviderTest.nsisProfessional();
        idp.encrypt = encrypt;
        return new Fixture(sp, idp.xml(), r.pending().relayState());
    }

    private static void acceptedOrRefused(Fixture f, String xml) {
        String b64 = Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8));
        try {
            assertInstanceOf(Professional.class, f.sp().consume(b64, f.relayState()).identity());
        } catch (SsoRefusedException e) {
            assertTrue(REASONS.contains(e.reason()), e.reason());
            assertFalse(e.getMessage().isBlank());
        }
    }

    @Property(tries = 40)
    void oneCharacterChangedInAPlainSignedResponse(@ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll char replacement) {
        Fixture f = fixture(false);
        int at = position % f.xml().length();
        String changed = f.xml().substring(0, at) + replacement + f.xml().substring(at + 1);
        acceptedOrRefused(f, changed);
    }

    @Property(tries = 30)
    void oneCharacterChangedInAnEncryptedResponse(@ForAll @IntRange(min = 0, max = 100_000) int position,
            @ForAll char replacement) {
        Fixture f = fixture(true);
        int at = position % f.xml().length();
        acceptedOrRefused(f, f.xml().substring(0, at) + replacement + f.xml().substring(at + 1));
    }

    @Property(tries = 30)
    void cutShort(@ForAll @IntRange(min = 0, max = 100_000) int length) {
        Fixture f = fixture(true);
        String cut = f.xml().substring(0, length % f.xml().length());
        String b64 = Base64.getEncoder().encodeToString(cut.getBytes(StandardCharsets.UTF_8));
        SsoRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(SsoRefusedException.class,
                () -> f.sp().consume(b64, f.relayState()));
        assertEquals(SsoRefusedException.MALFORMED, e.reason(), e.getMessage());
    }

    @Property(tries = 200)
    void arbitraryTextIsRefusedAsMalformed(@ForAll @StringLength(max = 300) String text) {
        Fixture f = new Fixture(ServiceProvider.builder().entityId(TestIdp.SP_ENTITY).assertionConsumerService(TestIdp.ACS)
                .signingCredential(TestIdp.SP.toSigning()).decryptionCredential(TestIdp.SP.toSigning())
                .idp(ServiceProviderTest.idpMetadata(TestIdp.IDP)).profile(SsoProfile.contextHandlerNsisTest()).build(),
                text, "x");
        SsoRefusedException e = org.junit.jupiter.api.Assertions.assertThrows(SsoRefusedException.class,
                () -> f.sp().consume(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)), "x"));
        assertEquals(SsoRefusedException.MALFORMED, e.reason());
        SsoRefusedException m = org.junit.jupiter.api.Assertions.assertThrows(SsoRefusedException.class,
                () -> IdpMetadata.parseUnsigned(text));
        assertEquals(SsoRefusedException.METADATA, m.reason());
    }
}

package dk.rammearkitektur.signing.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.xml.XmlSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The verified-token cache skips only the signature check of bytes already verified: a changed token is verified (and
 * refused) again, and the checks that depend on the moment or the request run on every call.
 */
class SamlVerifiedTokenCacheTest {
    private static final Instant T0 = SamlAssertionTest.T0;

    /** A clock the test moves. */
    private static final class MovingClock extends Clock {
        private Instant now;

        MovingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String reason(Executable e) {
        return assertThrows(SecurityCheckException.class, e).reason();
    }

    private static SamlAssertionVerifier.Builder verifier(Clock clock) {
        return SamlAssertionVerifier.builder(SamlAssertionTest.STS_ISSUER).audience(SamlAssertionTest.AUDIENCE).clock(clock);
    }

    @Test
    void theSameTokenAgainIsNotVerifiedAgain() {
        SamlAssertionVerifier v = verifier(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).build();
        SamlAssertion token = SamlAssertionTest.signed();
        SamlAssertion first = v.verify(SamlAssertionTest.received(token));
        Element again = SamlAssertionTest.received(token);
        SamlAssertion second = v.verify(again);
        assertEquals(1, v.cacheHits());
        assertSame(again, second.element(), "a hit parses the element in hand");
        assertEquals(first.attributes(), second.attributes());
        assertEquals(first.signerCertificate(), second.signerCertificate());
    }

    @Test
    void aHitGivesWhatParsingTheElementInHandGives() {
        SamlAssertionVerifier v = verifier(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).build();
        SamlAssertion token = SamlAssertionTest.signed();
        v.verify(SamlAssertionTest.received(token));
        // Another serialisation with the same exclusive canonical form: an unused namespace declaration, a comment
        // inside the subject's text and a line break inside a start tag.
        String xml = SecureXml.toString(token.element().getOwnerDocument()).replaceFirst("^<\\?xml[^>]*>", "");
        String subject = token.subject();
        String other = xml.replaceFirst("<saml2:Assertion ", "<saml2:Assertion xmlns:unused=\"urn:x\"\n ")
                .replace(">" + subject + "<", ">" + subject.substring(0, 1) + "<!-- c -->" + subject.substring(1) + "<");
        Element again = SecureXml.parse(other).getDocumentElement();
        SamlAssertion hit = v.verify(again);
        assertEquals(1, v.cacheHits(), "the other serialisation is the same token");
        SamlAssertion parsed = SamlAssertion.parse(again);
        assertSame(again, hit.element());
        assertEquals(parsed.id(), hit.id());
        assertEquals(parsed.issuer(), hit.issuer());
        assertEquals(parsed.subject(), hit.subject());
        assertEquals(parsed.nameIdFormat(), hit.nameIdFormat());
        assertEquals(parsed.issueInstant(), hit.issueInstant());
        assertEquals(parsed.notBefore(), hit.notBefore());
        assertEquals(parsed.notOnOrAfter(), hit.notOnOrAfter());
        assertEquals(parsed.audiences(), hit.audiences());
        assertEquals(parsed.attributes(), hit.attributes());
        assertEquals(parsed.holderOfKeyCertificate(), hit.holderOfKeyCertificate());
        assertEquals(parsed.recipient(), hit.recipient());
    }

    @Test
    void aChangedTokenIsVerifiedAgainAndRefused() {
        SamlAssertionVerifier v = verifier(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).build();
        SamlAssertion token = SamlAssertionTest.signed();
        v.verify(SamlAssertionTest.received(token));
        Element changed = SamlAssertionTest.received(token);
        ((Element) changed.getElementsByTagNameNS(SamlAssertion.NS, "AttributeValue").item(0)).setTextContent("12345678");
        assertEquals("signature.invalid", reason(() -> v.verify(changed)));
        assertEquals(0, v.cacheHits());
    }

    @Test
    void anEntryNeverOutlivesItsToken() {
        MovingClock clock = new MovingClock(T0.plusSeconds(60));
        SamlAssertionVerifier v = verifier(clock).verifiedTokenCache(10, Duration.ofHours(12)).build();
        SamlAssertion token = SamlAssertionTest.signed();
        v.verify(SamlAssertionTest.received(token));
        clock.now = T0.plus(Duration.ofHours(7));
        v.verify(SamlAssertionTest.received(token));
        assertEquals(1, v.cacheHits());
        clock.now = T0.plus(Duration.ofHours(8)).plus(Duration.ofMinutes(10));
        assertEquals("token.expired", reason(() -> v.verify(SamlAssertionTest.received(token))));
        assertEquals(1, v.cacheHits(), "the expired token was not answered from the cache");
    }

    @Test
    void holderOfKeyIsCheckedOnEveryCall() {
        SamlAssertionVerifier v = verifier(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).build();
        SamlAssertion bearer = SamlAssertion.builder().issuer(SamlAssertionTest.ISSUER).subject("x")
                .audience(SamlAssertionTest.AUDIENCE).validity(T0, T0.plusSeconds(3600))
                .sign(XmlSigner.builder(SamlAssertionTest.STS.credential()).build());
        assertEquals("token.holder-of-key", reason(() -> v.verify(SamlAssertionTest.received(bearer))));
        assertEquals("token.holder-of-key", reason(() -> v.verify(SamlAssertionTest.received(bearer))));
        assertEquals(1, v.cacheHits());
    }

    @Test
    void anEntryLivesAtMostItsMaximumAge() {
        MovingClock clock = new MovingClock(T0.plusSeconds(60));
        SamlAssertionVerifier v = verifier(clock).verifiedTokenCache(10, Duration.ofMinutes(1)).build();
        SamlAssertion token = SamlAssertionTest.signed();
        v.verify(SamlAssertionTest.received(token));
        clock.now = clock.now.plusSeconds(120);
        v.verify(SamlAssertionTest.received(token));
        assertEquals(0, v.cacheHits(), "verified again after a minute");
        v.verify(SamlAssertionTest.received(token));
        assertEquals(1, v.cacheHits());
    }

    @Test
    void withoutTheCacheEveryCallVerifies() {
        SamlAssertionVerifier v = verifier(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).noVerifiedTokenCache().build();
        SamlAssertion token = SamlAssertionTest.signed();
        v.verify(SamlAssertionTest.received(token));
        v.verify(SamlAssertionTest.received(token));
        assertEquals(0, v.cacheHits());
    }

    @Test
    void aDuplicateIdAroundACachedTokenIsStillRefused() {
        SamlAssertionVerifier v = verifier(Clock.fixed(T0.plusSeconds(60), ZoneOffset.UTC)).build();
        SamlAssertion token = SamlAssertionTest.signed();
        String xml = SecureXml.toString(token.element().getOwnerDocument()).replaceFirst("^<\\?xml[^>]*>", "");
        Document clean = SecureXml.parse("<w>" + xml + "</w>");
        v.verify((Element) clean.getDocumentElement().getFirstChild());
        Document wrapped = SecureXml.parse("<w>" + xml + "<x ID=\"" + token.id() + "\"/></w>");
        assertEquals("signature.duplicate-id", reason(() -> v.verify((Element) wrapped.getDocumentElement().getFirstChild())));
        assertEquals(1, v.cacheHits(), "the refusal came on a hit");
    }
}

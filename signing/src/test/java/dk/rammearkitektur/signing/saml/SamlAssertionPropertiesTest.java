package dk.rammearkitektur.signing.saml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dk.rammearkitektur.signing.xml.XmlSigner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class SamlAssertionPropertiesTest {
    private static final XmlSigner SIGNER = XmlSigner.builder(SamlAssertionTest.STS.credential()).build();

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withCharRange('a', 'z').withChars(':', '/', '.', ' ', 'æ', '<', '&', '"', '\'')
                .ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank() && s.strip().equals(s));
    }

    @Property(tries = 60)
    void buildSignParseRoundTrip(@ForAll("texts") String issuer, @ForAll("texts") String subject,
            @ForAll @Size(min = 1, max = 3) List<@net.jqwik.api.From("texts") String> audiences,
            @ForAll @Size(max = 4) List<@net.jqwik.api.From("texts") String> attributeValues,
            @ForAll @LongRange(min = 1, max = 86_400) long lifetimeSeconds) {
        Instant from = Instant.parse("2027-01-01T00:00:00.123Z");
        SamlAssertion.Builder b = SamlAssertion.builder().issuer(issuer).subject(subject)
                .holderOfKey(SamlAssertionTest.CLIENT.certificate()).validity(from, from.plusSeconds(lifetimeSeconds));
        audiences.forEach(b::audience);
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        for (int i = 0; i < attributeValues.size(); i++) {
            b.attribute("urn:attr:" + i, attributeValues.get(i));
            attrs.put("urn:attr:" + i, List.of(attributeValues.get(i)));
        }
        SamlAssertion signed = b.sign(SIGNER);
        SamlAssertion verified = SamlAssertionVerifier.builder(TrustedIssuer.pinned(issuer.strip(), SamlAssertionTest.STS.certificate()))
                .audience(audiences.get(0)).clock(Clock.fixed(from, ZoneOffset.UTC)).skew(Duration.ZERO).build()
                .verify(SamlAssertionTest.received(signed));
        assertEquals(issuer, verified.issuer());
        assertEquals(subject, verified.subject());
        assertEquals(audiences, verified.audiences());
        assertEquals(attrs, verified.attributes());
        assertEquals(from, verified.notBefore().orElseThrow());
        assertEquals(from.plusSeconds(lifetimeSeconds), verified.notOnOrAfter());
        assertEquals(signed.id(), verified.id());
    }
}

package dk.rammearkitektur.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The verified-token cache hits only on byte-equal canonical forms, whatever the bucket hash says, stays bounded, and
 * hands the stored SHA-256 of the canonical form to the verification scope on a hit.
 */
class VerifiedTokenCacheTest {
    private static final Instant T0 = Instant.parse("2026-12-06T12:00:00Z");
    private static final String TOKEN = "<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_a\">"
            + "<saml2:Issuer>sts</saml2:Issuer> <ds:Signature xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">"
            + "<ds:SignatureValue>AAAA</ds:SignatureValue></ds:Signature><saml2:Subject>%s</saml2:Subject>"
            + "</saml2:Assertion>";

    static {
        Santuario.init();
    }

    private static Element token(String subject) {
        return SecureXml.parse(String.format(TOKEN, subject)).getDocumentElement();
    }

    @Test
    void hitsOnlyOnEqualCanonicalBytes() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, Duration.ofMinutes(5));
        cache.put(VerifiedTokenCache.key(token("alice")), "alice", T0.plusSeconds(600), T0);
        assertEquals("alice", cache.get(VerifiedTokenCache.key(token("alice")), T0.plusSeconds(1)));
        assertNull(cache.get(VerifiedTokenCache.key(token("alicf")), T0.plusSeconds(1)));
        assertNull(cache.get(VerifiedTokenCache.key(token("alice")), T0.plusSeconds(300)), "at most maxAge");
        assertEquals(0, cache.size(), "the expired entry is dropped");
        assertEquals(0, cache.bytes());
    }

    @Test
    void keepsAtMostMaxEntriesLeastRecentlyUsedFirstOut() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(2, Duration.ofMinutes(5));
        cache.put(VerifiedTokenCache.key(token("a")), "a", T0.plusSeconds(600), T0);
        cache.put(VerifiedTokenCache.key(token("b")), "b", T0.plusSeconds(600), T0);
        assertNotNull(cache.get(VerifiedTokenCache.key(token("a")), T0));
        cache.put(VerifiedTokenCache.key(token("c")), "c", T0.plusSeconds(600), T0);
        assertEquals(2, cache.size());
        assertNull(cache.get(VerifiedTokenCache.key(token("b")), T0), "b was used least recently");
        assertNotNull(cache.get(VerifiedTokenCache.key(token("a")), T0));
        assertEquals(cache.bytes(), 2L * canonical(token("a")).length);
    }

    @Test
    void aHitHandsTheStoredDigestOfTheEqualBytesToTheScope() throws Exception {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, Duration.ofMinutes(5));
        cache.put(VerifiedTokenCache.key(token("alice")), "alice", T0.plusSeconds(600), T0);
        Element again = token("alice");
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(canonical(again));
        try (VerificationScope scope = VerificationScope.open(again.getOwnerDocument())) {
            VerifiedTokenCache.Key key = VerifiedTokenCache.key(again);
            assertNotNull(cache.get(key, T0));
            assertArrayEquals(expected, VerificationScope.canonicalSha256(again));
        }
        assertEquals(1, cache.hits());
    }

    @Test
    void theKeyLeavesTheSignatureLessDigestInTheScope() throws Exception {
        Element t = token("bob");
        Document doc = t.getOwnerDocument();
        Element signature = (Element) t.getElementsByTagNameNS("http://www.w3.org/2000/09/xmldsig#", "Signature").item(0);
        ByteSink sink = ByteSink.forThisThread();
        ExclusiveC14n.canonicalize(t, java.util.List.of(), signature, sink);
        byte[] expected = MessageDigest.getInstance("SHA-256").digest(sink.toByteArray());
        try (VerificationScope scope = VerificationScope.open(doc)) {
            assertNotNull(VerifiedTokenCache.key(t));
            assertArrayEquals(expected, VerificationScope.digestLeavingOut(t, signature,
                    dk.rammearkitektur.signing.DigestAlgorithm.SHA256));
            assertNull(VerificationScope.digestLeavingOut(t, t, dk.rammearkitektur.signing.DigestAlgorithm.SHA256));
        }
    }

    @Property(tries = 200)
    void equalKeysHaveEqualHashesAndDifferentBytesAreNotEqual(@ForAll String a, @ForAll String b) {
        String sa = a.replaceAll("[^A-Za-z0-9 ]", "");
        String sb = b.replaceAll("[^A-Za-z0-9 ]", "");
        VerifiedTokenCache.Key ka = VerifiedTokenCache.key(token(sa));
        VerifiedTokenCache.Key ka2 = VerifiedTokenCache.key(token(sa));
        VerifiedTokenCache.Key kb = VerifiedTokenCache.key(token(sb));
        assertEquals(ka, ka2);
        assertEquals(ka.hashCode(), ka2.hashCode());
        assertEquals(sa.equals(sb), ka.equals(kb));
        assertNotEquals(null, ka);
    }

    @Test
    void anUnsignedAssertionIsKeyedByAllItsBytes() {
        String unsigned = "<saml2:Assertion xmlns:saml2=\"urn:oasis:names:tc:SAML:2.0:assertion\" ID=\"_u\">"
                + "<saml2:Subject>%s</saml2:Subject></saml2:Assertion>";
        VerifiedTokenCache.Key a = VerifiedTokenCache.key(SecureXml.parse(String.format(unsigned, "ann")).getDocumentElement());
        VerifiedTokenCache.Key again = VerifiedTokenCache.key(SecureXml.parse(String.format(unsigned, "ann")).getDocumentElement());
        VerifiedTokenCache.Key other = VerifiedTokenCache.key(SecureXml.parse(String.format(unsigned, "anm")).getDocumentElement());
        assertEquals(a, again, "two parses of the same bytes");
        assertEquals(a.hashCode(), again.hashCode());
        assertNotEquals(a.hashCode(), other.hashCode(), "no signature: every byte picks the bucket");
        assertNotEquals(a, other);
    }

    @Test
    void aLookupAnswersAHitWithItsValueAndAMissWithAKeyThatOwnsItsBytes() {
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, Duration.ofMinutes(5));
        VerifiedTokenCache.Key expected = VerifiedTokenCache.key(token("alice"));
        VerifiedTokenCache.Lookup<String> miss = cache.lookup(token("alice"), T0);
        assertNull(miss.value());
        assertNotNull(miss.key());
        VerifiedTokenCache.key(token("bob, whose canonical form is written over the thread's buffer"));
        assertEquals(expected, miss.key(), "the key kept its own copy of the bytes");

        cache.put(miss.key(), "alice", T0.plusSeconds(600), T0);
        VerifiedTokenCache.Lookup<String> hit = cache.lookup(token("alice"), T0.plusSeconds(1));
        assertEquals("alice", hit.value());
        assertNull(hit.key(), "nothing to store on a hit");
        assertNull(cache.lookup(token("alicf"), T0.plusSeconds(1)).value());
        assertEquals("alice", cache.lookup(token("alice"), T0.plusSeconds(2)).value());
        assertNull(cache.lookup(token("alice"), T0.plusSeconds(300)).value(), "at most maxAge");
        assertEquals(2, cache.hits());
    }

    @Test
    void theBucketHashReadsEveryByteOfItsRangeAndTheLength() {
        byte[] x = new byte[37];
        int h = VerifiedTokenCache.hash(x, x.length, 0, x.length);
        for (int i = 0; i < x.length; i++) {
            byte[] y = x.clone();
            y[i] = 1;
            assertNotEquals(h, VerifiedTokenCache.hash(y, y.length, 0, y.length), "byte " + i);
        }
        assertNotEquals(VerifiedTokenCache.hash(new byte[38], 38, 0, 37), h, "the length counts");
    }

    @Test
    void aKeyHashesItsTokensSignatureAndStillComparesEveryByte() {
        VerifiedTokenCache.Key alice = VerifiedTokenCache.key(token("alice"));
        VerifiedTokenCache.Key alicf = VerifiedTokenCache.key(token("alicf"));
        assertEquals(alice.hashCode(), alicf.hashCode(), "same signature, same length: same bucket");
        assertNotEquals(alice, alicf, "but not the same key");
        Element resigned = SecureXml.parse(String.format(TOKEN, "alice").replace("AAAA", "AAAB")).getDocumentElement();
        assertNotEquals(alice.hashCode(), VerifiedTokenCache.key(resigned).hashCode(), "another signature value");
        VerifiedTokenCache<String> cache = new VerifiedTokenCache<>(10, Duration.ofMinutes(5));
        cache.put(alice, "alice", T0.plusSeconds(600), T0);
        assertNull(cache.get(alicf, T0), "a bucket-mate is no hit");
        assertEquals("alice", cache.get(VerifiedTokenCache.key(token("alice")), T0));
    }

    private static byte[] canonical(Element e) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS).canonicalizeSubtree(e, out);
            return out.toByteArray();
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
    }
}

package dk.rammearkitektur.signing.wss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.SecurityCheckException;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.xml.security.c14n.Canonicalizer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A replay cannot be disguised by re-encoding the signature value: the cache keys on what was signed. */
class WsSecurityReplayTest {

    @Test
    void replayWithAReEncodedSignatureValueIsStillAReplay() {
        Document doc = WsSecurityTest.signedWithSaml(SoapVersion.SOAP_11);
        WsSecurityVerifier once = WsSecurityTest.verifier(WsSecurityTest.T0).replayCache(ReplayCache.inMemory(100)).build();
        once.verify(doc);

        Document disguised = WsSecurityTest.reparse(doc);
        Element security = (Element) disguised.getElementsByTagNameNS(Wss.WSSE, "Security").item(0);
        Element signature = Wss.children(security, Wss.DSIG, "Signature").get(0);
        Element value = Wss.children(signature, Wss.DSIG, "SignatureValue").get(0);
        String text = value.getTextContent();
        // Santuario's lenient Base64 decoder skips '!', so the signature itself still verifies.
        value.setTextContent(text.substring(0, 4) + "!" + text.substring(4));

        assertEquals("wss.replay", assertThrows(SecurityCheckException.class, () -> once.verify(disguised)).reason());
    }

    @Test
    void theKeyIsTheSha256OfSignedInfosExclusiveCanonicalForm() throws Exception {
        Document doc = WsSecurityTest.signedWithSaml(SoapVersion.SOAP_11);
        List<String> keys = new ArrayList<>();
        WsSecurityTest.verifier(WsSecurityTest.T0).replayCache((key, keepUntil, now) -> {
            keys.add(key);
            return ReplayCache.Sighting.FIRST;
        }).build().verify(doc);

        Element security = (Element) doc.getElementsByTagNameNS(Wss.WSSE, "Security").item(0);
        Element signature = Wss.children(security, Wss.DSIG, "Signature").get(0);
        ByteArrayOutputStream c14n = new ByteArrayOutputStream();
        Canonicalizer.getInstance(Canonicalizer.ALGO_ID_C14N_EXCL_OMIT_COMMENTS)
                .canonicalizeSubtree(Wss.children(signature, Wss.DSIG, "SignedInfo").get(0), c14n);
        String expected = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(c14n.toByteArray()));
        assertEquals(List.of(expected), keys);
    }
}

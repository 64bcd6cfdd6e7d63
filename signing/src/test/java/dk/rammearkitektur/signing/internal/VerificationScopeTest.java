package dk.rammearkitektur.signing.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dk.rammearkitektur.core.xml.SecureXml;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class VerificationScopeTest {
    @Test
    void remembersOnlyInsideTheScopeAndOnlyForItsDocument() throws Exception {
        Document doc = SecureXml.parse("<r><a Id=\"x\"/></r>");
        Document other = SecureXml.parse("<r><a Id=\"x\"/></r>");
        Element a = (Element) doc.getDocumentElement().getFirstChild();
        assertNotSame(IdRegistry.register(doc), IdRegistry.register(doc), "outside a scope every call scans");
        try (VerificationScope scope = VerificationScope.open(doc)) {
            IdRegistry first = IdRegistry.register(doc);
            assertSame(first, IdRegistry.register(doc));
            assertNotSame(IdRegistry.register(other), IdRegistry.register(other));
            try (VerificationScope nested = VerificationScope.open(other)) {
                assertSame(first, IdRegistry.register(doc), "a nested scope keeps the outer one");
            }
            assertSame(first, IdRegistry.register(doc), "closing a nested scope does not end the outer one");
            VerificationScope.rememberCanonicalSha256(a, new byte[] {1, 2});
            assertArrayEquals(new byte[] {1, 2}, VerificationScope.canonicalSha256(a));
            assertNull(VerificationScope.canonicalSha256(doc.getDocumentElement()));
            VerificationScope.rememberCanonicalForm(a, new byte[] {3});
            assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(new byte[] {3}),
                    VerificationScope.canonicalFormSha256(a));
            assertArrayEquals(new byte[] {1, 2}, VerificationScope.canonicalSha256(a), "the two are kept apart");
            assertNull(VerificationScope.canonicalFormSha256(doc.getDocumentElement()));
        }
        assertNull(VerificationScope.canonicalSha256(a));
        assertNull(VerificationScope.canonicalFormSha256(a));
        assertNotSame(IdRegistry.register(doc), IdRegistry.register(doc));
    }
}

package dk.rammearkitektur.testkit.idp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.XmlSecurityException;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import org.junit.jupiter.api.Test;

class RegisteredSpTest {
    @Test
    void readsEntityIdEndpointsAndCertificatesFromMetadata() throws Exception {
        MiniSp sp = new MiniSp("https://saml.fagsystem.test", ServerTls.shared().ca());
        RegisteredSp r = RegisteredSp.fromMetadata(sp.metadataXml());
        assertEquals(sp.registration(), r);
    }

    @Test
    void refusesMissingPartsNamingThem() throws Exception {
        MiniSp sp = new MiniSp("https://saml.fagsystem.test", ServerTls.shared().ca());
        String md = sp.metadataXml();
        assertPath("EntityDescriptor@entityID", md.replace(" entityID=\"https://saml.fagsystem.test\"", ""));
        assertPath("SPSSODescriptor/AssertionConsumerService", md.replace("HTTP-POST", "HTTP-Artifact"));
        assertPath("SPSSODescriptor/KeyDescriptor", md.replace("use=\"encryption\"", "use=\"signing\""));
        assertPath("SPSSODescriptor/KeyDescriptor[0]/KeyInfo/X509Data/X509Certificate",
                md.replaceFirst("<ds:X509Certificate>[^<]*<", "<ds:X509Certificate>bm90IGEgY2VydA==<"));
        assertPath("EntityDescriptor", "<x/>");
    }

    private static void assertPath(String path, String xml) {
        ValidationException e = assertThrows(ValidationException.class, () -> RegisteredSp.fromMetadata(xml));
        assertEquals(path, e.violations().get(0).path(), e.getMessage());
    }

    @Test
    void refusesADoctype() {
        String xml = "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>";
        assertThrows(XmlSecurityException.class, () -> RegisteredSp.fromMetadata(xml));
    }

    @Test
    void recordChecksItsParts() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> new RegisteredSp(" ", java.net.URI.create("https://x/acs"), null, null, null));
        assertTrue(e.getMessage().contains("entityId"), e.getMessage());
    }
}

package dk.rammearkitektur.sso.privileges;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The one privilege list published with the contracts: the {@code Privileges_intermediate} attribute of the real
 * external-test STS assertion in {@code ../shared/conformance/serviceplatformen/samples} (see its PROVENANCE.txt), read
 * as the SDK reads a Context Handler's, and written back in its namespace.
 */
class PublishedPrivilegeListTest {
    private static final String ATTRIBUTE = "dk:gov:saml:attribute:Privileges_intermediate";

    private static String publishedValue() throws IOException {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        Path sample = dir == null || dir.isBlank() ? null
                : Path.of(dir, "conformance", "serviceplatformen", "samples", "sts-assertion-exttest-2022.xml");
        Assumptions.assumeTrue(sample != null && Files.isRegularFile(sample),
                "published STS assertion sample not found: system property rammearkitektur.shared.dir is unset or has"
                        + " no conformance/serviceplatformen/samples/sts-assertion-exttest-2022.xml");
        Element root;
        try (InputStream in = Files.newInputStream(sample)) {
            root = SecureXml.parse(in).getDocumentElement();
        }
        NodeList attributes = root.getElementsByTagNameNS("*", "Attribute");
        for (int i = 0; i < attributes.getLength(); i++) {
            Element a = (Element) attributes.item(i);
            if (ATTRIBUTE.equals(a.getAttribute("Name"))) {
                return a.getElementsByTagNameNS("*", "AttributeValue").item(0).getTextContent().strip();
            }
        }
        throw new AssertionError(ATTRIBUTE + " not in the published sample");
    }

    @Test
    void thePublishedListIsReadInTheKombitNamespaceScopedToItsCvr() throws IOException {
        PrivilegeList list = PrivilegeList.parse(publishedValue());
        assertEquals(BppNamespace.V1_0_1, list.namespace());
        assertEquals(1, list.groups().size(), list.toString());
        PrivilegeGroup group = list.groups().get(0);
        assertEquals(PrivilegeScope.cvr("29189846"), group.scope());
        assertEquals(List.of("http://serviceplatformen.serviceplatformen.dk/roles/servicesystemrole/dummy/1"),
                group.privileges());
        assertEquals(List.of(), group.constraints());
        UserRights rights = list.forCvr("29189846");
        assertTrue(rights.hasRole("http://serviceplatformen.serviceplatformen.dk/roles/servicesystemrole/dummy/1"));
        assertTrue(list.forCvr("11111111").isEmpty(), "scoped to its CVR");
    }

    @Test
    void whatTheWriterMakesOfItReadsBackTheSame() throws IOException {
        PrivilegeList list = PrivilegeList.parse(publishedValue());
        assertEquals(list.groups(), PrivilegeList.parseXml(list.toXml(BppNamespace.V1_0_1)).groups());
        assertEquals(list.groups(), PrivilegeList.parseXml(list.toXml(BppNamespace.V1_2)).groups());
    }
}

package dk.rammearkitektur.signing.xml;

import dk.rammearkitektur.core.xml.SecureXml;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Small documents for signature tests. */
final class XmlFixtures {
    static final String NS = "urn:test:rammearkitektur";

    private XmlFixtures() {
    }

    /** {@code <Envelope><Data Id="d1"><Amount>100</Amount><Payee>Alice</Payee></Data></Envelope>}. */
    static Document payment() {
        return SecureXml.parse("<t:Envelope xmlns:t=\"" + NS + "\"><t:Data Id=\"d1\"><t:Amount>100</t:Amount>"
                + "<t:Payee>Alice</t:Payee></t:Data><t:Other Id=\"o1\">unsigned</t:Other></t:Envelope>");
    }

    static Element data(Document doc) {
        return (Element) doc.getElementsByTagNameNS(NS, "Data").item(0);
    }

    static Document reparse(Document doc) {
        return SecureXml.parse(SecureXml.toString(doc));
    }
}

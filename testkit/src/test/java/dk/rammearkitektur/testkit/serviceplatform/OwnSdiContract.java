package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.serviceplatform.internal.Contracts;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.util.List;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import org.w3c.dom.Element;

/**
 * The SDK's own SF1470 contract subset (the Sags- og Dokumentindeks client's class-path resources) for tests: the
 * compiled schema, validation of SOAP 1.1 bodies on the wire, and the check that it accepts and refuses exactly what
 * the published {@code SagDokumentIndeksOperationer.xsd} does.
 */
final class OwnSdiContract {
    static final String PUBLISHED = "sf1470-sagdokumentindeks-6/wsdl/xsd/6.0.STS-0/SagDokumentIndeksOperationer.xsd";

    private OwnSdiContract() {
    }

    /** The compiled own subset, as the simulator compiles it. */
    static Schema schema() {
        return Contracts.schema(ServiceplatformSimulator.SAGDOKUMENTINDEKS_CONTRACT);
    }

    /** The element inside the SOAP 1.1 Body of a message on the wire. */
    static Element body(byte[] envelope) {
        Element env = PublishedContracts.parse(envelope).getDocumentElement();
        return Xml.kids(Xml.kid(env, SdiCalls.SOAP, "Body")).get(0);
    }

    /** Null when {@code schema} accepts {@code element}, else the validator's complaint. */
    static String complaint(Schema schema, Element element) {
        try {
            SecureXml.validator(schema).validate(new DOMSource(element));
            return null;
        } catch (org.xml.sax.SAXException | java.io.IOException e) {
            return e.getMessage();
        }
    }

    /** Validates {@code element} against the own subset; a failure names the element and the complaint. */
    static void validate(Element element) {
        String c = complaint(schema(), element);
        if (c != null) {
            throw new AssertionError("<" + element.getLocalName() + "> does not validate against the SDK's own SF1470"
                    + " contract subset: " + c);
        }
    }

    /** Every message's body (no SOAP faults among them) against the own subset. */
    static void validateAll(List<byte[]> messages) {
        for (byte[] m : messages) {
            validate(body(m));
        }
    }

    /**
     * Each SF1470 body (SOAP faults skipped) is accepted by the own subset exactly when the published contract
     * accepts it (skipped, JUnit assumption, without the published contracts).
     */
    static void agreesWithPublished(List<byte[]> messages) {
        Schema published = PublishedContracts.schema(PUBLISHED);
        Schema own = schema();
        StringBuilder disagreements = new StringBuilder();
        for (byte[] m : messages) {
            Element e = body(m);
            if (SdiCalls.SOAP.equals(e.getNamespaceURI())) {
                continue; // a fault
            }
            String p = complaint(published, e);
            String o = complaint(own, e);
            if ((p == null) != (o == null)) {
                disagreements.append("<").append(e.getLocalName()).append(">: published ")
                        .append(p == null ? "accepts" : "refuses (" + p + ")").append(", own subset ")
                        .append(o == null ? "accepts" : "refuses (" + o + ")").append('\n');
            }
        }
        if (disagreements.length() > 0) {
            throw new AssertionError("the own SF1470 subset and the published contract disagree:\n" + disagreements);
        }
    }
}

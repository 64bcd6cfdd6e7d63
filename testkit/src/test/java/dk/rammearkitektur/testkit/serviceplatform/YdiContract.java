package dk.rammearkitektur.testkit.serviceplatform;

import java.util.List;
import javax.xml.validation.Schema;
import org.w3c.dom.Element;

/**
 * The published Ydelsesindeks (SF1490) contract for tests: the body of a SOAP 1.2 message, and the check that the
 * SDK's own subset accepts and refuses exactly what the published {@code YdelseIndeksOperationer.xsd} does.
 */
final class YdiContract {
    static final String PUBLISHED = "sf1490-ydelsesindeks-6/xsd/6.0.STS-0/YdelseIndeksOperationer.xsd";

    private YdiContract() {
    }

    /** The element inside the SOAP 1.2 Body of a message on the wire. */
    static Element body(byte[] envelope) {
        return PublishedContracts.soap12Body(PublishedContracts.parse(envelope));
    }

    /** Each body of {@code messages} is accepted by {@code own} exactly when {@code published} accepts it. */
    static void agree(Schema published, Schema own, List<byte[]> messages) {
        StringBuilder disagreements = new StringBuilder();
        for (byte[] m : messages) {
            Element e = body(m);
            String p = OwnSdiContract.complaint(published, e);
            String o = OwnSdiContract.complaint(own, e);
            if ((p == null) != (o == null)) {
                disagreements.append('<').append(e.getLocalName()).append(">: published ")
                        .append(p == null ? "accepts" : "refuses (" + p + ")").append(", own subset ")
                        .append(o == null ? "accepts" : "refuses (" + o + ")").append('\n');
            }
        }
        if (disagreements.length() > 0) {
            throw new AssertionError("the own SF1490 subset and the published contract disagree:\n" + disagreements);
        }
    }
}

package dk.rammearkitektur.clients.common.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ServiceCall;
import java.nio.charset.StandardCharsets;
import javax.xml.stream.XMLStreamReader;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The StAX path that reads a reply's payload without a DOM must see exactly what the DOM path sees. */
class SoapPayloadStreamTest {
    private static final ServiceCall CALL = ServiceCall.read("SF0000", "Op", "c");
    private static final String S11 = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String OK = "<s:Envelope xmlns:s='" + S11 + "'><s:Header><h:x xmlns:h='urn:h'><h:y>1</h:y></h:x>"
            + "</s:Header><s:Body><p:r xmlns:p='urn:p'><p:v>42</p:v></p:r></s:Body></s:Envelope>";

    /** Reads the payload's name and its first child's text, consuming the payload. */
    private static String nameAndValue(XMLStreamReader x) throws javax.xml.stream.XMLStreamException {
        String name = x.getLocalName();
        x.nextTag();
        String v = x.getElementText();
        x.nextTag();
        return name + "=" + v;
    }

    private static SoapTransport.Streamed<String> stream(String xml) {
        return SoapTransport.stream(CALL, xml.getBytes(StandardCharsets.UTF_8), SoapPayloadStreamTest::nameAndValue);
    }

    @Test
    void thePayloadIsReadAfterAnyHeader() {
        assertEquals("r=42", stream(OK).value());
        assertEquals("r=42", stream(OK.replaceAll("<s:Header>.*</s:Header>", "")).value());
        String soap12 = "<e:Envelope xmlns:e='http://www.w3.org/2003/05/soap-envelope'><e:Body><r><v>7</v></r></e:Body>"
                + "</e:Envelope>";
        assertEquals("r=7", stream(soap12).value());
    }

    @Test
    void aFaultIsLeftToTheDomPath() {
        assertNull(stream("<s:Envelope xmlns:s='" + S11 + "'><s:Body><s:Fault><faultcode>s:Client</faultcode>"
                + "<faultstring>no</faultstring></s:Fault></s:Body></s:Envelope>"));
    }

    @Test
    void whatTheDomPathRefusesIsRefusedHereToo() {
        assertThrows(MalformedReplyException.class, () -> stream("<a/>"));
        assertThrows(MalformedReplyException.class, () -> stream("<s:Envelope xmlns:s='" + S11 + "'/>"));
        assertThrows(MalformedReplyException.class, () -> stream("<s:Envelope xmlns:s='" + S11 + "'><s:Body/></s:Envelope>"));
        assertThrows(MalformedReplyException.class,
                () -> stream("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>" + OK));
        assertThrows(MalformedReplyException.class, () -> stream(OK + "<trailing/>"));
    }

    @Property(tries = 300)
    void aCutOffReplyIsMalformedEvenAfterThePayload(@ForAll @IntRange(min = 1, max = 500) int cut) {
        String truncated = OK.substring(0, Math.min(cut, OK.length() - 1));
        assertThrows(MalformedReplyException.class, () -> stream(truncated));
    }

    @Property(tries = 500)
    void anyBytesGiveAPayloadAFaultOrATypedRefusal(@ForAll byte[] body) {
        try {
            SoapTransport.stream(CALL, body, SoapPayloadStreamTest::nameAndValue);
        } catch (RammearkitekturException expected) {
            // typed: fine
        }
    }
}

package dk.rammearkitektur.clients.common.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
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

    /** Reads the payload's name and its first child's text, leaving the reader after the payload, as JAXB does. */
    private static String nameAndValue(XMLStreamReader x) throws javax.xml.stream.XMLStreamException {
        String name = x.getLocalName();
        x.nextTag();
        String v = x.getElementText();
        x.nextTag();
        x.next();
        return name + "=" + v;
    }

    private static SoapTransport.Streamed<String> stream(String xml) {
        return SoapTransport.stream(CALL, xml.getBytes(StandardCharsets.UTF_8), SoapPayloadStreamTest::nameAndValue);
    }

    /** The whole fast path with its fallback, as a 200 reply. */
    private static String read(String xml) {
        return SoapTransport.readPayload(CALL, 200, xml.getBytes(StandardCharsets.UTF_8),
                SoapPayloadStreamTest::nameAndValue);
    }

    private static final String FAULT = "<s:Fault><faultcode>s:Client</faultcode><faultstring>no</faultstring></s:Fault>";

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
        String fault = "<s:Envelope xmlns:s='" + S11 + "'><s:Body>" + FAULT + "</s:Body></s:Envelope>";
        assertNull(stream(fault));
        assertThrows(ServiceFaultException.class, () -> read(fault));
    }

    @Test
    void whatTheDomPathRefusesIsRefusedHereToo() {
        assertThrows(MalformedReplyException.class, () -> read("<a/>"));
        assertThrows(MalformedReplyException.class, () -> read("<s:Envelope xmlns:s='" + S11 + "'/>"));
        assertThrows(MalformedReplyException.class, () -> read("<s:Envelope xmlns:s='" + S11 + "'><s:Body/></s:Envelope>"));
        assertThrows(MalformedReplyException.class,
                () -> read("<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>" + OK));
        assertThrows(MalformedReplyException.class, () -> read(OK + "<trailing/>"));
    }

    @Test
    void aFaultAnywhereInTheBodyIsAFaultEvenAfterAPayload() {
        String faultAfter = OK.replace("</p:r></s:Body>", "</p:r>" + FAULT + "</s:Body>");
        assertNull(stream(faultAfter));
        ServiceFaultException e = assertThrows(ServiceFaultException.class, () -> read(faultAfter));
        assertEquals("s:Client", e.faultCode());
    }

    @Test
    void unusualEnvelopesGetTheDomPathsAnswer() {
        String twoPayloads = OK.replace("</p:r></s:Body>", "</p:r><p:other xmlns:p='urn:p'/></s:Body>");
        assertNull(stream(twoPayloads));
        assertEquals("r=42", read(twoPayloads), "like the DOM path: the first element of the Body");
        String extraBeforeBody = OK.replace("</s:Header>", "</s:Header><x:odd xmlns:x='urn:x'/>");
        assertNull(stream(extraBeforeBody));
        assertEquals("r=42", read(extraBeforeBody));
    }

    @Property(tries = 300)
    void aCutOffReplyIsMalformedEvenAfterThePayload(@ForAll @IntRange(min = 1, max = 500) int cut) {
        String truncated = OK.substring(0, Math.min(cut, OK.length() - 1));
        assertThrows(MalformedReplyException.class, () -> read(truncated));
    }

    @Property(tries = 500)
    void anyBytesGiveAPayloadAFaultOrATypedRefusal(@ForAll byte[] body) {
        try {
            SoapTransport.readPayload(CALL, 200, body, SoapPayloadStreamTest::nameAndValue);
        } catch (RammearkitekturException expected) {
            // typed: fine
        }
    }
}

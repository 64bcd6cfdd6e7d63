package dk.rammearkitektur.clients.common.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.MalformedReplyException;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.signing.wss.SoapVersion;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class SoapTransportReplyTest {
    private static final String FAULT = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body><s:Fault>"
            + "<faultcode>s:Client</faultcode><faultstring>nope 0101901234</faultstring><detail>"
            + "<spf:ServiceplatformFault xmlns:spf='http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/'>"
            + "<spf:ErrorList><spf:Error><spf:ErrorCode>E42</spf:ErrorCode><spf:ErrorText>bad 0101901234</spf:ErrorText>"
            + "</spf:Error></spf:ErrorList></spf:ServiceplatformFault></detail></s:Fault></s:Body></s:Envelope>";

    private static org.w3c.dom.Document read(int status, String body, String correlationId) {
        return read(status, body.getBytes(StandardCharsets.UTF_8), correlationId);
    }

    private static org.w3c.dom.Document read(int status, byte[] body, String correlationId) {
        return SoapTransport.readReply(ServiceCall.read("SF0000", "Op", correlationId), status, body);
    }

    @Test
    void faultCarriesPlatformCodeMaskedTextAndCorrelationId() {
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> read(500, FAULT, "corr-1"));
        assertEquals("E42", e.faultCode());
        assertEquals("s:Client", e.soapFaultCode().orElseThrow());
        assertEquals(500, e.httpStatus().getAsInt());
        assertEquals("SF0000", e.service());
        assertTrue(!e.isRetrySafe() && e.mayHaveReachedService());
        assertEquals("bad 010190-****", e.faultText());
        assertEquals("nope 010190-****", e.faultString());
        assertEquals("corr-1", e.correlationId());
        assertTrue(!e.getMessage().contains("0101901234"));
    }

    @Test
    void nonXmlErrorIsAnHttpStatus() {
        assertEquals(503, assertThrows(HttpStatusException.class,
                () -> read(503, "Service Unavailable", "c")).status());
    }

    @Test
    void doctypeIsRefusedAsMalformed() {
        String evil = "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>";
        assertThrows(MalformedReplyException.class, () -> read(200, evil, "c"));
    }

    @Test
    void notAnEnvelopeIsMalformed() {
        assertThrows(MalformedReplyException.class, () -> read(200, "<a/>", "c"));
        assertThrows(MalformedReplyException.class, () -> read(200, new byte[0], "c"));
    }

    @Property(tries = 500)
    void anyBytesGiveATypedOutcome(@ForAll byte[] body, @ForAll @IntRange(min = 200, max = 599) int status) {
        try {
            read(status, body, "c");
        } catch (RammearkitekturException expected) {
            // typed: fine
        }
    }

    @Property(tries = 300)
    void truncatedEnvelopesAreMalformed(@ForAll @IntRange(min = 1, max = 200) int cut) {
        String ok = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body><r>x</r></s:Body></s:Envelope>";
        String truncated = ok.substring(0, Math.min(cut, ok.length() - 1));
        assertThrows(MalformedReplyException.class, () -> read(200, truncated, "c"));
    }

    private static final String FAULT12 = "<e:Envelope xmlns:e='http://www.w3.org/2003/05/soap-envelope'><e:Body><e:Fault>"
            + "<e:Code><e:Value>e:Sender</e:Value><e:Subcode><e:Value>x:Bad</e:Value></e:Subcode></e:Code>"
            + "<e:Reason><e:Text xml:lang='en'>refused 0101901234</e:Text></e:Reason><e:Detail>"
            + "<spf:ServiceplatformFault xmlns:spf='http://serviceplatformen.dk/xml/schemas/ServiceplatformFault/1/'>"
            + "<spf:ErrorList><spf:Error><spf:ErrorCode>E7</spf:ErrorCode><spf:ErrorText>bad token</spf:ErrorText>"
            + "</spf:Error></spf:ErrorList></spf:ServiceplatformFault></e:Detail></e:Fault></e:Body></e:Envelope>";

    @Test
    void soap12FaultGivesCodeReasonAndPlatformDetail() {
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> read(400, FAULT12, "corr-12"));
        assertEquals("E7", e.faultCode());
        assertEquals("e:Sender/x:Bad", e.soapFaultCode().orElseThrow());
        assertEquals("bad token", e.faultText());
        assertEquals("corr-12", e.correlationId());
    }

    @Test
    void soap12FaultWithoutDetailUsesCodeAndReason() {
        String f = "<e:Envelope xmlns:e='http://www.w3.org/2003/05/soap-envelope'><e:Body><e:Fault>"
                + "<e:Code><e:Value>e:Receiver</e:Value></e:Code><e:Reason><e:Text xml:lang='da'>nede</e:Text></e:Reason>"
                + "</e:Fault></e:Body></e:Envelope>";
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> read(500, f, "c"));
        assertEquals("e:Receiver", e.faultCode());
        assertEquals("nede", e.faultText());
    }

    @Test
    void soap12ReplyBodyIsRead() {
        String ok = "<e:Envelope xmlns:e='http://www.w3.org/2003/05/soap-envelope'><e:Body><r>x</r></e:Body></e:Envelope>";
        org.w3c.dom.Document d = read(200, ok, "c");
        assertEquals("r", Dom.children(SoapEnvelopes.replyBody(d, ServiceCall.read("SF0000", "Op", "c"))).get(0).getLocalName());
    }

    @Test
    void contentTypeAndSoapActionFollowTheVersion() {
        assertEquals("text/xml; charset=UTF-8", SoapEnvelopes.contentType(SoapVersion.SOAP_11, "urn:a"));
        assertEquals("\"urn:a\"", SoapEnvelopes.soapActionHeader(SoapVersion.SOAP_11, "urn:a"));
        assertEquals("application/soap+xml; charset=utf-8; action=\"urn:a\"",
                SoapEnvelopes.contentType(SoapVersion.SOAP_12, "urn:a"));
        assertEquals(null, SoapEnvelopes.soapActionHeader(SoapVersion.SOAP_12, "urn:a"));
        org.w3c.dom.Document env = SoapEnvelopes.newEnvelope(SoapVersion.SOAP_12);
        assertEquals(Soap.SOAP12, env.getDocumentElement().getNamespaceURI());
        assertEquals("Header", SoapEnvelopes.header(env).getLocalName());
        assertEquals("Body", SoapEnvelopes.body(env).getLocalName());
    }
}

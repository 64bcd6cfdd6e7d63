package dk.rammearkitektur.clients.serviceplatform.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.serviceplatform.HttpStatusException;
import dk.rammearkitektur.clients.serviceplatform.MalformedReplyException;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformFaultException;
import dk.rammearkitektur.core.RammearkitekturException;
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

    private static RawReplyInterceptor.Reply reply(int status, String body) {
        return new RawReplyInterceptor.Reply(status, body.getBytes(StandardCharsets.UTF_8), false);
    }

    @Test
    void faultCarriesPlatformCodeMaskedTextAndCorrelationId() {
        ServiceplatformFaultException e = assertThrows(ServiceplatformFaultException.class,
                () -> SoapTransport.readReply(reply(500, FAULT), "corr-1"));
        assertEquals("E42", e.faultCode());
        assertEquals("s:Client", e.soapFaultCode());
        assertEquals("bad 010190-****", e.faultText());
        assertEquals("nope 010190-****", e.faultString());
        assertEquals("corr-1", e.correlationId());
        assertTrue(!e.getMessage().contains("0101901234"));
    }

    @Test
    void nonXmlErrorIsAnHttpStatus() {
        assertEquals(503, assertThrows(HttpStatusException.class,
                () -> SoapTransport.readReply(reply(503, "Service Unavailable"), "c")).status());
    }

    @Test
    void doctypeIsRefusedAsMalformed() {
        String evil = "<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><x>&e;</x>";
        assertThrows(MalformedReplyException.class, () -> SoapTransport.readReply(reply(200, evil), "c"));
    }

    @Test
    void notAnEnvelopeIsMalformed() {
        assertThrows(MalformedReplyException.class, () -> SoapTransport.readReply(reply(200, "<a/>"), "c"));
        assertThrows(MalformedReplyException.class, () -> SoapTransport.readReply(
                new RawReplyInterceptor.Reply(200, new byte[0], true), "c"));
    }

    @Property(tries = 500)
    void anyBytesGiveATypedOutcome(@ForAll byte[] body, @ForAll @IntRange(min = 200, max = 599) int status) {
        try {
            SoapTransport.readReply(new RawReplyInterceptor.Reply(status, body, false), "c");
        } catch (RammearkitekturException expected) {
            // typed: fine
        }
    }

    @Property(tries = 300)
    void truncatedEnvelopesAreMalformed(@ForAll @IntRange(min = 1, max = 200) int cut) {
        String ok = "<s:Envelope xmlns:s='http://schemas.xmlsoap.org/soap/envelope/'><s:Body><r>x</r></s:Body></s:Envelope>";
        String truncated = ok.substring(0, Math.min(cut, ok.length() - 1));
        assertThrows(MalformedReplyException.class, () -> SoapTransport.readReply(reply(200, truncated), "c"));
    }
}

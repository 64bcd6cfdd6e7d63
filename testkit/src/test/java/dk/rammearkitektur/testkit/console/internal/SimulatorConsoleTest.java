package dk.rammearkitektur.testkit.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.sso.testsupport.WebTestSupport;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.Fault;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console over plain HTTPS without a client certificate, as a browser reaches it: escaping and CPR masking in the
 * pages, the CSRF, origin, host and method checks on changes, and the service paths' refusal of such a client.
 */
@Timeout(120)
class SimulatorConsoleTest {
    private static final String SMS_CPR = "0101901234";
    private static ServiceplatformSimulator sp;
    private static DigitalPostSimulator dp;
    private static URI console;
    private static String origin;
    private static String host;

    record Response(int status, String headers, String body) {
    }

    @BeforeAll
    static void start() {
        sp = ServiceplatformSimulator.builder().build().start();
        dp = DigitalPostSimulator.builder().pki(sp.pki()).build().start();
        dp.registerForNemSms(SMS_CPR);
        console = sp.startConsole(dp);
        host = "127.0.0.1:" + console.getPort();
        origin = "https://" + host;
        try (DigitalPostClient post = dp.clientBuilder().build()) {
            MemoMessage sms = MemoMessage.builder(MemoVersion.V1_2)
                    .header(MessageHeader.builder(MessageType.NEMSMS).label("<script>alert(1)</script>")
                            .notification("Svar til " + SMS_CPR + " <b>&</b> \"tak\"")
                            .sender(Sender.cvr(sp.municipalityCvr(), "Kommune").build())
                            .recipient(Recipient.cpr(SMS_CPR).build()).build())
                    .build();
            assertTrue(post.send(KombiRequest.nemSms(sms)).accepted());
        }
    }

    @AfterAll
    static void stop() {
        if (dp != null) {
            dp.close();
        }
        if (sp != null) {
            sp.close();
        }
    }

    @BeforeEach
    void noFaults() {
        sp.faults().clear();
        dp.faults().clear();
    }

    @Test
    void theConsoleUrlIsOnTheSimulatorsLoopbackPort() {
        assertEquals(sp.baseUri().resolve("console/"), console);
        assertEquals(console, sp.startConsole(), "a second call gives the same console");
        assertTrue(InetAddress.getLoopbackAddress().getHostAddress().equals(console.getHost()));
    }

    @Test
    void pagesEscapeAndMask() throws IOException {
        Response sms = request("GET", "sms", host, null, null);
        assertEquals(200, sms.status(), sms.body());
        assertTrue(sms.body().contains("Svar til 010190-**** &lt;b&gt;&amp;&lt;/b&gt; &quot;tak&quot;"), sms.body());
        assertFalse(sms.body().contains(SMS_CPR), "no unmasked CPR number");
        assertFalse(sms.body().contains("<b>&"), sms.body());
        String headers = sms.headers().toLowerCase(java.util.Locale.ROOT);
        assertTrue(headers.contains("content-security-policy: default-src 'none'"), headers);
        assertTrue(headers.contains("x-frame-options: sameorigin"), headers);
        for (String page : new String[] {"", "requests", "mailboxes", "print", "tokens", "faults"}) {
            Response r = request("GET", page, host, null, null);
            assertEquals(200, r.status(), page);
            assertFalse(r.body().contains(SMS_CPR), page);
            assertFalse(r.body().contains("<script"), page);
            assertFalse(r.body().contains("BEGIN"), page);
        }
    }

    @Test
    void aChangeWithTheTokenFromTheConsolesOwnOriginIsApplied() throws IOException {
        Response r = post(origin, "csrf=" + token() + "&target=digitalpost-0&action=arm&kind=timeout&amount-ms=1500");
        assertEquals(303, r.status(), r.body());
        assertTrue(r.headers().toLowerCase(java.util.Locale.ROOT).contains("location: /console/faults"), r.headers());
        assertEquals(1, dp.faults().queued().size());
        assertEquals(1500, dp.faults().queued().get(0).amount().toMillis());
        assertTrue(request("GET", "faults", host, null, null).body().contains("timeout 1500 ms"));
        assertEquals(303, post(origin, "csrf=" + token() + "&target=digitalpost-0&action=clear").status());
        assertTrue(dp.faults().queued().isEmpty());
    }

    @Test
    void changesWithoutTheTokenOrFromElsewhereAreRefused() throws IOException {
        String arm = "&target=serviceplatform&action=arm&kind=http-500";
        assertEquals(403, post(origin, "csrf=" + "x".repeat(43) + arm).status());
        assertEquals(403, post(origin, arm.substring(1)).status());
        assertEquals(403, post("https://evil.example", "csrf=" + token() + arm).status());
        assertEquals(403, post("null", "csrf=" + token() + arm).status());
        assertEquals(403, post(origin + "\r\nSec-Fetch-Site: cross-site", "csrf=" + token() + arm).status());
        assertEquals(200, request("GET", "faults?csrf=" + token() + arm, host, null, null).status(),
                "a GET shows the page and changes nothing");
        assertEquals(405, request("PUT", "faults", host, origin, "csrf=" + token() + arm).status());
        assertEquals(415, request("POST", "faults", host, origin, "csrf=" + token() + arm, "text/plain").status());
        assertEquals(421, request("GET", "faults", "attacker.example:" + console.getPort(), null, null).status());
        assertTrue(sp.faults().queued().isEmpty(), "nothing armed");
    }

    @Test
    void badFormValuesAreA400NamingTheField() throws IOException {
        Response r = post(origin, "csrf=" + token() + "&target=serviceplatform&action=arm&kind=latency&amount-ms=soon");
        assertEquals(400, r.status());
        assertTrue(r.body().contains("form.amount-ms") && r.body().contains("whole number"), r.body());
        r = post(origin, "csrf=" + token() + "&target=serviceplatform&action=arm&kind=%3Cscript%3E");
        assertEquals(400, r.status());
        assertTrue(r.body().contains("form.kind"), r.body());
        r = post(origin, "csrf=" + token() + "&target=digitalpost-7&action=clear");
        assertEquals(400, r.status());
        assertTrue(r.body().contains("form.target"), r.body());
        assertTrue(sp.faults().queued().isEmpty());
    }

    @Test
    void everyFormKindArmsTheMatchingFault() {
        SimulatorConsole c = new SimulatorConsole(sp, java.util.List.of(dp), sp.baseUri());
        for (String kind : SimulatorConsole.kinds(false)) {
            c.apply(ConsoleForm.parse("target=serviceplatform&action=arm&kind=" + kind + "&amount-ms=5&code=40"));
            Fault armed = sp.faults().queued().get(sp.faults().queued().size() - 1);
            assertEquals(kind, armed.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        }
        for (String kind : SimulatorConsole.kinds(true)) {
            c.apply(ConsoleForm.parse("target=digitalpost-0&action=arm&kind=" + kind + "&amount-ms=5"));
        }
        assertEquals(SimulatorConsole.kinds(true).size(), dp.faults().queued().size());
        c.apply(ConsoleForm.parse("target=serviceplatform&action=clear"));
        assertTrue(sp.faults().queued().isEmpty());
    }

    @Test
    void servicePathsRefuseAClientWithoutACertificateButTheSdkStillGetsThrough() throws IOException {
        Response r = request("POST", "/service/CPR/PersonBaseDataExtended/4", host, null, "<x/>");
        assertEquals(403, r.status());
        assertTrue(r.body().contains("client certificate is required"), r.body());
        assertEquals(403, request("POST", ServiceplatformSimulator.STS_REST_PATH, host, null, "{}").status());
        int before = sp.requestCount("SF1520");
        try (ServiceplatformClient c = SimulatorClients.invocationContext(sp).build()) {
            assertTrue(c.lookupPerson(SimulatorData.CPR_ACTIVE_1900S).isPresent());
        }
        assertEquals(before + 1, sp.requestCount("SF1520"), "the refused request never reached the service");
    }

    @Test
    void withoutTheConsoleAClientWithoutACertificateFailsTheHandshake() throws Exception {
        try (ServiceplatformSimulator plain = ServiceplatformSimulator.builder().pki(sp.pki()).build().start()) {
            URI base = plain.baseUri();
            assertThrows(IOException.class, () -> raw(base.getPort(), "GET /service/CPR/PersonBaseDataExtended/4"
                    + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"));
            assertEquals(0, plain.requestCount("SF1520"));
        }
    }

    @Test
    void unknownPathsAndFilesAre404() throws IOException {
        assertEquals(404, request("GET", "nothing", host, null, null).status());
        assertEquals(404, request("GET", "files/0/letter/not-a-uuid/0", host, null, null).status());
        assertEquals(404, request("GET", "files/9/print/0", host, null, null).status());
        assertEquals(404, request("GET", "files/0/print/99", host, null, null).status());
    }

    @Test
    void fileNamesInHeadersAreSafe() {
        assertEquals("a_b_c.pdf", SimulatorConsole.safeFilename("a\"b\\c.pdf"));
        assertEquals("_.pdf", SimulatorConsole.safeFilename("\n.pdf"));
        assertEquals("file", SimulatorConsole.safeFilename(null));
    }

    private static String token() throws IOException {
        Matcher m = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"")
                .matcher(request("GET", "faults", host, null, null).body());
        assertTrue(m.find(), "the faults page carries the token");
        return m.group(1);
    }

    private static Response post(String from, String body) throws IOException {
        return request("POST", "faults", host, from, body);
    }

    private static Response request(String method, String path, String hostHeader, String originHeader, String body)
            throws IOException {
        return request(method, path, hostHeader, originHeader, body, "application/x-www-form-urlencoded");
    }

    private static Response request(String method, String path, String hostHeader, String originHeader, String body,
            String contentType) throws IOException {
        String target = path.startsWith("/") ? path : SimulatorConsole.PATH + path;
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder req = new StringBuilder(method + " " + target + " HTTP/1.1\r\nHost: " + hostHeader
                + "\r\nConnection: close\r\n");
        if (originHeader != null) {
            req.append("Origin: ").append(originHeader).append("\r\n");
        }
        if (body != null) {
            req.append("Content-Type: ").append(contentType).append("\r\nContent-Length: ").append(bytes.length)
                    .append("\r\n");
        }
        req.append("\r\n").append(body == null ? "" : body);
        String raw = raw(console.getPort(), req.toString());
        int end = raw.indexOf("\r\n\r\n");
        String head = raw.substring(0, end);
        return new Response(Integer.parseInt(head.substring(9, 12)), head, raw.substring(end + 4));
    }

    /** Sends {@code request} over TLS trusting the simulator's CA, with no client certificate; the whole reply. */
    private static String raw(int port, String request) throws IOException {
        try {
            SSLContext ctx = WebTestSupport.trusting(sp.tlsTrustAnchor());
            try (SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), port)) {
                s.setSoTimeout(20_000);
                OutputStream out = s.getOutputStream();
                out.write(request.getBytes(StandardCharsets.UTF_8));
                out.flush();
                InputStream in = s.getInputStream();
                ByteArrayOutputStream all = new ByteArrayOutputStream();
                in.transferTo(all);
                if (all.size() == 0) {
                    throw new IOException("no reply");
                }
                return all.toString(StandardCharsets.UTF_8);
            }
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

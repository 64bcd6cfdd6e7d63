package dk.rammearkitektur.testkit.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.PrintAddress;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.HttpStatusException;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.testkit.browser.internal.HeadlessChromium;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.Letters;
import dk.rammearkitektur.testkit.junit.SimulatorClients;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import dk.rammearkitektur.clients.common.StsProtocol;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The console in a real headless Chromium: calls made with the SDK's clients show up on its pages, a PDF letter loads
 * as application/pdf, and a fault armed with the form reaches the next SDK call. Skipped when no Chromium is installed.
 */
@Timeout(300)
class ConsoleInBrowserTest {
    private static final String CPR = SimulatorData.CPR_ACTIVE_1900S;
    private static final String SMS_CPR = "0101901234";
    private static final Duration STEP = Duration.ofSeconds(60);
    private static ServiceplatformSimulator sp;
    private static DigitalPostSimulator dp;
    private static HeadlessChromium browser;
    private static URI console;
    private static byte[] pdf;

    @BeforeAll
    static void start() {
        HeadlessChromium.assumeInstalled();
        sp = ServiceplatformSimulator.builder().build().start();
        dp = DigitalPostSimulator.builder().pki(sp.pki()).build().start();
        dp.registerForNemSms(SMS_CPR);
        console = sp.startConsole(dp);
        browser = HeadlessChromium.launch(List.of(ServerTls.shared().serverCertificate()), STEP);
        pdf = Letters.pdf(3000);
        try (ServiceplatformClient c = SimulatorClients.invocationContext(sp).build()) {
            assertTrue(c.lookupPerson(CPR).isPresent());
        }
        try (ServiceplatformClient wrong = SimulatorClients.invocationContext(sp)
                .serviceAgreement(PersonBaseDataExtendedService.INSTANCE, UUID.randomUUID()).build()) {
            assertThrows(RammearkitekturException.class, () -> wrong.lookupPerson(CPR));
        }
        try (ServiceplatformClient sts = SimulatorClients.stsToken(sp, StsProtocol.SOAP).build()) {
            assertTrue(sts.lookupCompany(SimulatorData.CVR_ACTIVE).isPresent());
        }
        try (DigitalPostClient post = dp.clientBuilder().build()) {
            assertTrue(post.send(KombiRequest.digitalPost(letter(CPR, "Afgørelse <om> boligstøtte"))).accepted());
            assertTrue(post.send(KombiRequest.nemSms(sms(SMS_CPR, "Husk mødet, CPR " + SMS_CPR))).accepted());
            assertTrue(post.send(KombiRequest.physicalPost(print(CPR))).accepted());
        }
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (dp != null) {
            dp.close();
        }
        if (sp != null) {
            sp.close();
        }
    }

    private static String page(String sub) {
        browser.navigate(console.resolve(sub));
        return browser.evaluate("document.body.innerText").asText();
    }

    @Test
    void requestsPageListsTheCallsWithVerdictsAndTheViolation() {
        String text = page("requests");
        assertTrue(text.contains("SF1520"), text);
        assertTrue(browser.evaluate("document.querySelectorAll('#requests-serviceplatform tr.request"
                + "[data-endpoint=\"SF1520\"][data-verdict=\"conformant\"]').length").asInt() >= 1, text);
        assertEquals(1, browser.evaluate("document.querySelectorAll('#requests-serviceplatform tr.request"
                + "[data-endpoint=\"SF1520\"][data-verdict=\"non-conformant\"]').length").asInt(), text);
        assertTrue(text.contains("ServiceAgreementUUID is not the registered one"), text);
        assertTrue(browser.evaluate("document.querySelectorAll('#requests-digitalpost-0 tr.request"
                + "[data-endpoint=\"KOMBI\"][data-verdict=\"conformant\"]').length").asInt() >= 3, text);
        assertFalse(text.contains(CPR), "no unmasked CPR number");
    }

    @Test
    void mailboxShowsTheLetterAndItsPdfLoadsAsPdf() {
        String text = page("mailboxes");
        assertTrue(text.contains("Afgørelse <om> boligstøtte"), text);
        assertTrue(text.contains(CPR.substring(0, 6) + "-****"), text);
        assertFalse(text.contains(CPR), "no unmasked CPR number");
        assertEquals(0, browser.evaluate("document.querySelectorAll('om').length").asInt(), "the label is escaped");
        JsonNode pdfInfo = browser.evaluate("(async () => { const f = document.querySelector('iframe.pdf');"
                + " const r = await fetch(f.src); const b = await r.arrayBuffer();"
                + " return [r.status, r.headers.get('content-type'), b.byteLength,"
                + " new TextDecoder().decode(b.slice(0, 5))]; })()");
        assertEquals(200, pdfInfo.get(0).asInt(), pdfInfo.toString());
        assertEquals("application/pdf", pdfInfo.get(1).asText(), pdfInfo.toString());
        assertEquals(pdf.length, pdfInfo.get(2).asInt(), pdfInfo.toString());
        assertEquals("%PDF-", pdfInfo.get(3).asText(), pdfInfo.toString());
    }

    @Test
    void printQueueAndSmsOutboxShowTheirEntries() {
        String print = page("print");
        assertEquals(1, browser.evaluate("document.querySelectorAll('tr.printed').length").asInt(), print);
        assertTrue(print.contains("Jens Hansen"), print);
        String sms = page("sms");
        assertEquals(1, browser.evaluate("document.querySelectorAll('tr.sms').length").asInt(), sms);
        assertTrue(sms.contains("Husk mødet, CPR " + SMS_CPR.substring(0, 6) + "-****"), sms);
        assertFalse(sms.contains(SMS_CPR), "no unmasked CPR number");
    }

    @Test
    void tokensPageListsTheIssuedTokens() {
        String text = page("tokens");
        assertTrue(browser.evaluate("document.querySelectorAll('tr.token[data-entity-id=\""
                + "http://cvr.serviceplatformen.dk/service/online/2\"]').length").asInt() >= 1, text);
        assertTrue(browser.evaluate("document.querySelectorAll('tr.token[data-entity-id=\""
                + DigitalPostSimulator.KOMBI_ENTITY_ID + "\"]').length").asInt() >= 1, text);
        assertTrue(text.contains(sp.municipalityCvr()), text);
        assertFalse(text.contains("BEGIN"), "no key or certificate material");
    }

    @Test
    void aFaultArmedWithTheFormReachesTheNextCallAndClearing() {
        page("faults");
        browser.fill("#arm-serviceplatform select[name=kind]", "http-503");
        browser.click("#arm-serviceplatform button", true);
        assertTrue(browser.evaluate("location.pathname").asText().endsWith("/console/faults"),
                () -> browser.evaluate("document.body.innerText").asText());
        assertEquals("http-503", browser.evaluate("document.getElementById('armed-serviceplatform').innerText")
                .asText());
        try (ServiceplatformClient c = SimulatorClients.invocationContext(sp).build()) {
            HttpStatusException e = assertThrows(HttpStatusException.class, () -> c.lookupPerson(CPR));
            assertEquals(503, e.status());
            assertTrue(c.lookupPerson(CPR).isPresent(), "used up by one call");
        }
        browser.fill("#arm-serviceplatform select[name=kind]", "connection-reset");
        browser.click("#arm-serviceplatform button", true);
        assertEquals("connection-reset", browser.evaluate(
                "document.getElementById('armed-serviceplatform').innerText").asText());
        browser.click("#clear-serviceplatform button", true);
        assertEquals("none", browser.evaluate("document.getElementById('armed-serviceplatform').innerText").asText());
        assertTrue(sp.faults().queued().isEmpty());
    }

    @Test
    void aPostWithAWrongCsrfTokenIsRefused() {
        page("faults");
        JsonNode status = browser.evaluate("(async () => { const r = await fetch('/console/faults', {method: 'POST',"
                + " headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
                + " body: 'csrf=wrong&target=serviceplatform&action=arm&kind=http-500'}); return r.status; })()");
        assertEquals(403, status.asInt());
        assertTrue(sp.faults().queued().isEmpty());
    }

    @Test
    void servicePathsRefuseTheBrowserWithoutAClientCertificate() {
        page("");
        JsonNode status = browser.evaluate("(async () => (await fetch('/service/CPR/PersonBaseDataExtended/4',"
                + " {method: 'POST', body: '<x/>'})).status)()");
        assertEquals(403, status.asInt());
    }

    private static MemoMessage letter(String cpr, String label) {
        return MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.DIGITALPOST).label(label)
                        .mandatory(false).legalNotification(false)
                        .sender(Sender.cvr(sp.municipalityCvr(), "Simuleret Kommune").build())
                        .recipient(Recipient.cpr(cpr).build()).build())
                .body(MessageBody.builder(Instant.parse("2026-11-25T09:00:00Z"),
                        MainDocument.of("Afgørelse", MemoFile.of(MemoFile.PDF, "afgoerelse.pdf", "da",
                                FileContent.ofBytes(pdf)))).build())
                .build();
    }

    private static MemoMessage sms(String cpr, String text) {
        return MemoMessage.builder(MemoVersion.V1_2)
                .header(MessageHeader.builder(MessageType.NEMSMS).label("Påmindelse").notification(text)
                        .sender(Sender.cvr(sp.municipalityCvr(), "Simuleret Kommune").build())
                        .recipient(Recipient.cpr(cpr).build()).build())
                .build();
    }

    private static PrintShipment print(String cpr) {
        return PrintShipment.builder(UUID.randomUUID().toString(), FileContent.ofBytes(pdf)).cpr(cpr)
                .address(PrintAddress.builder().personName("Jens Hansen").streetName("Rådhuspladsen")
                        .streetBuildingIdentifier("2").postCode("8000").district("Aarhus C").countryCode("DK").build())
                .title("Afgørelse om boligstøtte").build();
    }
}

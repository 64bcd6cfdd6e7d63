package dk.rammearkitektur.examples.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the whole demo twice, as the README's first command does, and checks what it printed. */
class ReferenceDemoTest {
    private static final Pattern SIMULATOR_URL = Pattern.compile("https://127\\.0\\.0\\.1:(\\d+)/");
    private static final List<String> OUTPUTS = new ArrayList<>();
    private static final List<Integer> CODES = new ArrayList<>();

    @BeforeAll
    static void runTwice() {
        for (int i = 0; i < 2; i++) {
            StringWriter out = new StringWriter();
            CODES.add(ReferenceDemo.run(new PrintWriter(out, true)));
            OUTPUTS.add(out.toString());
        }
    }

    @Test
    void exitsWithZeroBothTimes() {
        assertEquals(List.of(0, 0), CODES, OUTPUTS.toString());
        for (String out : OUTPUTS) {
            assertTrue(out.contains("Demo completed: exit code 0"), out);
            assertFalse(out.contains("PROBLEM"), out);
            assertFalse(out.contains("FAILED"), out);
        }
    }

    @Test
    void printsAllStepsInOrderWithTheirDurations() {
        for (String out : OUTPUTS) {
            int at = -1;
            for (int step = 1; step <= ReferenceDemo.STEPS; step++) {
                int next = out.indexOf("[" + step + "/" + ReferenceDemo.STEPS + "] ");
                assertTrue(next > at, "step " + step + " missing or out of order:\n" + out);
                at = next;
                assertTrue(out.matches("(?s).*step " + step + " of " + ReferenceDemo.STEPS + " done in \\d+ ms.*"),
                        "no duration for " + step);
            }
            assertTrue(out.indexOf("Summary") > at, out);
        }
    }

    @Test
    void showsTheCallsTheScenarioNeeds() {
        String out = OUTPUTS.get(0);
        assertTrue(out.contains("STS WS-Trust 1.3 Issue (1 call)"), out);
        assertTrue(out.contains("the second CPR lookup reused the SF1520 token"), out);
        assertTrue(out.contains("PersonLookup 150582-****"), out);
        assertTrue(out.contains("getLegalUnit " + SimulatorData.CVR_ACTIVE), out);
        assertTrue(out.contains("NemSMS notification: accepted"), out);
        assertTrue(out.contains("print queue 1 (Else Poulsen, PDF identical)"), out);
        assertTrue(out.contains("\"Afleveret til print og kuvertering\""), out);
        assertTrue(out.contains("\"status\" : \"GRANTED\""), out);
        assertTrue(out.contains("3 registrations"), out);
        assertTrue(out.contains("1 Digital Post letter(s), 1 NemSMS, 1 printed letter(s)"), out);
        assertTrue(out.contains("Serviceplatformen: 0 violation(s)"), out);
        assertTrue(out.contains("Digital Post: 0 violation(s)"), out);
    }

    @Test
    void indexesTheCaseAndFindsItDecidedByTheCitizen() {
        for (String out : OUTPUTS) {
            String step7 = out.substring(out.indexOf("[7/" + ReferenceDemo.STEPS + "] "), out.indexOf("Summary"));
            assertTrue(step7.contains("importer after a fremsoeg found no case: 1 Sag + 5 Dokumenter"), step7);
            assertTrue(step7.contains("sync: opdater with the whole current picture"), step7);
            assertTrue(step7.contains("1 case(s) in the index with CPR 150582-****"), step7);
            Matcher found = Pattern.compile("\\n\\s+(\\d{4}-32\\.18\\.00-G01-\\d{4})  \"Sygedagpenge\"  DECIDED"
                    + " since \\S+  Primær part \\(1 Primær part relation\\), CPR 150582-\\*\\*\\*\\*,"
                    + " 5 Journalpost relations")
                    .matcher(step7);
            assertTrue(found.find(), step7);
            assertTrue(out.contains("  case                    " + found.group(1) + ": DECIDED"), out);
            assertTrue(step7.contains("progress Opstaaet from "), step7);
            assertTrue(step7.contains(", Oplyst from "), step7);
            assertTrue(step7.contains(", Afgjort from "), step7);
            assertTrue(step7.contains("the simulated index holds 1 Sag and 5 Dokumenter"), step7);
            assertTrue(out.contains("5 registrations"), out);
            assertTrue(out.matches(
                    "(?s).*SF1510 Klassifikation \\d+ calls, SF1470 Sags- og Dokumentindeks \\d+ calls.*"), out);
            assertTrue(out.contains("SF1470 validation: the published SagDokumentIndeksOperationer.xsd")
                    || out.contains("SF1470 validation: bodies validated against the SDK's own SF1470 contract subset"),
                    out);
        }
    }

    @Test
    void reportsTheGrantAndItsFirstPaymentToTheYdelsesindeksAndReadsThemBack() {
        for (String out : OUTPUTS) {
            String step8 = out.substring(out.indexOf("[8/" + ReferenceDemo.STEPS + "] "),
                    out.indexOf("[9/" + ReferenceDemo.STEPS + "] "));
            assertTrue(step8.contains("importer of the grant (Bevilling) with 1 payment (OekonomiskEffektuering) in one"
                    + " call, after a fremsoeg found neither"), step8);
            assertTrue(step8.matches("(?s).*grant     Sygedagpenge from \\d{4}-\\d{2}-\\d{2}, DKK 4955\\.00 per week; "
                    + "5 relations: Tilknyttet, Ydelsesmodtager, Bevillingsmodtager, Ejer, Ansvarlig\\R.*"), step8);
            assertTrue(step8.contains("1 grant(s) in the Ydelsesindeks with CPR 150582-**** as a party, 1 payment(s)"
                    + " of ours"), step8);
            assertTrue(step8.contains("gross DKK 4955.00  sent DKK 3220.75  grant "), step8);
            assertTrue(step8.contains("opdater of the grant and its payment, nothing imported twice"), step8);
            assertTrue(step8.contains("the simulated Ydelsesindeks holds 1 Bevilling and 1 OekonomiskEffektuering"),
                    step8);
            assertTrue(step8.contains("1 more call(s): one token for the Ydelsesindeks"), step8);
            assertFalse(step8.contains("PROBLEM"), step8);
            assertTrue(out.matches("(?s).*SF1490 Ydelsesindeks \\d+ calls \\(index 1 Bevilling, 1 OekonomiskEffektuering\\).*"),
                    out);
        }
    }

    @Test
    void receivesEveryDeliveryStatusOnceThroughTheBeskedfordeler() {
        for (String out : OUTPUTS) {
            String step8 = out.substring(out.indexOf("[9/" + ReferenceDemo.STEPS + "] "), out.indexOf("Summary"));
            assertTrue(step8.contains("as the SASL EXTERNAL response"), step8);
            assertTrue(step8.contains("DELIVERED \"Afleveret Digital Post\" via Digital Post: "), step8);
            assertTrue(step8.contains("IN_PROGRESS \"Afleveret til print og kuvertering\" via "), step8);
            Matcher handled = Pattern.compile("(\\d+) event\\(s\\) of (\\d+) statuses emitted").matcher(step8);
            assertTrue(handled.find(), step8);
            assertEquals(handled.group(2), handled.group(1), step8);
            assertTrue(step8.contains("2 duplicate(s) acknowledged without handling"), step8);
            assertEquals(1, step8.split("STS token for http://entityid.kombit.dk/service/bfo_modtag/2 issued", -1)
                    .length - 1, step8);
        }
    }

    @Test
    void eachServiceGetsExactlyOneTokenFromTheClientsOwnRecords() {
        for (String out : OUTPUTS) {
            for (String entity : List.of("http://stoettesystemerne.dk/service/organisation/3",
                    "http://cpr.serviceplatformen.dk/service/personbasedataextended/4",
                    "http://cvr.serviceplatformen.dk/service/online/2",
                    "http://entityid.kombit.dk/service/kombipostafsend/1",
                    "http://entityid.kombit.dk/service/klassifikation/7",
                    "http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6",
                    "http://entityid.kombit.dk/service/ydi/ydelseindeks/6")) {
                assertEquals(1, out.split("STS token for " + entity + " issued", -1).length - 1, entity + "\n" + out);
            }
        }
    }

    @Test
    void theTokenLoggerIsLeftAsItWas() {
        ch.qos.logback.classic.Logger sts = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger("dk.rammearkitektur.clients.serviceplatform.sts");
        assertEquals(null, sts.getLevel());
        assertTrue(sts.isAdditive());
        assertFalse(sts.iteratorForAppenders().hasNext());
    }

    @Test
    void neverPrintsAFullCprNumber() {
        for (String out : OUTPUTS) {
            assertFalse(PersonalData.containsCprNumber(out), out);
            for (String cpr : List.of(SimulatorData.CPR_ACTIVE_1900S, ReferenceDemo.EXEMPT_CPR)) {
                assertFalse(out.contains(cpr), cpr);
                assertFalse(out.contains(cpr.substring(0, 6) + "-" + cpr.substring(6)), cpr);
            }
        }
    }

    @Test
    void leavesNoServerListening() {
        for (String out : OUTPUTS) {
            Matcher m = SIMULATOR_URL.matcher(out);
            int found = 0;
            while (m.find()) {
                found++;
                int port = Integer.parseInt(m.group(1));
                assertThrows(ConnectException.class, () -> connect(port), "port " + port + " still open");
            }
            assertTrue(found >= 2, "no simulator URLs printed");
        }
    }

    private static void connect(int port) throws IOException {
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.getPort();
        }
    }
}

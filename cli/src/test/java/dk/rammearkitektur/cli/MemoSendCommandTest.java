package dk.rammearkitektur.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.signing.Pem;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.MailboxEntry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code memo send} against the Digital Post simulator. */
class MemoSendCommandTest {
    private static final String CPR = "0101901234";
    private static DigitalPostSimulator sim;

    private record Result(int code, String out, String err) {
    }

    @BeforeAll
    static void start() {
        sim = DigitalPostSimulator.builder().build().start().registerForNemSms(CPR);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @AfterEach
    void restoreEnvironment() {
        MemoCommand.Send.environmentVariables = System::getenv;
        sim.reset();
    }

    private static Result run(String... args) {
        CommandLine cl = Main.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Writes the certificate, anchors and STS certificate; returns the settings by property key. */
    private static Map<String, String> settings(Path dir) throws IOException {
        char[] pw = "changeit".toCharArray();
        Map<String, String> s = new HashMap<>();
        s.put("environment", sim.baseUri().toString());
        s.put("certificate", Files.write(dir.resolve("system.p12"), sim.pki().oces3Organisation().pkcs12(pw)).toString());
        s.put("certificate.password", new String(pw));
        s.put("trust-anchors", Files.writeString(dir.resolve("anchors.pem"), Pem.encode(sim.tlsTrustAnchor())).toString());
        s.put("sts-certificates", Files.writeString(dir.resolve("sts.pem"), Pem.encode(sim.stsCertificate())).toString());
        s.put("authority-cvr", sim.authorityCvr());
        s.put("sender-name", "Aarhus Kommune");
        return s;
    }

    private static Path pdf(Path dir) throws IOException {
        return Files.write(dir.resolve("afgørelse.pdf"), "%PDF-1.7 letter".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void sendsTheLetterAndTheSmsWithAPropertiesFile(@TempDir Path dir) throws IOException {
        StringBuilder props = new StringBuilder();
        settings(dir).forEach((k, v) -> props.append("digitalpost.").append(k).append('=')
                .append(v.replace("\\", "\\\\")).append('\n'));
        Path config = Files.writeString(dir.resolve("dp.properties"), props.toString());
        Result r = run("memo", "send", "--config", config.toString(), "--cpr", "010190-1234", "--pdf", pdf(dir).toString(),
                "--sms", "Du har fået post fra kommunen");
        assertEquals(0, r.code(), r.err() + r.out());
        assertTrue(r.out().contains("sent: Digital Post letter"), r.out());
        assertTrue(r.out().contains("sent: NemSMS"), r.out());
        assertTrue(r.out().contains("to CPR 010190-****"), r.out());
        assertFalse(r.out().contains(CPR), r.out());
        MailboxEntry e = sim.mailbox(CPR).get(0);
        assertEquals("afgørelse", e.label());
        assertEquals("afgørelse.pdf", e.files().get(0).filename());
        assertEquals(15, e.files().get(0).size());
        assertEquals("Du har fået post fra kommunen", sim.smsOutbox().get(0).text());
    }

    @Test
    void readsEnvironmentVariables(@TempDir Path dir) throws IOException {
        Map<String, String> env = new HashMap<>();
        settings(dir).forEach((k, v) -> env.put("RAMMEARKITEKTUR_DP_" + k.toUpperCase().replace('.', '_').replace('-', '_'), v));
        MemoCommand.Send.environmentVariables = env::get;
        Result r = run("memo", "send", "--cpr", CPR, "--pdf", pdf(dir).toString(), "--title", "Afgørelse");
        assertEquals(0, r.code(), r.err() + r.out());
        assertEquals("Afgørelse", sim.mailbox(CPR).get(0).label());
        assertTrue(sim.smsOutbox().isEmpty());
    }

    @Test
    void missingSettingsAndBadInputExitTwoWithPaths(@TempDir Path dir) throws IOException {
        MemoCommand.Send.environmentVariables = name -> null;
        Result r = run("memo", "send", "--cpr", CPR, "--pdf", pdf(dir).toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("config.digitalpost.environment: must be set (or RAMMEARKITEKTUR_DP_ENVIRONMENT)"), r.err());
        assertTrue(r.err().contains("config.digitalpost.authority-cvr: must be set"), r.err());
        Result bad = run("memo", "send", "--cpr", "12", "--pdf", dir.resolve("none.pdf").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("cpr: must be 10 digits"), bad.err());
        assertTrue(bad.err().contains("pdf: must be an existing file"), bad.err());
        assertEquals(0, sim.requestCount("KOMBI"));
    }

    @Test
    void aRefusalByThePlatformExitsOne(@TempDir Path dir) throws IOException {
        Map<String, String> env = new HashMap<>();
        settings(dir).forEach((k, v) -> env.put("RAMMEARKITEKTUR_DP_" + k.toUpperCase().replace('.', '_').replace('-', '_'), v));
        MemoCommand.Send.environmentVariables = env::get;
        sim.exemptFromDigitalPost("0202802345");
        Result r = run("memo", "send", "--cpr", "0202802345", "--pdf", pdf(dir).toString());
        assertEquals(1, r.code(), r.out());
        assertTrue(r.err().contains("DP.RECIPIENT_NOT_REACHABLE"), r.err());
        assertFalse(r.err().contains("0202802345"), r.err());
    }
}

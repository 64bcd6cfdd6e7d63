package dk.rammearkitektur.cli;

import dk.rammearkitektur.clients.digitalpost.memo.AdditionalDocument;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.DigitalPostEnvironment;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.FileContentSink;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MemoXml;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.clients.digitalpost.memo.TechnicalDocument;
import dk.rammearkitektur.clients.digitalpost.Transmission;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.signing.Pem;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur memo ...}: MeMo (Digital Post / NemSMS) messages. {@code memo validate <file.xml>} reads a
 * message with the SDK's streaming reader and checks every rule; exit code 0 when valid, 2 with every violation
 * (field path and rule) when not, 3 when the XML is refused as unsafe (for example a DOCTYPE).
 * {@code memo send --cpr <n> --pdf <file> [--sms <text>]} sends the PDF as a Digital Post letter (and the text as a
 * NemSMS) through SF1601 in the configured environment; exit code 0 when accepted, 2 for bad input or configuration,
 * 1 when the platform refuses or cannot be reached.
 */
@Command(name = "memo", description = "MeMo messages for Digital Post and NemSMS.",
        subcommands = {MemoCommand.Validate.class, MemoCommand.Send.class})
final class MemoCommand {
    /** {@code memo validate <file.xml>}. */
    @Command(name = "validate", description = "Check a MeMo 1.1 or 1.2 message file against the MeMo rules.")
    static final class Validate implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(index = "0", paramLabel = "<file.xml>", description = "The MeMo message.")
        Path file;

        @Override
        public Integer call() {
            MemoMessage m;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                m = MemoXml.read(in, FileContentSink.discarding());
            } catch (NoSuchFileException e) {
                throw new ValidationException("file", "does not exist");
            } catch (IOException e) {
                throw new ValidationException("file", "cannot be read: " + e.getClass().getSimpleName());
            } catch (XmlParseException e) {
                throw new ValidationException("xml", "must be well-formed XML: " + e.getMessage(), e);
            }
            PrintWriter out = spec.commandLine().getOut();
            List<MemoFile> files = new ArrayList<>();
            if (m.body() != null) {
                files.addAll(m.body().mainDocument().files());
                m.body().additionalDocuments().stream().map(AdditionalDocument::files).forEach(files::addAll);
                m.body().technicalDocuments().stream().map(TechnicalDocument::files).forEach(files::addAll);
            }
            long bytes = files.stream().mapToLong(f -> f.content().knownSize().orElse(0)).sum();
            out.println("valid: MeMo " + m.version().attribute() + " " + m.header().messageType() + " message "
                    + m.header().messageUuid());
            out.println("recipient: " + m.header().recipient().idType() + " "
                    + PersonalData.maskCprNumbers(m.header().recipient().recipientId()));
            out.println("files: " + files.size() + " (" + bytes + " bytes)");
            out.flush();
            return ExitCodes.OK;
        }
    }

    /**
     * {@code memo send --cpr <n> --pdf <file> [--sms <text>]}. Settings come from environment variables
     * ({@code RAMMEARKITEKTUR_DP_ENVIRONMENT}, {@code _CERTIFICATE}, {@code _CERTIFICATE_PASSWORD},
     * {@code _TRUST_ANCHORS}, {@code _STS_CERTIFICATES}, {@code _AUTHORITY_CVR}, {@code _SENDER_NAME}), overridden by
     * a properties file given with {@code --config} (keys {@code digitalpost.environment}, {@code .certificate},
     * {@code .certificate.password}, {@code .trust-anchors}, {@code .sts-certificates}, {@code .authority-cvr},
     * {@code .sender-name}).
     */
    @Command(name = "send", description = "Send a PDF as a Digital Post letter (and optionally a NemSMS) via SF1601.")
    static final class Send implements Callable<Integer> {
        /** Where environment variables are read; replaced in tests. */
        static UnaryOperator<String> environmentVariables = System::getenv;

        private static final String[][] SETTINGS = {
            {"environment", "RAMMEARKITEKTUR_DP_ENVIRONMENT"},
            {"certificate", "RAMMEARKITEKTUR_DP_CERTIFICATE"},
            {"certificate.password", "RAMMEARKITEKTUR_DP_CERTIFICATE_PASSWORD"},
            {"trust-anchors", "RAMMEARKITEKTUR_DP_TRUST_ANCHORS"},
            {"sts-certificates", "RAMMEARKITEKTUR_DP_STS_CERTIFICATES"},
            {"authority-cvr", "RAMMEARKITEKTUR_DP_AUTHORITY_CVR"},
            {"sender-name", "RAMMEARKITEKTUR_DP_SENDER_NAME"},
        };

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Option(names = "--cpr", required = true, description = "The recipient's CPR number.")
        String cpr;

        @CommandLine.Option(names = "--pdf", required = true, description = "The letter as a PDF file.")
        Path pdf;

        @CommandLine.Option(names = "--title", description = "The letter's title (default: the file name).")
        String title;

        @CommandLine.Option(names = "--sms", description = "Also send this text as a NemSMS (at most 150 characters).")
        String sms;

        @CommandLine.Option(names = "--config", description = "A properties file with digitalpost.* settings.")
        Path config;

        @Override
        public Integer call() {
            Properties settings = settings();
            Violations v = Violations.at("config");
            String cprDigits = cpr == null ? "" : cpr.strip().replace("-", "");
            Violations input = Violations.at("");
            input.require(cprDigits.matches("\\d{10}"), "cpr", "must be 10 digits");
            input.require(Files.isRegularFile(pdf), "pdf", "must be an existing file");
            input.throwIfAny();
            for (String[] s : SETTINGS) {
                if (!s[0].equals("sender-name")) {
                    v.require(settings.getProperty(s[0]) != null, "digitalpost." + s[0], "must be set (or " + s[1] + ")");
                }
            }
            v.throwIfAny();
            DigitalPostClient.Builder b = DigitalPostClient.builder()
                    .environment(DigitalPostEnvironment.parse(settings.getProperty("environment")))
                    .systemCertificate(Path.of(settings.getProperty("certificate")),
                            settings.getProperty("certificate.password").toCharArray())
                    .trustAnchors(certificates("digitalpost.trust-anchors", settings.getProperty("trust-anchors")))
                    .stsCertificates(certificates("digitalpost.sts-certificates", settings.getProperty("sts-certificates")))
                    .authorityCvr(settings.getProperty("authority-cvr"));
            String cvr = settings.getProperty("authority-cvr");
            Sender sender = Sender.cvr(cvr, settings.getProperty("sender-name", "Afsender")).build();
            String label = title != null ? title : pdf.getFileName().toString().replaceFirst("(?i)\\.pdf$", "");
            MemoMessage letter = MemoMessage.builder(MemoVersion.V1_2)
                    .header(MessageHeader.builder(MessageType.DIGITALPOST).label(label).sender(sender)
                            .recipient(Recipient.cpr(cprDigits).build()).build())
                    .body(MessageBody.builder(Clock.systemUTC().instant(), MainDocument.of(label, MemoFile.of(MemoFile.PDF,
                            MemoFile.sanitizeFilename(pdf.getFileName().toString()), "da", FileContent.ofPath(pdf)))).build())
                    .build();
            MemoMessage text = sms == null ? null : MemoMessage.builder(MemoVersion.V1_2)
                    .header(MessageHeader.builder(MessageType.NEMSMS).label(label).notification(sms).sender(sender)
                            .recipient(Recipient.cpr(cprDigits).build()).build()).build();
            PrintWriter out = spec.commandLine().getOut();
            try (DigitalPostClient client = b.build()) {
                report(out, "Digital Post letter", client, client.prepare(KombiRequest.digitalPost(letter)));
                if (text != null) {
                    report(out, "NemSMS", client, client.prepare(KombiRequest.nemSms(text)));
                }
            }
            out.flush();
            return ExitCodes.OK;
        }

        private static void report(PrintWriter out, String what, DigitalPostClient client, Transmission t) {
            SendReceipt r = client.send(t);
            out.println("sent: " + what + " " + t.messageUuid() + " to CPR "
                    + PersonalData.maskCpr(t.request().memo().header().recipient().recipientId()) + " (transaction "
                    + t.transactionId() + ", transmission " + r.transmission().orElse("none") + ")");
            for (SendReceipt.Advice a : r.advices()) {
                out.println("advice: " + PersonalData.maskCprNumbers(String.valueOf(a.text())));
            }
        }

        private Properties settings() {
            Properties p = new Properties();
            for (String[] s : SETTINGS) {
                String value = environmentVariables.apply(s[1]);
                if (value != null && !value.isBlank()) {
                    p.setProperty(s[0], value.strip());
                }
            }
            if (config != null) {
                Properties file = new Properties();
                try (InputStream in = Files.newInputStream(config)) {
                    file.load(in);
                } catch (IOException e) {
                    throw new ValidationException("config", "cannot be read: " + e.getClass().getSimpleName());
                }
                for (String[] s : SETTINGS) {
                    String value = file.getProperty("digitalpost." + s[0]);
                    if (value != null && !value.isBlank()) {
                        p.setProperty(s[0], value.strip());
                    }
                }
            }
            return p;
        }

        private static List<X509Certificate> certificates(String field, String file) {
            try {
                return Pem.certificates(Files.readAllBytes(Path.of(file)));
            } catch (IOException e) {
                throw new ValidationException("config." + field, "cannot be read: " + e.getClass().getSimpleName());
            } catch (ValidationException e) {
                throw e.under("config." + field);
            }
        }
    }
}

package dk.rammearkitektur.cli;

import dk.rammearkitektur.clients.digitalpost.AdditionalDocument;
import dk.rammearkitektur.clients.digitalpost.FileContentSink;
import dk.rammearkitektur.clients.digitalpost.MemoFile;
import dk.rammearkitektur.clients.digitalpost.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.MemoXml;
import dk.rammearkitektur.clients.digitalpost.TechnicalDocument;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.XmlParseException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur memo ...}: MeMo (Digital Post / NemSMS) messages. {@code memo validate <file.xml>} reads a
 * message with the SDK's streaming reader and checks every rule; exit code 0 when valid, 2 with every violation
 * (field path and rule) when not, 3 when the XML is refused as unsafe (for example a DOCTYPE).
 */
@Command(name = "memo", description = "MeMo messages for Digital Post and NemSMS.",
        subcommands = {MemoCommand.Validate.class})
final class MemoCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

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
            return 0;
        }
    }
}

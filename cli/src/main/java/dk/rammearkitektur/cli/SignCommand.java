package dk.rammearkitektur.cli;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.SignatureAlgorithm;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.xml.XmlSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.w3c.dom.Document;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur sign --key k.p12 --password-file f --id <id> in.xml > out.xml}: signs the element with that
 * ID (enveloped XML-DSig, exclusive c14n, RSA-SHA256 by default) and writes the document to standard output.
 */
@Command(name = "sign", description = "Sign the element with the given ID (enveloped XML-DSig) and print the document.")
final class SignCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--key", required = true, paramLabel = "<file>",
            description = "PKCS#12 (.p12/.pfx) or PEM with the private key and certificate chain.")
    Path key;

    @CommandLine.Option(names = "--password-file", paramLabel = "<file>", description = "File holding the PKCS#12 password.")
    Path passwordFile;

    @CommandLine.Option(names = "--id", required = true, description = "ID (wsu:Id, ID or Id) of the element to sign.")
    String id;

    @CommandLine.Option(names = "--algorithm", description = "Signature method: ${COMPLETION-CANDIDATES} (default by key type).")
    SignatureAlgorithm algorithm;

    @CommandLine.Option(names = "--chain", description = "Put the whole chain into KeyInfo, not just the certificate.")
    boolean chain;

    @CommandLine.Parameters(index = "0", paramLabel = "<in.xml>", description = "The document to sign.")
    Path input;

    @Override
    public Integer call() throws IOException {
        SigningCredential credential = CertCommand.loadCredential(key, passwordFile);
        Document doc;
        try (InputStream in = Files.newInputStream(input)) {
            doc = SecureXml.parse(in);
        }
        XmlSigner.Builder b = XmlSigner.builder(credential)
                .keyInfo(chain ? XmlSigner.KeyInfoContent.CHAIN : XmlSigner.KeyInfoContent.CERTIFICATE);
        if (algorithm != null) {
            b.algorithm(algorithm);
        }
        b.build().signEnveloped(doc, id);
        PrintWriter out = spec.commandLine().getOut();
        out.print(SecureXml.toString(doc));
        out.println();
        out.flush();
        return ExitCodes.OK;
    }
}

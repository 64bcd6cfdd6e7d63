package dk.rammearkitektur.cli;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.AlgorithmPolicy;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.signing.xml.VerifiedSignature;
import dk.rammearkitektur.signing.xml.XmlSignatureVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.w3c.dom.Document;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur verify --trust ca.pem in.xml}: verifies every XML signature in the document against the
 * trusted certificates and prints the signed element IDs (exit 0), or the reason it was refused (exit 3).
 */
@Command(name = "verify", description = "Verify the XML signatures of a document; print the signed element IDs.")
final class VerifyCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CertCommand.TrustOptions trust = new CertCommand.TrustOptions();

    @CommandLine.Option(names = "--allow-sha1", description = "Accept RSA-SHA1 and SHA-1 digests (legacy endpoints only).")
    boolean allowSha1;

    @CommandLine.Parameters(index = "0", paramLabel = "<in.xml>", description = "The signed document.")
    Path input;

    @Override
    public Integer call() throws IOException {
        if (trust.anchors.isEmpty()) {
            throw new dk.rammearkitektur.core.ValidationException("--trust", "at least one trusted certificate is required");
        }
        Document doc;
        try (InputStream in = Files.newInputStream(input)) {
            doc = SecureXml.parse(in);
        }
        AlgorithmPolicy policy = allowSha1 ? AlgorithmPolicy.builder().allowSha1().build() : AlgorithmPolicy.defaults();
        List<VerifiedSignature> verified = XmlSignatureVerifier.builder(SignatureTrust.validatedBy(trust.validator()))
                .policy(policy).build().verifyAll(doc);
        PrintWriter out = spec.commandLine().getOut();
        for (VerifiedSignature v : verified) {
            out.println("signer: " + PersonalData.maskCprNumbers(v.certificate().getSubjectX500Principal().getName()));
            for (String id : v.signedIds()) {
                out.println("signed: " + id);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}

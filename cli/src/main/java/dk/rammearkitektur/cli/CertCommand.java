package dk.rammearkitektur.cli;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.signing.OcesIdentity;
import dk.rammearkitektur.signing.Pem;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.certificates.CertificateReport;
import dk.rammearkitektur.signing.certificates.CertificateValidator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur cert info c.pem|c.p12}: prints the certificate's {@link OcesIdentity} and, with
 * {@code --trust}, its validation result. Exit 0, 2 for unreadable input, 3 when validation refuses it. Also holds
 * the key, trust and revocation options shared by {@code sign} and {@code verify}.
 */
@Command(name = "cert", description = "Inspect OCES certificates.", subcommands = {CertCommand.Info.class})
final class CertCommand {
    /** {@code cert info}. */
    @Command(name = "info", description = "Print the OCES identity of a certificate (PEM, DER or PKCS#12) and validate it.")
    static final class Info implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @CommandLine.Parameters(index = "0", paramLabel = "<file>", description = "Certificate (.pem, .cer, .der) or PKCS#12 (.p12, .pfx).")
        Path file;

        @CommandLine.Option(names = "--password-file", description = "File holding the PKCS#12 password.")
        Path passwordFile;

        @CommandLine.Mixin
        TrustOptions trust = new TrustOptions();

        @Override
        public Integer call() {
            List<X509Certificate> chain = isPkcs12(file) ? loadCredential(file, passwordFile).chain() : Pem.certificates(read(file));
            X509Certificate cert = chain.get(0);
            PrintWriter out = spec.commandLine().getOut();
            out.println("subject:       " + PersonalData.maskCprNumbers(cert.getSubjectX500Principal().getName()));
            out.println("issuer:        " + PersonalData.maskCprNumbers(cert.getIssuerX500Principal().getName()));
            out.println("serial:        " + cert.getSerialNumber().toString(16));
            out.println("valid:         " + cert.getNotBefore().toInstant() + " .. " + cert.getNotAfter().toInstant());
            out.println("algorithm:     " + cert.getSigAlgName());
            try {
                OcesIdentity id = OcesIdentity.of(cert);
                out.println("generation:    " + id.generation());
                out.println("kind:          " + id.kind());
                out.println("cvr:           " + id.cvr().orElse("-"));
                out.println("identifier:    " + id.identifier());
                out.println("common name:   " + id.commonName());
                out.println("organisation:  " + id.organisation().orElse("-"));
            } catch (ValidationException e) {
                out.println("identity:      not an OCES2/OCES3 layout (" + e.getMessage() + ")");
            }
            if (trust.anchors.isEmpty()) {
                out.println("validation:    not checked (no --trust given)");
                out.flush();
                return ExitCodes.OK;
            }
            CertificateReport report = trust.validator().validate(chain);
            out.println("validation:    " + (report.trusted() ? "trusted" : "refused"));
            out.println("revocation:    " + report.revocation());
            for (CertificateReport.Problem p : report.problems()) {
                out.println("  " + p.reason() + ": " + p.message());
            }
            out.flush();
            return report.trusted() ? ExitCodes.OK : ExitCodes.REFUSED;
        }
    }

    /** Trust anchors and revocation options for {@code verify} and {@code cert info}. */
    static final class TrustOptions {
        @CommandLine.Option(names = "--trust", paramLabel = "<pem>",
                description = "Trusted CA or pinned certificates (PEM); repeatable. Every certificate in the file is an anchor.")
        List<Path> anchors = new ArrayList<>();

        @CommandLine.Option(names = "--crl", paramLabel = "<file>", description = "A CRL (PEM or DER); repeatable.")
        List<Path> crls = new ArrayList<>();

        @CommandLine.Option(names = "--revocation", paramLabel = "hard|soft|off", defaultValue = "soft",
                description = "Revocation checking: hard (unknown status refuses), soft (default: unknown is a warning), off.")
        String revocation;

        CertificateValidator validator() {
            CertificateValidator.Builder b = CertificateValidator.builder();
            for (Path p : anchors) {
                b.trustAnchors(Pem.certificates(read(p)));
            }
            for (Path p : crls) {
                b.crl(crl(read(p)));
            }
            switch (revocation.toLowerCase(Locale.ROOT)) {
                case "hard" -> b.softFail(false);
                case "soft" -> b.softFail(true);
                case "off" -> b.revocationChecking(false);
                default -> throw new ValidationException("--revocation", "must be hard, soft or off");
            }
            return b.build();
        }
    }

    static boolean isPkcs12(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }

    /** Loads a credential from PKCS#12 (password from a file, zeroed after use) or PEM (key and certificates). */
    static SigningCredential loadCredential(Path key, Path passwordFile) {
        if (!isPkcs12(key)) {
            return SigningCredential.fromPem(new String(read(key), StandardCharsets.US_ASCII));
        }
        if (passwordFile == null) {
            throw new ValidationException("--password-file", "is required for a PKCS#12 key");
        }
        byte[] raw = read(passwordFile);
        CharBuffer chars = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(raw));
        int end = chars.limit();
        while (end > 0 && (chars.get(end - 1) == '\n' || chars.get(end - 1) == '\r')) {
            end--;
        }
        char[] password = new char[end];
        chars.get(password, 0, end);
        try {
            return SigningCredential.fromPkcs12(read(key), password);
        } finally {
            Arrays.fill(password, '\0');
            Arrays.fill(raw, (byte) 0);
            chars.clear();
            while (chars.hasRemaining()) {
                chars.put('\0');
            }
        }
    }

    static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new ValidationException(p.toString(), "cannot be read: " + e.getMessage(), e);
        }
    }

    private static X509CRL crl(byte[] data) {
        try {
            String text = new String(data, StandardCharsets.US_ASCII);
            byte[] der = data;
            if (text.contains("-----BEGIN X509 CRL-----")) {
                String b64 = text.substring(text.indexOf("-----BEGIN X509 CRL-----") + 24, text.indexOf("-----END X509 CRL-----"));
                der = java.util.Base64.getMimeDecoder().decode(b64);
            }
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (CertificateException | CRLException | RuntimeException e) {
            throw new ValidationException("--crl", "is not a valid CRL", e);
        }
    }
}

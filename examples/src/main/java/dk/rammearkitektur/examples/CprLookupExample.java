package dk.rammearkitektur.examples;

import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.PersonalData;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks a citizen up in CPR (SF1520, PersonBaseDataExtended) through Serviceplatformen. The auth model
 * (InvocationContext or STS token) comes from the configuration's {@code auth} key; see {@link ExampleConfig}.
 *
 * <pre>
 * java -cp ... dk.rammearkitektur.examples.CprLookupExample client.properties 1505821234
 * </pre>
 */
public final class CprLookupExample {
    private CprLookupExample() {
    }

    /**
     * The client for {@code config}. Build one per configuration and share it: it is thread-safe, pools connections
     * and caches STS tokens.
     *
     * @throws dk.rammearkitektur.core.ValidationException naming the first bad configuration key
     */
    public static ServiceplatformClient client(ExampleConfig config) {
        return Objects.requireNonNull(config, "config == null").serviceplatformClient().build();
    }

    /**
     * Looks {@code cpr} up.
     *
     * @param client the client
     * @param cpr ten digits, a hyphen after the sixth allowed
     * @return the person, or empty when the register has none
     * @throws dk.rammearkitektur.core.ValidationException when the number is not a CPR number
     */
    public static Optional<PersonRecord> lookUp(ServiceplatformClient client, String cpr) {
        return Objects.requireNonNull(client, "client == null").lookupPerson(cpr);
    }

    /** Prints what the register holds about the person, with the CPR number masked; returns 0 when found, else 4. */
    public static int print(ServiceplatformClient client, String cpr, PrintWriter out) {
        Optional<PersonRecord> person = lookUp(client, cpr);
        if (person.isEmpty()) {
            out.println("no person with CPR number " + PersonalData.maskCpr(cpr));
            out.flush();
            return 4;
        }
        PersonRecord p = person.get();
        out.println(PersonalData.maskCpr(p.cpr()) + "  " + p.name() + "  " + p.status() + "  "
                + (p.addressProtected() ? "(address protected)" : p.address() == null ? "-" : p.address().oneLine()));
        out.flush();
        return 0;
    }

    /**
     * Usage: {@code CprLookupExample <config.properties> <cpr>}.
     *
     * @param args the configuration file and the CPR number
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: CprLookupExample <config.properties> <cpr>");
            System.exit(2);
        }
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        int code;
        try (ServiceplatformClient client = client(ExampleConfig.load(Path.of(args[0])))) {
            code = print(client, args[1], out);
        }
        System.exit(code);
    }
}

package dk.rammearkitektur.examples;

import dk.rammearkitektur.clients.serviceplatform.CompanyRecord;
import dk.rammearkitektur.clients.serviceplatform.ProductionUnitRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Looks a company up in CVR (SF1530, CVR Online) with its production units (P-numbers) through Serviceplatformen.
 * The auth model (InvocationContext or STS token) comes from the configuration's {@code auth} key; see
 * {@link ExampleConfig}.
 *
 * <pre>
 * java -cp ... dk.rammearkitektur.examples.CvrLookupExample client.properties 11223346
 * </pre>
 */
public final class CvrLookupExample {
    private CvrLookupExample() {
    }

    /**
     * A company and its production units, as the register holds them.
     *
     * @param company the company
     * @param productionUnits its production units, in the register's order
     */
    public record Result(CompanyRecord company, List<ProductionUnitRecord> productionUnits) {
        /** Copies the list. */
        public Result {
            Objects.requireNonNull(company, "company == null");
            productionUnits = List.copyOf(productionUnits);
        }
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
     * Looks {@code cvr} up, then each of its production units; with an STS token the client fetches one token for
     * SF1530 and reuses it for all of these calls.
     *
     * @param client the client
     * @param cvr eight digits
     * @return the company with its units, or empty when the register has none
     * @throws dk.rammearkitektur.core.ValidationException when the number is not eight digits
     */
    public static Optional<Result> lookUp(ServiceplatformClient client, String cvr) {
        Objects.requireNonNull(client, "client == null");
        Optional<CompanyRecord> company = client.lookupCompany(cvr);
        if (company.isEmpty()) {
            return Optional.empty();
        }
        List<ProductionUnitRecord> units = new ArrayList<>();
        for (String pNumber : company.get().productionUnits()) {
            client.lookupProductionUnit(pNumber).ifPresent(units::add);
        }
        return Optional.of(new Result(company.get(), units));
    }

    /**
     * Usage: {@code CvrLookupExample <config.properties> <cvr>}; exit 0 when found, 4 when not.
     *
     * @param args the configuration file and the CVR number
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: CvrLookupExample <config.properties> <cvr>");
            System.exit(2);
        }
        PrintWriter out = new PrintWriter(System.out, true, Charset.defaultCharset());
        Optional<Result> r;
        try (ServiceplatformClient client = client(ExampleConfig.load(Path.of(args[0])))) {
            r = lookUp(client, args[1]);
        }
        if (r.isEmpty()) {
            out.println("no company with CVR number " + args[1]);
            System.exit(4);
        }
        out.println(r.get().company().cvr() + "  " + r.get().company().name() + "  " + r.get().company().status());
        for (ProductionUnitRecord u : r.get().productionUnits()) {
            out.println("  P-number " + u.pNumber() + "  " + u.name());
        }
        System.exit(0);
    }
}

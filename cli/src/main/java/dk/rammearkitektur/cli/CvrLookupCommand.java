package dk.rammearkitektur.cli;

import dk.rammearkitektur.clients.serviceplatform.CompanyRecord;
import dk.rammearkitektur.clients.serviceplatform.ProductionUnitRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rammearkitektur cvr-lookup <cvr>} (or {@code --p-number <p>}): looks a company or production unit up with
 * SF1530 against a configured environment (see {@code cpr-lookup} for the configuration). Exit 0 when found, 4 when
 * not, 2 for invalid input or configuration.
 */
@Command(name = "cvr-lookup", description = "Look up a company by CVR number, or a production unit by P-number (SF1530).")
final class CvrLookupCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    CprLookupCommand.Config config = new CprLookupCommand.Config();

    @CommandLine.Option(names = "--p-number", description = "Treat the number as a P-number (production unit).")
    boolean pNumber;

    @CommandLine.Parameters(index = "0", paramLabel = "<number>", description = "CVR number (8 digits) or P-number (10).")
    String number;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (ServiceplatformClient client = config.client()) {
            if (pNumber) {
                Optional<ProductionUnitRecord> u = client.lookupProductionUnit(number);
                if (u.isEmpty()) {
                    out.println("no production unit " + number.strip());
                    out.flush();
                    return ExitCodes.NOT_FOUND;
                }
                ProductionUnitRecord p = u.get();
                out.println("p-number:  " + p.pNumber());
                out.println("name:      " + p.name());
                out.println("cvr:       " + p.cvr());
                out.println("industry:  " + (p.industryCode() == null ? "-" : p.industryCode()));
                out.println("address:   " + (p.address() == null ? "-" : p.address().oneLine()));
            } else {
                Optional<CompanyRecord> c = client.lookupCompany(number);
                if (c.isEmpty()) {
                    out.println("no company " + number.strip());
                    out.flush();
                    return ExitCodes.NOT_FOUND;
                }
                CompanyRecord r = c.get();
                out.println("cvr:       " + r.cvr());
                out.println("name:      " + r.name());
                out.println("status:    " + r.status() + (r.active() ? "" : " (not active)"));
                out.println("industry:  " + (r.industryCode() == null ? "-" : r.industryCode()));
                out.println("address:   " + (r.address() == null ? "-" : r.address().oneLine()));
                out.println("p-numbers: " + (r.productionUnits().isEmpty() ? "-" : String.join(", ", r.productionUnits())));
            }
            out.flush();
            return ExitCodes.OK;
        }
    }
}

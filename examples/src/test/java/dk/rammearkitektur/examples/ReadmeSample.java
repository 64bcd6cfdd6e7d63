package dk.rammearkitektur.examples;

import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

/** The code sample the README quotes verbatim between the markers; {@code ReadmeSampleTest} keeps them equal. */
final class ReadmeSample {
    private ReadmeSample() {
    }

    // README-SAMPLE-BEGIN
    static Case openSicknessBenefitCase(Environment environment, Path systemP12, char[] password,
            List<X509Certificate> tlsAnchors, List<X509Certificate> stsCertificates, String municipalityCvr,
            String cpr, Caseworker caseworker, OrganisationUnit unit) {
        try (ServiceplatformClient sp = ServiceplatformClient.builder()
                .environment(environment)                  // Environment.TEST, PRODUCTION or your own
                .systemCertificate(systemP12, password)    // the municipality's OCES3 system certificate
                .trustAnchors(tlsAnchors)
                .stsToken(municipalityCvr)                 // STS token auth model, tokens cached per service
                .stsCertificates(stsCertificates)
                .build()) {
            PersonRecord citizen = sp.lookupPerson(cpr)   // SF1520 over mutual TLS, WS-Security signed
                    .orElseThrow(() -> new ValidationException("cpr", "is not in the CPR register"));
            return Case.builder()
                    .id(CaseId.random()).caseNumber("2026-32.18.00-G01-1").title("Sygedagpenge")
                    .classification(KleNumber.parse("32.18.00 G01"))
                    .caseworker(caseworker).owningUnit(unit)
                    .addParty(citizen.toParty(PartyId.random()), PartyRole.PRIMARY_PARTY)
                    .build();                              // validated: ValidationException names the field
        }
    }
    // README-SAMPLE-END
}

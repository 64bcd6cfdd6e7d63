package dk.rammearkitektur.testkit.junit;

import dk.rammearkitektur.clients.serviceplatform.CprSubscriptionService;
import dk.rammearkitektur.clients.serviceplatform.CvrOnlineService;
import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.PersonBaseDataExtendedService;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.time.Duration;
import java.util.List;

/** Configures {@link ServiceplatformClient}s to call a running {@link ServiceplatformSimulator}. */
public final class SimulatorClients {
    /** The password of the PKCS#12 system certificate handed to clients. */
    public static final String PASSWORD = "simulator";

    private SimulatorClients() {
    }

    /**
     * A builder for a client of {@code sim} with the STS token auth model: tokens for the simulator's municipality
     * CVR from the given STS endpoint, the simulator's STS certificate pinned, otherwise as
     * {@link #invocationContext(ServiceplatformSimulator)}.
     */
    public static ServiceplatformClient.Builder stsToken(ServiceplatformSimulator sim, StsProtocol protocol) {
        char[] pw = PASSWORD.toCharArray();
        return ServiceplatformClient.builder()
                .environment(Environment.custom(sim.baseUri()))
                .systemCertificate(sim.systemIdentity().pkcs12(pw), pw)
                .trustAnchors(List.of(sim.tlsTrustAnchor()))
                .timeouts(Timeouts.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .retryPolicy(RetryPolicy.none())
                .stsToken(sim.municipalityCvr())
                .stsProtocol(protocol)
                .stsCertificates(List.of(sim.stsCertificate()));
    }

    /**
     * A builder for a Klassifikation (SF1510) client of {@code sim}, configured as {@link #stoettesystemer}. Adjust
     * and build.
     */
    public static dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient.Builder klassifikation(
            ServiceplatformSimulator sim) {
        return stoettesystemer(dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient.builder(), sim);
    }

    /**
     * A builder for an Organisation (SF1500 Bruger, OrganisationEnhed, OrganisationFunktion) client of {@code sim},
     * configured as {@link #stoettesystemer}. Adjust and build.
     */
    public static dk.rammearkitektur.clients.stoettesystemer.OrganisationClient.Builder organisation(
            ServiceplatformSimulator sim) {
        return stoettesystemer(dk.rammearkitektur.clients.stoettesystemer.OrganisationClient.builder(), sim);
    }

    /**
     * A builder for a Sags- og Dokumentindeks (SF1470) client of {@code sim} on {@code klassifikation} (a client of
     * the same simulator): the owner is the organisation of the simulator's municipality CVR, the IT system the
     * seeded master system ({@code SagDokumentIndeksData.SEEDED_MASTER_SYSTEM}). Adjust and build.
     */
    public static dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient.Builder caseIndex(
            ServiceplatformSimulator sim, dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient klassifikation) {
        IndexIdentity id = IndexIdentity.of(sim);
        return dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient.builder().klassifikation(klassifikation)
                .owner(id.owner(), sim.municipalityCvr(), id.ownerName()).itSystem(id.master(), id.masterName());
    }

    /**
     * A Ydelsesindeks client builder on {@code klassifikation} for {@code sim}, configured as {@link #caseIndex}: the
     * owner is the organisation of the simulator's municipality CVR, the IT system the seeded master system. Adjust
     * and build.
     */
    public static dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient.Builder benefitIndex(
            ServiceplatformSimulator sim, dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient klassifikation) {
        IndexIdentity id = IndexIdentity.of(sim);
        return dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient.builder().klassifikation(klassifikation)
                .owner(id.owner(), sim.municipalityCvr(), id.ownerName()).itSystem(id.master(), id.masterName());
    }

    /** The simulator's municipality organisation and its seeded master IT system, as both indexes know them. */
    private record IndexIdentity(java.util.UUID owner, String ownerName, java.util.UUID master, String masterName) {
        static IndexIdentity of(ServiceplatformSimulator sim) {
            dk.rammearkitektur.testkit.serviceplatform.SimulatorData.Organisation org = sim.data()
                    .organisation(sim.municipalityCvr()).orElseThrow(() -> new IllegalStateException(
                            "the simulator has no organisation for its municipality CVR"));
            java.util.UUID master = dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData.SEEDED_MASTER_SYSTEM;
            return new IndexIdentity(org.uuid(), org.name(), master,
                    sim.sagDokumentIndeks().itSystem(master).orElseThrow().name());
        }
    }

    /**
     * Configures a support-systems client's {@code builder} for {@code sim}: the simulator's environment
     * ({@code StoettesystemerEnvironment.custom}), its system certificate (PKCS#12), its TLS trust anchor, its STS
     * certificate and municipality CVR, timeouts of 2 s connect, 5 s read, 10 s total, and no retries.
     */
    public static <B extends dk.rammearkitektur.clients.stoettesystemer.StoettesystemerClientBuilder<B>> B
            stoettesystemer(B builder, ServiceplatformSimulator sim) {
        char[] pw = PASSWORD.toCharArray();
        return builder
                .environment(dk.rammearkitektur.clients.stoettesystemer.StoettesystemerEnvironment.custom(sim.baseUri()))
                .systemCertificate(sim.systemIdentity().pkcs12(pw), pw)
                .trustAnchors(List.of(sim.tlsTrustAnchor()))
                .timeouts(Timeouts.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .retryPolicy(RetryPolicy.none())
                .authorityCvr(sim.municipalityCvr())
                .stsCertificates(List.of(sim.stsCertificate()));
    }

    /**
     * A builder for a client of {@code sim} with the InvocationContext auth model: the simulator's environment, its
     * system certificate (PKCS#12), its TLS trust anchor, the registered user system, user and service agreements (SF1520, SF1530, SF6002;
     * SF1500 Organisation 6 has no InvocationContext model, use {@link #stsToken}),
     * timeouts of 2 s connect, 5 s read, 10 s total, and no retries. Adjust and build.
     */
    public static ServiceplatformClient.Builder invocationContext(ServiceplatformSimulator sim) {
        char[] pw = PASSWORD.toCharArray();
        return ServiceplatformClient.builder()
                .environment(Environment.custom(sim.baseUri()))
                .systemCertificate(sim.systemIdentity().pkcs12(pw), pw)
                .trustAnchors(List.of(sim.tlsTrustAnchor()))
                .timeouts(Timeouts.of(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(10)))
                .retryPolicy(RetryPolicy.none())
                .invocationContext(sim.userSystemUuid(), sim.userUuid())
                .serviceAgreement(PersonBaseDataExtendedService.INSTANCE, sim.serviceAgreement("SF1520"))
                .serviceAgreement(CvrOnlineService.INSTANCE, sim.serviceAgreement("SF1530"))
                .serviceAgreement(CprSubscriptionService.INSTANCE, sim.serviceAgreement("SF6002"));
    }
}

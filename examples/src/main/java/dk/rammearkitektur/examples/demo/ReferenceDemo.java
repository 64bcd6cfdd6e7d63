package dk.rammearkitektur.examples.demo;

import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.DigitalPostEnvironment;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.KombiXml;
import dk.rammearkitektur.clients.digitalpost.MemoLetters;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MemoXml;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.SendReceipt;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.clients.serviceplatform.CompanyRecord;
import dk.rammearkitektur.clients.serviceplatform.Environment;
import dk.rammearkitektur.clients.serviceplatform.OrganisationRecord;
import dk.rammearkitektur.clients.serviceplatform.PersonRecord;
import dk.rammearkitektur.clients.serviceplatform.ServiceplatformClient;
import dk.rammearkitektur.clients.common.StsProtocol;
import dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.BenefitSync;
import dk.rammearkitektur.clients.stoettesystemer.CaseIndexClient;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.clients.stoettesystemer.IndexedCase;
import dk.rammearkitektur.clients.stoettesystemer.IndexedGrant;
import dk.rammearkitektur.clients.stoettesystemer.IndexedPayment;
import dk.rammearkitektur.clients.stoettesystemer.KlassifikationClient;
import dk.rammearkitektur.clients.stoettesystemer.StoettesystemerEnvironment;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.RetryPolicy;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.core.Timeouts;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.BenefitStatus;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Caseworker;
import dk.rammearkitektur.model.ClassificationCode;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.DatePeriod;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentDirection;
import dk.rammearkitektur.model.DocumentId;
import dk.rammearkitektur.model.DocumentPart;
import dk.rammearkitektur.model.DocumentRole;
import dk.rammearkitektur.model.DocumentType;
import dk.rammearkitektur.model.DocumentVariant;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.Frequency;
import dk.rammearkitektur.model.PaymentTiming;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.model.Payment;
import dk.rammearkitektur.model.Money;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.JournalEntry;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.PartyRole;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.Registration;
import dk.rammearkitektur.model.Validity;
import dk.rammearkitektur.model.VariantKind;
import dk.rammearkitektur.model.json.RammearkitekturJson;
import dk.rammearkitektur.signing.OcesIdentity;
import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.certificates.CertificateReport;
import dk.rammearkitektur.signing.certificates.CertificateValidator;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerClient;
import dk.rammearkitektur.clients.beskedfordeler.BeskedfordelerEnvironment;
import dk.rammearkitektur.clients.beskedfordeler.EventSubscription;
import dk.rammearkitektur.testkit.beskedfordeler.BeskedfordelerSimulator;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.MailboxEntry;
import dk.rammearkitektur.testkit.digitalpost.PostStatusEvent;
import dk.rammearkitektur.testkit.digitalpost.PrintedLetter;
import dk.rammearkitektur.testkit.digitalpost.SmsMessage;
import dk.rammearkitektur.testkit.pki.TestPki;
import dk.rammearkitektur.testkit.serviceplatform.SagDokumentIndeksData;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import dk.rammearkitektur.testkit.serviceplatform.SimulatorData;
import dk.rammearkitektur.testkit.serviceplatform.YdelsesIndeksData;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The reference demo: a sickness-benefit case (sygedagpengesag) followed through a municipality against the embedded
 * simulators of Serviceplatformen (with its STS and the støttesystemer Klassifikation, Sags- og Dokumentindeks and
 * Ydelsesindeks) and Digital Post, over loopback HTTPS with mutual TLS, in nine steps: the system certificate, an STS token, CPR and CVR
 * lookups, the case, the decision letter by Digital Post with a NemSMS notification and a printed copy for a recipient
 * exempt from Digital Post, the receipts journalised with the case printed as JSON with its history, and the case and
 * its documents indexed in the Sags- og Dokumentindeks (SF1470) from that history, updated when the case is decided,
 * and found again by the citizen's CPR number, the granted benefit and its first payment reported to the Ydelsesindeks
 * (SF1490) and read back, and the letters' delivery statuses (PKO_PostStatus) received from the
 * Beskedfordeler (SF1461, AMQP over TLS, on an embedded broker) and matched to the receipts. Every line it prints comes
 * from a real call; CPR numbers are masked.
 *
 * <p>Run it with {@code java -jar cli/target/rammearkitektur-cli.jar demo}, or embed it with {@link #run(PrintWriter)}.
 * It binds only to {@code 127.0.0.1} on free ports, writes no files, and stops everything it started, so it can run
 * any number of times in one JVM.
 */
public final class ReferenceDemo {
    /** The number of steps the demo prints. */
    public static final int STEPS = 9;
    /** The seed of the test PKI the demo uses (the simulators' default). */
    static final long PKI_SEED = 1;
    /** A fictitious citizen exempt from Digital Post (fritaget), added to the simulated CPR register. */
    static final String EXEMPT_CPR = "1208471236";

    private static final String KLE = "32.18.00 G01";
    /** The clients log every token the STS issues (entity id, time taken, expiry) here at debug level. */
    private static final String TOKEN_LOGGER = "dk.rammearkitektur.clients.serviceplatform.sts";
    private static final String BENEFIT_SCHEME = "KL-ydelser";
    private static final ZoneId DANISH_TIME = ZoneId.of("Europe/Copenhagen");
    /**
     * The published SF1470 operations schema under the simulator's contracts folder: the simulator validates SF1470
     * requests against it when the folder holds it, else against the SDK's own SF1470 contract subset.
     */
    private static final String SF1470_CONTRACT =
            "sf1470-sagdokumentindeks-6/wsdl/xsd/6.0.STS-0/SagDokumentIndeksOperationer.xsd";
    private static final String SF1490_CONTRACT =
            "sf1490-ydelsesindeks-6/xsd/6.0.STS-0/YdelseIndeksOperationer.xsd";

    private final StepLog log;
    private final Clock clock = Clock.systemUTC();

    private ReferenceDemo(PrintWriter out) {
        this.log = new StepLog(out, STEPS);
    }

    /**
     * Runs the demo and prints its log to {@code out} in the platform's default charset.
     *
     * @param out where the log goes
     * @return the exit code: 0 when all nine steps succeeded, 1 otherwise
     */
    public static int run(PrintStream out) {
        Objects.requireNonNull(out, "out == null");
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, Charset.defaultCharset()), true);
        int code = run(w);
        w.flush();
        return code;
    }

    /**
     * Runs the demo and prints its log to {@code out}.
     *
     * @param out where the log goes
     * @return the exit code: 0 when all nine steps succeeded, 1 otherwise
     */
    public static int run(PrintWriter out) {
        Objects.requireNonNull(out, "out == null");
        ReferenceDemo demo = new ReferenceDemo(out);
        try {
            return demo.execute();
        } catch (RammearkitekturException | IllegalStateException e) {
            demo.log.line("FAILED: " + e.getClass().getSimpleName() + ": " + e.getMessage());
            return 1;
        }
    }

    /** Runs the demo on standard output and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(System.out));
    }

    private int execute() {
        long demoStarted = System.nanoTime();
        log.line("rammearkitektur reference demo: a sickness-benefit (sygedagpenge) case through a municipality");
        long t = System.nanoTime();
        TestPki pki = TestPki.generateFast(PKI_SEED);
        try (ServiceplatformSimulator platform = ServiceplatformSimulator.builder().pki(pki).build().start();
                DigitalPostSimulator digitalPost = DigitalPostSimulator.builder().pki(pki).build().start();
                BeskedfordelerSimulator beskedfordeler = BeskedfordelerSimulator.builder().sts(platform).start()) {
            log.line("Simulators on 127.0.0.1 (mutual TLS, test PKI seed " + PKI_SEED + ", RSA 2048) started in "
                    + StepLog.millisSince(t) + " ms:");
            log.line("  Serviceplatformen + STS  " + platform.baseUri());
            log.line("  Digital Post + STS       " + digitalPost.baseUri());
            log.line("  Beskedfordeler (AMQP)    amqps://" + beskedfordeler.host() + ":" + beskedfordeler.port() + "/"
                    + BeskedfordelerSimulator.VIRTUAL_HOST + " (embedded Qpid Broker-J, started in "
                    + beskedfordeler.startupTime().toMillis() + " ms)");
            log.line("");
            Scenario s = new Scenario(platform, digitalPost, beskedfordeler);
            s.loadCertificate();
            try (ClientLogTap tokens = new ClientLogTap(TOKEN_LOGGER);
                    ServiceplatformClient sp = s.serviceplatformClient();
                    DigitalPostClient dp = s.digitalPostClient();
                    KlassifikationClient klassifikation = s.klassifikationClient()) {
                s.tokens = tokens;
                s.fetchToken(sp);
                s.lookUp(sp);
                s.createCase();
                s.sendDecision(sp, dp);
                s.journaliseReceipts();
                s.indexCase(klassifikation);
                s.reportBenefit(klassifikation);
                s.receiveStatuses();
            }
            s.summary(StepLog.millisSince(demoStarted));
            return s.failures == 0 ? 0 : 1;
        }
    }

    /** The state of one run, filled step by step. */
    private final class Scenario {
        private final ServiceplatformSimulator platform;
        private final DigitalPostSimulator digitalPost;
        private final BeskedfordelerSimulator beskedfordeler;
        private final UUID dueslag;
        private final char[] password = UUID.randomUUID().toString().toCharArray();
        private byte[] pkcs12;
        private SigningCredential credential;
        private OcesIdentity identity;
        private String municipalityCvr;
        private Caseworker caseworker;
        private OrganisationUnit owningUnit;
        private String municipalityName;
        private UUID organisationUuid;
        private PersonRecord citizen;
        private PersonRecord representative;
        private CompanyRecord employer;
        private Person citizenParty;
        private Person representativeParty;
        private Case theCase;
        private History<Case> history;
        private final List<Sent> sent = new ArrayList<>();
        private final List<Long> durations = new ArrayList<>();
        private int failures;
        private int serviceCalls;
        private ClientLogTap tokens;

        /** A send and its receipt, with what it was about. */
        private record Sent(String what, String recipientCpr, UUID messageUuid, SendReceipt receipt) {
        }

        Scenario(ServiceplatformSimulator platform, DigitalPostSimulator digitalPost,
                BeskedfordelerSimulator beskedfordeler) {
            this.platform = platform;
            this.digitalPost = digitalPost;
            this.beskedfordeler = beskedfordeler;
            // the municipality's dueslag for PKO_PostStatus, as set up in the Beskedfordeler's administration module
            this.dueslag = beskedfordeler.createDueslag(platform.municipalityCvr());
            beskedfordeler.subscribe(dueslag, PostStatusEvent.BESKEDTYPE);
            beskedfordeler.followDigitalPost(digitalPost);
            platform.data().add(new SimulatorData.Person(EXEMPT_CPR, "Else", null, "Poulsen", LocalDate.of(1947, 8, 12),
                    1, "E", new SimulatorData.Address("Ældrevej", "4", null, null, null, "8000", "Aarhus C", 751),
                    false, null));
            digitalPost.exemptFromDigitalPost(EXEMPT_CPR);
            digitalPost.registerForNemSms(SimulatorData.CPR_ACTIVE_1900S);
        }

        void loadCertificate() {
            log.begin(1, "Load the municipality's system certificate (OCES3 organisation certificate, test PKI)");
            pkcs12 = platform.pki().oces3Organisation().pkcs12(password);
            credential = SigningCredential.fromPkcs12(pkcs12, password);
            identity = OcesIdentity.of(credential.certificate());
            municipalityCvr = identity.cvr().orElseThrow(() -> new IllegalStateException("no CVR in the certificate"));
            log.detail("loaded", "PKCS#12 (" + pkcs12.length + " bytes): " + keyDescription(credential)
                    + " key, chain of " + credential.chain().size() + " certificate(s)");
            log.detail("identity", identity.generation() + " " + identity.kind().name().toLowerCase(Locale.ROOT)
                    + " certificate, CVR " + municipalityCvr + ", " + identity.identifier());
            log.detail("subject", identity.subject());
            CertificateValidator.Builder vb = CertificateValidator.builder().trustAnchors(platform.pki().trustAnchors())
                    .ocsp(false).fetchCrls(false).clock(clock);
            platform.pki().crls().forEach(vb::crl);
            CertificateValidator validator = vb.build();
            List<X509Certificate> chain = new ArrayList<>(credential.chain());
            CertificateReport report = validator.validate(withIssuingCa(chain));
            log.detail("trusted", report.trusted()
                    ? "yes: path of " + report.path().size() + " to the test OCES3 root, revocation "
                    + report.revocation() + " (CRL)"
                    : "NO: " + report.summary());
            check(report.trusted(), "the system certificate is not trusted");
            log.detail("sha-256", fingerprint(credential.certificate()));
            durations.add(log.end());
        }

        private List<X509Certificate> withIssuingCa(List<X509Certificate> chain) {
            X509Certificate ca = platform.pki().oces3IssuingCa();
            if (!chain.contains(ca)) {
                chain.add(ca);
            }
            return chain;
        }

        ServiceplatformClient serviceplatformClient() {
            return ServiceplatformClient.builder()
                    .environment(Environment.custom(platform.baseUri()))
                    .systemCertificate(pkcs12, password)
                    .trustAnchors(List.of(platform.tlsTrustAnchor()))
                    .stsToken(municipalityCvr)
                    .stsProtocol(StsProtocol.SOAP)
                    .stsCertificates(List.of(platform.stsCertificate()))
                    .timeouts(Timeouts.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20)))
                    .retryPolicy(RetryPolicy.none())
                    .clock(clock)
                    .build();
        }

        DigitalPostClient digitalPostClient() {
            return DigitalPostClient.builder()
                    .environment(DigitalPostEnvironment.custom(digitalPost.baseUri()))
                    .systemCertificate(pkcs12, password)
                    .trustAnchors(List.of(digitalPost.tlsTrustAnchor()))
                    .stsCertificates(List.of(digitalPost.stsCertificate()))
                    .authorityCvr(municipalityCvr)
                    .timeouts(Timeouts.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20)))
                    .clock(clock)
                    .build();
        }

        /**
         * The Klassifikation (SF1510) client the index client is built on: the same system certificate, the
         * Støttesystemer endpoints of the simulator, tokens from its STS for the municipality's CVR.
         */
        KlassifikationClient klassifikationClient() {
            return KlassifikationClient.builder()
                    .environment(StoettesystemerEnvironment.custom(platform.baseUri()))
                    .systemCertificate(pkcs12, password)
                    .trustAnchors(List.of(platform.tlsTrustAnchor()))
                    .authorityCvr(municipalityCvr)
                    .stsProtocol(StsProtocol.SOAP)
                    .stsCertificates(List.of(platform.stsCertificate()))
                    .timeouts(Timeouts.of(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(20)))
                    .retryPolicy(RetryPolicy.none())
                    .clock(clock)
                    .build();
        }

        /**
         * The Sags- og Dokumentindeks (SF1470) client on {@code klassifikation}: the cases' owner is the municipality's
         * organisation as SF1500 gave it in step 2; the IT system (Master and Afsender) is the one the simulated index
         * knows, where a real fagsystem names its own registered IT-system instance.
         */
        CaseIndexClient caseIndexClient(KlassifikationClient klassifikation) {
            UUID master = SagDokumentIndeksData.SEEDED_MASTER_SYSTEM;
            String system = platform.sagDokumentIndeks().itSystem(master)
                    .orElseThrow(() -> new IllegalStateException("the simulated index knows no master IT system"))
                    .name();
            return CaseIndexClient.builder().klassifikation(klassifikation)
                    .owner(organisationUuid, municipalityCvr, municipalityName)
                    .itSystem(master, system)
                    .build();
        }

        /** The Ydelsesindeks (SF1490) client on {@code klassifikation}, with the case index's owner and IT system. */
        BenefitIndexClient benefitIndexClient(KlassifikationClient klassifikation) {
            UUID master = SagDokumentIndeksData.SEEDED_MASTER_SYSTEM;
            return BenefitIndexClient.builder().klassifikation(klassifikation)
                    .owner(organisationUuid, municipalityCvr, municipalityName)
                    .itSystem(master, platform.sagDokumentIndeks().itSystem(master).orElseThrow().name())
                    .build();
        }

        void fetchToken(ServiceplatformClient sp) {
            log.begin(2, "Fetch a token from the STS and call Organisation (SF1500) with it");
            int before = platform.requestCount("STS");
            long t = System.nanoTime();
            OrganisationRecord org = sp.readOrganisation(municipalityCvr);
            long ms = StepLog.millisSince(t);
            serviceCalls++;
            int stsCalls = platform.requestCount("STS") - before;
            log.detail("called", "STS WS-Trust 1.3 Issue (" + stsCalls + " call), then SF1500 FremsoegObjekthierarki ("
                    + platform.requestCount("SF1500") + " call), " + ms + " ms together");
            printTokens("SAML 2.0 holder-of-key token for CVR " + municipalityCvr + ", bound to the system"
                    + " certificate; the client checked its signature against the pinned STS certificate");
            log.detail("signed", "the token request and the SF1500 call, each with a WS-Security signature by "
                    + identity.commonName() + " over Timestamp, Body and WS-Addressing headers; the strict"
                    + " simulator verified both (" + platform.violations().size() + " conformance violations)");
            check(stsCalls == 1, "expected exactly one STS call");
            municipalityName = org.name();
            organisationUuid = org.organisationUuid();
            OrganisationRecord.Unit jobcenter = org.units().stream().filter(u -> u.name().equals("Jobcenter")).findFirst()
                    .orElse(org.units().get(0));
            OrganisationRecord.User user = org.users().stream().filter(u -> u.units().contains(jobcenter.uuid()))
                    .findFirst().orElse(org.users().get(0));
            owningUnit = jobcenter.toParty();
            caseworker = Caseworker.of(user.uuid(), user.name());
            log.detail("result", org.name() + ": " + org.units().size() + " units, " + org.users().size()
                    + " users; the case goes to " + jobcenter.name() + ", caseworker " + user.name());
            durations.add(log.end());
        }

        void lookUp(ServiceplatformClient sp) {
            log.begin(3, "Look up the citizen in CPR (SF1520) and the employer in CVR (SF1530)");
            int stsBefore = platform.requestCount("STS");
            long t = System.nanoTime();
            citizen = sp.lookupPerson(SimulatorData.CPR_ACTIVE_1900S)
                    .orElseThrow(() -> new IllegalStateException("the citizen is not in the CPR register"));
            log.detail("CPR", "PersonLookup " + PersonalData.maskCpr(citizen.cpr()) + " -> " + citizen.name() + ", "
                    + citizen.status().name().toLowerCase(Locale.ROOT) + ", " + address(citizen) + " ("
                    + StepLog.millisSince(t) + " ms)");
            t = System.nanoTime();
            representative = sp.lookupPerson(EXEMPT_CPR)
                    .orElseThrow(() -> new IllegalStateException("the representative is not in the CPR register"));
            log.detail("CPR", "PersonLookup " + PersonalData.maskCpr(representative.cpr()) + " -> "
                    + representative.name() + " (the citizen's representative), " + address(representative) + " ("
                    + StepLog.millisSince(t) + " ms)");
            t = System.nanoTime();
            employer = sp.lookupCompany(SimulatorData.CVR_ACTIVE)
                    .orElseThrow(() -> new IllegalStateException("the employer is not in the CVR register"));
            log.detail("CVR", "getLegalUnit " + employer.cvr() + " -> " + employer.name() + ", "
                    + (employer.active() ? "active" : "not active") + ", " + employer.productionUnits().size()
                    + " production units (" + StepLog.millisSince(t) + " ms)");
            serviceCalls += 3;
            int stsCalls = platform.requestCount("STS") - stsBefore;
            log.detail("STS", stsCalls + " more call(s): one token per service (SF1520, SF1530), each cached;"
                    + " the second CPR lookup reused the SF1520 token");
            printTokens(null);
            log.detail("signed", "each call: WS-Security signature by the system certificate, the token as key"
                    + " reference; verified by the simulator (" + platform.violations().size() + " violations)");
            check(stsCalls == 2, "expected one STS call per new service");
            durations.add(log.end());
        }

        void createCase() {
            log.begin(4, "Create the case: citizen as primary party, KLE classification, benefit application");
            Instant now = clock.instant();
            LocalDate today = LocalDate.ofInstant(now, DANISH_TIME);
            citizenParty = citizen.toParty(PartyId.random());
            representativeParty = representative.toParty(PartyId.random());
            Company employerParty = employer.toParty(PartyId.random());
            byte[] application = ("Anmodning om sygedagpenge fra " + citizen.name() + ", første fraværsdag "
                    + today.minusDays(21) + ", arbejdsgiver " + employer.name() + " (CVR " + employer.cvr() + ")\n")
                    .getBytes(StandardCharsets.UTF_8);
            Document applicationDocument = Document.builder().id(DocumentId.random())
                    .title("Anmodning om sygedagpenge").letterDate(today).type(DocumentType.APPLICATION)
                    .direction(DocumentDirection.INCOMING)
                    .addVariant(variant(VariantKind.PRODUCTION, "anmodning.txt", "text/plain", application)).build();
            Benefit benefit = Benefit.builder().id(BenefitId.random())
                    .type(ClassificationCode.of(BENEFIT_SCHEME, "Sygedagpenge"))
                    .recipient(citizenParty.id()).amount(new BigDecimal("4955.00")).frequency(Frequency.WEEKLY)
                    .status(BenefitStatus.APPLIED).legalBasis("Lov om sygedagpenge").build();
            theCase = Case.builder().id(CaseId.random())
                    .caseNumber(today.getYear() + "-32.18.00-G01-" + (1000 + Math.floorMod(now.getNano(), 9000)))
                    .title("Sygedagpenge").classification(KleNumber.parse(KLE))
                    .caseworker(caseworker).owningUnit(owningUnit)
                    .addParty(citizenParty, PartyRole.PRIMARY_PARTY)
                    .addParty(employerParty, PartyRole.SECONDARY_PARTY)
                    .addParty(representativeParty, PartyRole.REPRESENTATIVE)
                    .addDocument(JournalEntry.of(applicationDocument, today, DocumentRole.MAIN_DOCUMENT))
                    .addBenefit(benefit).build();
            Instant created = now.truncatedTo(ChronoUnit.MILLIS); // the index carries milliseconds
            history = History.start(created, caseworker.name(), "case created from the application",
                    List.of(Effect.of(Validity.from(created), theCase)));
            Case back = RammearkitekturJson.read(RammearkitekturJson.write(theCase), Case.class);
            log.detail("case", theCase.caseNumber() + " \"" + theCase.title() + "\", KLE " + theCase.classification()
                    + ", " + theCase.status() + ", owner " + owningUnit.name() + " (" + caseworker.name() + ")");
            log.detail("parties", "primary " + citizenParty.name() + " (CPR " + citizenParty.cpr() + "), employer "
                    + employerParty.name() + " (CVR " + employerParty.cvr().value() + "), representative "
                    + representativeParty.name() + " (CPR " + representativeParty.cpr() + ")");
            log.detail("benefit", "Sygedagpenge DKK " + benefit.amount().toPlainString() + " "
                    + benefit.frequency().name().toLowerCase(Locale.ROOT) + ", " + benefit.status());
            log.detail("journal", "application journalised as " + DocumentRole.MAIN_DOCUMENT + " ("
                    + application.length + " bytes, SHA-256 " + sha256(application).substring(0, 16) + "...)");
            log.detail("checked", "model rules on build; JSON round trip "
                    + (back.equals(theCase) ? "gives an equal case" : "DIFFERS"));
            check(back.equals(theCase), "the JSON round trip changed the case");
            durations.add(log.end());
        }

        void sendDecision(ServiceplatformClient sp, DigitalPostClient dp) {
            log.begin(5, "Produce the decision letter (PDF), journalise it, send it by Digital Post with NemSMS;"
                    + " print for the exempt");
            Instant now = later(clock.instant());
            LocalDate today = LocalDate.ofInstant(now, DANISH_TIME);
            byte[] pdf = DecisionPdf.letter("Afgørelse om sygedagpenge", List.of(
                    municipalityName + ", " + owningUnit.name(), "",
                    "Til " + citizen.name() + " (CPR " + PersonalData.maskCpr(citizen.cpr()) + ")", "",
                    "Du har ret til sygedagpenge fra " + today.minusDays(21) + ".",
                    "Beløb: DKK 4955.00 om ugen. Lovgrundlag: lov om sygedagpenge.",
                    "Sagsnummer: " + theCase.caseNumber(), "",
                    "Med venlig hilsen", caseworker.name()));
            Document decision = Document.builder().id(DocumentId.random()).title("Afgørelse om sygedagpenge")
                    .letterDate(today).type(DocumentType.DECISION).direction(DocumentDirection.OUTGOING)
                    .addVariant(variant(VariantKind.ARCHIVE, "afgoerelse-sygedagpenge.pdf", "application/pdf", pdf))
                    .build();
            Benefit granted = theCase.benefits().get(0).toBuilder()
                    .grantPeriod(DatePeriod.startingOn(today.minusDays(21))).addDecisionDocument(decision.id()).build()
                    .withStatus(BenefitStatus.GRANTED);
            theCase = theCase.toBuilder().addDocument(JournalEntry.of(decision, today, DocumentRole.DECISION))
                    .benefits(List.of(granted)).build().withStatus(CaseStatus.IN_PROGRESS);
            history = history.register(now, caseworker.name(), "decision journalised, benefit granted",
                    List.of(Effect.of(Validity.from(now), theCase)));
            log.detail("pdf", "afgoerelse-sygedagpenge.pdf, " + pdf.length + " bytes, SHA-256 "
                    + sha256(pdf).substring(0, 16) + "..., journalised as " + DocumentRole.DECISION
                    + "; benefit " + granted.status() + ", case " + theCase.status());

            int stsBefore = digitalPost.requestCount("STS");
            long t = System.nanoTime();
            boolean citizenDigital = dp.isRegisteredForDigitalPost(citizen.cpr());
            boolean citizenSms = dp.isRegisteredForNemSms(citizen.cpr());
            boolean repDigital = dp.isRegisteredForDigitalPost(representative.cpr());
            log.detail("asked", "PostForespoerg: citizen Digital Post " + yesNo(citizenDigital) + ", NemSMS "
                    + yesNo(citizenSms) + "; representative Digital Post " + yesNo(repDigital) + " ("
                    + StepLog.millisSince(t) + " ms)");

            Sender sender = Sender.cvr(municipalityCvr, municipalityName).build();
            MemoMessage letter = MemoLetters.letter(decision, citizenParty, FileContent.ofBytes(pdf), sender, now);
            int memoBytes = MemoXml.toBytes(letter).length;
            t = System.nanoTime();
            SendReceipt letterReceipt = dp.send(citizenDigital ? KombiRequest.digitalPost(letter)
                    : KombiRequest.automatic(letter, printShipment(citizen, decision, pdf)));
            sent.add(new Sent("Digital Post letter to the citizen", citizen.cpr(), letter.header().messageUuid(),
                    letterReceipt));
            log.detail("sent", "MeMo " + letter.version().attribute() + " letter (" + memoBytes + " bytes XML, messageUUID "
                    + letter.header().messageUuid() + ") by KombiPostAfsend: " + verdict(letterReceipt) + " ("
                    + StepLog.millisSince(t) + " ms)");

            if (citizenSms) {
                MemoMessage sms = MemoMessage.builder(MemoVersion.V1_2)
                        .header(MessageHeader.builder(MessageType.NEMSMS).label("Ny post fra " + municipalityName)
                                .notification("Du har fået en afgørelse om sygedagpenge i Digital Post.")
                                .sender(sender).recipient(Recipient.cpr(citizen.cpr()).build()).build())
                        .build();
                t = System.nanoTime();
                SendReceipt smsReceipt = dp.send(KombiRequest.nemSms(sms));
                sent.add(new Sent("NemSMS notification to the citizen", citizen.cpr(), sms.header().messageUuid(),
                        smsReceipt));
                log.detail("sent", "NemSMS notification: " + verdict(smsReceipt) + " (" + StepLog.millisSince(t)
                        + " ms)");
            }

            PersonRecord current = sp.lookupPerson(representative.cpr())
                    .orElseThrow(() -> new IllegalStateException("the representative left the CPR register"));
            serviceCalls++;
            MemoMessage copy = MemoLetters.letter(decision, representativeParty, FileContent.ofBytes(pdf), sender, now);
            KombiRequest automatic = KombiRequest.automatic(copy, printShipment(current, decision, pdf));
            int kombiBytes = KombiXml.toBytes(automatic).length;
            t = System.nanoTime();
            SendReceipt copyReceipt = dp.send(automatic);
            sent.add(new Sent("copy to the representative (automatic choice)", representative.cpr(),
                    copy.header().messageUuid(), copyReceipt));
            log.detail("sent", "copy to the representative, automatic choice with a print part (kombi_request "
                    + kombiBytes + " bytes, address from a fresh CPR lookup): " + verdict(copyReceipt) + " ("
                    + StepLog.millisSince(t) + " ms)");

            List<MailboxEntry> mailbox = digitalPost.mailbox(citizen.cpr());
            List<SmsMessage> smsOut = digitalPost.smsOutbox();
            List<PrintedLetter> printed = digitalPost.printQueue();
            boolean pdfArrived = mailbox.size() == 1 && mailbox.get(0).files().get(0).sha256().equals(sha256(pdf));
            boolean printedPdf = printed.size() == 1 && printed.get(0).letter().sha256().equals(sha256(pdf));
            log.detail("arrived", "citizen's mailbox " + mailbox.size() + " letter (PDF "
                    + (pdfArrived ? "identical" : "DIFFERENT") + "), SMS outbox " + smsOut.size() + ", print queue "
                    + printed.size() + " (" + (printed.isEmpty() ? "-" : printed.get(0).personName() + ", PDF "
                    + (printedPdf ? "identical" : "DIFFERENT")) + "), representative's mailbox "
                    + digitalPost.mailbox(representative.cpr()).size());
            log.detail("tokens", "Digital Post: STS (REST) " + (digitalPost.requestCount("STS") - stsBefore)
                    + " call(s) and " + digitalPost.requestCount("TOKEN") + " access-token exchange(s), one per service"
                    + " (PostForespoerg, KombiPostAfsend), reused by " + digitalPost.requestCount("LOOKUP")
                    + " lookups and " + digitalPost.requestCount("KOMBI") + " sends; the address lookup reused the"
                    + " SF1520 token (" + platform.requestCount("STS") + " Serviceplatformen STS calls in all)");
            printTokens(null);
            log.detail("signed", "the STS signed each SAML token (checked against the pinned STS certificate);"
                    + " possession of the key proven by mutual TLS with the system certificate");
            check(pdfArrived && printedPdf && (!citizenSms || smsOut.size() == 1), "a letter did not arrive");
            check(sent.stream().allMatch(s -> s.receipt().accepted()), "a send was refused");
            durations.add(log.end());
        }

        void journaliseReceipts() {
            log.begin(6, "Journalise the receipts on the case; print the case as JSON with its history");
            Instant now = later(clock.instant());
            LocalDate today = LocalDate.ofInstant(now, DANISH_TIME);
            Case.Builder b = theCase.toBuilder();
            int n = 0;
            for (Sent s : sent) {
                PostStatusEvent event = statusFor(s);
                byte[] content;
                String name;
                String mediaType;
                String what;
                if (event != null) {
                    DeliveryStatus status = DeliveryStatus.parse(event.openStream());
                    content = event.document();
                    name = "kvittering-" + (++n) + ".xml";
                    mediaType = "application/xml";
                    what = "PKO_PostStatus \"" + status.statusText() + "\" via " + status.channel();
                } else {
                    content = s.receipt().toString().getBytes(StandardCharsets.UTF_8);
                    name = "kvittering-" + (++n) + ".txt";
                    mediaType = "text/plain";
                    what = "send receipt (no delivery status yet)";
                }
                Document receipt = Document.builder().id(DocumentId.random()).title("Kvittering: " + s.what())
                        .letterDate(today).type(DocumentType.NOTE).direction(DocumentDirection.INCOMING)
                        .addVariant(variant(VariantKind.PRODUCTION, name, mediaType, content)).build();
                b.addDocument(JournalEntry.of(receipt, today, DocumentRole.CORRESPONDENCE));
                log.detail("journal", name + ": " + s.what() + ", " + what + ", transmission "
                        + s.receipt().transmissionId());
            }
            theCase = b.build();
            history = history.register(now, caseworker.name(), "receipts journalised",
                    List.of(Effect.of(Validity.from(now), theCase)));
            String json = RammearkitekturJson.write(theCase);
            log.detail("json", "the final case (" + json.length() + " characters; CPR numbers masked here):");
            for (String line : prettyJson(json).split("\n")) {
                log.line("        " + line);
            }
            log.detail("history", history.registrations().size() + " registrations (registrering), oldest first:");
            for (Registration<Case> r : history.registrations()) {
                Case value = r.valueAt(r.registeredFrom()).orElseThrow();
                log.line("        " + r.registeredFrom().truncatedTo(ChronoUnit.MILLIS) + "  " + r.actor() + ": "
                        + r.note().orElse("-") + " (status " + value.status() + ", " + value.documents().size()
                        + " documents, benefit " + value.benefits().get(0).status() + ")");
            }
            Case asFirstKnown = history.asOf(history.registrations().get(0).registeredFrom(), now).orElseThrow();
            log.detail("asOf", "what was known at creation: " + asFirstKnown.documents().size() + " document(s), "
                    + "benefit " + asFirstKnown.benefits().get(0).status());
            durations.add(log.end());
        }

        void indexCase(KlassifikationClient klassifikation) {
            log.begin(7, "Index the case and its documents in the Sags- og Dokumentindeks (SF1470) and find them"
                    + " again by the citizen");
            int stsBefore = platform.requestCount("STS");
            try {
                CaseIndexClient index = caseIndexClient(klassifikation);
                long t = System.nanoTime();
                boolean imported = index.sync(history);
                long ms = StepLog.millisSince(t);
                int sf1470 = platform.requestCount("SF1470");
                log.detail("synced", (imported ? "importer" : "opdater") + " after a fremsoeg found "
                        + (imported ? "no" : "the") + " case: 1 Sag + " + theCase.documents().size()
                        + " Dokumenter, the whole progress from " + history.registrations().size()
                        + " registrations (" + sf1470 + " SF1470 calls, " + platform.requestCount("SF1510")
                        + " SF1510 Klasse lookups for the KLE subject, action facet, roles and object types, looked up"
                        + " once and cached, "
                        + ms + " ms)");
                check(imported, "the index already held the new case");
                IndexedCase held = index.find(theCase.id()).orElse(null);
                check(held != null, "the index does not hold the case it imported");
                if (held != null) {
                    printIndexed("indexed", held);
                }

                Instant now = later(clock.instant());
                theCase = theCase.withStatus(CaseStatus.DECIDED);
                history = history.register(now, caseworker.name(), "decided (afgjort)",
                        List.of(Effect.of(Validity.from(now), theCase)));
                int before = platform.requestCount("SF1470");
                t = System.nanoTime();
                boolean importedAgain = index.sync(history);
                log.detail("decided", "case " + theCase.status() + " as registration " + history.registrations().size()
                        + "; sync: " + (importedAgain ? "importer" : "opdater") + " with the whole current picture ("
                        + (platform.requestCount("SF1470") - before) + " SF1470 calls, " + StepLog.millisSince(t)
                        + " ms)");
                check(!importedAgain, "the decided case was imported again instead of updated");

                Cpr cpr = citizenParty.cpr();
                t = System.nanoTime();
                List<IndexedCase> found = index.findByCpr(cpr);
                log.detail("found", found.size() + " case(s) in the index with CPR "
                        + PersonalData.maskCpr(cpr.value()) + " as a party (fremsoeg by Sagspart, "
                        + StepLog.millisSince(t) + " ms):");
                IndexedCase ours = null;
                for (IndexedCase c : found) {
                    String role = c.relations().stream()
                            .filter(r -> r.reference().equals("urn:oio:cpr-nr:" + cpr.value()))
                            .map(IndexRelation::roleName).filter(Objects::nonNull).findFirst().orElse("part");
                    log.line("        " + c.caseNumber() + "  \"" + c.title() + "\"  "
                            + c.status().map(Enum::name).orElse("?") + " since " + c.progress().get(
                                    c.progress().size() - 1).validity().start().truncatedTo(ChronoUnit.MILLIS)
                            + "  " + role + " (" + c.relations("Primær part").size() + " Primær part relation), CPR "
                            + PersonalData.maskCpr(cpr.value()) + ", " + journalposts(c) + " Journalpost relations");
                    if (c.id().equals(theCase.id())) {
                        ours = c;
                    }
                }
                check(ours != null, "the citizen's case was not found by CPR");
                if (ours != null) {
                    printIndexed("index", ours);
                    check(ours.status().orElse(null) == CaseStatus.DECIDED, "the index does not hold the case as "
                            + CaseStatus.DECIDED + " but " + ours.status().orElse(null));
                    check(journalposts(ours) == theCase.documents().size(), "the index holds " + journalposts(ours)
                            + " Journalpost relations for " + theCase.documents().size() + " documents");
                    check(ours.relations("Primær part").stream()
                            .anyMatch(r -> r.reference().equals("urn:oio:cpr-nr:" + cpr.value())),
                            "the citizen is not the case's primary party in the index");
                }
            } catch (ServiceFaultException e) {
                failures++;
                log.line("      PROBLEM   the index refused: " + e.faultCode() + " " + e.faultText());
                log.line(platform.conformanceReport().strip());
            }
            SagDokumentIndeksData store = platform.sagDokumentIndeks();
            log.detail("store", "the simulated index holds " + store.count(SagDokumentIndeksData.Kind.SAG) + " Sag and "
                    + store.count(SagDokumentIndeksData.Kind.DOKUMENT) + " Dokumenter; the case has "
                    + store.registrations(theCase.id().value()).size() + " registrations there (importer, opdater)");
            printTokens(null);
            log.detail("STS", (platform.requestCount("STS") - stsBefore) + " more call(s): one token for Klassifikation"
                    + " (SF1510) and one for the index (SF1470), each signed and checked against the pinned STS"
                    + " certificate; the index's usage rules checked every request ("
                    + platform.violations().size() + " violations)");
            check(store.count(SagDokumentIndeksData.Kind.SAG) == 1
                    && store.count(SagDokumentIndeksData.Kind.DOKUMENT) == theCase.documents().size(),
                    "the simulated index does not hold 1 Sag and " + theCase.documents().size() + " Dokumenter");
            durations.add(log.end());
        }

        void reportBenefit(KlassifikationClient klassifikation) {
            log.begin(8, "Report the sygedagpenge grant and its first payment to the Ydelsesindeks (SF1490) and read"
                    + " them back");
            Instant now = later(clock.instant());
            LocalDate today = LocalDate.ofInstant(now, DANISH_TIME);
            Benefit granted = theCase.benefits().get(0);
            LocalDate firstDay = granted.grantPeriod().orElseThrow().from();
            Payment payment = Payment.builder().id(PaymentId.random())
                    .benefitPeriod(DatePeriod.of(firstDay, firstDay.plusDays(6))).dispositionDate(today)
                    .gross(Money.dkk("4955.00")).afterTax(Money.dkk("3220.75")).sentForPayment(Money.dkk("3220.75"))
                    .paid(Money.dkk("3220.75")).build();
            Benefit paid = granted.toBuilder().paymentTiming(PaymentTiming.IN_ARREARS).dispositionDay("Torsdag")
                    .addPayment(payment).build();
            theCase = theCase.toBuilder().benefits(List.of(paid)).build();
            history = history.register(now, caseworker.name(), "first payment of sygedagpenge",
                    List.of(Effect.of(Validity.from(now), theCase)));
            log.detail("paid", "week " + firstDay + ".." + firstDay.plusDays(6) + ": DKK " + payment.gross().amount()
                    .toPlainString() + " gross, " + payment.sentForPayment().amount().toPlainString()
                    + " after tax and ATP paid on " + today + " (registration " + history.registrations().size() + ")");
            int stsBefore = platform.requestCount("STS");
            try {
                BenefitIndexClient index = benefitIndexClient(klassifikation);
                long t = System.nanoTime();
                BenefitSync done = index.sync(history, paid.id());
                log.detail("reported", (done.grantImported() ? "importer of the grant (Bevilling)" : "opdater of the grant")
                        + " with " + done.paymentsImported().size() + " payment (OekonomiskEffektuering) in one call,"
                        + " after a fremsoeg found neither (" + platform.requestCount("SF1490-YI") + " SF1490 calls, "
                        + StepLog.millisSince(t) + " ms)");
                check(done.grantImported() && done.paymentsImported().equals(List.of(payment.id())),
                        "the grant and its first payment were not both imported");
                IndexedGrant grant = index.findGrant(paid.id()).orElse(null);
                check(grant != null, "the index does not hold the grant it imported");
                if (grant != null) {
                    log.detail("grant", grant.benefitName() + " from " + grant.start() + ", DKK "
                            + (grant.amount() == null ? "?" : grant.amount().toPlainString()) + " per week; "
                            + grant.relations().size() + " relations: " + grant.relations().stream()
                            .map(r -> r.roleKey().orElse("?")).distinct().collect(java.util.stream.Collectors
                                    .joining(", ")));
                    check(grant.relations("Ydelsesmodtager").stream()
                            .anyMatch(r -> r.reference().equals("urn:oio:cpr-nr:" + citizenParty.cpr().value())),
                            "the citizen is not the grant's Ydelsesmodtager in the index");
                    check(grant.relations("Tilknyttet").stream()
                            .anyMatch(r -> r.reference().equals(theCase.id().value().toString())),
                            "the grant does not point at its case");
                }
                t = System.nanoTime();
                List<IndexedGrant> hers = index.findByCpr(citizenParty.cpr());
                List<IndexedPayment> payments = index.findPayments(paid.id());
                log.detail("found", hers.size() + " grant(s) in the Ydelsesindeks with CPR "
                        + PersonalData.maskCpr(citizenParty.cpr().value()) + " as a party, " + payments.size()
                        + " payment(s) of ours (" + StepLog.millisSince(t) + " ms):");
                for (IndexedPayment p : payments) {
                    log.line("        " + p.periodStart() + ".." + p.periodEnd() + "  disposition " + p.dispositionDate()
                            + "  gross DKK " + p.gross().toPlainString() + "  sent DKK "
                            + p.sentForPayment().toPlainString() + "  grant " + p.grant());
                }
                check(hers.stream().anyMatch(g -> g.id().equals(paid.id())), "the grant was not found by CPR");
                check(payments.size() == 1 && payments.get(0).gross().compareTo(payment.gross().amount()) == 0
                        && paid.id().equals(payments.get(0).grant()), "the index does not hold the payment as sent");
                int before = platform.requestCount("SF1490-YI");
                BenefitSync again = index.sync(history, paid.id());
                log.detail("again", "sync repeated: " + (again.grantImported() ? "imported again (PROBLEM)"
                        : "opdater of the grant and its payment, nothing imported twice") + " ("
                        + (platform.requestCount("SF1490-YI") - before) + " SF1490 calls)");
                check(!again.grantImported() && again.paymentsImported().isEmpty(), "a repeated sync imported again");
            } catch (ServiceFaultException e) {
                failures++;
                log.line("      PROBLEM   the Ydelsesindeks refused: " + e.faultCode() + " " + e.faultText());
                log.line(platform.conformanceReport().strip());
            }
            YdelsesIndeksData store = platform.ydelsesIndeks();
            log.detail("store", "the simulated Ydelsesindeks holds " + store.count(YdelsesIndeksData.Kind.BEVILLING)
                    + " Bevilling and " + store.count(YdelsesIndeksData.Kind.OEKONOMISK_EFFEKTUERING)
                    + " OekonomiskEffektuering; the grant has " + store.registrations(paid.id().value()).size()
                    + " registrations there (one per history registration that changed it, and the repeat's opdater)");
            printTokens(null);
            int stsCalls = platform.requestCount("STS") - stsBefore;
            log.detail("STS", stsCalls + " more call(s): one token for the Ydelsesindeks's three ports (one entity id);"
                    + " Klassifikation's token and its classes and KLE subject from step 7 reused");
            check(stsCalls == 1, "expected one STS call, for the Ydelsesindeks");
            check(store.count(YdelsesIndeksData.Kind.BEVILLING) == 1
                    && store.count(YdelsesIndeksData.Kind.OEKONOMISK_EFFEKTUERING) == 1,
                    "the simulated Ydelsesindeks does not hold 1 Bevilling and 1 OekonomiskEffektuering");
            durations.add(log.end());
        }

        void receiveStatuses() {
            log.begin(9, "Receive the letters' delivery statuses from the Beskedfordeler (SF1461, AMQP pull)");
            List<DeliveryStatus> received = new java.util.concurrent.CopyOnWriteArrayList<>();
            int expected = digitalPost.statuses().size();
            long t = System.nanoTime();
            try (BeskedfordelerClient client = BeskedfordelerClient.builder()
                    .environment(BeskedfordelerEnvironment.custom(beskedfordeler.host(), beskedfordeler.port(),
                            platform.baseUri(), platform.baseUri()))
                    .systemCertificate(pkcs12, password)
                    .trustAnchors(List.of(beskedfordeler.tlsTrustAnchor(), platform.tlsTrustAnchor()))
                    .stsCertificates(List.of(platform.stsCertificate())).authorityCvr(municipalityCvr).build();
                    EventSubscription subscription = client.subscription(dueslag)
                            .handler(e -> received.add(DeliveryStatus.of(e.message()))).start()) {
                boolean consuming = subscription.awaitConsuming(java.time.Duration.ofSeconds(30));
                check(consuming, "the subscription did not connect: " + subscription.lastFailure());
                log.detail("dueslag", dueslag + " (PKO_PostStatus), consuming in " + StepLog.millisSince(t)
                        + " ms: TLS with the system certificate, the STS token for "
                        + BeskedfordelerClient.RECEIVE_ENTITY_ID + " as the SASL EXTERNAL response");
                long end = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
                while (consuming && received.size() < expected && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                PostStatusEvent again = digitalPost.statuses().get(0);
                beskedfordeler.faults().deliverTwice(dueslag, again.beskedId(), again.haendelsesbesked());
                // counted when handled, acknowledged just after: wait for the acknowledgements to reach the broker
                while (consuming && (subscription.counts().duplicates() < 2 || beskedfordeler.depth(dueslag) > 0)
                        && System.nanoTime() < end) {
                    Thread.sleep(10);
                }
                for (DeliveryStatus status : received) {
                    String about = sent.stream().filter(x -> x.messageUuid() != null
                            && x.messageUuid().equals(status.messageUuid())).map(Sent::what).findFirst()
                            .orElse(status.shipmentId() != null ? "printed copy " + status.shipmentId() : "?");
                    log.detail("status", status.kind() + " \"" + status.statusText() + "\" via " + status.channel()
                            + ": " + about + (status.transmissionId() == null ? ""
                            : ", transmission " + status.transmissionId()));
                }
                EventSubscription.Counts c = subscription.counts();
                log.detail("handled", c.handled() + " event(s) of " + expected + " statuses emitted, acknowledged"
                        + " after the handler; a redelivered status twice more: " + c.duplicates()
                        + " duplicate(s) acknowledged without handling (BeskedId remembered)");
                check(c.handled() == expected && received.size() == expected, "received " + received.size()
                        + " of " + expected + " delivery statuses");
                check(c.duplicates() == 2, "the redelivered status was not recognised as a duplicate");
                check(beskedfordeler.depth(dueslag) == 0, "the dueslag still holds " + beskedfordeler.depth(dueslag)
                        + " message(s)");
                check(received.stream().anyMatch(st -> st.kind() == DeliveryStatus.Kind.DELIVERED),
                        "no letter was reported delivered");
                printTokens(null);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                check(false, "interrupted while waiting for the delivery statuses");
            }
            durations.add(log.end());
        }

        /** The case as the index holds it: relations by kind and the progress states with their validity. */
        private void printIndexed(String label, IndexedCase c) {
            java.util.Map<String, Long> kinds = new java.util.LinkedHashMap<>();
            for (IndexRelation r : c.relations()) {
                kinds.merge(r.kind(), 1L, Long::sum);
            }
            StringBuilder progress = new StringBuilder();
            for (Effect<CaseStatus> e : c.progress()) {
                progress.append(progress.length() == 0 ? "" : ", ").append(fremdrift(e.value()))
                        .append(" from ").append(e.validity().start().truncatedTo(ChronoUnit.MILLIS));
            }
            log.detail(label, c.caseNumber() + " \"" + c.title() + "\": " + c.relations().size() + " relations "
                    + kinds + "; progress " + progress);
        }

        void summary(long totalMs) {
            log.line("");
            log.line("Summary");
            log.line("  steps                   " + durations.size() + " of " + STEPS + " done, "
                    + durations.stream().mapToLong(Long::longValue).sum() + " ms in steps, " + totalMs
                    + " ms with simulator start");
            log.line("  Serviceplatformen       " + serviceCalls + " calls (SF1500 " + platform.requestCount("SF1500")
                    + ", SF1520 " + platform.requestCount("SF1520") + ", SF1530 " + platform.requestCount("SF1530")
                    + "), STS " + platform.requestCount("STS") + " calls (one per service)");
            log.line("  støttesystemer          SF1510 Klassifikation " + platform.requestCount("SF1510")
                    + " calls, SF1470 Sags- og Dokumentindeks " + platform.requestCount("SF1470") + " calls (index "
                    + platform.sagDokumentIndeks().count(SagDokumentIndeksData.Kind.SAG) + " Sag, "
                    + platform.sagDokumentIndeks().count(SagDokumentIndeksData.Kind.DOKUMENT) + " Dokumenter), SF1490"
                    + " Ydelsesindeks " + (platform.requestCount("SF1490-YI") + platform.requestCount("SF1490-BI")
                    + platform.requestCount("SF1490-OEF")) + " calls (index "
                    + platform.ydelsesIndeks().count(YdelsesIndeksData.Kind.BEVILLING) + " Bevilling, "
                    + platform.ydelsesIndeks().count(YdelsesIndeksData.Kind.OEKONOMISK_EFFEKTUERING)
                    + " OekonomiskEffektuering)");
            log.line("  Beskedfordeler          " + digitalPost.statuses().size() + " PKO_PostStatus event(s) distributed"
                    + " to the dueslag and received over AMQP; " + beskedfordeler.connectionCount()
                    + " connection(s) open at the end");
            log.line("  Digital Post            " + digitalPost.requestCount("KOMBI") + " sends, "
                    + digitalPost.requestCount("LOOKUP") + " lookups, STS " + digitalPost.requestCount("STS")
                    + " calls and " + digitalPost.requestCount("TOKEN") + " access-token exchanges (one per service)");
            log.line("  delivered               " + digitalPost.mailboxTotal() + " Digital Post letter(s), "
                    + digitalPost.smsOutbox().size() + " NemSMS, " + digitalPost.printQueue().size()
                    + " printed letter(s)");
            log.line("  case                    " + theCase.caseNumber() + ": " + theCase.status() + ", "
                    + theCase.parties().size() + " parties, " + theCase.documents().size() + " documents, "
                    + history.registrations().size() + " registrations");
            log.line("  conformance             Serviceplatformen: " + platform.violations().size()
                    + " violation(s), strict mode; Digital Post: " + digitalPost.violations().size()
                    + " violation(s), strict mode");
            log.line("                          SF1520/SF1530/SF1510 validation: " + (platform.contracts() == null
                    ? "the SDK's own contract subsets (published contracts not found)"
                    : "published contracts from " + platform.contracts()));
            boolean sf1470Published = platform.contracts() != null
                    && Files.isRegularFile(platform.contracts().resolve(SF1470_CONTRACT));
            log.line("                          SF1470 validation: " + (sf1470Published
                    ? "the published " + Path.of(SF1470_CONTRACT).getFileName() + " (and the index's usage rules)"
                    : "bodies validated against the SDK's own SF1470 contract subset (the published contract was"
                    + " not found), and the index's usage rules"));
            boolean sf1490Published = platform.contracts() != null
                    && Files.isRegularFile(platform.contracts().resolve(SF1490_CONTRACT));
            log.line("                          SF1490 validation: " + (sf1490Published
                    ? "the published " + Path.of(SF1490_CONTRACT).getFileName() + " (and the index's usage rules)"
                    : "bodies validated against the SDK's own SF1490 contract subset (the published contract was"
                    + " not found), and the index's usage rules"));
            for (String line : digitalPost.conformanceReport().strip().split("\n")) {
                log.line("                          " + line.strip());
            }
            if (!platform.violations().isEmpty() || !digitalPost.violations().isEmpty()) {
                log.line(platform.conformanceReport().strip());
                failures++;
            }
            log.line(failures == 0 ? "Demo completed: exit code 0" : "Demo completed with " + failures
                    + " problem(s): exit code 1");
        }

        /** Prints the tokens the clients were issued since the last call, from their own log records. */
        private void printTokens(String about) {
            for (String message : tokens.drain()) {
                log.detail("token", message);
            }
            if (about != null) {
                log.detail("token", about);
            }
        }

        private PostStatusEvent statusFor(Sent s) {
            PostStatusEvent found = null;
            for (PostStatusEvent e : digitalPost.statuses()) {
                if (s.messageUuid().equals(e.messageUuid())) {
                    found = e;
                }
            }
            return found;
        }

        private void check(boolean condition, String problem) {
            if (!condition) {
                failures++;
                log.line("      PROBLEM   " + problem);
            }
        }

        /**
         * {@code candidate} in whole milliseconds, at least a millisecond after the latest registration: the index
         * carries times in milliseconds, and each progress state must start before the next.
         */
        private Instant later(Instant candidate) {
            Instant c = candidate.truncatedTo(ChronoUnit.MILLIS);
            Instant last = history == null ? Instant.MIN
                    : history.latest().map(Registration::registeredFrom).orElse(Instant.MIN);
            return c.isAfter(last) ? c : last.truncatedTo(ChronoUnit.MILLIS).plusMillis(1);
        }
    }

    private static PrintShipment printShipment(PersonRecord person, Document letter, byte[] pdf) {
        dk.rammearkitektur.clients.serviceplatform.PostalAddress a = person.address();
        if (a == null || person.addressProtected()) {
            throw new IllegalStateException("no address to print to");
        }
        return PrintShipment.builder(UUID.randomUUID().toString(), FileContent.ofBytes(pdf)).cpr(person.cpr())
                .address(dk.rammearkitektur.clients.digitalpost.PrintAddress.builder().personName(person.name())
                        .coName(a.careOf()).streetName(a.streetName()).streetBuildingIdentifier(a.houseNumber())
                        .floor(a.floor()).suite(a.door()).postCode(a.postalCode()).district(a.city())
                        .countryCode("DK").build())
                .title(letter.title()).build();
    }

    /** The number of documents the index has journalised on {@code c} (its Journalpost relations' documents). */
    private static long journalposts(IndexedCase c) {
        return c.relations().stream().filter(r -> r.kind().equals("Journalpost")).map(IndexRelation::reference)
                .distinct().count();
    }

    /** The index's progress code (FremdriftStatusKode) of a status, as the index answers it. */
    private static String fremdrift(CaseStatus status) {
        return switch (status) {
            case CREATED -> "Opstaaet";
            case IN_PROGRESS -> "Oplyst";
            case DECIDED -> "Afgjort";
            case CLOSED, ARCHIVED -> "Afsluttet";
        };
    }

    private static DocumentVariant variant(VariantKind kind, String name, String mediaType, byte[] content) {
        return DocumentVariant.of(kind, List.of(DocumentPart.of(name, mediaType, content.length, sha256(content))));
    }

    private static String address(PersonRecord p) {
        if (p.addressProtected()) {
            return "address protected";
        }
        return p.address() == null ? "no address" : p.address().oneLine();
    }

    private static String verdict(SendReceipt r) {
        return r.accepted() ? "accepted, transmission " + r.transmissionId()
                : "REFUSED " + r.errorCode() + " " + r.errorText();
    }

    private static String yesNo(boolean b) {
        return b ? "yes" : "no";
    }

    private static String keyDescription(SigningCredential c) {
        if (c.publicKey() instanceof RSAPublicKey rsa) {
            return "RSA " + rsa.getModulus().bitLength();
        }
        if (c.publicKey() instanceof ECPublicKey ec) {
            return "EC " + ec.getParams().getCurve().getField().getFieldSize();
        }
        return c.publicKey().getAlgorithm();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }

    private static String fingerprint(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode the certificate", e);
        }
    }

    private static String prettyJson(String json) {
        try {
            com.fasterxml.jackson.databind.ObjectMapper m = RammearkitekturJson.mapper();
            return m.writerWithDefaultPrettyPrinter().writeValueAsString(m.readTree(json));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot pretty-print the case", e);
        }
    }
}

package dk.rammearkitektur.testkit.serviceplatform;

import static dk.rammearkitektur.testkit.serviceplatform.internal.SimulatorExchanges.clientChain;
import static dk.rammearkitektur.testkit.serviceplatform.internal.SimulatorExchanges.pause;
import static dk.rammearkitektur.testkit.serviceplatform.internal.SimulatorExchanges.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.testkit.pki.TestIdentity;
import dk.rammearkitektur.testkit.pki.TestPki;
import dk.rammearkitektur.testkit.serviceplatform.internal.Contracts;
import dk.rammearkitektur.testkit.serviceplatform.internal.LoopbackHttpsServer;
import dk.rammearkitektur.testkit.serviceplatform.internal.PublishedContracts;
import dk.rammearkitektur.testkit.serviceplatform.internal.RequestLog;
import dk.rammearkitektur.testkit.serviceplatform.internal.ServerTls;
import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.transform.dom.DOMSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * An in-process Serviceplatformen for tests: one HTTPS server on {@code 127.0.0.1} (port 0 unless chosen) requiring
 * client certificates from the test PKI, serving SF1520 under {@code /service/CPR/PersonBaseDataExtended/4}, SF6002
 * CPR Abonnement ({@code AddPNRSubscription}, {@code RemovePNRSubscription}, {@code GetAllFilters}, InvocationContext
 * model only, dispatched on the body element because its SOAPAction is empty) under {@link #SF6002_PATH}, SF1530
 * under {@code /service/CVR/Online/2}, SF1500 under {@code /organisation/organisationsystem/6/} (the hierarchy read)
 * and under {@code /organisation/bruger/6/}, {@code /organisation/organisationenhed/6/} and
 * {@code /organisation/organisationfunktion/6/} (the object services' {@code soeg}, {@code laes}, {@code list} over
 * the token CVR's {@link SimulatorData.Organisation}), Klassifikation (SF1510
 * KlasseService 7, {@code soeg}, {@code laes}, {@code list} over the classes of {@link #klassifikation()}) under
 * {@code /klassifikation/klasse/7/}, the Sags- og Dokumentindeks 6 (SF1470, SOAP 1.1, {@code importer}, {@code opdater},
 * {@code fremsoeg}, {@code fjern} over {@link #sagDokumentIndeks()}, rules in {@link SagDokumentIndeksRules}) under
 * {@link #SF1470_PATH}, the Ydelsesindeks 6 (SF1490, SOAP 1.2, {@code importer}, {@code opdater}, {@code fremsoeg}
 * on {@link #SF1490_YDELSEINDEKS_PATH}, {@code fjern} on {@link #SF1490_BEVILLINGINDEKS_PATH} and
 * {@link #SF1490_OEKONOMISKEFFEKTUERINGINDEKS_PATH}, over {@link #ydelsesIndeks()}, rules in
 * {@link YdelsesIndeksRules}), and a security
 * token service under {@link #STS_SOAP_PATH} (WS-Trust 1.3) and {@link #STS_REST_PATH} (JSON) that issues signed
 * holder-of-key SAML tokens to registered system certificates for registered CVRs ({@link #authorise}).
 *
 * <p>Every request is parsed with SecureXml, validated against the published contracts when given them
 * ({@link Builder#contracts}, else against the SDK's own contract subsets, SF1470's and SF1490's included) and checked for
 * conformance: the SOAP version and action of the published binding, and either an InvocationContext inside the
 * request element (as the published contracts place it) naming this service, the registered user system and the service agreement, or a
 * WS-Security header whose signature by the token's holder covers Body, Timestamp and the WS-Addressing
 * Action/MessageID/To, with a fresh timestamp and a token for this service and a registered CVR. An unknown CPR or
 * CVR number is answered with the platform's not-found fault text. Violations are recorded ({@link #violations()});
 * in strict mode (the default) the call fails with a SOAP fault whose error code is one of {@link PlatformFaults}. Faults can be injected per call or
 * per rate through {@link #faults()}.
 *
 * <pre>{@code
 * try (ServiceplatformSimulator sim = ServiceplatformSimulator.builder().build().start()) {
 *     URI base = sim.baseUri();
 * }
 * }</pre>
 */
public final class ServiceplatformSimulator implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServiceplatformSimulator.class);

    static {
        // The JDK server writes response headers and body separately; without TCP_NODELAY, Nagle's algorithm and the
        // client's delayed ACK add about 40 ms to every exchange. Read once when the JDK server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** The service UUIDs the platform knows (independent of the client's constants). */
    static final UUID SF1520_UUID = UUID.fromString("e6be2436-bf35-4df2-83fe-925142825dc2");
    static final UUID SF1530_UUID = UUID.fromString("c0daecde-e278-43b7-84fd-477bfeeea027");
    static final UUID SF1500_UUID = UUID.fromString("4b8d5e02-7c0a-4c4b-9a0e-5f6a1c2e3d40");
    /** SF6002 CPR Abonnement (research note sf6002.md §1.6: S1c ServiceInfo.cs, S7, P1's URL). */
    static final UUID SF6002_UUID = UUID.fromString("9cdccc2f-3243-11e2-8fef-d4bed98c5934");
    /** The path of SF6002 CPR Abonnement, upper-case {@code CPR}, trailing slash (research note sf6002.md §1.6). */
    public static final String SF6002_PATH = "/service/CPRSubscription/CPRSubscription/1/";
    /** Every SF6002 operation has {@code soapAction=""}, so requests are told apart by the body element alone. */
    private static final Map<String, String> SF6002_ACTIONS = Map.of("AddPNRSubscription", "",
            "RemovePNRSubscription", "", "GetAllFilters", "");
    /** A placeholder: Klassifikation is called with STS tokens only, so its service UUID is never checked. */
    static final UUID SF1510_UUID = UUID.fromString("9a1f0c3e-2b7d-4e5f-8a6b-1c2d3e4f5a60");
    /**
     * The entity id (token audience) the simulated Klassifikation accepts: the simulator's reading of the research
     * note's {@code …/klassifikation/7} beside {@code http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6}.
     */
    public static final String SF1510_ENTITY_ID = "http://entityid.kombit.dk/service/klassifikation/7";
    /** A placeholder: the Sags- og Dokumentindeks is called with STS tokens only, so its service UUID is never checked. */
    static final UUID SF1470_UUID = UUID.fromString("2b4e6a8c-1d3f-4a5b-8c7d-9e0f1a2b3c4d");
    /** The entity id (token audience) the simulated Sags- og Dokumentindeks 6 (SF1470) accepts. */
    public static final String SF1470_ENTITY_ID = "http://entityid.kombit.dk/service/sdi/sagdokumentindeks/6";
    /**
     * The entity id (token audience) of the Beskedfordeler's receive side (SF1461: reading dueslag over AMQP), for
     * which the simulated STS issues tokens; checked by the Beskedfordeler simulator, not by this one.
     */
    public static final String BFO_RECEIVE_ENTITY_ID = "http://entityid.kombit.dk/service/bfo_modtag/2";
    /**
     * The entity id (token audience) of the Beskedfordeler's publish side (SF1462: AFSEND_BESKED_EXCHANGE), for which
     * the simulated STS issues tokens; checked by the Beskedfordeler simulator, not by this one.
     */
    public static final String BFO_SEND_ENTITY_ID = "http://entityid.kombit.dk/service/bfo_afsend/2";
    /** A placeholder: the Ydelsesindeks is called with STS tokens only, so its service UUID is never checked. */
    static final UUID SF1490_UUID = UUID.fromString("7c3e5a1b-2d4f-4b6a-9e8d-1f0a2b3c4d5e");
    /**
     * The entity id (token audience) the simulated Ydelsesindeks 6 (SF1490) accepts on all three ports (KOMBIT's Ydelse
     * sample {@code cxf.xml}, {@code security.sts.applies-to} of each client: a sample, not a published rule).
     */
    public static final String SF1490_ENTITY_ID = "http://entityid.kombit.dk/service/ydi/ydelseindeks/6";
    /** The path of the Ydelsesindeks 6 YdelseIndeks port (importer, opdater, fremsoeg); endpoint id {@code SF1490-YI}. */
    public static final String SF1490_YDELSEINDEKS_PATH = "/ydelsesindeks/ydelseindeks/6/";
    /** The path of the Ydelsesindeks 6 BevillingIndeks port (fjern of a grant); endpoint id {@code SF1490-BI}. */
    public static final String SF1490_BEVILLINGINDEKS_PATH = "/ydelsesindeks/bevillingindeks/6/";
    /**
     * The path of the Ydelsesindeks 6 OekonomiskEffektueringIndeks port (fjern of a payment); endpoint id
     * {@code SF1490-OEF}.
     */
    public static final String SF1490_OEKONOMISKEFFEKTUERINGINDEKS_PATH =
            "/ydelsesindeks/oekonomiskeffektueringindeks/6/";
    /** The path of the Sags- og Dokumentindeks 6 endpoint (the published WSDL's address). */
    public static final String SF1470_PATH = "/sts-soap-sagdok/sagdokumentindeks/6/";
    /**
     * The entity id (token audience) the simulated Organisation 6 services (the hierarchy read and the Bruger,
     * OrganisationEnhed and OrganisationFunktion services) accept: the one the SDK's SF1500 client has used.
     */
    public static final String SF1500_ENTITY_ID = "http://stoettesystemerne.dk/service/organisation/3";
    /** Where the Organisation client keeps its own contract subsets (class-path resources of that module). */
    private static final String ORGANISATION_CONTRACTS = "/dk/rammearkitektur/clients/stoettesystemer/organisation/";
    /** The Klassifikation client's own contract subset (a class-path resource of that module). */
    private static final String KLASSIFIKATION_CONTRACT =
            "/dk/rammearkitektur/clients/stoettesystemer/klassifikation/Klasse_7.xsd";
    /** The Sags- og Dokumentindeks client's own contract subset (a class-path resource of that module). */
    static final String SAGDOKUMENTINDEKS_CONTRACT =
            "/dk/rammearkitektur/clients/stoettesystemer/sagdokumentindeks/SagDokumentIndeksOperationer_6.xsd";
    /**
     * The Ydelsesindeks client's own contract subset (a class-path resource of that module): one schema for the bodies
     * of all three ports.
     */
    static final String YDELSESINDEKS_CONTRACT =
            "/dk/rammearkitektur/clients/stoettesystemer/ydelsesindeks/YdelseIndeksOperationer_6.xsd";

    private final TestPki pki;
    private final TestIdentity system;
    private final SimulatorData data;
    private final KlassifikationData klassifikation;
    private final SagDokumentIndeksData sagDokumentIndeks;
    private final SagDokumentIndeksService sagDokumentIndeksService;
    private final YdelsesIndeksData ydelsesIndeks;
    private final YdelsesIndeksService ydelsesIndeksService;
    private final CprSubscriptionRegister cprSubscriptions = new CprSubscriptionRegister();
    private final boolean strict;
    private final Clock clock;
    private final Duration skew;
    private final int port;
    private final UUID userSystem;
    private final UUID user;
    private final Map<String, UUID> agreements = new ConcurrentHashMap<>();
    private final FaultInjector faults = new FaultInjector();
    private final List<ConformanceViolation> violations = new CopyOnWriteArrayList<>();
    private final java.util.Set<InetSocketAddress> peers = ConcurrentHashMap.newKeySet();
    private final List<Endpoint> endpoints;
    private final Sts sts;
    private final List<X509Certificate> extraClientTrustAnchors;
    private final Path contracts;
    private final boolean signReplies;
    private final dk.rammearkitektur.signing.SigningCredential serviceCredential;
    private final RequestLog log;
    private LoopbackHttpsServer server;
    private dk.rammearkitektur.testkit.console.internal.SimulatorConsole console;
    /** Sees every answered service exchange (for this package's conformance tests); null for none. */
    volatile Exchange tap;
    /** Sees every SOAP request and reply as bytes, keyed e.g. {@code "SF1500 request"}; for this package's tests. */
    volatile java.util.function.BiConsumer<String, byte[]> wireTap = (k, b) -> { };

    /** One answered service exchange as it went over the wire. */
    interface Exchange {
        /** Called with the endpoint id, the SOAPAction header, the request and the reply bytes. */
        void seen(String endpointId, String soapAction, byte[] request, byte[] reply);
    }

    /**
     * One SOAP endpoint: its id, path, entity id, the SDK's contract subset, the published contract (relative to the
     * contracts folder; null when none is wired), operations (request element to SOAP action) and the SOAP envelope
     * namespace of its published binding.
     */
    private record Endpoint(String id, String path, UUID serviceUuid, String entityId, String contract,
            String published, Map<String, String> actions, String soapNs) {
    }

    /** The path of the STS's REST issue endpoint. */
    public static final String STS_REST_PATH = "/runtime/api/rest/wstrust/v1/issue";
    /** The path of the STS's WS-Trust 1.3 endpoint. */
    public static final String STS_SOAP_PATH = "/runtime/services/kombittrust/14/certificatemixed";

    private ServiceplatformSimulator(Builder b) {
        this.pki = b.pki;
        this.system = pki.oces3Organisation();
        this.data = b.data != null ? b.data : SimulatorData.seeded(pki.cvr());
        this.klassifikation = b.klassifikation != null ? b.klassifikation : KlassifikationData.seeded();
        this.sagDokumentIndeks = b.sagDokumentIndeks != null ? b.sagDokumentIndeks : new SagDokumentIndeksData();
        this.sagDokumentIndeksService = new SagDokumentIndeksService(sagDokumentIndeks, klassifikation, data);
        this.ydelsesIndeks = b.ydelsesIndeks != null ? b.ydelsesIndeks : new YdelsesIndeksData();
        this.ydelsesIndeksService = new YdelsesIndeksService(ydelsesIndeks, klassifikation, data,
                sagDokumentIndeks::itSystem);
        this.strict = b.strict;
        this.clock = b.clock;
        this.skew = b.skew;
        this.port = b.port;
        this.contracts = b.contracts;
        this.userSystem = UUID.nameUUIDFromBytes(("user-system-" + pki.seed()).getBytes(StandardCharsets.UTF_8));
        this.user = UUID.nameUUIDFromBytes(("user-" + pki.seed()).getBytes(StandardCharsets.UTF_8));
        this.endpoints = List.of(
                new Endpoint("SF1520", "/service/CPR/PersonBaseDataExtended/4", SF1520_UUID,
                        "http://cpr.serviceplatformen.dk/service/personbasedataextended/4",
                        "cpr/PersonBaseDataExtended_4.xsd", PublishedContracts.SF1520, Map.of("PersonLookupRequest",
                        "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/4/PersonLookup"), Xml.SOAP),
                new Endpoint("SF6002", SF6002_PATH, SF6002_UUID, null, "cpr/CprSubscriptionService_1.xsd", null,
                        SF6002_ACTIONS, Xml.SOAP),
                new Endpoint("SF1530", "/service/CVR/Online/2", SF1530_UUID,
                        "http://cvr.serviceplatformen.dk/service/online/2", "cvr/CvrOnline_2.xsd", PublishedContracts.SF1530, Map.of(
                        "GetLegalUnitRequest", "http://rep.oio.dk/eogs/xml.wsdl/2/getLegalUnit",
                        "GetProductionUnitRequest", "http://rep.oio.dk/eogs/xml.wsdl/2/getProductionUnit",
                        "SearchLegalUnitRequest", "http://rep.oio.dk/eogs/xml.wsdl/2/searchLegalUnit"), Xml.SOAP),
                new Endpoint("SF1500", "/organisation/organisationsystem/6/", SF1500_UUID, SF1500_ENTITY_ID,
                        "organisation/Organisation_6.xsd", null, Map.of("FremsoegObjekthierarkiInput",
                        "http://kombit.dk/sts/organisation/organisationssystem/fremsoegobjekthierarki"), Xml.SOAP12),
                new Endpoint("SF1510", "/klassifikation/klasse/7/", SF1510_UUID, SF1510_ENTITY_ID,
                        KLASSIFIKATION_CONTRACT, publishedIfPresent(contracts, PublishedContracts.SF1510),
                        KlassifikationResponses.ACTIONS, Xml.SOAP12),
                organisationObjects("bruger", "Bruger_6.xsd", publishedIfPresent(contracts,
                        PublishedContracts.SF1500_BRUGER)),
                organisationObjects("organisationenhed", "OrganisationEnhed_6.xsd", publishedIfPresent(contracts,
                        PublishedContracts.SF1500_ENHED)),
                organisationObjects("organisationfunktion", "OrganisationFunktion_6.xsd", publishedIfPresent(contracts,
                        PublishedContracts.SF1500_FUNKTION)),
                new Endpoint("SF1470", SF1470_PATH, SF1470_UUID, SF1470_ENTITY_ID, SAGDOKUMENTINDEKS_CONTRACT,
                        publishedIfPresent(contracts, PublishedContracts.SF1470), SagDokumentIndeksService.ACTIONS,
                        Xml.SOAP),
                ydelsesIndeks("SF1490-YI", SF1490_YDELSEINDEKS_PATH, YdelsesIndeksService.YI_ACTIONS, contracts),
                ydelsesIndeks("SF1490-BI", SF1490_BEVILLINGINDEKS_PATH, YdelsesIndeksService.BI_ACTIONS, contracts),
                ydelsesIndeks("SF1490-OEF", SF1490_OEKONOMISKEFFEKTUERINGINDEKS_PATH,
                        YdelsesIndeksService.OEF_ACTIONS, contracts));
        java.util.Set<String> entityIds = new java.util.HashSet<>();
        for (Endpoint e : endpoints) {
            if (e.entityId != null) { // SF6002 has no token model, so no audience
                entityIds.add(e.entityId);
            }
            // compiled now (once per JVM), so no request pays for it and a broken contract fails the build() call
            if (contracts != null && e.published != null) {
                PublishedContracts.schema(contracts.resolve(e.published));
            } else if (e.contract != null) {
                Contracts.schema(e.contract);
            }
        }
        // services served elsewhere (the Beskedfordeler simulator) whose tokens this STS issues
        entityIds.add(BFO_RECEIVE_ENTITY_ID);
        entityIds.add(BFO_SEND_ENTITY_ID);
        Contracts.schema("sp/InvocationContext_1.xsd");
        this.extraClientTrustAnchors = b.extraClientTrustAnchors;
        this.sts = new Sts(pki, extraClientTrustAnchors, entityIds, skew, b.tokenLifetime, b.stsIssuer);
        this.log = new RequestLog(clock);
        sts.issued = log::issued;
        this.signReplies = b.signReplies;
        ServerTls tls = ServerTls.shared();
        this.serviceCredential = dk.rammearkitektur.signing.SigningCredential.of(tls.serverKeys().getPrivate(),
                List.of(tls.serverCertificate()));
        sts.authorise(pki.cvr(), system.certificate());
        for (Endpoint e : endpoints) {
            agreements.put(e.id, UUID.nameUUIDFromBytes(("agreement-" + e.id + "-" + pki.seed())
                    .getBytes(StandardCharsets.UTF_8)));
        }
    }

    /** {@code published} when the contracts folder holds it, else null (validate against the SDK's subset). */
    private static String publishedIfPresent(Path contracts, String published) {
        return contracts != null && java.nio.file.Files.isRegularFile(contracts.resolve(published)) ? published : null;
    }

    /**
     * The endpoint of one Organisation 6 object service ({@code bruger}, {@code organisationenhed},
     * {@code organisationfunktion}): id {@code SF1500-<service>}, path {@code /organisation/<service>/6/}, the SF1500
     * entity id, the SOAP 1.2 actions of its WSDL's binding.
     */
    private static Endpoint organisationObjects(String service, String contract, String published) {
        return new Endpoint("SF1500-" + service, "/organisation/" + service + "/6/", SF1500_UUID, SF1500_ENTITY_ID,
                ORGANISATION_CONTRACTS + contract, published, OrganisationObjectResponses.actions(service), Xml.SOAP12);
    }

    /**
     * One Ydelsesindeks 6 port: SOAP 1.2, the SF1490 entity id, actions keyed {@code {namespace}local} (both fjern
     * ports take a {@code FjernInput}, told apart by namespace), one contract for all three ports.
     */
    private static Endpoint ydelsesIndeks(String id, String path, Map<String, String> actions, Path contracts) {
        return new Endpoint(id, path, SF1490_UUID, SF1490_ENTITY_ID, YDELSESINDEKS_CONTRACT,
                publishedIfPresent(contracts, PublishedContracts.SF1490), actions, Xml.SOAP12);
    }

    /** The SOAP action of {@code payload} on {@code ep}: by local name, else by {@code {namespace}local}; or null. */
    private static String action(Endpoint ep, Element payload) {
        String byName = ep.actions.get(payload.getLocalName());
        return byName != null ? byName
                : ep.actions.get("{" + payload.getNamespaceURI() + "}" + payload.getLocalName());
    }

    /** A builder: strict, system clock, 5 minutes skew, the fast test PKI for seed 1, the seeded dataset. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts listening on 127.0.0.1; returns this. */
    public synchronized ServiceplatformSimulator start() {
        if (server != null) {
            return this;
        }
        try {
            Map<String, HttpHandler> handlers = new java.util.LinkedHashMap<>();
            for (Endpoint e : endpoints) {
                handlers.put(e.path, log.wrap(e.id, ex -> handle(e, ex)));
            }
            handlers.put(STS_REST_PATH, log.wrap("STS", ex -> handleSts(true, ex)));
            handlers.put(STS_SOAP_PATH, log.wrap("STS", ex -> handleSts(false, ex)));
            List<X509Certificate> clientAnchors = new ArrayList<>(pki.trustAnchors());
            clientAnchors.addAll(extraClientTrustAnchors);
            server = LoopbackHttpsServer.start(port, clientAnchors, "serviceplatform-simulator", handlers);
            LOG.debug("Serviceplatformen simulator listening on {}", baseUri());
            return this;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the simulator: " + e.getMessage(), e);
        }
    }

    /** Stops the server and its threads. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop();
            server = null;
            console = null;
        }
    }

    /**
     * Serves the web console under {@code /console/} on this simulator's port (loopback only) and returns its URL: the
     * requests this simulator and {@code digitalPost} received with their conformance verdicts, the Digital Post
     * mailboxes with their letters, the print queue and the SMS outbox, the tokens the STSs issued, and forms that arm
     * and clear faults (POST only, with a per-console CSRF token). A browser has no client certificate, so from now on
     * the TLS handshake asks for one instead of requiring it, and every service path refuses a request without a
     * verified client certificate with HTTP 403; an untrusted certificate still fails the handshake. Calling it again
     * returns the same URL (the console keeps the simulators it was first given).
     *
     * @param digitalPost Digital Post simulators to show besides this one (none, one or more)
     * @return the console's URL, {@code https://127.0.0.1:<port>/console/}
     * @throws IllegalStateException when the simulator is not started
     */
    public synchronized URI startConsole(dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator... digitalPost) {
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        if (console == null) {
            console = new dk.rammearkitektur.testkit.console.internal.SimulatorConsole(this,
                    List.of(Objects.requireNonNull(digitalPost, "digitalPost == null")), baseUri());
            server.mountWithoutClientCertificate(dk.rammearkitektur.testkit.console.internal.SimulatorConsole.PATH,
                    console);
        }
        return baseUri().resolve(dk.rammearkitektur.testkit.console.internal.SimulatorConsole.PATH.substring(1));
    }

    /**
     * The latest requests (up to 1000) received on the service and STS endpoints since start or the last
     * {@link #reset()}, oldest first, each with the violations recorded for it.
     */
    public List<ReceivedRequest> requests() {
        return log.requests();
    }

    /** The latest tokens (up to 1000) the STS issued, oldest first: what for and how long, never the token. */
    public List<IssuedAssertion> issuedTokens() {
        return log.tokens();
    }

    /** The base URL, e.g. {@code https://127.0.0.1:50123/}; services are under {@code service/}. */
    public URI baseUri() {
        if (server == null) {
            throw new IllegalStateException("simulator not started");
        }
        return server.baseUri();
    }

    /**
     * The endpoint URLs by service id ({@code SF1520}, {@code SF6002}, {@code SF1530}, {@code SF1500},
     * {@code SF1500-bruger}, {@code SF1500-organisationenhed}, {@code SF1500-organisationfunktion}, {@code SF1510},
     * {@code SF1470}, {@code SF1490-YI}, {@code SF1490-BI}, {@code SF1490-OEF}).
     */
    public Map<String, URI> endpoints() {
        Map<String, URI> out = new java.util.LinkedHashMap<>();
        for (Endpoint e : endpoints) {
            out.put(e.id, baseUri().resolve(e.path.substring(1)));
        }
        return out;
    }

    /** The STS's token-signing certificate, which clients pin. */
    public X509Certificate stsCertificate() {
        return sts.certificate();
    }

    /**
     * The certificate the services sign their replies with when {@link Builder#signReplies(boolean)} is on (what a
     * client configures as the service signing certificate).
     */
    public X509Certificate serviceSigningCertificate() {
        return serviceCredential.certificate();
    }

    /** The Issuer of the tokens the simulator's STS issues. */
    public String stsIssuer() {
        return sts.issuer();
    }

    /** Lets the STS issue tokens for the authority {@code cvr} to the holder of {@code systemCertificate}. */
    public ServiceplatformSimulator authorise(String cvr, X509Certificate systemCertificate) {
        sts.authorise(Objects.requireNonNull(cvr, "cvr == null"), Objects.requireNonNull(systemCertificate,
                "systemCertificate == null"));
        return this;
    }

    /** The test PKI whose roots the simulator trusts for client certificates. */
    public TestPki pki() {
        return pki;
    }

    /** The CA a client must trust to accept the simulator's TLS certificate. */
    public X509Certificate tlsTrustAnchor() {
        return ServerTls.shared().ca();
    }

    /** {@link #tlsTrustAnchor()} as PEM. */
    public String tlsTrustAnchorPem() {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(tlsTrustAnchor().getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The organisation's system certificate the simulator accepts (OCES3, from the test PKI). */
    public TestIdentity systemIdentity() {
        return system;
    }

    /** The municipality CVR the system certificate belongs to. */
    public String municipalityCvr() {
        return pki.cvr();
    }

    /** The registered user system UUID (UserSystemUUID). */
    public UUID userSystemUuid() {
        return userSystem;
    }

    /** The registered user UUID (UserUUID). */
    public UUID userUuid() {
        return user;
    }

    /**
     * The service agreement UUID registered for {@code serviceId} ({@code SF1520}, {@code SF6002}, {@code SF1530},
     * {@code SF1500}).
     */
    public UUID serviceAgreement(String serviceId) {
        UUID a = agreements.get(serviceId);
        if (a == null) {
            throw new IllegalArgumentException("unknown service " + serviceId);
        }
        return a;
    }

    /**
     * The folder of published contracts incoming requests are validated against ({@link Builder#contracts}), or
     * null when the simulator validates against the SDK's own contract subsets only.
     */
    public Path contracts() {
        return contracts;
    }

    /** The registers; add data per test. */
    public SimulatorData data() {
        return data;
    }

    /**
     * The CPR numbers SF6002 CPR Abonnement follows for the simulator's service agreement, sorted; a snapshot. See
     * {@link CprSubscriptionRegister} for the result semantics.
     */
    public java.util.Set<String> cprSubscriptions() {
        return java.util.Collections.unmodifiableSet(cprSubscriptions.cprNumbers());
    }

    /**
     * Adds a municipality-code filter to the SF6002 subscription (the SDK subscribes CPR numbers only; this lets a
     * test see other filters in {@code GetAllFilters}).
     *
     * @param code the municipality code, 0 to 9999
     * @return this simulator
     */
    public ServiceplatformSimulator addCprSubscriptionMunicipalityCode(int code) {
        cprSubscriptions.addMunicipalityCode(code);
        return this;
    }

    /** The classes the simulated Klassifikation (SF1510) serves; add classes per test. */
    public KlassifikationData klassifikation() {
        return klassifikation;
    }

    /**
     * The Sags- og Dokumentindeks (SF1470) the simulator serves under {@link #SF1470_PATH}: inspect what was imported,
     * add IT systems per test.
     */
    public SagDokumentIndeksData sagDokumentIndeks() {
        return sagDokumentIndeks;
    }

    /**
     * The Ydelsesindeks (SF1490) the simulator serves under {@link #SF1490_YDELSEINDEKS_PATH} and the two fjern ports:
     * inspect the grants and payments imported; its IT systems are those of {@link #sagDokumentIndeks()}.
     */
    public YdelsesIndeksData ydelsesIndeks() {
        return ydelsesIndeks;
    }

    /** Fault injection. */
    public FaultInjector faults() {
        return faults;
    }

    /** Every conformance violation seen so far, oldest first. */
    public List<ConformanceViolation> violations() {
        return List.copyOf(violations);
    }

    /** A readable report of {@link #violations()}: one line each, or {@code no violations}. */
    public String conformanceReport() {
        if (violations.isEmpty()) {
            return "no violations";
        }
        StringBuilder b = new StringBuilder(violations.size() + " violation(s)\n");
        for (ConformanceViolation v : violations) {
            b.append("  ").append(v).append('\n');
        }
        return b.toString();
    }

    /** Forgets recorded violations, requests and their counts, connection counts, and faults. */
    public void reset() {
        violations.clear();
        peers.clear();
        faults.clear();
        log.clearRequests();
    }

    /** How many distinct client connections (remote address and port) the service endpoints have seen. */
    public int connectionCount() {
        return peers.size();
    }

    /** Every endpoint that received requests since start or the last {@link #reset()}, with its count, by id. */
    public Map<String, Integer> requestCounts() {
        return log.counts();
    }

    /** How many requests {@code endpointId} received. */
    public int requestCount(String endpointId) {
        return log.count(endpointId);
    }

    Instant now() {
        return clock.instant();
    }

    void record(String endpoint, String correlationId, String code, String detail) {
        ConformanceViolation v = new ConformanceViolation(now(), endpoint, correlationId, code,
                PersonalData.maskCprNumbers(detail));
        violations.add(v);
        log.violation(v);
        LOG.debug("conformance violation: {}", v);
    }

    private void handle(Endpoint ep, HttpExchange ex) throws IOException {
        if (peers.size() < 100_000) {
            peers.add(ex.getRemoteAddress());
        }
        try (ex) {
            byte[] request = ex.getRequestBody().readAllBytes();
            Fault fault = faults.draw(false);
            if (fault != null && fault.kind() == Fault.Kind.LATENCY) {
                pause(fault.amount());
                fault = null;
            }
            Clock callClock = fault != null && fault.kind() == Fault.Kind.CLOCK_SKEW
                    ? Clock.offset(clock, fault.amount()) : clock;
            if (fault != null) {
                switch (fault.kind()) {
                    case CONNECTION_RESET:
                        return; // closing the exchange before headers are sent drops the connection
                    case HTTP_500:
                    case HTTP_503:
                        send(ex, fault.kind() == Fault.Kind.HTTP_500 ? 500 : 503, "text/plain; charset=utf-8",
                                "simulated outage".getBytes(StandardCharsets.UTF_8));
                        return;
                    case SOAP_FAULT:
                        sendFault(ex, ep.soapNs, "Server", fault.code(), "simulated fault");
                        return;
                    case MALFORMED_XML:
                        send(ex, 200, Xml.contentType(ep.soapNs),
                                ("<soap:Envelope xmlns:soap=\"" + ep.soapNs + "\"><soap:Body><oops")
                                        .getBytes(StandardCharsets.UTF_8));
                        return;
                    default:
                        break;
                }
            }
            wireTap.accept(ep.id + " request", request);
            Document reply = answer(ep, ex, request, callClock);
            if (signReplies && Xml.status(reply) == 200) {
                dk.rammearkitektur.signing.wss.WsSecuritySigner.builder(serviceCredential).clock(callClock).build()
                        .sign(reply);
            }
            byte[] bytes = serialize(reply);
            Exchange t = tap;
            if (t != null) {
                t.seen(ep.id, ex.getRequestHeaders().getFirst("SOAPAction"), request, bytes);
            }
            wireTap.accept(ep.id + " reply", bytes);
            int status = Xml.status(reply);
            if (fault != null && fault.kind() == Fault.Kind.TRUNCATED_XML) {
                bytes = java.util.Arrays.copyOf(bytes, bytes.length / 2);
            }
            send(ex, status, Xml.contentType(ep.soapNs), bytes);
        } catch (RuntimeException e) {
            LOG.warn("simulator failed on {}: {}", ep.id, PersonalData.maskCprNumbers(String.valueOf(e.getMessage())));
            sendFault(ex, ep.soapNs, "Server", PlatformFaults.INTERNAL, "simulator error");
        }
    }

    private void handleSts(boolean rest, HttpExchange ex) throws IOException {
        try (ex) {
            byte[] request = ex.getRequestBody().readAllBytes();
            Fault fault = faults.draw(true);
            if (fault != null && fault.kind() == Fault.Kind.LATENCY) {
                pause(fault.amount());
                fault = null;
            }
            Fault.Kind kind = fault == null ? null : fault.kind();
            if (kind == Fault.Kind.CONNECTION_RESET) {
                return;
            }
            if (kind == Fault.Kind.HTTP_500 || kind == Fault.Kind.HTTP_503) {
                send(ex, kind == Fault.Kind.HTTP_500 ? 500 : 503, "text/plain; charset=utf-8",
                        "simulated outage".getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (kind == Fault.Kind.MALFORMED_XML) {
                send(ex, 200, rest ? "application/json" : Xml.contentType(Xml.SOAP12),
                        (rest ? "{\"RequestedSecurityToken\": " : "<soap:Envelope><oops").getBytes(StandardCharsets.UTF_8));
                return;
            }
            if (kind == Fault.Kind.SOAP_FAULT) {
                refuse(rest, ex, fault.code(), "simulated fault");
                return;
            }
            Clock c = kind == Fault.Kind.CLOCK_SKEW ? Clock.offset(clock, fault.amount()) : clock;
            boolean expired = kind == Fault.Kind.EXPIRED_TOKEN;
            byte[] out;
            try {
                if (rest) {
                    out = sts.issueRest(ex, request, c, expired);
                } else {
                    Document doc;
                    try {
                        doc = SecureXml.parse(new java.io.ByteArrayInputStream(request));
                    } catch (RammearkitekturException e) {
                        throw new Sts.Refusal(PlatformFaults.MALFORMED_REQUEST, "request is not acceptable XML");
                    }
                    wireTap.accept("STS request", request);
                    checkSoap12(ex, doc, Sts.ISSUE_ACTION, true);
                    out = Sts.bytes(sts.issueSoap(ex, doc, c, expired));
                    wireTap.accept("STS reply", out);
                }
            } catch (Sts.Refusal r) {
                record("STS", null, r.code, r.getMessage());
                refuse(rest, ex, r.code, r.getMessage());
                return;
            }
            if (kind == Fault.Kind.TRUNCATED_XML) {
                out = java.util.Arrays.copyOf(out, out.length / 2);
            }
            send(ex, 200, rest ? "application/json; charset=utf-8" : Xml.contentType(Xml.SOAP12), out);
        } catch (RuntimeException e) {
            LOG.warn("STS simulator failed: {}", PersonalData.maskCprNumbers(String.valueOf(e.getMessage())));
            refuse(rest, ex, PlatformFaults.INTERNAL, "simulator error");
        }
    }

    private void refuse(boolean rest, HttpExchange ex, String code, String text) throws IOException {
        if (rest) {
            send(ex, 400, "application/json; charset=utf-8", Sts.restError(code, text));
        } else {
            sendFault(ex, Xml.SOAP12, "Client", code, text);
        }
    }

    /**
     * Refuses (as {@link Sts.Refusal}) a request to a SOAP 1.2 binding that is not a SOAP 1.2 envelope sent as
     * {@code application/soap+xml}, or whose content type names another action than {@code action}; with
     * {@code actionRequired} the action parameter must be present.
     */
    private static void checkSoap12(HttpExchange ex, Document doc, String action, boolean actionRequired) {
        String problem = soap12Problem(ex, doc, action, actionRequired);
        if (problem != null) {
            throw new Sts.Refusal(PlatformFaults.MALFORMED_REQUEST, problem);
        }
    }

    /** What is wrong with a SOAP 1.2 request's envelope and content type, or null. */
    private static String soap12Problem(HttpExchange ex, Document doc, String action, boolean actionRequired) {
        Element env = doc.getDocumentElement();
        if (!"Envelope".equals(env.getLocalName()) || !Xml.SOAP12.equals(env.getNamespaceURI())) {
            return "not a SOAP 1.2 envelope (the binding is SOAP 1.2)";
        }
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type"));
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("application/soap+xml")) {
            return "Content-Type is " + type + ", SOAP 1.2 requires application/soap+xml";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(";\\s*action\\s*=\\s*\"?([^\";]*)\"?")
                .matcher(type);
        if (m.find()) {
            if (!m.group(1).equals(action)) {
                return "Content-Type action is " + m.group(1) + ", expected " + action;
            }
        } else if (actionRequired) {
            return "Content-Type has no action parameter";
        }
        if (ex.getRequestHeaders().getFirst("SOAPAction") != null) {
            return "SOAP 1.2 sends no SOAPAction header";
        }
        return null;
    }

    private Document answer(Endpoint ep, HttpExchange ex, byte[] request, Clock callClock) {
        Document doc;
        try {
            doc = SecureXml.parse(new java.io.ByteArrayInputStream(request));
        } catch (RammearkitekturException e) {
            record(ep.id, null, PlatformFaults.MALFORMED_REQUEST, "request is not acceptable XML: " + e.getMessage());
            return Xml.fault("Client", PlatformFaults.MALFORMED_REQUEST, "request is not well-formed XML");
        }
        Element env = doc.getDocumentElement();
        Element header = Xml.kid(env, ep.soapNs, "Header");
        Element body = Xml.kid(env, ep.soapNs, "Body");
        String version = Xml.SOAP12.equals(ep.soapNs) ? "SOAP 1.2" : "SOAP 1.1";
        if (!"Envelope".equals(env.getLocalName()) || !ep.soapNs.equals(env.getNamespaceURI()) || body == null
                || Xml.kids(body).size() != 1) {
            record(ep.id, null, PlatformFaults.MALFORMED_REQUEST, "not a " + version + " envelope with one body element");
            return Xml.fault(ep.soapNs, "Client", PlatformFaults.MALFORMED_REQUEST, "not a " + version + " envelope");
        }
        Element payload = Xml.kids(body).get(0);
        String messageId = header == null ? null : Xml.text(header, Xml.WSA, "MessageID");
        String correlationId = messageId != null && messageId.startsWith("urn:uuid:") ? messageId.substring(9) : messageId;
        List<String[]> found = new ArrayList<>();
        String expectedAction = action(ep, payload);
        if (expectedAction == null) {
            found.add(new String[] {PlatformFaults.SCHEMA, "unknown operation " + payload.getLocalName()});
        }
        validate(ep, payload, found);
        boolean token = header != null && Xml.kid(header, Sts.WSSE, "Security") != null;
        boolean organisation = "SF1500".equals(ep.id);
        boolean klasse = "SF1510".equals(ep.id);
        boolean index = "SF1470".equals(ep.id);
        boolean benefits = ep.id.startsWith("SF1490-");
        boolean orgObjects = ep.id.startsWith("SF1500-");
        boolean supportSystem = organisation || klasse || orgObjects || index || benefits;
        String transactionUuid = supportSystem ? checkRequestHeader(header, found) : null;
        String tokenCvr = null;
        boolean contextOnly = "SF6002".equals(ep.id);
        if (token && contextOnly) {
            found.add(new String[] {PlatformFaults.SIGNATURE, "SF6002 has only the InvocationContext model; it takes"
                    + " no WS-Security header"});
        }
        if (token && !contextOnly) {
            checkAddressing(ep, ex, header, expectedAction, messageId, found);
            tokenCvr = sts.verifyServiceCall(doc, ex, ep.entityId, callClock, found);
        } else if (supportSystem) {
            found.add(new String[] {PlatformFaults.SIGNATURE, ep.id
                + " is called directly with an STS token in a signed WS-Security header; it has no"
                        + " InvocationContext model"});
        } else {
            checkSoapAction(ex, expectedAction, found);
            // Inside the request element, as the published SF1520/SF1530 contracts place it (SF1500 has no such model).
            Element ctx = Xml.kid(payload, Xml.INVCTX, "InvocationContext");
            if (correlationId == null && ctx != null) {
                correlationId = Xml.text(ctx, Xml.INVCTX, "CallersServiceCallIdentifier");
            }
            checkInvocationContext(ep, header, ctx, found);
            checkClientCertificate(ex, found);
        }
        for (String[] f : found) {
            record(ep.id, correlationId, f[0], f[1]);
        }
        if (strict && !found.isEmpty()) {
            return Xml.fault(ep.soapNs, "Client", found.get(0)[0], found.get(0)[1]);
        }
        Element out = Xml.envelope(ep.soapNs);
        if (supportSystem) {
            Element replyHeader = Xml.kid(out.getOwnerDocument().getDocumentElement(), ep.soapNs, "Header");
            OrganisationResponses.requestHeader(replyHeader, transactionUuid == null ? "" : transactionUuid);
            if (klasse) {
                KlassifikationResponses.answer(out, payload, klassifikation, faults.drawStatus());
            } else if (index) {
                sagDokumentIndeksService.answer(out, payload, tokenCvr, callClock.instant(), faults.drawStatus(),
                        correlationId, (id, p) -> record(ep.id, id, p.rule(), p.text()));
            } else if (benefits) {
                ydelsesIndeksService.answer(out, payload, tokenCvr, callClock.instant(), faults.drawStatus(),
                        correlationId, (id, p) -> record(ep.id, id, p.rule(), p.text()));
            } else if (organisation) {
                organisationPage(out, payload, tokenCvr);
            } else {
                // only the organisation of the token's CVR, as the hierarchy read
                OrganisationObjectResponses.answer(ep.path.split("/")[2], out, payload, tokenCvr == null
                        ? Optional.empty() : data.organisation(tokenCvr), faults.drawStatus());
            }
            return out.getOwnerDocument();
        }
        switch (payload.getLocalName()) {
            case "PersonLookupRequest": {
                Optional<SimulatorData.Person> p = data.person(key(payload, ServiceResponses.PNR_NS, "PNR"));
                if (p.isEmpty()) {
                    return Xml.fault("Client", PlatformFaults.NOT_FOUND, ServiceResponses.PNR_NOT_FOUND);
                }
                ServiceResponses.person(out, p.get());
                break;
            }
            case "GetLegalUnitRequest": {
                Optional<SimulatorData.Company> c = data.company(key(payload, ServiceResponses.CVR_DATA_NS,
                        "LegalUnitIdentifier"));
                if (c.isEmpty()) {
                    return Xml.fault("Client", PlatformFaults.NOT_FOUND, ServiceResponses.CVR_NOT_FOUND);
                }
                ServiceResponses.legalUnit(out, c.get());
                break;
            }
            case "AddPNRSubscription":
            case "RemovePNRSubscription":
            case "GetAllFilters":
                if (!contextOnly) { // an SF6002 operation sent elsewhere (answered only in lenient mode)
                    return Xml.fault(ep.soapNs, "Client", PlatformFaults.SCHEMA, "unknown operation");
                }
                cprSubscriptions.answer(out, payload, data);
                break;
            case "SearchLegalUnitRequest":
                ServiceResponses.legalUnitSearch(out, data.companies(), payload);
                break;
            case "GetProductionUnitRequest":
                ServiceResponses.productionUnit(out, data.productionUnit(key(payload, ServiceResponses.CVR_DATA_NS,
                        "ProductionUnitIdentifier")));
                break;
            default:
                return Xml.fault(ep.soapNs, "Client", PlatformFaults.SCHEMA, "unknown operation");
        }
        return out.getOwnerDocument();
    }

    /** The text of the first descendant {ns}local of the request, or an empty string. */
    private static String key(Element payload, String ns, String local) {
        org.w3c.dom.NodeList l = payload.getElementsByTagNameNS(ns, local);
        return l.getLength() == 0 ? "" : l.item(0).getTextContent().trim();
    }

    /** Validates the request element against the published contract when given one, else the SDK's subset. */
    private void validate(Endpoint ep, Element payload, List<String[]> found) {
        boolean published = contracts != null && ep.published != null;
        if (!published && ep.contract == null) {
            return; // no contract of either kind (every endpoint has a subset of the SDK's own today)
        }
        try {
            javax.xml.validation.Schema schema = published ? PublishedContracts.schema(contracts.resolve(ep.published))
                    : Contracts.schema(ep.contract);
            SecureXml.validator(schema).validate(new DOMSource(payload));
        } catch (SAXException | IOException | RuntimeException e) {
            found.add(new String[] {PlatformFaults.SCHEMA, "body does not match the " + (published ? "published " : "")
                    + "contract: " + e.getMessage()});
        }
    }

    /** The binding's SOAPAction HTTP header (both auth models). */
    private static void checkSoapAction(HttpExchange ex, String expectedAction, List<String[]> found) {
        String soapAction = ex.getRequestHeaders().getFirst("SOAPAction");
        if (expectedAction != null && (soapAction == null || !soapAction.replace("\"", "").equals(expectedAction))) {
            found.add(new String[] {PlatformFaults.ADDRESSING, "SOAPAction header is " + soapAction});
        }
    }

    /** SF1500's RequestHeader/TransactionUUID (the binding's header part); returns the TransactionUUID. */
    private static String checkRequestHeader(Element header, List<String[]> found) {
        Element rh = header == null ? null : Xml.kid(header, OrganisationResponses.REQUEST_HEADER, "RequestHeader");
        if (rh == null) {
            found.add(new String[] {PlatformFaults.REQUEST_HEADER, "no RequestHeader/TransactionUUID header"});
            return null;
        }
        try {
            SecureXml.validator(Contracts.schema("organisation/RequestHeader_1.xsd")).validate(new DOMSource(rh));
        } catch (SAXException | IOException | RuntimeException e) {
            found.add(new String[] {PlatformFaults.REQUEST_HEADER, "RequestHeader is malformed: " + e.getMessage()});
            return null;
        }
        return Xml.text(rh, OrganisationResponses.REQUEST_HEADER, "TransactionUUID");
    }

    /**
     * One page of the organisation of the token's CVR. A negative paging field is answered with StatusKode 40 (the
     * simulator's choice; the contract gives the codes no meaning beyond 20 = OK), an injected status likewise.
     */
    private void organisationPage(Element body, Element input, String tokenCvr) {
        Fault status = faults.drawStatus();
        if (status != null) {
            OrganisationResponses.status(body, Integer.parseInt(status.code()), "simulated status " + status.code());
            return;
        }
        long first = number(input, "FoersteResultatReference", 0);
        long max = number(input, "MaksimalAntalKvantitet", Integer.MAX_VALUE);
        if (first < 0 || max < 0) {
            OrganisationResponses.status(body, 40, "FoersteResultatReference and MaksimalAntalKvantitet must not be negative");
            return;
        }
        OrganisationResponses.page(body, tokenCvr == null ? java.util.Optional.empty() : data.organisation(tokenCvr),
                (int) Math.min(first, Integer.MAX_VALUE), (int) Math.min(max, Integer.MAX_VALUE));
    }

    private static long number(Element input, String name, long absent) {
        return SagDokReplies.number(Xml.text(input, OrganisationResponses.SD, name), absent);
    }

    private void checkAddressing(Endpoint ep, HttpExchange ex, Element header, String expectedAction, String messageId,
            List<String[]> found) {
        if (header == null) {
            found.add(new String[] {PlatformFaults.ADDRESSING, "no SOAP header"});
            return;
        }
        String action = Xml.text(header, Xml.WSA, "Action");
        if (expectedAction != null && !expectedAction.equals(action)) {
            found.add(new String[] {PlatformFaults.ADDRESSING, "wsa:Action is " + action + ", expected " + expectedAction});
        }
        if (Xml.SOAP12.equals(ep.soapNs)) {
            String problem = expectedAction == null ? null
                    : soap12Problem(ex, header.getOwnerDocument(), expectedAction, false);
            if (problem != null) {
                found.add(new String[] {PlatformFaults.ADDRESSING, problem});
            }
        } else {
            checkSoapAction(ex, expectedAction, found);
        }
        if (messageId == null || !messageId.matches("urn:uuid:[0-9a-fA-F-]{36}")) {
            found.add(new String[] {PlatformFaults.ADDRESSING, "wsa:MessageID missing or not urn:uuid:<uuid>"});
        }
        String to = Xml.text(header, Xml.WSA, "To");
        if (to == null || !URI.create(to).getPath().equals(ep.path)) {
            found.add(new String[] {PlatformFaults.ADDRESSING, "wsa:To does not name this endpoint"});
        }
    }

    /**
     * The InvocationContext: inside the request element for the services whose published contract puts it there
     * (SF1520, SF1530); a context sent only as a SOAP header is refused for them. CallersServiceCallIdentifier and
     * WS-Addressing are optional on this auth model, so neither is demanded.
     */
    private void checkInvocationContext(Endpoint ep, Element header, Element ctx, List<String[]> found) {
        if (ctx == null) {
            boolean inHeader = header != null && Xml.kid(header, Xml.INVCTX, "InvocationContext") != null;
            found.add(new String[] {PlatformFaults.INVOCATION_CONTEXT, inHeader
                    ? "InvocationContext must be inside the request element in the SOAP Body, not a SOAP header"
                    : "no InvocationContext in the request"});
            return;
        }
        try {
            SecureXml.validator(Contracts.schema("sp/InvocationContext_1.xsd")).validate(new DOMSource(ctx));
        } catch (SAXException | IOException | RuntimeException e) {
            found.add(new String[] {PlatformFaults.INVOCATION_CONTEXT, "InvocationContext is malformed: " + e.getMessage()});
            return;
        }
        expect(found, ep.serviceUuid.toString(), Xml.text(ctx, Xml.INVCTX, "ServiceUUID"), "ServiceUUID");
        expect(found, agreements.get(ep.id).toString(), Xml.text(ctx, Xml.INVCTX, "ServiceAgreementUUID"),
                "ServiceAgreementUUID");
        expect(found, userSystem.toString(), Xml.text(ctx, Xml.INVCTX, "UserSystemUUID"), "UserSystemUUID");
        expect(found, user.toString(), Xml.text(ctx, Xml.INVCTX, "UserUUID"), "UserUUID");
    }

    private static void expect(List<String[]> found, String expected, String actual, String field) {
        if (actual == null || !expected.equalsIgnoreCase(actual)) {
            found.add(new String[] {PlatformFaults.INVOCATION_CONTEXT, field + " is not the registered one"});
        }
    }

    private void checkClientCertificate(HttpExchange ex, List<String[]> found) {
        List<X509Certificate> chain = clientChain(ex);
        if (chain.isEmpty()) {
            found.add(new String[] {PlatformFaults.INVOCATION_CONTEXT, "no client certificate"});
        } else if (!chain.get(0).equals(system.certificate())) {
            found.add(new String[] {PlatformFaults.INVOCATION_CONTEXT,
                "client certificate is not the registered system certificate"});
        }
    }

    private static byte[] serialize(Document doc) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(doc, out);
        return out.toByteArray();
    }

    private void sendFault(HttpExchange ex, String soapNs, String soapCode, String code, String text) throws IOException {
        Document fault = Xml.fault(soapNs, soapCode, code, text);
        byte[] bytes = serialize(fault);
        wireTap.accept("fault", bytes);
        send(ex, Xml.status(fault), Xml.contentType(soapNs), bytes);
    }

    /** Builder for {@link ServiceplatformSimulator}. */
    public static final class Builder {
        private TestPki pki = TestPki.generateFast(1);
        private SimulatorData data;
        private KlassifikationData klassifikation;
        private SagDokumentIndeksData sagDokumentIndeks;
        private YdelsesIndeksData ydelsesIndeks;
        private boolean strict = true;
        private Clock clock = Clock.systemUTC();
        private Duration skew = Duration.ofMinutes(5);
        private int port;
        private Duration tokenLifetime = Duration.ofHours(8);
        private String stsIssuer = Sts.ISSUER;
        private boolean signReplies;
        private Path contracts = PublishedContracts.find();
        private List<X509Certificate> extraClientTrustAnchors = List.of();

        private Builder() {
        }

        /**
         * Roots besides the test PKI's that client certificates may chain to, e.g. the CA of a vendor's own test
         * certificate or of a broker's client certificate, so that one certificate serves both that system and the
         * simulator. The HTTPS server accepts such certificates in the handshake and the STS validates them against
         * these roots (validity, key usage digitalSignature, algorithms; no revocation check, the simulator has no CRL
         * of theirs); the STS issues tokens to one only after {@link ServiceplatformSimulator#authorise}. Default none.
         */
        public Builder extraClientTrustAnchors(Collection<X509Certificate> anchors) {
            List<X509Certificate> copy = List.copyOf(Objects.requireNonNull(anchors, "anchors == null"));
            for (X509Certificate a : copy) {
                if (a.getBasicConstraints() < 0) {
                    throw new IllegalArgumentException("not a CA certificate: " + a.getSubjectX500Principal());
                }
            }
            this.extraClientTrustAnchors = copy;
            return this;
        }

        /**
         * Validates every incoming SF1520 and SF1530 request against the published contracts in {@code dir} (laid
         * out as {@code shared/conformance/serviceplatformen}: {@code sf1520-cpr-personbasedataextended-4/},
         * {@code sf1530-cvr-online-2/}) instead of the SDK's own contract subsets; null for the subsets. The default
         * is the folder {@link PublishedContracts#find()} finds next to the project (the system property
         * {@code rammearkitektur.shared.dir}, else {@code ../shared}), or null when there is none.
         *
         * @throws IllegalArgumentException when {@code dir} does not hold those contracts
         */
        public Builder contracts(Path dir) {
            if (dir != null && !PublishedContracts.present(dir)) {
                throw new IllegalArgumentException("no published Serviceplatformen contracts in " + dir
                        + " (expected " + PublishedContracts.SF1520 + " and " + PublishedContracts.SF1530 + ")");
            }
            this.contracts = dir == null ? null : dir.toAbsolutePath().normalize();
            return this;
        }

        /**
         * Whether the services sign their (non-fault) replies with WS-Security, a BinarySecurityToken with
         * {@link ServiceplatformSimulator#serviceSigningCertificate()} over Body and Timestamp, as the token policies
         * have the real services do (default off).
         */
        public Builder signReplies(boolean sign) {
            this.signReplies = sign;
            return this;
        }

        /**
         * The Issuer of the tokens the STS issues (default {@code https://saml.n2adgangsstyring.simulator.rammearkitektur.test},
         * in the form of the real STS's {@code https://saml.<sts host>}).
         */
        public Builder stsIssuer(String issuer) {
            this.stsIssuer = Objects.requireNonNull(issuer, "issuer == null");
            return this;
        }

        /** How long issued tokens are valid (default 8 hours). */
        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime, "lifetime == null");
            return this;
        }

        /** The test PKI whose roots are trusted and whose OCES3 organisation certificate is the registered system. */
        public Builder pki(TestPki pki) {
            this.pki = Objects.requireNonNull(pki, "pki == null");
            return this;
        }

        /** The registers to serve (default: {@link SimulatorData#seeded(String)} for the PKI's CVR). */
        public Builder data(SimulatorData data) {
            this.data = Objects.requireNonNull(data, "data == null");
            return this;
        }

        /** The classes Klassifikation serves (default: {@link KlassifikationData#seeded()}). */
        public Builder klassifikation(KlassifikationData klassifikation) {
            this.klassifikation = Objects.requireNonNull(klassifikation, "klassifikation == null");
            return this;
        }

        /** The Sags- og Dokumentindeks to serve (default: an empty {@link SagDokumentIndeksData}). */
        public Builder sagDokumentIndeks(SagDokumentIndeksData index) {
            this.sagDokumentIndeks = Objects.requireNonNull(index, "index == null");
            return this;
        }

        /** The Ydelsesindeks to serve (default: an empty {@link YdelsesIndeksData}). */
        public Builder ydelsesIndeks(YdelsesIndeksData index) {
            this.ydelsesIndeks = Objects.requireNonNull(index, "index == null");
            return this;
        }

        /** Strict (default): a violation fails the call with the platform's fault. Lenient: recorded only. */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** The simulator's clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock == null");
            return this;
        }

        /** The clock skew tolerated in timestamps and token lifetimes. */
        public Builder clockSkew(Duration skew) {
            this.skew = Objects.requireNonNull(skew, "skew == null");
            return this;
        }

        /** The port on 127.0.0.1; 0 (default) picks a free one. */
        public Builder port(int port) {
            this.port = LoopbackHttpsServer.checkedPort(port);
            return this;
        }

        /** The simulator, not yet started. */
        public ServiceplatformSimulator build() {
            return new ServiceplatformSimulator(this);
        }
    }
}

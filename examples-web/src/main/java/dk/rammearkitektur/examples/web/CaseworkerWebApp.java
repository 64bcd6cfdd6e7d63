package dk.rammearkitektur.examples.web;

import dk.rammearkitektur.signing.SigningCredential;
import dk.rammearkitektur.signing.xml.SignatureTrust;
import dk.rammearkitektur.sso.LevelOfAssurance;
import dk.rammearkitektur.sso.privileges.BppNamespace;
import dk.rammearkitektur.sso.privileges.KleConstraint;
import dk.rammearkitektur.sso.privileges.OrgUnitConstraint;
import dk.rammearkitektur.sso.privileges.PrivilegeGroup;
import dk.rammearkitektur.sso.privileges.PrivilegeList;
import dk.rammearkitektur.sso.privileges.PrivilegeScope;
import dk.rammearkitektur.sso.privileges.SensitivityConstraint;
import dk.rammearkitektur.sso.servlet.SsoFilter;
import dk.rammearkitektur.sso.sp.IdpMetadata;
import dk.rammearkitektur.sso.sp.ServiceProvider;
import dk.rammearkitektur.sso.sp.SsoProfile;
import dk.rammearkitektur.testkit.idp.IdentityProviderSimulator;
import dk.rammearkitektur.testkit.idp.IdpProfile;
import dk.rammearkitektur.testkit.idp.RegisteredSp;
import dk.rammearkitektur.testkit.idp.TestUser;
import dk.rammearkitektur.testkit.pki.TestPki;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.http.Rfc6265CookieProcessor;
import org.apache.tomcat.util.descriptor.web.FilterMap;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * A small case system in which a caseworker logs in through the Context Handler: the identity provider simulator
 * plays the Context Handler (NSIS profile) over loopback HTTPS, the sso module's {@link SsoFilter} runs on embedded
 * Tomcat (loopback HTTPS too), and the pages show the rights the SDK read ({@code /my-rights}) and answer an access
 * question ({@code /access}).
 *
 * <pre>
 * java -cp ... dk.rammearkitektur.examples.web.CaseworkerWebApp [port]     # default 8443; Enter stops it
 * </pre>
 */
public final class CaseworkerWebApp implements AutoCloseable {
    /** The case system's caseworker role (a brugersystemrolle), limited by KLE, unit and sensitivity. */
    public static final String ROLE_CASEWORKER = "http://sagssystem.example/roles/usersystemrole/sagsbehandler/1";
    /** A read-only role without constraints. */
    public static final String ROLE_READER = "http://sagssystem.example/roles/usersystemrole/laeser/1";
    /** The organisation unit the caseworker role is limited to. */
    public static final UUID UNIT = UUID.fromString("7ac56cc7-a3d8-40eb-b2d6-f94096a271bf");
    /** KOMBIT's test municipality Korsbæk (research note §7). */
    public static final String CVR = "11111111";
    /** The test user on the simulator's login page. */
    public static final TestUser CASEWORKER = TestUser.professional("karen").cvr(CVR).orgName("Korsbæk Kommune")
            .name("Karen", "Sagsbehandler").email("karen@korsbaek.example").loa(LevelOfAssurance.SUBSTANTIAL)
            .privileges(PrivilegeList.of(
                    new PrivilegeGroup(PrivilegeScope.cvr(CVR), List.of(ROLE_CASEWORKER),
                            List.of(KleConstraint.of("32.18.*", "27.24.00"), OrgUnitConstraint.of(UNIT),
                                    SensitivityConstraint.of("3"))),
                    PrivilegeGroup.of(PrivilegeScope.cvr(CVR), ROLE_READER)), BppNamespace.V1_0_1)
            .build();
    /** The service provider's entity id. */
    public static final String ENTITY_ID = "https://saml.sagssystem.example";

    private final IdentityProviderSimulator idp;
    private final Tomcat tomcat;
    private final Path baseDir;
    private final LoopbackCertificate tls;
    private final URI uri;

    private CaseworkerWebApp(IdentityProviderSimulator idp, Tomcat tomcat, Path baseDir, LoopbackCertificate tls,
            URI uri) {
        this.idp = idp;
        this.tomcat = tomcat;
        this.baseDir = baseDir;
        this.tls = tls;
        this.uri = uri;
    }

    /**
     * Starts the identity provider simulator and the web application on {@code 127.0.0.1}.
     *
     * @param port the application's HTTPS port, or 0 for a free one
     * @return the running application; close it to stop both
     */
    public static CaseworkerWebApp start(int port) throws IOException {
        int appPort = port != 0 ? port : freePort();
        URI base = URI.create("https://127.0.0.1:" + appPort + "/");
        IdentityProviderSimulator idp = IdentityProviderSimulator.builder(IdpProfile.CONTEXT_HANDLER_NSIS)
                .user(CASEWORKER).start();
        Path dir = null;
        Tomcat tomcat = null;
        try {
            // The Context Handler demands an OCES3 certificate for signing (research note §1); the test PKI has one.
            SigningCredential oces3 = TestPki.generateFast(20).oces3Organisation().credential();
            ServiceProvider sp = ServiceProvider.builder()
                    .entityId(ENTITY_ID)
                    .assertionConsumerService(base.resolve("saml/acs").toString())
                    .singleLogoutService(base.resolve("saml/slo").toString())  // the filter serves this path
                    .signingCredential(oces3).decryptionCredential(oces3)
                    .idp(IdpMetadata.parse(idp.metadata(), SignatureTrust.pinned(idp.signingCertificate())))
                    .profile(SsoProfile.contextHandlerNsisTest())
                    .build();
            idp.register(RegisteredSp.fromMetadata(sp.metadata()));   // as registering in Administrationsmodulet
            SsoFilter filter = SsoFilter.builder(sp).protectedPaths("/my-rights", "/access").build();

            LoopbackCertificate tls = LoopbackCertificate.generate(Clock.systemUTC());
            dir = Files.createTempDirectory("caseworker-web-app");
            tomcat = new Tomcat();
            tomcat.setBaseDir(dir.toString());
            tomcat.setConnector(httpsConnector(appPort, tls));
            Context ctx = tomcat.addContext("", null);
            // The session cookie: Secure (an HTTPS connector) and HttpOnly are Tomcat's defaults; SameSite=Lax, not
            // Strict, so that the cookie still comes along on the redirect that follows the IdP's cross-site POST.
            Rfc6265CookieProcessor cookies = new Rfc6265CookieProcessor();
            cookies.setSameSiteCookies("Lax");
            ctx.setCookieProcessor(cookies);
            FilterDef def = new FilterDef();
            def.setFilterName("sso");
            def.setFilter(filter);
            ctx.addFilterDef(def);
            FilterMap map = new FilterMap();
            map.setFilterName("sso");
            map.addURLPattern("/*");
            ctx.addFilterMap(map);
            URI idpSlo = idp.sloUri();
            Tomcat.addServlet(ctx, "pages", new RightsPages(idpSlo.getScheme() + "://" + idpSlo.getRawAuthority()));
            ctx.addServletMappingDecoded("/", "pages");
            tomcat.start();
            return new CaseworkerWebApp(idp, tomcat, dir, tls, base);
        } catch (IOException | LifecycleException | RuntimeException e) {
            stopQuietly(tomcat);
            idp.close();
            deleteTree(dir);
            throw e instanceof IOException io ? io : new IOException("the web application did not start: " + e, e);
        }
    }

    private static Connector httpsConnector(int port, LoopbackCertificate tls) {
        Connector c = new Connector();
        c.setPort(port);
        c.setProperty("address", "127.0.0.1");
        c.setScheme("https");
        c.setSecure(true);
        c.setProperty("SSLEnabled", "true");
        SSLHostConfig host = new SSLHostConfig();
        SSLHostConfigCertificate cert = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.RSA);
        char[] password = "changeit".toCharArray();
        cert.setCertificateKeystore(tls.keyStore(password));
        cert.setCertificateKeystorePassword(new String(password));
        cert.setCertificateKeyAlias("tls");
        host.addCertificate(cert);
        c.addSslHostConfig(host);
        return c;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The application's base URL, {@code https://127.0.0.1:<port>/}. */
    public URI uri() {
        return uri;
    }

    /** The identity provider simulator playing the Context Handler (arm faults on it). */
    public IdentityProviderSimulator idp() {
        return idp;
    }

    /** The application's self-signed TLS certificate (trust exactly this one in a test client or browser). */
    public X509Certificate tlsCertificate() {
        return tls.certificate();
    }

    /** Stops the web application and the simulator. */
    @Override
    public void close() {
        stopQuietly(tomcat);
        idp.close();
        deleteTree(baseDir);
    }

    private static void stopQuietly(Tomcat tomcat) {
        if (tomcat == null) {
            return;
        }
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            // stopping anyway
        }
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary folder: left behind
        }
    }

    /** Runs the example: {@code [port]} (default 8443); stops when Enter is pressed or standard input ends. */
    public static void main(String[] args) throws IOException {
        run(args, System.in, System.out, app -> { });
    }

    /** {@link #main} with its streams, telling {@code started} about the running application. */
    static void run(String[] args, InputStream in, PrintStream out, Consumer<CaseworkerWebApp> started)
            throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8443;
        try (CaseworkerWebApp app = start(port)) {
            started.accept(app);
            out.println("Case system at " + app.uri() + " (self-signed certificate)");
            out.println("Context Handler simulator at " + app.idp().baseUri() + " (certificate issued by the testkit's CA)");
            out.println("Open " + app.uri().resolve("my-rights") + ", log in as " + CASEWORKER.fullName()
                    + ". Press Enter to stop.");
            out.flush();
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        }
        out.println("stopped");
    }
}

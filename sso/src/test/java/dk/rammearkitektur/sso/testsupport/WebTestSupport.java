package dk.rammearkitektur.sso.testsupport;

import jakarta.servlet.Filter;
import jakarta.servlet.Servlet;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * Test support for web logins over loopback (shared with the other modules' tests through this module's test jar): a
 * browser-like HTTP client that keeps cookies, follows no redirect and trusts only the given TLS anchors; GET and form
 * POST with timeouts; the auto-submitting form an identity provider answers with; and, in {@link EmbeddedTomcat}, a
 * servlet container with one filter in front of one servlet. Only {@link EmbeddedTomcat} needs
 * {@code tomcat-embed-core} on the test class path.
 */
public final class WebTestSupport {
    /** How long one request may take. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Pattern ACTION = Pattern.compile("<form method=\"post\" action=\"([^\"]+)\">");
    private static final Pattern HIDDEN =
            Pattern.compile("<input type=\"hidden\" name=\"([A-Za-z]+)\" value=\"([^\"]*)\">");

    private WebTestSupport() {
    }

    /**
     * A new browser: its own cookies, no redirect followed (the test follows them), HTTP/1.1, trusting only
     * {@code trustAnchors} for HTTPS (none: the JDK's default trust).
     */
    public static HttpClient browser(X509Certificate... trustAnchors) throws GeneralSecurityException, IOException {
        HttpClient.Builder b = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(CONNECT_TIMEOUT)
                .version(HttpClient.Version.HTTP_1_1);
        if (trustAnchors.length > 0) {
            b.sslContext(trusting(trustAnchors));
        }
        return b.build();
    }

    /** A TLS client context that trusts exactly these anchors. */
    public static SSLContext trusting(X509Certificate... anchors) throws GeneralSecurityException, IOException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (int i = 0; i < anchors.length; i++) {
            ks.setCertificateEntry("anchor" + i, anchors[i]);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    /** A GET of {@code uri}, within {@link #REQUEST_TIMEOUT}. */
    public static HttpResponse<String> get(HttpClient browser, URI uri) throws IOException, InterruptedException {
        return browser.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST of {@code form} as {@code application/x-www-form-urlencoded} (in the map's order) to {@code uri}. */
    public static HttpResponse<String> post(HttpClient browser, URI uri, Map<String, String> form)
            throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(k).append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return browser.send(HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The auto-submitting POST form of {@code html} (the identity provider's answer): its action and hidden fields,
     * HTML-unescaped; an {@link AssertionError} showing the page when there is no such form.
     */
    public static AutoPostForm autoPostForm(String html) {
        Matcher action = ACTION.matcher(html);
        if (!action.find()) {
            throw new AssertionError("no POST form in: " + html);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Matcher m = HIDDEN.matcher(html); m.find();) {
            fields.put(m.group(1), unescape(m.group(2)));
        }
        return new AutoPostForm(URI.create(unescape(action.group(1))), Collections.unmodifiableMap(fields));
    }

    private static String unescape(String s) {
        return s.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    /**
     * An auto-submitting form: where it posts and its hidden fields.
     *
     * @param action the form's action
     * @param fields the hidden fields by name, in the page's order
     */
    public record AutoPostForm(URI action, Map<String, String> fields) {
        /** Posts the fields to the action, as the page's script would. */
        public HttpResponse<String> submit(HttpClient browser) throws IOException, InterruptedException {
            return post(browser, action, fields);
        }
    }

    /**
     * Embedded Tomcat on 127.0.0.1: one filter on {@code /*} in front of one servlet on {@code /}, in a temporary base
     * directory that {@link #close()} deletes.
     */
    public static final class EmbeddedTomcat implements AutoCloseable {
        private final Tomcat tomcat;
        private final Path base;
        private final URI uri;

        private EmbeddedTomcat(Tomcat tomcat, Path base, URI uri) {
            this.tomcat = tomcat;
            this.base = base;
            this.uri = uri;
        }

        /**
         * Starts the container.
         *
         * @param contextPath {@code ""} (the root) or a path such as {@code /app}
         * @param port the port, 0 for any free one
         * @param filter the filter in front of every request
         * @param servlet the servlet behind it
         * @return the started container
         * @throws Exception when Tomcat does not start (then nothing is left running)
         */
        public static EmbeddedTomcat start(String contextPath, int port, Filter filter, Servlet servlet)
                throws Exception {
            Path base = Files.createTempDirectory("web-test-tomcat");
            Tomcat tomcat = new Tomcat();
            try {
                tomcat.setBaseDir(base.toString());
                Connector connector = new Connector();
                connector.setPort(port);
                connector.setProperty("address", "127.0.0.1");
                tomcat.setConnector(connector);
                Context ctx = tomcat.addContext(contextPath, null);
                FilterDef def = new FilterDef();
                def.setFilterName("filter");
                def.setFilter(filter);
                ctx.addFilterDef(def);
                FilterMap map = new FilterMap();
                map.setFilterName("filter");
                map.addURLPattern("/*");
                ctx.addFilterMap(map);
                Tomcat.addServlet(ctx, "servlet", servlet);
                ctx.addServletMappingDecoded("/", "servlet");
                tomcat.start();
                return new EmbeddedTomcat(tomcat, base,
                        URI.create("http://127.0.0.1:" + connector.getLocalPort() + contextPath + "/"));
            } catch (Exception | Error e) {
                try {
                    stop(tomcat, base);
                } catch (Exception | Error s) {
                    e.addSuppressed(s);
                }
                throw e;
            }
        }

        /** The context's root URI, ending in {@code /}. */
        public URI uri() {
            return uri;
        }

        /** Stops and destroys Tomcat and deletes its base directory. */
        @Override
        public void close() throws Exception {
            stop(tomcat, base);
        }

        private static void stop(Tomcat tomcat, Path base) throws Exception {
            try {
                tomcat.stop();
                tomcat.destroy();
            } finally {
                try (Stream<Path> walk = Files.walk(base)) {
                    walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                // Tomcat leaves its base in these JVM-wide properties, and the next Tomcat of the JVM would create
                // that directory again as its home.
                for (String property : new String[] {"catalina.home", "catalina.base"}) {
                    if (base.toString().equals(System.getProperty(property))) {
                        System.clearProperty(property);
                    }
                }
            }
        }
    }
}

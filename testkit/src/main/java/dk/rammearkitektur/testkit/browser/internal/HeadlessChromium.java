package dk.rammearkitektur.testkit.browser.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A headless Chromium with a throw-away profile, driven over the Chrome DevTools Protocol (CDP): one page to navigate,
 * evaluate JavaScript in, click and wait on, every wait bounded. The only certificates it accepts beyond the system's
 * are the server certificates given at launch, pinned by their public key
 * ({@code --ignore-certificate-errors-spki-list}); other certificate errors still fail. {@link #close()} kills the
 * browser (and its child processes) and deletes the profile.
 *
 * <pre>{@code
 * HeadlessChromium.assumeInstalled();
 * try (HeadlessChromium browser = HeadlessChromium.launch(List.of(serverCertificate), Duration.ofSeconds(30))) {
 *     browser.navigate(url);
 *     String title = browser.evaluate("document.title").asText();
 * }
 * }</pre>
 */
public final class HeadlessChromium implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    private final Process process;
    private final Path profile;
    private final Duration timeout;
    private final WebSocket socket;
    private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final String session;

    private HeadlessChromium(Process process, Path profile, Duration timeout, WebSocket socket, Listener listener) {
        this.process = process;
        this.profile = profile;
        this.timeout = timeout;
        this.socket = socket;
        listener.owner = this;
        try {
            String target = send(null, "Target.createTarget", JSON.createObjectNode().put("url", "about:blank"))
                    .path("targetId").asText();
            this.session = send(null, "Target.attachToTarget", JSON.createObjectNode().put("targetId", target)
                    .put("flatten", true)).path("sessionId").asText();
            send(session, "Page.enable", JSON.createObjectNode());
            send(session, "Runtime.enable", JSON.createObjectNode());
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /**
     * The Chromium executable: {@code /usr/bin/chromium}, else {@code chromium}, {@code chromium-browser} or
     * {@code google-chrome} on the {@code PATH}; empty when there is none.
     */
    public static Optional<Path> find() {
        Path debian = Path.of("/usr/bin/chromium");
        if (Files.isExecutable(debian)) {
            return Optional.of(debian);
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String name : NAMES) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name));
                }
            }
        }
        return Optional.empty();
    }

    /** Skips the calling test (a JUnit assumption) with a message saying why when no Chromium is installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(find().isPresent(), "no Chromium found (/usr/bin/chromium, or chromium, chromium-browser"
                + " or google-chrome on the PATH); the browser tests are skipped. Install it with"
                + " `apt-get install chromium`.");
    }

    /**
     * The value Chromium's {@code --ignore-certificate-errors-spki-list} takes for {@code certificate}: the Base64
     * SHA-256 of its SubjectPublicKeyInfo.
     *
     * @param certificate a server certificate
     * @return the pin
     */
    public static String spkiPin(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(certificate.getPublicKey().getEncoded()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts a headless Chromium ({@link #find()}) with a new temporary profile and opens one blank page.
     *
     * @param trustedServerCertificates server certificates to accept although no system root issued them
     * @param timeout the bound of the start and of every later step
     * @return the browser
     * @throws IllegalStateException when there is no Chromium, or it does not start within {@code timeout}
     */
    public static HeadlessChromium launch(List<X509Certificate> trustedServerCertificates, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout == null");
        Path exe = find().orElseThrow(() -> new IllegalStateException("no Chromium installed"));
        Path profile;
        try {
            profile = Files.createTempDirectory("rammearkitektur-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> pins = new ArrayList<>();
        for (X509Certificate c : trustedServerCertificates) {
            pins.add(spkiPin(c));
        }
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--headless", "--user-data-dir=" + profile,
                "--remote-debugging-port=0", "--remote-debugging-address=127.0.0.1", "--no-first-run",
                "--no-default-browser-check", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions",
                "--disable-background-networking", "--disable-sync", "--disable-component-update",
                "--metrics-recording-only", "--password-store=basic", "--use-mock-keychain"));
        if (!pins.isEmpty()) {
            cmd.add("--ignore-certificate-errors-spki-list=" + String.join(",", pins));
        }
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.add("--no-sandbox"); // Chromium refuses to run its sandbox as root (e.g. in CI containers)
        }
        cmd.add("about:blank");
        Process p = null;
        try {
            p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(profile.resolve("chromium.log").toFile()).start();
            URI ws = devToolsUri(p, profile, timeout);
            Listener listener = new Listener();
            WebSocket socket = HttpClient.newBuilder().connectTimeout(timeout).build().newWebSocketBuilder()
                    .connectTimeout(timeout).buildAsync(ws, listener).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new HeadlessChromium(p, profile, timeout, socket, listener);
        } catch (IOException | ExecutionException | TimeoutException | RuntimeException e) {
            kill(p);
            deleteTree(profile);
            throw new IllegalStateException("Chromium did not start: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            kill(p);
            deleteTree(profile);
            throw new IllegalStateException("interrupted while starting Chromium", e);
        }
    }

    /** Waits (bounded) for the DevToolsActivePort file: line 1 the port, line 2 the browser's WebSocket path. */
    private static URI devToolsUri(Process p, Path profile, Duration timeout) throws IOException, InterruptedException {
        Path file = profile.resolve("DevToolsActivePort");
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (Files.isRegularFile(file)) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                if (lines.size() >= 2 && lines.get(0).matches("[0-9]{1,5}") && lines.get(1).startsWith("/")) {
                    return URI.create("ws://127.0.0.1:" + lines.get(0) + lines.get(1));
                }
            }
            if (!p.isAlive()) {
                throw new IllegalStateException("Chromium exited with " + p.exitValue() + ": "
                        + tail(profile.resolve("chromium.log")));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no DevToolsActivePort after " + timeout + ": "
                + tail(profile.resolve("chromium.log")));
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log, StandardCharsets.UTF_8);
            return s.length() > 2000 ? s.substring(s.length() - 2000) : s;
        } catch (IOException | RuntimeException e) {
            return "(no log)";
        }
    }

    /**
     * Loads {@code url} in the page and waits until it is loaded ({@code document.readyState} complete).
     *
     * @param url the address
     * @throws IllegalStateException when the navigation fails (e.g. a certificate error) or does not end in time
     */
    public void navigate(URI url) {
        evaluate("window.__rammearkitekturOld = true");
        JsonNode r = send(session, "Page.navigate", JSON.createObjectNode().put("url", url.toString()));
        if (r.hasNonNull("errorText") && !r.path("errorText").asText().isEmpty()) {
            throw new IllegalStateException("navigation to " + url + " failed: " + r.path("errorText").asText());
        }
        waitForNewDocument();
    }

    /**
     * Clicks the element {@code cssSelector} finds (as a user would: the element's {@code click()}) and, when the click
     * loads a new document (a link, a form submission), waits until it is loaded.
     *
     * @param cssSelector selects the element
     * @param navigates whether the click loads a new document
     * @throws IllegalStateException when there is no such element or the new document does not load in time
     */
    public void click(String cssSelector, boolean navigates) {
        if (navigates) {
            evaluate("window.__rammearkitekturOld = true");
        }
        JsonNode found = evaluate("(() => { const e = document.querySelector(" + quote(cssSelector)
                + "); if (!e) { return false; } setTimeout(() => e.click(), 0); return true; })()");
        if (!found.asBoolean()) {
            throw new IllegalStateException("no element matches " + cssSelector + " on " + evaluate("location.href"));
        }
        if (navigates) {
            waitForNewDocument();
        }
    }

    /**
     * Sets the value of the form field {@code cssSelector} finds (an input or a select).
     *
     * @param cssSelector selects the field
     * @param value the value
     */
    public void fill(String cssSelector, String value) {
        JsonNode ok = evaluate("(() => { const e = document.querySelector(" + quote(cssSelector)
                + "); if (!e) { return false; } e.value = " + quote(value)
                + "; e.dispatchEvent(new Event('change', {bubbles: true})); return e.value === " + quote(value) + "; })()");
        if (!ok.asBoolean()) {
            throw new IllegalStateException("cannot set " + cssSelector + " to the value given");
        }
    }

    private void waitForNewDocument() {
        waitUntil("window.__rammearkitekturOld === undefined && document.readyState === 'complete'");
    }

    /**
     * Waits until the JavaScript {@code condition} is true, checking every 50 ms, at most the browser's timeout.
     *
     * @param condition a JavaScript expression
     * @throws IllegalStateException when it is not true in time
     */
    public void waitUntil(String condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode v;
            try {
                v = evaluate("Boolean(" + condition + ")");
            } catch (IllegalStateException e) {
                v = null; // the context went away mid-navigation; ask again
            }
            if (v != null && v.asBoolean()) {
                return;
            }
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not true within " + timeout + ": " + condition);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + condition, e);
            }
        }
    }

    /**
     * Evaluates {@code expression} in the page (a promise is awaited) and returns its value as JSON.
     *
     * @param expression JavaScript
     * @return the value ({@code null} JSON node for undefined)
     * @throws IllegalStateException when it throws, or does not end within the timeout
     */
    public JsonNode evaluate(String expression) {
        JsonNode r = send(session, "Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + r.path("exceptionDetails").path("exception")
                    .path("description").asText(r.path("exceptionDetails").path("text").asText()));
        }
        return r.path("result").path("value");
    }

    /** {@code s} as a JavaScript string literal. */
    private static String quote(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode send(String sessionId, String method, ObjectNode params) {
        long id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode().put("id", id).put("method", method);
        msg.set("params", params);
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        try {
            synchronized (socket) {
                socket.sendText(msg.toString(), true).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
            JsonNode r = reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (r.has("error")) {
                throw new IllegalStateException(method + " failed: " + r.path("error").path("message").asText());
            }
            return r.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during " + method, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer within " + timeout + ": " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    private void received(String text) {
        try {
            JsonNode m = JSON.readTree(text);
            if (m.has("id")) {
                CompletableFuture<JsonNode> f = pending.get(m.path("id").asLong());
                if (f != null) {
                    f.complete(m);
                }
            }
        } catch (IOException e) {
            // not JSON: ignored, as CDP sends none
        }
    }

    /** Collects the text frames of one message and hands each whole message to the browser. */
    private static final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();
        volatile HeadlessChromium owner;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                HeadlessChromium o = owner;
                if (o != null) {
                    o.received(text);
                }
            }
            webSocket.request(1);
            return null;
        }
    }

    /** The profile folder (deleted at close). */
    public Path profile() {
        return profile;
    }

    /** Kills the browser and its child processes and deletes the profile. */
    @Override
    public void close() {
        try {
            socket.abort();
        } catch (RuntimeException e) {
            // already closed
        }
        kill(process);
        deleteTree(profile);
    }

    private static void kill(Process p) {
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList();
        p.destroy();
        children.forEach(ProcessHandle::destroy);
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
        for (ProcessHandle c : children) {
            if (c.isAlive()) {
                c.destroyForcibly();
            }
        }
    }

    private static void deleteTree(Path dir) {
        for (int attempt = 0; attempt < 5 && Files.exists(dir); attempt++) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            } catch (IOException | UncheckedIOException e) {
                try {
                    Thread.sleep(100); // a child still writing its last files
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}

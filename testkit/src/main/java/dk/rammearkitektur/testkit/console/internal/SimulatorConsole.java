package dk.rammearkitektur.testkit.console.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.XmlText;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostFault;
import dk.rammearkitektur.testkit.digitalpost.DigitalPostSimulator;
import dk.rammearkitektur.testkit.digitalpost.MailboxEntry;
import dk.rammearkitektur.testkit.digitalpost.PrintedLetter;
import dk.rammearkitektur.testkit.digitalpost.ReceivedFile;
import dk.rammearkitektur.testkit.digitalpost.SmsMessage;
import dk.rammearkitektur.testkit.serviceplatform.ConformanceViolation;
import dk.rammearkitektur.testkit.serviceplatform.Fault;
import dk.rammearkitektur.testkit.serviceplatform.IssuedAssertion;
import dk.rammearkitektur.testkit.serviceplatform.ReceivedRequest;
import dk.rammearkitektur.testkit.serviceplatform.ServiceplatformSimulator;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The web console under {@value #PATH}: server-rendered pages of what the simulators received and did, and forms that
 * arm and clear faults. Every value is HTML-escaped and CPR numbers are masked; pages load nothing from elsewhere
 * (a Content-Security-Policy says so). Requests must name the simulator's own host (127.0.0.1 or localhost with its
 * port); a change is a POST from the console's own origin with the console's CSRF token, a random value made when the
 * console starts and known only to its pages.
 */
public final class SimulatorConsole implements HttpHandler {
    /** The path the console is mounted under. */
    public static final String PATH = "/console/";
    /** The largest form body taken. */
    private static final int MAX_FORM = 8192;
    private static final String CSP = "default-src 'none'; style-src 'self'; connect-src 'self'; frame-src 'self';"
            + " object-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'self'; base-uri 'none'";
    private static final String CSS = String.join("\n",
            "body{font-family:sans-serif;margin:1.5em;color:#222}",
            "nav a{margin-right:1em}",
            "table{border-collapse:collapse;margin:.5em 0 1.5em}",
            "th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}",
            "th{background:#eee}",
            ".ok{color:#070}",
            ".bad{color:#b00;font-weight:bold}",
            "iframe{width:40em;height:24em;border:1px solid #999}",
            "form{display:inline-block;margin:.25em 1em .25em 0}",
            "code{font-size:90%}", "");

    private final ServiceplatformSimulator serviceplatform;
    private final List<DigitalPostSimulator> digitalPost;
    private final Set<String> hosts;
    private final Set<String> origins;
    private final String csrf;

    /**
     * A console over the given simulators, served from {@code base}.
     *
     * @param serviceplatform the simulator whose port serves the console
     * @param digitalPost Digital Post simulators to show too
     * @param base the serving simulator's base URL, {@code https://127.0.0.1:<port>/}
     */
    public SimulatorConsole(ServiceplatformSimulator serviceplatform, List<DigitalPostSimulator> digitalPost, URI base) {
        this.serviceplatform = Objects.requireNonNull(serviceplatform, "serviceplatform == null");
        this.digitalPost = List.copyOf(digitalPost);
        int port = base.getPort();
        this.hosts = Set.of("127.0.0.1:" + port, "localhost:" + port);
        this.origins = Set.of("https://127.0.0.1:" + port, "https://localhost:" + port);
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.csrf = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The CSRF token the console's forms carry (for tests). */
    public String csrfToken() {
        return csrf;
    }

    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String host = ex.getRequestHeaders().getFirst("Host");
            if (host == null || !hosts.contains(host.toLowerCase(Locale.ROOT))) {
                plain(ex, 421, "the console answers only to 127.0.0.1 and localhost on its own port");
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            String sub = path.startsWith(PATH) ? path.substring(PATH.length()) : null;
            String method = ex.getRequestMethod();
            if (sub == null) {
                plain(ex, 404, "not found");
            } else if ("faults".equals(sub) && "POST".equals(method)) {
                changeFaults(ex);
            } else if (!"GET".equals(method) && !"HEAD".equals(method)) {
                ex.getResponseHeaders().set("Allow", "faults".equals(sub) ? "GET, HEAD, POST" : "GET, HEAD");
                plain(ex, 405, "method not allowed: changes are POST to " + PATH + "faults only");
            } else if (sub.startsWith("files/")) {
                file(ex, sub.substring("files/".length()));
            } else {
                get(ex, sub);
            }
        }
    }

    private void get(HttpExchange ex, String sub) throws IOException {
        switch (sub) {
            case "" -> page(ex, 200, "Overview", overview());
            case "requests" -> page(ex, 200, "Requests", requests());
            case "mailboxes" -> page(ex, 200, "Digital Post mailboxes", mailboxes());
            case "print" -> page(ex, 200, "Print queue", printQueue());
            case "sms" -> page(ex, 200, "SMS outbox", smsOutbox());
            case "tokens" -> page(ex, 200, "Tokens issued", tokens());
            case "faults" -> page(ex, 200, "Fault injection", faults());
            case "style.css" -> {
                headers(ex, "text/css; charset=utf-8");
                write(ex, 200, CSS.getBytes(StandardCharsets.UTF_8));
            }
            default -> plain(ex, 404, "not found");
        }
    }

    // ------------------------------------------------------------------ pages

    private String overview() {
        StringBuilder b = new StringBuilder();
        b.append("<h2>Serviceplatformen, STS and support systems</h2><p>").append(Html.text(serviceplatform.baseUri()))
                .append(", ").append(serviceplatform.violations().size()).append(" violation(s)</p>");
        counts(b, serviceplatform.requestCounts());
        for (int i = 0; i < digitalPost.size(); i++) {
            DigitalPostSimulator dp = digitalPost.get(i);
            b.append("<h2>").append(Html.text(dpName(i))).append("</h2><p>").append(Html.text(dp.baseUri()))
                    .append(", ").append(dp.violations().size()).append(" violation(s), ")
                    .append(dp.mailboxTotal()).append(" letter(s) in mailboxes, ").append(dp.printQueue().size())
                    .append(" printed, ").append(dp.smsOutbox().size()).append(" SMS</p>");
            counts(b, dp.requestCounts());
        }
        return b.toString();
    }

    private static void counts(StringBuilder b, Map<String, Integer> counts) {
        if (counts.isEmpty()) {
            b.append("<p>No requests yet.</p>");
            return;
        }
        b.append("<table><tr><th>Endpoint</th><th>Requests</th></tr>");
        counts.forEach((id, n) -> b.append("<tr><td>").append(Html.text(id)).append("</td><td>").append(n)
                .append("</td></tr>"));
        b.append("</table>");
    }

    private String requests() {
        StringBuilder b = new StringBuilder("<p>The latest requests, newest first, with the conformance verdict of each."
                + "</p>");
        requestTable(b, "Serviceplatformen, STS and support systems", "serviceplatform", serviceplatform.requests());
        for (int i = 0; i < digitalPost.size(); i++) {
            requestTable(b, dpName(i), "digitalpost-" + i, digitalPost.get(i).requests());
        }
        return b.toString();
    }

    private static void requestTable(StringBuilder b, String title, String id, List<ReceivedRequest> requests) {
        b.append("<h2>").append(Html.text(title)).append("</h2>");
        if (requests.isEmpty()) {
            b.append("<p>No requests yet.</p>");
            return;
        }
        b.append("<table id=\"requests-").append(XmlText.escape(id))
                .append("\"><tr><th>#</th><th>Received</th><th>Endpoint</th><th>Verdict</th><th>Violations</th></tr>");
        for (int i = requests.size() - 1; i >= 0; i--) {
            ReceivedRequest r = requests.get(i);
            String verdict = r.conformant() ? "conformant" : "non-conformant";
            b.append("<tr class=\"request\" data-endpoint=\"").append(Html.text(r.endpoint()))
                    .append("\" data-verdict=\"").append(verdict).append("\"><td>").append(r.sequence())
                    .append("</td><td>").append(Html.text(r.at())).append("</td><td>").append(Html.text(r.endpoint()))
                    .append("</td><td class=\"").append(r.conformant() ? "ok" : "bad").append("\">").append(verdict)
                    .append("</td><td>");
            if (!r.violations().isEmpty()) {
                b.append("<ul>");
                for (ConformanceViolation v : r.violations()) {
                    b.append("<li class=\"violation\"><code>").append(Html.text(v.code())).append("</code> ")
                            .append(Html.text(v.detail())).append("</li>");
                }
                b.append("</ul>");
            }
            b.append("</td></tr>");
        }
        b.append("</table>");
    }

    private String mailboxes() {
        StringBuilder b = new StringBuilder();
        if (digitalPost.isEmpty()) {
            return "<p>No Digital Post simulator is shown by this console.</p>";
        }
        for (int i = 0; i < digitalPost.size(); i++) {
            b.append("<h2>").append(Html.text(dpName(i))).append("</h2>");
            Map<String, List<MailboxEntry>> boxes = digitalPost.get(i).mailboxes();
            if (boxes.isEmpty()) {
                b.append("<p>No letters yet.</p>");
            }
            for (Map.Entry<String, List<MailboxEntry>> box : boxes.entrySet()) {
                String type = box.getValue().isEmpty() ? "" : box.getValue().get(0).recipientIdType();
                b.append("<h3 class=\"mailbox\">").append(Html.text(type)).append(' ')
                        .append(Html.text(owner(type, box.getKey()))).append("</h3>");
                b.append("<table><tr><th>Received</th><th>Label</th><th>Sender</th><th>Message</th><th>Files</th></tr>");
                for (MailboxEntry e : box.getValue()) {
                    b.append("<tr class=\"letter\"><td>").append(Html.text(e.receivedAt())).append("</td><td>")
                            .append(Html.text(e.label())).append("</td><td>").append(Html.text(e.senderId()))
                            .append("</td><td>").append(Html.text(e.messageUuid())).append(" (MeMo ")
                            .append(Html.text(e.memoVersion())).append(")</td><td>");
                    for (int f = 0; f < e.files().size(); f++) {
                        fileCell(b, e.files().get(f), "files/" + i + "/letter/" + e.messageUuid() + "/" + f);
                    }
                    b.append("</td></tr>");
                }
                b.append("</table>");
            }
        }
        return b.toString();
    }

    private static String owner(String type, String id) {
        return "CPR".equalsIgnoreCase(type) ? PersonalData.maskCpr(id) : id;
    }

    private static void fileCell(StringBuilder b, ReceivedFile file, String href) {
        boolean kept = file.keptBytes() != null;
        b.append("<div class=\"file\">");
        if (kept) {
            b.append("<a href=\"").append(XmlText.escape(PATH + href)).append("\">").append(Html.text(file.filename()))
                    .append("</a>");
        } else {
            b.append(Html.text(file.filename()));
        }
        b.append(" (").append(Html.text(file.mediaType())).append(", ").append(file.size()).append(" bytes")
                .append(kept ? "" : ", bytes not kept").append(")");
        if (kept && "application/pdf".equalsIgnoreCase(file.mediaType())) {
            b.append("<br><iframe class=\"pdf\" src=\"").append(XmlText.escape(PATH + href)).append("\" title=\"")
                    .append(Html.text(file.filename())).append("\"></iframe>");
        }
        b.append("</div>");
    }

    private String printQueue() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digitalPost.size(); i++) {
            b.append("<h2>").append(Html.text(dpName(i))).append("</h2>");
            List<PrintedLetter> queue = digitalPost.get(i).printQueue();
            if (queue.isEmpty()) {
                b.append("<p>Nothing printed yet.</p>");
                continue;
            }
            b.append("<table><tr><th>Queued</th><th>Shipment</th><th>Recipient</th><th>Name</th><th>Title</th>"
                    + "<th>Channel</th><th>Letter</th></tr>");
            for (int k = 0; k < queue.size(); k++) {
                PrintedLetter p = queue.get(k);
                b.append("<tr class=\"printed\"><td>").append(Html.text(p.queuedAt())).append("</td><td>")
                        .append(Html.text(p.shipmentId())).append("</td><td>")
                        .append(Html.text(p.recipientId() == null ? "" : PersonalData.maskCprNumbers(p.recipientId())))
                        .append("</td><td>").append(Html.text(p.personName())).append("</td><td>")
                        .append(Html.text(p.title())).append("</td><td>").append(Html.text(p.channelCode()))
                        .append("</td><td>");
                if (p.letter() != null) {
                    fileCell(b, p.letter(), "files/" + i + "/print/" + k);
                }
                b.append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.length() == 0 ? "<p>No Digital Post simulator is shown by this console.</p>" : b.toString();
    }

    private String smsOutbox() {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digitalPost.size(); i++) {
            b.append("<h2>").append(Html.text(dpName(i))).append("</h2>");
            List<SmsMessage> out = digitalPost.get(i).smsOutbox();
            if (out.isEmpty()) {
                b.append("<p>No SMS sent yet.</p>");
                continue;
            }
            b.append("<table><tr><th>Sent</th><th>To</th><th>Text</th><th>Message</th></tr>");
            for (SmsMessage m : out) {
                b.append("<tr class=\"sms\"><td>").append(Html.text(m.sentAt())).append("</td><td>")
                        .append(Html.text(PersonalData.maskCpr(m.cpr()))).append("</td><td>").append(Html.text(m.text()))
                        .append("</td><td>").append(Html.text(m.messageUuid())).append("</td></tr>");
            }
            b.append("</table>");
        }
        return b.length() == 0 ? "<p>No Digital Post simulator is shown by this console.</p>" : b.toString();
    }

    private String tokens() {
        StringBuilder b = new StringBuilder("<p>What each STS issued tokens for; never the tokens or any key.</p>");
        tokenTable(b, "Serviceplatformen STS", serviceplatform.issuedTokens());
        for (int i = 0; i < digitalPost.size(); i++) {
            tokenTable(b, dpName(i) + " STS", digitalPost.get(i).issuedTokens());
        }
        return b.toString();
    }

    private static void tokenTable(StringBuilder b, String title, List<IssuedAssertion> tokens) {
        b.append("<h2>").append(Html.text(title)).append("</h2>");
        if (tokens.isEmpty()) {
            b.append("<p>No tokens issued yet.</p>");
            return;
        }
        Instant now = Instant.now();
        b.append("<table><tr><th>Issued</th><th>Entity id</th><th>Subject</th><th>CVR</th><th>Valid from</th>"
                + "<th>Valid until</th><th>Now</th></tr>");
        for (int i = tokens.size() - 1; i >= 0; i--) {
            IssuedAssertion t = tokens.get(i);
            boolean valid = !now.isBefore(t.notBefore()) && now.isBefore(t.notOnOrAfter());
            b.append("<tr class=\"token\" data-entity-id=\"").append(Html.text(t.entityId())).append("\"><td>")
                    .append(Html.text(t.issuedAt())).append("</td><td>").append(Html.text(t.entityId()))
                    .append("</td><td>").append(Html.text(t.subject())).append("</td><td>").append(Html.text(t.cvr()))
                    .append("</td><td>").append(Html.text(t.notBefore())).append("</td><td>")
                    .append(Html.text(t.notOnOrAfter())).append("</td><td class=\"").append(valid ? "ok" : "bad")
                    .append("\">").append(valid ? "valid" : "not valid").append("</td></tr>");
        }
        b.append("</table>");
    }

    private String faults() {
        StringBuilder b = new StringBuilder("<p>A fault armed here is given to the next request to any of that"
                + " simulator's endpoints (the STS included), then it is used up.</p>");
        faultForms(b, "Serviceplatformen, STS and support systems", "serviceplatform", SP_KINDS,
                serviceplatform.faults().queued().stream().map(SimulatorConsole::describe).toList());
        for (int i = 0; i < digitalPost.size(); i++) {
            faultForms(b, dpName(i), "digitalpost-" + i, DP_KINDS,
                    digitalPost.get(i).faults().queued().stream().map(SimulatorConsole::describe).toList());
        }
        return b.toString();
    }

    private void faultForms(StringBuilder b, String title, String target, List<String> kinds, List<String> queued) {
        b.append("<h2>").append(Html.text(title)).append("</h2><p>Armed: <span class=\"armed\" id=\"armed-")
                .append(XmlText.escape(target)).append("\">")
                .append(queued.isEmpty() ? "none" : Html.text(String.join(", ", queued))).append("</span></p>");
        String hidden = "<input type=\"hidden\" name=\"csrf\" value=\"" + XmlText.escape(csrf)
                + "\"><input type=\"hidden\" name=\"target\" value=\"" + XmlText.escape(target) + "\">";
        b.append("<form method=\"post\" action=\"").append(PATH).append("faults\" id=\"arm-").append(XmlText.escape(target))
                .append("\">").append(hidden).append("<input type=\"hidden\" name=\"action\" value=\"arm\">")
                .append("<label>Fault <select name=\"kind\">");
        for (String k : kinds) {
            b.append("<option>").append(XmlText.escape(k)).append("</option>");
        }
        b.append("</select></label> <label>Amount (ms) <input name=\"amount-ms\" value=\"0\" size=\"7\"></label>")
                .append(" <label>Code <input name=\"code\" value=\"\" size=\"10\"></label>")
                .append(" <button type=\"submit\">Arm for the next request</button></form>");
        b.append("<form method=\"post\" action=\"").append(PATH).append("faults\" id=\"clear-")
                .append(XmlText.escape(target)).append("\">").append(hidden)
                .append("<input type=\"hidden\" name=\"action\" value=\"clear\">")
                .append("<button type=\"submit\">Clear all faults</button></form>");
    }

    private static String describe(Object fault) {
        if (fault instanceof Fault f) {
            return kindName(f.kind().name()) + (f.code() != null ? " " + f.code() : "")
                    + (f.amount().isZero() ? "" : " " + f.amount().toMillis() + " ms");
        }
        DigitalPostFault f = (DigitalPostFault) fault;
        return kindName(f.kind().name()) + (f.amount().isZero() ? "" : " " + f.amount().toMillis() + " ms");
    }

    private static String kindName(String enumName) {
        return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static final List<String> SP_KINDS = java.util.Arrays.stream(Fault.Kind.values())
            .map(k -> kindName(k.name())).toList();
    private static final List<String> DP_KINDS = java.util.Arrays.stream(DigitalPostFault.Kind.values())
            .map(k -> kindName(k.name())).toList();

    // ------------------------------------------------------------------ changes

    private void changeFaults(HttpExchange ex) throws IOException {
        String type = String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            plain(ex, 415, "a change must be a form post (application/x-www-form-urlencoded)");
            return;
        }
        String origin = ex.getRequestHeaders().getFirst("Origin");
        if (origin != null && !origins.contains(origin.toLowerCase(Locale.ROOT))) {
            plain(ex, 403, "refused: the form was not posted from the console's own origin");
            return;
        }
        String site = ex.getRequestHeaders().getFirst("Sec-Fetch-Site");
        if (site != null && !"same-origin".equals(site)) {
            plain(ex, 403, "refused: the form was not posted from the console's own origin");
            return;
        }
        byte[] body = ex.getRequestBody().readNBytes(MAX_FORM + 1);
        if (body.length > MAX_FORM) {
            plain(ex, 413, "form too large");
            return;
        }
        ConsoleForm form;
        try {
            form = ConsoleForm.parse(new String(body, StandardCharsets.ISO_8859_1));
        } catch (ValidationException e) {
            page(ex, 400, "Refused", "<p class=\"bad\">" + Html.text(e.getMessage()) + "</p>");
            return;
        }
        String token = form.optional("csrf", "");
        if (!MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), csrf.getBytes(StandardCharsets.UTF_8))) {
            plain(ex, 403, "refused: missing or wrong CSRF token (reload the console page and try again)");
            return;
        }
        try {
            apply(form);
        } catch (ValidationException e) {
            page(ex, 400, "Refused", "<p class=\"bad\">" + Html.text(e.getMessage()) + "</p><p><a href=\"" + PATH
                    + "faults\">Back</a></p>");
            return;
        }
        ex.getResponseHeaders().set("Location", PATH + "faults");
        headers(ex, "text/plain; charset=utf-8");
        write(ex, 303, "see /console/faults\n".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Arms or clears a fault as the form says.
     *
     * @param form the decoded form: {@code target}, {@code action} ({@code arm} or {@code clear}), and for arm
     *     {@code kind}, {@code amount-ms} and {@code code}
     * @throws ValidationException naming the field that is wrong
     */
    void apply(ConsoleForm form) {
        String target = form.required("target");
        String action = form.required("action");
        if (!"arm".equals(action) && !"clear".equals(action)) {
            throw new ValidationException("form.action", "must be arm or clear");
        }
        if ("serviceplatform".equals(target)) {
            if ("clear".equals(action)) {
                serviceplatform.faults().clear();
            } else {
                serviceplatform.faults().next(platformFault(form));
            }
            return;
        }
        DigitalPostSimulator dp = digitalPostTarget(target)
                .orElseThrow(() -> new ValidationException("form.target", "must be serviceplatform or digitalpost-<n>"
                        + " of a shown simulator"));
        if ("clear".equals(action)) {
            dp.faults().clear();
        } else {
            dp.faults().next(digitalPostFault(form));
        }
    }

    private Optional<DigitalPostSimulator> digitalPostTarget(String target) {
        for (int i = 0; i < digitalPost.size(); i++) {
            if (("digitalpost-" + i).equals(target)) {
                return Optional.of(digitalPost.get(i));
            }
        }
        return Optional.empty();
    }

    private static Fault platformFault(ConsoleForm form) {
        String kind = form.required("kind");
        String code = form.optional("code", "").strip();
        switch (kind) {
            case "latency":
                return Fault.latency(Duration.ofMillis(amount(form, 0, 600_000)));
            case "connection-reset":
                return Fault.connectionReset();
            case "http-500":
                return Fault.httpStatus(500);
            case "http-503":
                return Fault.httpStatus(503);
            case "soap-fault":
                if (code.isEmpty() || code.length() > 100) {
                    throw new ValidationException("form.code", "must be a fault code of 1 to 100 characters");
                }
                return Fault.soapFault(code);
            case "malformed-xml":
                return Fault.malformedXml();
            case "truncated-xml":
                return Fault.truncatedXml();
            case "expired-token":
                return Fault.expiredToken();
            case "clock-skew":
                return Fault.clockSkew(Duration.ofMillis(amount(form, -86_400_000L, 86_400_000L)));
            case "status-code":
                if (!code.matches("[0-9]{1,4}")) {
                    throw new ValidationException("form.code", "must be a status code of 1 to 4 digits");
                }
                return Fault.statusCode(Integer.parseInt(code));
            default:
                throw new ValidationException("form.kind", "must be one of " + SP_KINDS);
        }
    }

    private static DigitalPostFault digitalPostFault(ConsoleForm form) {
        String kind = form.required("kind");
        switch (kind) {
            case "latency":
                return DigitalPostFault.latency(Duration.ofMillis(amount(form, 0, 600_000)));
            case "connection-reset":
                return DigitalPostFault.connectionReset();
            case "http-500":
                return DigitalPostFault.httpStatus(500);
            case "http-503":
                return DigitalPostFault.httpStatus(503);
            case "malformed-reply":
                return DigitalPostFault.malformedReply();
            case "truncated-reply":
                return DigitalPostFault.truncatedReply();
            case "timeout":
                return DigitalPostFault.timeout(Duration.ofMillis(amount(form, 0, 600_000)));
            default:
                throw new ValidationException("form.kind", "must be one of " + DP_KINDS);
        }
    }

    private static long amount(ConsoleForm form, long min, long max) {
        String s = form.optional("amount-ms", "0").strip();
        long v;
        try {
            v = Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new ValidationException("form.amount-ms", "must be a whole number of milliseconds");
        }
        if (v < min || v > max) {
            throw new ValidationException("form.amount-ms", "must be between " + min + " and " + max);
        }
        return v;
    }

    // ------------------------------------------------------------------ files

    /** {@code <dp>/letter/<message uuid>/<n>} or {@code <dp>/print/<k>}: a received file's kept bytes. */
    private void file(HttpExchange ex, String rest) throws IOException {
        String[] parts = rest.split("/", -1);
        ReceivedFile file = null;
        try {
            int i = Integer.parseInt(parts[0]);
            DigitalPostSimulator dp = i >= 0 && i < digitalPost.size() ? digitalPost.get(i) : null;
            if (dp != null && parts.length == 4 && "letter".equals(parts[1])) {
                UUID id = UUID.fromString(parts[2]);
                int n = Integer.parseInt(parts[3]);
                for (List<MailboxEntry> box : dp.mailboxes().values()) {
                    for (MailboxEntry e : box) {
                        if (e.messageUuid().equals(id) && n >= 0 && n < e.files().size()) {
                            file = e.files().get(n);
                        }
                    }
                }
            } else if (dp != null && parts.length == 3 && "print".equals(parts[1])) {
                int k = Integer.parseInt(parts[2]);
                List<PrintedLetter> queue = dp.printQueue();
                file = k >= 0 && k < queue.size() ? queue.get(k).letter() : null;
            }
        } catch (IllegalArgumentException e) {
            file = null; // not a number or UUID: not found
        }
        byte[] bytes = file == null ? null : file.bytes().orElse(null);
        if (bytes == null) {
            plain(ex, 404, "no such file, or its bytes were not kept");
            return;
        }
        boolean pdf = "application/pdf".equalsIgnoreCase(file.mediaType());
        ex.getResponseHeaders().set("Content-Type", pdf ? "application/pdf" : "application/octet-stream");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("X-Frame-Options", "SAMEORIGIN");
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        ex.getResponseHeaders().set("Referrer-Policy", "same-origin");
        ex.getResponseHeaders().set("Content-Disposition", (pdf ? "inline" : "attachment") + "; filename=\""
                + safeFilename(file.filename()) + "\"");
        write(ex, 200, bytes);
    }

    /** A file name fit for a quoted header parameter: printable ASCII without quotes or backslashes. */
    static String safeFilename(String name) {
        StringBuilder b = new StringBuilder();
        String n = name == null ? "file" : name;
        for (int i = 0; i < n.length() && b.length() < 100; i++) {
            char c = n.charAt(i);
            b.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' ? c : '_');
        }
        return b.length() == 0 ? "file" : b.toString();
    }

    // ------------------------------------------------------------------ writing

    private String dpName(int i) {
        return digitalPost.size() == 1 ? "Digital Post and NemSMS" : "Digital Post and NemSMS " + (i + 1);
    }

    private void page(HttpExchange ex, int status, String title, String body) throws IOException {
        StringBuilder b = new StringBuilder(4096);
        b.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(XmlText.escape(title)).append(" - rammearkitektur simulator</title><link rel=\"stylesheet\" href=\"")
                .append(PATH).append("style.css\"></head><body><h1>").append(XmlText.escape(title)).append("</h1><nav>");
        String[][] links = {{"", "Overview"}, {"requests", "Requests"}, {"mailboxes", "Mailboxes"},
            {"print", "Print queue"}, {"sms", "SMS outbox"}, {"tokens", "Tokens"}, {"faults", "Faults"}};
        for (String[] l : links) {
            b.append("<a href=\"").append(PATH).append(l[0]).append("\">").append(l[1]).append("</a>");
        }
        b.append("</nav><main>").append(body).append("</main></body></html>\n");
        headers(ex, "text/html; charset=utf-8");
        write(ex, status, b.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void plain(HttpExchange ex, int status, String text) throws IOException {
        headers(ex, "text/plain; charset=utf-8");
        write(ex, status, (text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void headers(HttpExchange ex, String contentType) {
        var h = ex.getResponseHeaders();
        h.set("Content-Type", contentType);
        h.set("Content-Security-Policy", CSP);
        h.set("X-Content-Type-Options", "nosniff");
        h.set("X-Frame-Options", "SAMEORIGIN");
        h.set("Referrer-Policy", "same-origin");
        h.set("Cache-Control", "no-store");
    }

    private static void write(HttpExchange ex, int status, byte[] body) throws IOException {
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
        }
    }

    /** The kinds of fault the forms offer, per simulator (for tests). */
    static List<String> kinds(boolean digitalPostSimulator) {
        return new ArrayList<>(digitalPostSimulator ? DP_KINDS : SP_KINDS);
    }
}

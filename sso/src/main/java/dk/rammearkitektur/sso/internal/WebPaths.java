package dk.rammearkitektur.sso.internal;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.net.URI;
import java.util.Optional;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Paths for the web adapters: which return URLs are safe to redirect to (same-origin relative paths only), the
 * servlet-style path patterns that mark protected pages, and the ACS path read from the SP metadata.
 */
public final class WebPaths {
    /** The longest return URL kept (the SDK's choice). */
    public static final int MAX_RETURN_URL = 2048;
    private static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    private static final String HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    private static final String HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    private WebPaths() {
    }

    /**
     * {@code candidate} when it is a path on the same origin: it starts with one {@code /} (not {@code //} or
     * {@code /\}, which browsers read as another host), holds only printable ASCII without spaces or backslashes, and
     * is at most {@link #MAX_RETURN_URL} characters; otherwise empty.
     */
    public static Optional<String> sameOriginPath(String candidate) {
        if (candidate == null || candidate.isEmpty() || candidate.length() > MAX_RETURN_URL
                || candidate.charAt(0) != '/') {
            return Optional.empty();
        }
        if (candidate.length() > 1 && (candidate.charAt(1) == '/' || candidate.charAt(1) == '\\')) {
            return Optional.empty();
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == '\\') {
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }

    /**
     * Checks an endpoint path of the filter: a same-origin path without query or wildcard.
     *
     * @throws ValidationException naming {@code field} when it is not
     */
    public static String endpoint(String path, String field) {
        if (sameOriginPath(path).isEmpty() || path.contains("?") || path.contains("#") || path.contains("*")) {
            throw new ValidationException(field, "must be a path starting with one /, without query, fragment,"
                    + " wildcard, spaces or backslashes");
        }
        return path;
    }

    /**
     * Checks a protected-path pattern in the servlet style: an exact path {@code /a/b}, a prefix {@code /a/*}
     * (matching {@code /a} and everything below it) or {@code /*} (everything).
     *
     * @throws ValidationException naming {@code field} when it is none of these
     */
    public static String pattern(String pattern, String field) {
        if (pattern == null) {
            throw new ValidationException(field, "is required");
        }
        String base = pattern.endsWith("/*") ? pattern.substring(0, pattern.length() - 2) : pattern;
        if (!base.isEmpty()) {
            try {
                endpoint(base, field);
            } catch (ValidationException e) {
                throw new ValidationException(field, "must be /*, /path or /path/* (one leading /, no other *,"
                        + " no query, spaces or backslashes)");
            }
        }
        return pattern;
    }

    /** Whether {@code path} (within the application) matches the pattern ({@link #pattern}). */
    public static boolean matches(String pattern, String path) {
        if (pattern.equals("/*")) {
            return true;
        }
        if (pattern.endsWith("/*")) {
            String base = pattern.substring(0, pattern.length() - 2);
            return path.equals(base) || path.startsWith(base + "/");
        }
        return path.equals(pattern);
    }

    /**
     * The path of the first HTTP-POST AssertionConsumerService in SP metadata.
     *
     * @throws ValidationException ({@code metadata.AssertionConsumerService}) when there is none or it has no path
     */
    public static String acsPath(String spMetadata) {
        return endpointPath(spMetadata, "AssertionConsumerService", HTTP_POST)
                .orElseThrow(() -> new ValidationException("metadata.AssertionConsumerService", "no HTTP-POST endpoint"));
    }

    /** The path of the HTTP-Redirect SingleLogoutService in SP metadata, if it has one. */
    public static Optional<String> sloPath(String spMetadata) {
        return endpointPath(spMetadata, "SingleLogoutService", HTTP_REDIRECT);
    }

    private static Optional<String> endpointPath(String spMetadata, String element, String binding) {
        String field = "metadata." + element + "@Location";
        try {
            NodeList list = SecureXml.parse(spMetadata).getElementsByTagNameNS(MD, element);
            for (int i = 0; i < list.getLength(); i++) {
                Element e = (Element) list.item(i);
                if (binding.equals(e.getAttribute("Binding"))) {
                    String path = URI.create(e.getAttribute("Location")).getRawPath();
                    return Optional.of(endpoint(path == null || path.isEmpty() ? "/" : path, field));
                }
            }
        } catch (IllegalArgumentException | XmlParseException e) {
            throw new ValidationException(field, "is not a URL");
        }
        return Optional.empty();
    }
}

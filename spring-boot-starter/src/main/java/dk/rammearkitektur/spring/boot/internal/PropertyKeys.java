package dk.rammearkitektur.spring.boot.internal;

import java.util.Locale;
import java.util.Map;

/**
 * Maps a {@code ValidationException} field path of the SDK (e.g. {@code digitalPostClient.authorityCvr}) to the
 * {@code rammearkitektur.*} property key it comes from ({@code rammearkitektur.sts.cvr}), where there is one.
 */
public final class PropertyKeys {
    private static final String P = "rammearkitektur.";

    /** The clients' builder paths and their sections. */
    private static final Map<String, String> CLIENTS = Map.of(
            "serviceplatformClient", "serviceplatform",
            "klassifikationClient", "klassifikation",
            "organisationClient", "organisation",
            "digitalPostClient", "digital-post",
            "caseIndexClient", "case-index",
            "benefitIndexClient", "benefit-index",
            "beskedfordelerClient", "beskedfordeler");

    private PropertyKeys() {
    }

    /** The property key for {@code path}, or {@code null} when it does not come from one. */
    public static String of(String path) {
        if (path.startsWith(P)) {
            return kebab(path);
        }
        int dot = path.indexOf('.');
        String section = dot < 0 ? null : CLIENTS.get(path.substring(0, dot));
        String field = section == null ? path : path.substring(dot + 1);
        String top = field.contains(".") ? field.substring(0, field.indexOf('.')) : field;
        boolean dp = "digital-post".equals(section);
        switch (top) {
            case "environment":
                return dp || "beskedfordeler".equals(section) ? P + section + ".environment" : P + "environment";
            case "trustAnchors":
                return P + "trust-anchors";
            case "stsCertificates":
                return P + "sts.certificates";
            case "authorityCvr":
            case "stsToken":
                return dp ? P + "digital-post.authority-cvr" : P + "sts.cvr";
            case "systemCertificate":
                return field.endsWith(".password") ? P + "certificate.password" : P + "certificate.file";
            case "timeouts":
                return P + kebab(field);
            case "retryPolicy":
                return P + "retry" + kebab(field.substring(top.length()));
            case "authModel":
            case "stsProtocol":
                return P + "auth";
            case "invocationContext":
                return P + "serviceplatform." + kebab(field.substring(top.length() + 1));
            case "owner":
                return section == null ? null
                        : P + section + ".owner-" + ("owner.organisation".equals(field) ? "uuid" : kebab(field.substring(6)));
            case "itSystem":
                return section == null ? null : P + section + ".it-system-" + kebab(field.substring(9));
            case "klassifikation":
                return P + "klassifikation";
            case "entityId":
                return section == null ? null : P + section + ".entity-id";
            default:
                return null;
        }
    }

    /** {@code maxAttempts} as {@code max-attempts}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}

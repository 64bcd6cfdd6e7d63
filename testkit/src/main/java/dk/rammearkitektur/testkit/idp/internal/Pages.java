package dk.rammearkitektur.testkit.idp.internal;

import static dk.rammearkitektur.core.xml.XmlText.escape;

import dk.rammearkitektur.core.PersonalData;
import dk.rammearkitektur.testkit.idp.TestUser;
import java.util.Collection;
import java.util.Map;

/**
 * The simulator's server-rendered HTML: the login page, the auto-submitting POST form and the error page, every value
 * escaped with core's {@code XmlText.escape}.
 */
public final class Pages {
    private Pages() {
    }

    /**
     * The login page: one radio button per test user (CPR numbers masked), a log-in and a cancel button, posting
     * {@code request} and {@code user} (or {@code cancel}) to {@code action}.
     */
    public static String login(String title, String spEntityId, String action, String requestKey,
            Collection<TestUser> users) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"da\"><head><meta charset=\"utf-8\"><title>")
                .append(escape(title)).append("</title></head><body>\n<h1>").append(escape(title)).append("</h1>\n")
                .append("<p>Log in to <code>").append(escape(spEntityId)).append("</code> as a test user.</p>\n")
                .append("<form method=\"post\" action=\"").append(escape(action)).append("\">\n")
                .append("<input type=\"hidden\" name=\"request\" value=\"").append(escape(requestKey)).append("\">\n");
        boolean first = true;
        for (TestUser u : users) {
            String id = "user-" + u.key();
            b.append("<p><input type=\"radio\" name=\"user\" id=\"").append(escape(id)).append("\" value=\"")
                    .append(escape(u.key())).append('"').append(first ? " checked" : "").append("><label for=\"")
                    .append(escape(id)).append("\">").append(escape(describe(u))).append("</label></p>\n");
            first = false;
        }
        b.append("<p><button type=\"submit\" name=\"action\" value=\"login\">Log ind</button> ")
                .append("<button type=\"submit\" name=\"action\" value=\"cancel\">Afbryd</button></p>\n")
                .append("</form></body></html>\n");
        return b.toString();
    }

    private static String describe(TestUser u) {
        String who = u.fullName() + " (" + u.key() + ")";
        if (u.isProfessional()) {
            return who + ", " + u.orgName().orElse("") + ", CVR " + u.cvr().orElse("") + ", " + u.loa().value();
        }
        return who + ", CPR " + PersonalData.maskCpr(u.cpr().orElse("")) + ", " + u.loa().value();
    }

    /** An auto-submitting form posting {@code fields} to {@code action} (the HTTP-POST binding). */
    public static String postForm(String action, Map<String, String> fields) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Sending</title></head>")
                .append("<body onload=\"document.forms[0].submit()\">\n<form method=\"post\" action=\"")
                .append(escape(action)).append("\">\n");
        fields.forEach((k, v) -> b.append("<input type=\"hidden\" name=\"").append(escape(k)).append("\" value=\"")
                .append(escape(v)).append("\">\n"));
        b.append("<noscript><button type=\"submit\">Continue</button></noscript>\n</form></body></html>\n");
        return b.toString();
    }

    /** An error page with the reason. */
    public static String error(String title, String reason) {
        return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head><body>"
                + "<h1>" + escape(title) + "</h1><p class=\"reason\">" + escape(reason) + "</p></body></html>\n";
    }
}

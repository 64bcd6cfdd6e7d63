package dk.rammearkitektur.examples.web;

import static dk.rammearkitektur.core.xml.XmlText.escape;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.sso.Professional;
import dk.rammearkitektur.sso.privileges.AccessDecision;
import dk.rammearkitektur.sso.privileges.AccessRequest;
import dk.rammearkitektur.sso.privileges.DataConstraint;
import dk.rammearkitektur.sso.privileges.PrivilegeGroup;
import dk.rammearkitektur.sso.servlet.SsoSession;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * The pages: home ({@code /}), the rights the SDK read ({@code /my-rights}) and an access question answered by
 * {@code UserRights} ({@code /access?role=&kle=&unit=&sensitivity=}). The filter protects the last two; every value is
 * HTML-escaped.
 */
final class RightsPages extends HttpServlet {
    /** The page's form-action sources: this origin and the identity provider, where the logout form is redirected. */
    private final String formAction;

    /** Pages whose logout form may be redirected on to {@code idpOrigin} ({@code https://host:port}). */
    RightsPages(String idpOrigin) {
        this.formAction = "'self' " + idpOrigin;
    }

    private static final long serialVersionUID = 1L;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Optional<Professional> who = SsoSession.professional(req);
        String body;
        int status = 200;
        switch (req.getServletPath()) {
            case "/" -> body = home(who);
            case "/my-rights" -> body = who.map(RightsPages::rights).orElseGet(() -> "<p>Not a professional.</p>");
            case "/access" -> {
                String[] answer = who.map(p -> access(p, req)).orElseGet(() -> new String[] {"400", "<p>Not a professional.</p>"});
                status = Integer.parseInt(answer[0]);
                body = answer[1];
            }
            default -> {
                status = 404;
                body = "<p>No such page.</p>";
            }
        }
        resp.setStatus(status);
        resp.setHeader("Cache-Control", "no-store");
        resp.setHeader("Content-Security-Policy", "default-src 'none'; form-action " + formAction);
        resp.setContentType("text/html;charset=UTF-8");
        resp.getWriter().print("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Case system"
                + "</title></head><body>\n<nav><a href=\"/\">Home</a> <a href=\"/my-rights\">My rights</a></nav>\n"
                + body + logout(who) + "</body></html>\n");
    }

    private static String home(Optional<Professional> who) {
        return who.map(p -> "<h1>Case system</h1>\n<p id=\"greeting\">Logged in as " + escape(p.name().orElse("-"))
                        + " (" + escape(p.organisationName().orElse(p.cvr())) + ").</p>\n")
                .orElse("<h1>Case system</h1>\n<p id=\"greeting\">Not logged in. <a id=\"login\" "
                        + "href=\"/saml/login?returnTo=/my-rights\">Log in</a></p>\n");
    }

    private static String logout(Optional<Professional> who) {
        return who.isEmpty() ? "" : "<form method=\"post\" action=\"/saml/logout\"><button id=\"logout\" "
                + "type=\"submit\">Log out</button></form>\n";
    }

    /** Name, CVR, level of assurance and the privilege list's groups with their constraints, as the SDK read them. */
    private static String rights(Professional p) {
        StringBuilder b = new StringBuilder("<h1>My rights</h1>\n<dl>\n");
        b.append("<dt>Name</dt><dd id=\"name\">").append(escape(p.name().orElse("-"))).append("</dd>\n");
        b.append("<dt>Organisation</dt><dd id=\"org\">").append(escape(p.organisationName().orElse("-"))).append("</dd>\n");
        b.append("<dt>CVR</dt><dd id=\"cvr\">").append(escape(p.cvr())).append("</dd>\n");
        b.append("<dt>Level of assurance</dt><dd id=\"loa\">")
                .append(escape(p.levelOfAssurance().map(l -> l.value()).orElse("-"))).append("</dd>\n</dl>\n");
        b.append("<h2>Privilege groups</h2>\n<ol id=\"groups\">\n");
        for (PrivilegeGroup g : p.privileges().groups()) {
            b.append("<li class=\"group\"><span class=\"scope\">").append(escape(g.scope().uri())).append("</span><ul>");
            for (String privilege : g.privileges()) {
                b.append("<li class=\"privilege\">").append(escape(privilege)).append("</li>");
            }
            for (DataConstraint c : g.constraints()) {
                b.append("<li class=\"constraint\">").append(escape(c.name())).append(" = ")
                        .append(escape(String.join(", ", c.values()))).append("</li>");
            }
            b.append("</ul></li>\n");
        }
        b.append("</ol>\n<h2>May I act on a case?</h2>\n<form method=\"get\" action=\"/access\">\n")
                .append("<input name=\"role\" value=\"").append(escape(CaseworkerWebApp.ROLE_CASEWORKER)).append("\" size=\"60\">\n")
                .append("KLE <input name=\"kle\" value=\"32.18.00\"> unit <input name=\"unit\" value=\"")
                .append(CaseworkerWebApp.UNIT).append("\" size=\"36\"> sensitivity <input name=\"sensitivity\" value=\"3\">\n")
                .append("<button id=\"ask\" type=\"submit\">Ask</button></form>\n");
        return b.toString();
    }

    /** Status and body of the answer to the access question of the query parameters. */
    private static String[] access(Professional p, HttpServletRequest req) {
        try {
            AccessRequest q = AccessRequest.role(required(req, "role"));
            if (present(req, "kle")) {
                q = q.kle(req.getParameter("kle"));
            }
            if (present(req, "unit")) {
                q = q.orgUnit(UUID.fromString(req.getParameter("unit")));
            }
            if (present(req, "sensitivity")) {
                q = q.sensitivity(req.getParameter("sensitivity"));
            }
            AccessDecision d = p.rights().check(q);
            return new String[] {"200", "<h1>Access</h1>\n<p id=\"decision\">" + (d.granted() ? "granted" : "refused")
                    + "</p>\n<p id=\"explanation\">" + escape(d.explanation()) + "</p>\n"};
        } catch (ValidationException e) {
            return new String[] {"400", "<p id=\"error\">" + escape(e.getMessage()) + "</p>\n"};
        } catch (IllegalArgumentException e) {
            return new String[] {"400", "<p id=\"error\">unit: must be a UUID</p>\n"};
        }
    }

    private static boolean present(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v != null && !v.isBlank();
    }

    private static String required(HttpServletRequest req, String name) {
        if (!present(req, name)) {
            throw new ValidationException(name, "is required");
        }
        return req.getParameter(name);
    }
}

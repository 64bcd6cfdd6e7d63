package dk.rammearkitektur.sso.internal;

import static dk.rammearkitektur.core.xml.XmlText.escape;

/** The small HTML pages the servlet filter answers with itself (refusals); every value is escaped. */
public final class WebPages {
    private WebPages() {
    }

    /** A page with a title, a sentence and, when not null, a machine-readable reason code and a link to log in again. */
    public static String page(String title, String text, String reason, String loginHref) {
        StringBuilder b = new StringBuilder(512);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(escape(title))
                .append("</title></head><body>\n<h1>").append(escape(title)).append("</h1>\n<p>")
                .append(escape(text)).append("</p>\n");
        if (reason != null) {
            b.append("<p>Reason: <code id=\"reason\">").append(escape(reason)).append("</code></p>\n");
        }
        if (loginHref != null) {
            b.append("<p><a id=\"login\" href=\"").append(escape(loginHref)).append("\">Log in again</a></p>\n");
        }
        return b.append("</body></html>\n").toString();
    }
}

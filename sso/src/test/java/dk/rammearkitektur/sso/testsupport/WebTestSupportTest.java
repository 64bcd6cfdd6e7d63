package dk.rammearkitektur.sso.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.XmlText;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The shared web test support: the auto-post form reader and the embedded Tomcat with a form POST through it. */
class WebTestSupportTest {

    /** Whatever the field values, the form read back has the page's action and values, unescaped, in order. */
    @Property(tries = 200)
    void readsTheAutoPostFormItWasGiven(@ForAll String response, @ForAll String relayState) {
        String action = "https://127.0.0.1:8443/app/saml/acs?a=1&b='2'";
        String html = "<html><body onload=\"document.forms[0].submit()\"><form method=\"post\" action=\""
                + XmlText.escape(action) + "\">\n<input type=\"hidden\" name=\"SAMLResponse\" value=\""
                + XmlText.escape(response) + "\">\n<input type=\"hidden\" name=\"RelayState\" value=\""
                + XmlText.escape(relayState) + "\">\n</form></body></html>";
        WebTestSupport.AutoPostForm form = WebTestSupport.autoPostForm(html);
        assertEquals(URI.create(action), form.action());
        assertEquals(List.of("SAMLResponse", "RelayState"), List.copyOf(form.fields().keySet()));
        assertEquals(response, form.fields().get("SAMLResponse"));
        assertEquals(relayState, form.fields().get("RelayState"));
    }

    @Test
    void aPageWithoutAPostFormIsAnAssertionErrorShowingIt() {
        AssertionError e = assertThrows(AssertionError.class,
                () -> WebTestSupport.autoPostForm("<form method=\"get\" action=\"/x\"></form>"));
        assertTrue(e.getMessage().contains("method=\"get\""), e.getMessage());
    }

    @Test
    @Timeout(60)
    void theContainerRunsTheFilterBeforeTheServletTakesAFormAndIsGoneWhenClosed() throws Exception {
        Filter tagging = (request, response, chain) -> {
            response.setContentType("text/plain;charset=UTF-8");
            response.getWriter().print("filtered ");
            chain.doFilter(request, response);
        };
        HttpServlet echo = new HttpServlet() {
            private static final long serialVersionUID = 1L;

            @Override
            protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.getWriter().print(req.getMethod() + " " + req.getRequestURI() + " a=" + req.getParameter("a")
                        + " b=" + req.getParameter("b"));
            }
        };
        URI uri;
        try (WebTestSupport.EmbeddedTomcat tomcat = WebTestSupport.EmbeddedTomcat.start("/ctx", 0, tagging, echo)) {
            uri = tomcat.uri();
            assertEquals("127.0.0.1", uri.getHost());
            assertTrue(uri.getPath().equals("/ctx/"), uri.toString());
            HttpClient browser = WebTestSupport.browser();
            assertEquals("filtered GET /ctx/page a=null b=null",
                    WebTestSupport.get(browser, uri.resolve("page")).body());
            Map<String, String> form = new LinkedHashMap<>();
            form.put("a", "x & y=z");
            form.put("b", "+%;/?");
            HttpResponse<String> posted = WebTestSupport.post(browser, uri.resolve("form"), form);
            assertEquals(200, posted.statusCode());
            assertEquals("filtered POST /ctx/form a=x & y=z b=+%;/?", posted.body());
        }
        assertThrows(IOException.class, () -> new Socket("127.0.0.1", uri.getPort()).close(), "the port is closed");
        String home = System.getProperty("catalina.home");
        assertTrue(home == null || Files.isDirectory(Path.of(home)),
                "a deleted base stays Tomcat's home, and the next Tomcat in this JVM would create it again: " + home);
    }
}

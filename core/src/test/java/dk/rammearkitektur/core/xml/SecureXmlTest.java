package dk.rammearkitektur.core.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dk.rammearkitektur.core.RammearkitekturException;
import dk.rammearkitektur.core.SecurityCheckException;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.XmlSecurityException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.w3c.dom.Document;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Every XML entry point refuses XXE file reads, external DTD fetches and entity-expansion bombs with our
 * {@link SecurityCheckException}, in bounded time and memory.
 */
class SecureXmlTest {
    private static final Duration BOUND = Duration.ofSeconds(10);
    private static final String SECRET = "top-secret-file-content-8b1f";

    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicInteger fetches = new AtomicInteger();
    private String dtdUrl;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            fetches.incrementAndGet();
            byte[] body = "<!ENTITY leak \"fetched\">".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        dtdUrl = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    /** The ways a document can enter the SDK. */
    enum Entry {
        DOM(xml -> SecureXml.parse(xml)),
        SAX(xml -> {
            try {
                SecureXml.saxParserFactory().newSAXParser().parse(new ByteArrayInputStream(bytes(xml)), new DefaultHandler());
            } catch (Exception e) {
                throw SecureXml.translate(e);
            }
        }),
        STAX(xml -> {
            XMLStreamReader r = SecureXml.createStreamReader(new StringReader(xml));
            try {
                while (r.hasNext()) {
                    r.next();
                    if (r.isCharacters()) {
                        r.getText();
                    }
                }
            } catch (javax.xml.stream.XMLStreamException e) {
                throw SecureXml.translate(e);
            }
        }),
        TRANSFORMER(xml -> {
            try {
                SecureXml.transformerFactory().newTransformer()
                        .transform(new StreamSource(new StringReader(xml)), new StreamResult(new StringWriter()));
            } catch (Exception e) {
                throw SecureXml.translate(e);
            }
        }),
        SCHEMA_VALIDATOR(xml -> {
            try {
                Schema schema = SecureXml.schemaFactory("").newSchema(new StreamSource(new StringReader(
                        "<xs:schema xmlns:xs='http://www.w3.org/2001/XMLSchema'>"
                                + "<xs:element name='root' type='xs:string'/></xs:schema>")));
                SecureXml.validator(schema).validate(new StreamSource(new StringReader(xml)));
            } catch (Exception e) {
                throw SecureXml.translate(e);
            }
        });

        final Consumer<String> parse;

        Entry(Consumer<String> parse) {
            this.parse = parse;
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(Entry.class)
    void xxeFileReadIsRefused(Entry entry) throws IOException {
        Path secret = tmp.resolve("secret.txt");
        Files.writeString(secret, SECRET);
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE root [<!ENTITY xxe SYSTEM \"" + secret.toUri() + "\">]>\n<root>&xxe;</root>";
        RuntimeException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(RuntimeException.class, () -> entry.parse.accept(xml)));
        assertSecurity(e);
        assertFalse(String.valueOf(e.getMessage()).contains(SECRET));
    }

    @ParameterizedTest
    @EnumSource(Entry.class)
    void externalDtdIsNeverFetched(Entry entry) {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE root SYSTEM \"" + dtdUrl + "\">\n<root>&leak;</root>";
        RuntimeException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(RuntimeException.class, () -> entry.parse.accept(xml)));
        assertSecurity(e);
        assertEquals(0, fetches.get(), "the parser contacted the DTD server");
    }

    @ParameterizedTest
    @EnumSource(Entry.class)
    void externalParameterEntityIsNeverFetched(Entry entry) {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE root [<!ENTITY % remote SYSTEM \"" + dtdUrl + "\"> %remote;]>\n<root>x</root>";
        RuntimeException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(RuntimeException.class, () -> entry.parse.accept(xml)));
        assertSecurity(e);
        assertEquals(0, fetches.get(), "the parser contacted the DTD server");
    }

    @ParameterizedTest
    @EnumSource(Entry.class)
    void billionLaughsIsRefusedInBoundedTimeAndMemory(Entry entry) {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"lollollollollollollollollollol\">");
        for (int i = 1; i <= 12; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">");
        }
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE root [" + dtd + "]>\n<root>&lol12;</root>";
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        RuntimeException e = assertTimeoutPreemptively(BOUND, () -> assertThrows(RuntimeException.class, () -> entry.parse.accept(xml)));
        long after = rt.totalMemory() - rt.freeMemory();
        assertSecurity(e);
        // 10^12 expansions of 30 bytes would be terabytes; allow ordinary parser garbage only.
        assertTrue(after - before < 256L * 1024 * 1024, "memory grew by " + (after - before));
    }

    @Test
    void doctypeIsRefusedWithReason() {
        XmlSecurityException e = assertThrows(XmlSecurityException.class,
                () -> SecureXml.parse("<!DOCTYPE a><a/>"));
        assertEquals("xml.doctype", e.reason());
    }

    @Test
    void wellFormedDocumentParsesNamespaceAware() {
        Document d = SecureXml.parse("<p:a xmlns:p='urn:x'><p:b>t</p:b></p:a>");
        assertEquals("urn:x", d.getDocumentElement().getNamespaceURI());
        assertEquals("a", d.getDocumentElement().getLocalName());
    }

    @Test
    void malformedDocumentIsAParseErrorWithLine() {
        XmlParseException e = assertThrows(XmlParseException.class, () -> SecureXml.parse("<a>\n<b></a>"));
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void parseErrorMessagesMaskCprNumbers() {
        XmlParseException e = assertThrows(XmlParseException.class, () -> SecureXml.parse("<a>0101901234</b>"));
        assertFalse(e.getMessage().contains("0101901234"), e.getMessage());
    }

    @Test
    void truncatedDocumentIsAParseErrorNotASecurityRefusal() {
        for (Entry entry : Entry.values()) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> entry.parse.accept("<a><b>text</b><c>more"));
            assertTrue(e instanceof XmlParseException, entry + " gave " + e);
        }
    }

    @Test
    void undeclaredEntityReferenceIsRefusedByTheStreamReader() {
        RuntimeException e = assertThrows(RuntimeException.class, () -> Entry.STAX.parse.accept("<a>&undeclared;</a>"));
        assertTrue(e instanceof XmlSecurityException, e.toString());
    }

    @Test
    void writeRoundTripsADocument() {
        Document d = SecureXml.parse("<a xmlns='urn:x'><b c='1'>æøå</b></a>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SecureXml.write(d, out);
        Document again = SecureXml.parse(new ByteArrayInputStream(out.toByteArray()));
        assertEquals("æøå", again.getDocumentElement().getTextContent());
        assertEquals(SecureXml.toString(d), SecureXml.toString(again));
    }

    private static void assertSecurity(RuntimeException e) {
        assertTrue(e instanceof SecurityCheckException, () -> "expected our SecurityCheckException but got " + e);
        assertTrue(e instanceof RammearkitekturException);
    }

    @Test
    void aParserMessageQuotingANameWithACprNumberIsMasked() {
        byte[] xml = "<a><ra:cp8301121458 x</a>".getBytes(StandardCharsets.UTF_8);
        XmlParseException dom = assertThrows(XmlParseException.class, () -> SecureXml.parse(new ByteArrayInputStream(xml)));
        XmlParseException stax = assertThrows(XmlParseException.class, () -> {
            XMLStreamReader r = SecureXml.createStreamReader(new ByteArrayInputStream(xml));
            while (r.hasNext()) {
                r.next();
            }
        });
        for (XmlParseException e : new XmlParseException[] {dom, stax}) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertFalse(String.valueOf(t.getMessage()).contains("8301121458"), t.getMessage());
            }
        }
    }
}

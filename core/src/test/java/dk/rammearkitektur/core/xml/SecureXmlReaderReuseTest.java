package dk.rammearkitektur.core.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.XmlSecurityException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * {@link SecureXml#createStreamReader} reuses a thread's closed parser for its next reader: the reused parser still
 * refuses DOCTYPEs and entity references, reads each document as a new parser would, never disturbs a reader that is
 * still open, and a closed reader cannot be used any more.
 */
class SecureXmlReaderReuseTest {
    private static final String DOC = "<a xmlns=\"urn:a\" x=\"1\"><b>text &amp; more</b><c/></a>";
    private static final String DOCTYPE = "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e \"boom\">]><a>&e;</a>";

    private static XMLStreamReader reader(String xml) {
        return SecureXml.createStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static XMLStreamReader parser(XMLStreamReader r) {
        return ((StreamReaderDelegate) r).getParent();
    }

    /** The document's events as text: element names with namespace and attributes, and the text. */
    private static String events(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                sb.append('<').append(r.getNamespaceURI()).append(' ').append(r.getLocalName());
                for (int i = 0; i < r.getAttributeCount(); i++) {
                    sb.append(' ').append(r.getAttributeLocalName(i)).append('=').append(r.getAttributeValue(i));
                }
                sb.append('>');
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                sb.append("</").append(r.getLocalName()).append('>');
            } else if (e == XMLStreamConstants.CHARACTERS) {
                sb.append(r.getText());
            }
        }
        return sb.toString();
    }

    private static String readAndClose(String xml) throws XMLStreamException {
        XMLStreamReader r = reader(xml);
        try {
            return events(r);
        } finally {
            r.close();
        }
    }

    @Test
    void aClosedReadersParserIsReusedAndReadsTheNextDocumentWhole() throws XMLStreamException {
        XMLStreamReader first = reader(DOC);
        XMLStreamReader parser = parser(first);
        String expected = events(first);
        first.close();
        XMLStreamReader second = reader(DOC);
        assertSame(parser, parser(second), "the closed reader's parser is reused");
        assertEquals(expected, events(second));
        second.close();
        assertEquals("<urn:a a x=1><urn:a b>text & more</b><urn:a c></c></a>", expected);
    }

    @Test
    void theReusedParserStillRefusesADoctypeAndRecoversAfterARefusal() throws XMLStreamException {
        String expected = readAndClose(DOC);
        for (int i = 0; i < 3; i++) {
            XmlSecurityException e = assertThrows(XmlSecurityException.class, () -> readAndClose(DOCTYPE));
            assertEquals("xml.doctype", e.reason());
            assertEquals(expected, readAndClose(DOC), "a refusal leaves nothing behind for the next document");
        }
        assertThrows(XmlParseException.class, () -> readAndClose("<a><b></a>"));
        assertEquals(expected, readAndClose(DOC), "a malformed document leaves nothing behind either");
    }

    @Test
    void aReaderStillOpenIsNotDisturbedByTheNextOne() throws XMLStreamException {
        XMLStreamReader open = reader(DOC);
        open.nextTag();
        XMLStreamReader other = reader("<z><y>other</y></z>");
        assertNotSame(parser(open), parser(other));
        assertEquals("<null z><null y>other</y></z>", readAndClose2(other));
        assertEquals("<urn:a b>text & more</b><urn:a c></c></a>", events(open));
        open.close();
    }

    private static String readAndClose2(XMLStreamReader r) throws XMLStreamException {
        try {
            return events(r);
        } finally {
            r.close();
        }
    }

    @Test
    void aClosedReaderCannotBeUsedAndClosingTwiceDoesNothing() throws XMLStreamException {
        XMLStreamReader r = reader(DOC);
        r.nextTag();
        r.close();
        XMLStreamReader next = reader("<q/>");
        assertThrows(IllegalStateException.class, r::next);
        assertThrows(IllegalStateException.class, r::getLocalName);
        r.close();
        next.nextTag();
        assertEquals("q", next.getLocalName(), "the closed reader's calls did not touch the reused parser");
        next.close();
    }

    @Test
    void eachThreadHasItsOwnParser() throws Exception {
        XMLStreamReader mine = reader(DOC);
        XMLStreamReader minesParser = parser(mine);
        mine.close();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            XMLStreamReader theirs = pool.submit(() -> {
                XMLStreamReader r = reader(DOC);
                XMLStreamReader p = parser(r);
                r.close();
                return p;
            }).get(10, TimeUnit.SECONDS);
            assertNotSame(minesParser, theirs);
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    @Property(tries = 200)
    void aReusedParserReadsEveryDocumentLikeAFreshOne(@ForAll("texts") List<String> texts) throws Exception {
        for (String t : texts) {
            String xml = "<r a=\"" + XmlText.escape(t) + "\"><t>" + XmlText.escape(t) + "</t></r>";
            XMLStreamReader fresh = SecureXml.xmlInputFactory().createXMLStreamReader(
                    new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            assertEquals(events(fresh), readAndClose(xml));
        }
    }

    @Provide
    Arbitrary<List<String>> texts() {
        return Arbitraries.strings().withCharRange(' ', '\uD7FF').ofMaxLength(40).list().ofMinSize(1).ofMaxSize(5);
    }

    @Test
    void aClosedReaderLetsGoOfTheCallersInput() throws Exception {
        byte[] big = ("<a>" + "x".repeat(1 << 20) + "</a>").getBytes(StandardCharsets.UTF_8);
        java.lang.ref.WeakReference<ByteArrayInputStream> input = readAndClose(big);
        // closed early (as after a refusal half-way): the thread's factory keeps the closed parser for the next
        // reader, which must not keep the 1 MB input alive
        for (int i = 0; i < 50 && input.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertEquals(null, input.get(), "the kept parser still references the caller's input");
        assertEquals("<null a></a>", events(reader("<a/>")), "the thread's next reader works");
    }

    private static java.lang.ref.WeakReference<ByteArrayInputStream> readAndClose(byte[] xml) throws XMLStreamException {
        ByteArrayInputStream in = new ByteArrayInputStream(xml);
        XMLStreamReader r = SecureXml.createStreamReader(in);
        r.next();
        r.close();
        return new java.lang.ref.WeakReference<>(in);
    }
}

package dk.rammearkitektur.signing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.signing.SignatureException;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The ID scan finds every recognised ID in the document, whatever the tree's shape, and refuses duplicates. */
class IdRegistryTest {
    private static final String WSU = IdRegistry.WSU;

    @Property(tries = 300)
    void findsEveryIdOfARandomTree(@ForAll long seed) {
        Random r = new Random(seed);
        StringBuilder b = new StringBuilder("<r xmlns:wsu=\"" + WSU + "\">");
        int[] next = {0};
        tree(r, b, 0, next);
        b.append("</r>");
        Document doc = SecureXml.parse(b.toString());
        IdRegistry ids = IdRegistry.register(doc);
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        int found = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = IdRegistry.idOf(e);
            if (id != null) {
                found++;
                assertSame(e, ids.get(id), id);
                assertSame(e, doc.getElementById(id), "marked as an ID for the DOM too: " + id);
            }
        }
        assertEquals(next[0], found);
        assertTrue(ids.isPlain());
    }

    /** Elements nested up to depth 6, with text, comments and processing instructions between them, some with IDs. */
    private static void tree(Random r, StringBuilder b, int depth, int[] next) {
        int children = depth > 5 ? 0 : r.nextInt(4);
        for (int i = 0; i < children; i++) {
            switch (r.nextInt(4)) {
                case 0 -> b.append("text");
                case 1 -> b.append("<!--c-->");
                case 2 -> b.append("<?pi x?>");
                default -> {
                }
            }
            b.append("<e");
            switch (r.nextInt(4)) {
                case 0 -> b.append(" wsu:Id=\"w").append(next[0]++).append('"');
                case 1 -> b.append(" ID=\"s").append(next[0]++).append('"');
                case 2 -> b.append(" Id=\"d").append(next[0]++).append('"');
                default -> b.append(" other=\"x\"");
            }
            b.append('>');
            tree(r, b, depth + 1, next);
            b.append("</e>");
        }
    }

    @Test
    void aDuplicateIsRefusedNamingTheFirstElementInDocumentOrder() {
        Document doc = SecureXml.parse("<r><a><deep><leaf Id=\"x\"/></deep></a><b/><c><d ID=\"x\"/></c></r>");
        SignatureException e = assertThrows(SignatureException.class, () -> IdRegistry.register(doc));
        assertEquals(SignatureException.DUPLICATE_ID, e.reason());
        assertTrue(e.getMessage().contains("on <leaf> and <d>"), e.getMessage());
    }

    @Test
    void anIdOutsideTheRecognisedOnesMakesTheDocumentNotPlain() {
        Document doc = SecureXml.parse("<r><a xml:id=\"x\"/><b Id=\"y\"/></r>");
        ((Element) doc.getElementsByTagName("a").item(0)).setIdAttribute("xml:id", true);
        IdRegistry ids = IdRegistry.register(doc);
        assertFalse(ids.isPlain());
        assertEquals("b", ids.get("y").getTagName());
    }
}

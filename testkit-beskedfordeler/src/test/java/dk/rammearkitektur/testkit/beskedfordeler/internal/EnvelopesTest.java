package dk.rammearkitektur.testkit.beskedfordeler.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EnvelopesTest {
    private static final String OPEN = "<Haendelsesbesked xmlns=\"urn:oio:besked:kuvert:1.0\" xmlns:sd=\"urn:oio:sagdok:3.0.0\">";

    private static byte[] xml(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheBeskedtypeInLowerCase() throws Exception {
        String type = "urn:oio:besked:type:ABC";
        assertEquals("urn:oio:besked:type:abc", Envelopes.beskedtype(xml(OPEN
                + "<BeskedId><sd:UUIDIdentifikator>5b6c8c2e-1111-4d3b-9a8e-0c1d2e3f4a5b</sd:UUIDIdentifikator></BeskedId>"
                + "<Beskedkuvert><Filtreringsdata><Beskedtype><sd:URNIdentifikator> " + type
                + " </sd:URNIdentifikator></Beskedtype></Filtreringsdata></Beskedkuvert></Haendelsesbesked>")));
    }

    @Test
    void refusesWhatIsNotAnEnvelope() {
        String id = "<BeskedId><sd:UUIDIdentifikator>x</sd:UUIDIdentifikator></BeskedId>";
        for (String bad : new String[] {
            "<Haendelsesbesked", // not well-formed
            "<Haendelsesbesked/>", // no namespace
            OPEN + "</Haendelsesbesked>", // no BeskedId
            OPEN + id + "<Beskedkuvert><Filtreringsdata/></Beskedkuvert></Haendelsesbesked>", // no Beskedtype
            OPEN + id + "<Beskedkuvert><Filtreringsdata><Beskedtype/></Filtreringsdata></Beskedkuvert></Haendelsesbesked>",
            "<!DOCTYPE x [<!ENTITY e \"e\">]>" + OPEN + "</Haendelsesbesked>", // DTDs are refused by SecureXml
        }) {
            assertThrows(Envelopes.Malformed.class, () -> Envelopes.beskedtype(xml(bad)), bad);
        }
    }
}

package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The SDK's own SF1470 contract subset ({@code sagdokumentindeks/} of the client module): it refuses the bad samples
 * the published contract refuses (and accepts the good ones it accepts), and a simulator built without the published
 * contracts validates SF1470 bodies against it, refusing what it refuses with the schema fault.
 */
class SagDokumentIndeksOwnContractTest {
    private static ServiceplatformSimulator sim;
    private static SdiCalls calls;

    @BeforeAll
    static void start() throws Exception {
        sim = ServiceplatformSimulator.builder().contracts(null).build().start();
        calls = new SdiCalls(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.reset();
    }

    /** A valid case, then the same case with one thing broken (by text replacement in its importer body). */
    private static String importer(UUID id) {
        return SdiXml.importer(SdiXml.sag(sim, id, "0101901234"));
    }

    /** The bad samples by what is wrong with them. */
    private static Map<String, String> bad() {
        UUID id = UUID.randomUUID();
        String good = importer(id);
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a non-UUID in fjern's SagUuid", "<sdi:FjernSagDokumentIndeksInput " + SdiCalls.NS + "><sdi:SagUuid>"
                + "<sd:UUIDIdentifikator>not-a-uuid</sd:UUIDIdentifikator></sdi:SagUuid></sdi:FjernSagDokumentIndeksInput>");
        m.put("a non-UUID as the case's UUIDIdentifikator", good.replace("<sd:UUIDIdentifikator>" + id + "<",
                "<sd:UUIDIdentifikator>sag-" + id.toString().substring(0, 8) + "<"));
        m.put("a FremdriftStatusKode Sag does not have", good.replace(">Oplyst<", ">Lukket<"));
        m.put("a Foelsomhed the SagIndeks extension does not have", good.replace(">FORTROLIGE_PERSONOPLYSNINGER<",
                ">HEMMELIG<"));
        m.put("OpdaterSagIndeks without its required Tidspunkt", SdiXml.opdaterSag(id, SdiXml.changes()
                .state("Afgjort", SdiXml.T1, null)).replaceAll("<sdi:Tidspunkt>[^<]*</sdi:Tidspunkt>", ""));
        m.put("an unknown element in fremsoeg", "<sdi:FremsoegSagDokumentIndeksInput " + SdiCalls.NS + "><sdi:SagUuid>"
                + id + "</sdi:SagUuid><sdi:Ukendt/></sdi:FremsoegSagDokumentIndeksInput>");
        m.put("an undeclared element in a strict LokalUdvidelseListe", good.replace("<si:SagsklasseLokalUdvidelse>",
                "<si:UkendtUdvidelse/><si:SagsklasseLokalUdvidelse>"));
        m.put("the Registrering's elements out of order", good.replace("<sd:LivscyklusKode>Importeret"
                + "</sd:LivscyklusKode>", "").replace("</sd:BrugerRef>",
                "</sd:BrugerRef><sd:LivscyklusKode>Importeret</sd:LivscyklusKode>"));
        for (Map.Entry<String, String> e : m.entrySet()) {
            assertTrue(!e.getValue().equals(good), "the sample breaks something: " + e.getKey());
        }
        return m;
    }

    private static Element parse(String xml) {
        return PublishedContracts.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    @Test
    void ownSubsetRefusesWhatThePublishedOneRefuses() {
        Schema own = OwnSdiContract.schema();
        boolean published = PublishedContracts.dir().isPresent();
        Schema pub = published ? PublishedContracts.schema(OwnSdiContract.PUBLISHED) : null;
        UUID id = UUID.randomUUID();
        for (String good : List.of(importer(id), SdiXml.fremsoegPart("urn:oio:cpr-nr:0101901234"),
                SdiXml.fremsoegUuids(List.of(id), List.of()), SdiXml.fjern(id, true),
                SdiXml.opdaterSag(id, SdiXml.changes().state("Afgjort", SdiXml.T1, null)))) {
            assertNull(OwnSdiContract.complaint(own, parse(good)), good);
            if (published) {
                assertNull(OwnSdiContract.complaint(pub, parse(good)), good);
            }
        }
        for (Map.Entry<String, String> e : bad().entrySet()) {
            assertNotNull(OwnSdiContract.complaint(own, parse(e.getValue())), "own subset accepts " + e.getKey());
            if (published) {
                assertNotNull(OwnSdiContract.complaint(pub, parse(e.getValue())), "published accepts " + e.getKey());
            }
        }
    }

    @Test
    void withoutThePublishedContractsTheSimulatorValidatesSf1470AgainstTheOwnSubset() throws Exception {
        assertNull(sim.contracts(), "built without the published contracts");
        UUID id = UUID.randomUUID();
        SdiCalls.Reply ok = calls.call("importer", importer(id));
        assertEquals(List.of(20), ok.codes(), ok.messages() + sim.conformanceReport());
        assertNull(ok.faultCode());
        for (Map.Entry<String, String> e : bad().entrySet()) {
            sim.reset();
            String operation = e.getValue().contains("FjernSagDokumentIndeksInput") ? "fjern"
                    : e.getValue().contains("FremsoegSagDokumentIndeksInput") ? "fremsoeg"
                    : e.getValue().contains("OpdaterSagDokumentIndeksInput") ? "opdater" : "importer";
            SdiCalls.Reply r = calls.call(operation, e.getValue());
            assertEquals(PlatformFaults.SCHEMA, r.faultCode(), e.getKey() + ": " + sim.conformanceReport());
            assertTrue(sim.conformanceReport().contains("body does not match the contract"),
                    e.getKey() + ": " + sim.conformanceReport());
        }
    }
}

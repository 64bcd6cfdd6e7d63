package dk.rammearkitektur.testkit.serviceplatform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.testkit.serviceplatform.internal.Contracts;
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
 * The SDK's own SF1490 contract subset ({@code ydelsesindeks/} of the stoettesystemer client module): it accepts the
 * hand-written valid bodies of all three ports and refuses the broken ones, as the published
 * {@code YdelseIndeksOperationer.xsd} does (that half skipped without ../shared); and a simulator built without the
 * published contracts validates SF1490 bodies against it, refusing what it refuses with the schema fault.
 */
class YdelsesIndeksOwnContractTest {
    private static final String ACTION = "http://kombit.dk/sts/ydelseindeks/";
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
        sim.ydelsesIndeks().clear();
    }

    private static YdiXml grant(UUID id) {
        return YdiXml.grant(sim, id, "0101901234");
    }

    private static YdiXml payment(UUID id, UUID grant) {
        return YdiXml.payment(sim, id, grant, "0101901234");
    }

    /** The valid bodies of every operation of the three ports. */
    private static List<String> good() {
        UUID g = UUID.randomUUID();
        UUID p = UUID.randomUUID();
        return List.of(YdiXml.importer(grant(g), payment(p, g)), YdiXml.opdater(grant(g), payment(p, g)),
                YdiXml.fremsoegIds(List.of(g), List.of(p)), YdiXml.fremsoegCpr("0101901234"), YdiXml.fjern("bi", g),
                YdiXml.fjern("oef", p));
    }

    /** The bad samples by what is wrong with them. */
    private static Map<String, String> bad() {
        UUID g = UUID.randomUUID();
        UUID p = UUID.randomUUID();
        String good = YdiXml.importer(grant(g), payment(p, g));
        Map<String, String> m = new LinkedHashMap<>();
        m.put("a non-UUID in bi:FjernInput", YdiXml.fjern("bi", g).replace(g.toString(), "not-a-uuid"));
        m.put("a non-UUID as the grant's UUIDIdentifikator", good.replace("<sd:UUIDIdentifikator>" + g
                + "</sd:UUIDIdentifikator><bi:Registrering>", "<sd:UUIDIdentifikator>bevilling-1"
                + "</sd:UUIDIdentifikator><bi:Registrering>"));
        m.put("a Foelsomhed the grant does not have", good.replace(">FORTROLIGE_PERSONOPLYSNINGER<", ">HEMMELIG<"));
        m.put("a ForudBagud that is neither Forud nor Bagud", good.replace(">Bagud<", ">Midt<"));
        m.put("an amount with a decimal comma", good.replace(">1234.50<", ">1234,50<"));
        m.put("a CVR-nr of four digits", good.replaceFirst("<bi:CVR-nr>[0-9]{8}<", "<bi:CVR-nr>1234<"));
        m.put("three ItSystem in a BevilgetYdelse", good.replace("<bi:Ydelse>",
                YdiXml.noVirkning("ItSystem", "Afsender", "IT-system", SdiXml.uuidRef(UUID.randomUUID()), "")
                        + "<bi:Ydelse>"));
        m.put("the payment's Egenskaber out of order", good.replaceFirst(
                "(<oef:Startdato>[^<]*</oef:Startdato>)(<oef:Slutdato>[^<]*</oef:Slutdato>)", "$2$1"));
        m.put("the Registrering's elements out of order", good.replace("<sd:LivscyklusKode>Importeret"
                + "</sd:LivscyklusKode>", "").replace("</sd:BrugerRef>",
                "</sd:BrugerRef><sd:LivscyklusKode>Importeret</sd:LivscyklusKode>"));
        m.put("OpdaterBevillingIndeks without its required yi:Tidspunkt", YdiXml.opdater(grant(g))
                .replaceAll("<yi:Tidspunkt>[^<]*</yi:Tidspunkt>", ""));
        m.put("fremsoeg without its required SoegUdtryk", "<yi:FremsoegYdelseIndeksInput " + YdiXml.NS
                + "><yi:BevillingUuid>" + g + "</yi:BevillingUuid></yi:FremsoegYdelseIndeksInput>");
        m.put("an unknown element in fremsoeg", YdiXml.fremsoegCpr("0101901234").replace("<yi:SoegUdtryk>",
                "<yi:Ukendt/><yi:SoegUdtryk>"));
        for (Map.Entry<String, String> e : m.entrySet()) {
            assertNotEquals(good, e.getValue(), "the sample breaks something: " + e.getKey());
        }
        return m;
    }

    private static Element parse(String xml) {
        return PublishedContracts.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }

    @Test
    void ownSubsetAcceptsAndRefusesWhatThePublishedOneDoes() {
        Schema own = Contracts.schema(ServiceplatformSimulator.YDELSESINDEKS_CONTRACT);
        boolean published = PublishedContracts.dir().isPresent();
        Schema pub = published ? PublishedContracts.schema(YdiContract.PUBLISHED) : null;
        for (String good : good()) {
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

    /** The port and action a body goes to. */
    private static String[] route(String body) {
        if (body.startsWith("<bi:FjernInput")) {
            return new String[] {"SF1490-BI", ACTION + "bevillingindeks/fjern"};
        }
        if (body.startsWith("<oef:FjernInput")) {
            return new String[] {"SF1490-OEF", ACTION + "oekonomiskEffektuering/fjern"};
        }
        String op = body.startsWith("<yi:Importer") ? "importer" : body.startsWith("<yi:Opdater") ? "opdater"
                : "fremsoeg";
        return new String[] {"SF1490-YI", ACTION + op};
    }

    private static SdiCalls.Reply send(String body) throws Exception {
        String[] r = route(body);
        return calls.call12(r[0], r[1], body, sim.municipalityCvr(), ServiceplatformSimulator.SF1490_ENTITY_ID);
    }

    @Test
    void withoutThePublishedContractsTheSimulatorValidatesSf1490AgainstTheOwnSubset() throws Exception {
        assertNull(sim.contracts(), "built without the published contracts");
        UUID g = UUID.randomUUID();
        SdiCalls.Reply ok = send(YdiXml.importer(grant(g), payment(UUID.randomUUID(), g)));
        assertEquals(List.of(20, 20), ok.codes(), ok.messages() + sim.conformanceReport());
        assertNull(ok.faultCode());
        for (Map.Entry<String, String> e : bad().entrySet()) {
            sim.reset();
            SdiCalls.Reply r = send(e.getValue());
            assertEquals(PlatformFaults.SCHEMA, r.faultCode(), e.getKey() + ": " + sim.conformanceReport());
            assertTrue(sim.conformanceReport().contains("body does not match the contract"),
                    e.getKey() + ": " + sim.conformanceReport());
        }
    }
}

package dk.rammearkitektur.clients.stoettesystemer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.stoettesystemer.BenefitIndexClasses;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** Every SF1490 request the client writes agrees with the published {@code YdelseIndeksOperationer.xsd}. */
class BenefitIndexMessagesTest {
    static final BenefitIndexClasses CLASSES = BenefitIndexClasses.of(BenefitIndexCases.classes());

    @Test
    void everyRequestAgreesWithThePublishedContract() throws Exception {
        Schema schema = published();
        BenefitIndexPlan.Request r = BenefitIndexMapping.map(BenefitIndexCases.history(), BenefitIndexCases.BENEFIT,
                IndexCases.context());
        CaseIndexMappingTest.validate(schema, b -> BenefitIndexMessages.importer(b, r, true, r.payments(),
                CLASSES::uuid));
        CaseIndexMappingTest.validate(schema, b -> BenefitIndexMessages.importer(b, r, false, r.payments(),
                CLASSES::uuid));
        CaseIndexMappingTest.validate(schema, b -> BenefitIndexMessages.opdater(b, r, true, r.payments(),
                CLASSES::uuid));
        CaseIndexMappingTest.validate(schema, b -> BenefitIndexMessages.fremsoegById(b, List.of(UUID.randomUUID()),
                List.of(UUID.randomUUID(), UUID.randomUUID()), 500));
        CaseIndexMappingTest.validate(schema, b -> BenefitIndexMessages.fremsoegByParty(b,
                "urn:oio:cpr-nr:0101801234", 500));
        CaseIndexMappingTest.validate(schema, b -> BenefitIndexMessages.fjern(b, true, UUID.randomUUID()));
        CaseIndexMappingTest.validate(schema, b -> BenefitIndexMessages.fjern(b, false, UUID.randomUUID()));
    }

    @Test
    void theSchemaRefusesAMisorderedRequestSoTheCheckCanFail() throws Exception {
        Schema schema = published();
        BenefitIndexPlan.Request r = BenefitIndexMapping.map(BenefitIndexCases.history(), BenefitIndexCases.BENEFIT,
                IndexCases.context());
        assertThrows(SAXException.class, () -> CaseIndexMappingTest.validate(schema, b -> {
            BenefitIndexMessages.opdater(b, r, true, List.of(), CLASSES::uuid);
            Element opdater = Dom.children(Dom.children(b).get(0)).get(0);
            Element tidspunkt = Dom.child(opdater, BenefitIndexMessages.YI, "Tidspunkt");
            opdater.insertBefore(tidspunkt, opdater.getFirstChild());
        }));
    }

    @Test
    void fremsoegByPartyNamesThePartyInBothCriteriaAndSendsNoFilter() {
        Element in = write(b -> BenefitIndexMessages.fremsoegByParty(b, "urn:oio:cpr-nr:0101801234", 500));
        assertEquals(0, in.getElementsByTagNameNS(BenefitIndexMessages.YI, "Filter").getLength());
        assertEquals("OR", in.getElementsByTagNameNS(BenefitIndexMessages.YI, "operation").item(0).getTextContent());
        assertEquals(2, in.getElementsByTagNameNS(LoraWriter.SD, "URNIdentifikator").getLength());
        assertEquals(1, in.getElementsByTagNameNS(BenefitIndexMessages.BI, "Bevillingspart").getLength());
        assertEquals(1, in.getElementsByTagNameNS(BenefitIndexMessages.OEF, "OekonomiskEffektueringPart")
                .getLength());
    }

    @Test
    void datesAreDanishMidnightsAndThePaymentNamesItsGrant() {
        BenefitIndexPlan.Request r = BenefitIndexMapping.map(BenefitIndexCases.history(), BenefitIndexCases.BENEFIT,
                IndexCases.context());
        Element in = write(b -> BenefitIndexMessages.importer(b, r, true, r.payments(), CLASSES::uuid));
        assertEquals("2024-05-01", text(in, BenefitIndexMessages.BI, "Bevillingstartdato"));
        assertEquals("2024-10-31", text(in, BenefitIndexMessages.BI, "Bevillingslutdato"));
        assertEquals("2024-05-01T00:00:00.000+02:00", text(in, BenefitIndexMessages.BI, "BevilgetYdelseStartdato"));
        assertEquals("2024-11-01T00:00:00.000+01:00", text(in, BenefitIndexMessages.BI, "BevilgetYdelseSlutdato"),
                "exclusive end, winter time");
        assertEquals("Månedlig", text(in, BenefitIndexMessages.BI, "Beregningsfrekvens"));
        assertEquals("Bagud", text(in, BenefitIndexMessages.BI, "ForudBagud"));
        assertEquals("1234.50", text(in, BenefitIndexMessages.BI, "Ydelsesbeloeb"));
        assertEquals("2024-05-31T00:00:00.000+02:00", text(in, BenefitIndexMessages.OEF, "Slutdato"),
                "the payment's last day, not the day after");
        assertEquals("2024-06-03T00:00:00.000+02:00", text(in, BenefitIndexMessages.OEF, "Dispositionsdato"));
        assertEquals("Modregning af skyld", text(in, BenefitIndexMessages.OEF, "SendtTilUdbetalingTekst"));
        Element ref = (Element) in.getElementsByTagNameNS(BenefitIndexMessages.OEF, "BevilgetYdelseRef").item(0);
        assertEquals(BenefitIndexCases.BENEFIT.value().toString(), Dom.childText(ref, LoraWriter.SD,
                "UUIDIdentifikator"));
        assertEquals("2024-04-20T10:00:00.000Z", text(in, LoraWriter.SD, "Tidspunkt"));
        assertEquals("Importeret", text(in, LoraWriter.SD, "LivscyklusKode"));
        assertEquals(0, in.getElementsByTagNameNS(BenefitIndexMessages.BI, "UdenNotifikation").getLength());
        assertEquals(0, in.getElementsByTagNameNS(BenefitIndexMessages.BI, "Sikkerhedsprofil").getLength());
        Element withoutGrant = write(b -> BenefitIndexMessages.importer(b, r, false, r.payments().subList(1, 2),
                CLASSES::uuid));
        assertEquals(List.of("OekonomiskEffektueringIndeks"), Dom.children(withoutGrant).stream()
                .map(Element::getLocalName).toList());
    }

    private static String text(Element in, String ns, String local) {
        return in.getElementsByTagNameNS(ns, local).item(0).getTextContent();
    }

    static Element write(Consumer<Element> writer) {
        Document doc = Dom.newDocument();
        Element body = doc.createElementNS("urn:test", "t:Body");
        doc.appendChild(body);
        writer.accept(body);
        return Dom.children(body).get(0);
    }

    static Schema published() throws Exception {
        Schema s = publishedIfPresent();
        Assumptions.assumeTrue(s != null,
                "published SF1490 contracts not found (../shared/conformance/serviceplatformen): skipped");
        return s;
    }

    static Schema publishedIfPresent() throws Exception {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        Path p = dir == null || dir.isBlank() ? null : Path.of(dir, "conformance", "serviceplatformen",
                "sf1490-ydelsesindeks-6", "xsd", "6.0.STS-0", "YdelseIndeksOperationer.xsd");
        return p != null && Files.exists(p) ? CaseIndexMappingTest.schema(p) : null;
    }
}

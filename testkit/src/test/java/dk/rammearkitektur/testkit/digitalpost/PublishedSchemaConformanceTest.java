package dk.rammearkitektur.testkit.digitalpost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.digitalpost.DeliveryStatus;
import dk.rammearkitektur.clients.digitalpost.DigitalPostClient;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.PrintAddress;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Against the published files in {@code ../shared} (skipped with a message when absent): every part of every
 * request the client sends has a published schema it is validated against by the simulator (MeMo 1.1 and 1.2, the
 * Fjernprint print part), and the Beskedfordeler envelope the simulator pushes statuses in, and the receiver's
 * answer the client offers, validate against the published Beskedfordeler schema.
 */
class PublishedSchemaConformanceTest {
    private static Path shared() {
        String dir = System.getProperty("rammearkitektur.shared.dir");
        Path p = dir == null || dir.isBlank() ? null : Path.of(dir, "conformance", "serviceplatformen");
        Assumptions.assumeTrue(p != null && Files.isDirectory(p.resolve("sf1461-sf1462-beskedfordeler")),
                "published Serviceplatformen contracts not found: rammearkitektur.shared.dir is unset or has no "
                        + "conformance/serviceplatformen");
        return p;
    }

    private static Schema beskedfordeler(Path contracts) throws Exception {
        SchemaFactory f = SecureXml.schemaFactory("file");
        return f.newSchema(contracts.resolve("sf1461-sf1462-beskedfordeler/xsd/AnvendersystemOperationer.xsd").toFile());
    }

    @Test
    void everyRequestTheClientSendsValidatesAgainstThePublishedSchemas() {
        shared();
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start();
                DigitalPostClient client = sim.clientBuilder().build()) {
            assertTrue(sim.validatesAgainstXsd() && sim.validatesPrintAgainstXsd(), sim.conformanceReport());
            sim.exemptFromDigitalPost(Letters.EXEMPT_CPR).registerForNemSms(Letters.CPR);
            PrintShipment full = PrintShipment.builder("brev-1", FileContent.ofBytes(Letters.pdf(50))).cprPlaceholder()
                    .address(PrintAddress.builder().personName("Jens Hansen").streetName("Rådhuspladsen")
                            .streetBuildingIdentifier("2").floor("st").suite("tv").postCode("8000").district("Aarhus C").build())
                    .title("Afgørelse").senderDetails(PrintShipment.SenderDetails.of("sagsbehandler").withSenderAddress(
                            PrintAddress.builder().personName("Aarhus Kommune").lines(List.of("Rådhuspladsen 2", "8000 Aarhus C"))
                                    .build()))
                    .digitalPostParameters(PrintShipment.DigitalPostParameters.of(false))
                    .addAttachment(PrintShipment.Attachment.of("Vejledning", 0, FileContent.ofBytes(Letters.pdf(20)))).build();
            for (KombiRequest k : List.of(
                    KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(10))),
                    KombiRequest.digitalPost(Letters.letter(MemoVersion.V1_1, Letters.CPR, FileContent.ofBytes(Letters.pdf(10)))),
                    KombiRequest.nemSms(Letters.sms(Letters.CPR, "Husk tandlægen")),
                    KombiRequest.physicalPost(full),
                    KombiRequest.automatic(Letters.letter(Letters.EXEMPT_CPR, Letters.pdf(10)), Letters.print(Letters.EXEMPT_CPR,
                            Letters.pdf(10))))) {
                assertTrue(client.send(k).accepted(), k.channel().code());
            }
            assertEquals("no violations", sim.conformanceReport().lines().reduce((a, b) -> b).orElseThrow(), sim.conformanceReport());
        }
    }

    @Test
    void theBeskedfordelerEnvelopeAndTheReceiversAnswerValidateAndCarryTheStatus() throws Exception {
        Schema schema = beskedfordeler(shared());
        try (DigitalPostSimulator sim = DigitalPostSimulator.builder().build().start();
                DigitalPostClient client = sim.clientBuilder().build()) {
            client.send(KombiRequest.digitalPost(Letters.letter(Letters.CPR, Letters.pdf(10))));
            client.send(KombiRequest.physicalPost(Letters.print(Letters.CPR, Letters.pdf(10))));
            assertEquals(4, sim.statuses().size());
            for (PostStatusEvent e : sim.statuses()) {
                byte[] envelope = e.beskedfordelerDocument();
                SecureXml.validator(schema).validate(new StreamSource(new ByteArrayInputStream(envelope)));
                DeliveryStatus viaEnvelope = DeliveryStatus.parseBeskedfordeler(new ByteArrayInputStream(envelope));
                assertEquals(DeliveryStatus.parse(e.openStream()), viaEnvelope);
                assertEquals(e.status(), viaEnvelope.statusText());
            }
            SecureXml.validator(schema).validate(new StreamSource(new ByteArrayInputStream(
                    DeliveryStatus.beskedfordelerReceivedReply().getBytes(StandardCharsets.UTF_8))));
        }
    }
}

package dk.rammearkitektur.clients.stoettesystemer.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.clients.stoettesystemer.IndexedGrant;
import dk.rammearkitektur.clients.stoettesystemer.IndexedPayment;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.model.Validity;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** SF1490 replies written by hand, read as the client reads them. */
class BenefitIndexRepliesTest {
    private static final ServiceCall CALL = ServiceCall.write("SF1490-YI", "importer", "c", null);
    private static final String NS = "xmlns:yi=\"urn:oio:sts:ydelse:ydelseindeks:6\" "
            + "xmlns:bi=\"urn:oio:sts:ydelse:bevillingindeks:6\" "
            + "xmlns:oef=\"urn:oio:sts:ydelse:oekonomiskeffektueringindeks:6\" "
            + "xmlns:gd=\"urn:oio:sts:generelledefinitioner:6\" xmlns:sd=\"urn:oio:sagdok:3.0.0\"";
    private static final String GRANT = "99999999-9999-4999-8999-999999999999";
    private static final String PAYMENT = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private static final String ROLE = "12121212-1212-4212-8212-121212121212";
    private static final String TYPE = "34343434-3434-4434-8434-343434343434";

    @Test
    void everyUnikReturSaying20IsSuccess() {
        Element out = parse("<yi:ImporterYdelseIndeksOutput " + NS + ">" + unik("20", null, "Bevilling", GRANT)
                + unik("20", null, "OekonomiskEffektuering", PAYMENT) + "</yi:ImporterYdelseIndeksOutput>");
        assertEquals(2, BenefitIndexReplies.readMultiple(out, CALL, "ImporterYdelseIndeksOutput"));
    }

    @Test
    void aRefusedObjectIsAFaultWithCodeTextTypeAndUuid() {
        Element out = parse("<yi:OpdaterYdelseIndeksOutput " + NS + ">" + unik("20", null, "Bevilling", GRANT)
                + unik("40", "YDI-OEF-TEKST: SendtTilUdbetalingTekst mangler", "OekonomiskEffektuering", PAYMENT)
                + "</yi:OpdaterYdelseIndeksOutput>");
        ServiceFaultException e = assertThrows(ServiceFaultException.class,
                () -> BenefitIndexReplies.readMultiple(out, CALL, "OpdaterYdelseIndeksOutput"));
        assertEquals("40", e.faultCode());
        assertTrue(e.faultText().contains("YDI-OEF-TEKST"), e.faultText());
        assertTrue(e.faultText().contains("OekonomiskEffektuering " + PAYMENT), e.faultText());
    }

    @Test
    void anotherOutputOrNoStatusIsAShapeError() {
        assertThrows(ReplyShapeException.class, () -> BenefitIndexReplies.readMultiple(parse(
                "<yi:ImporterYdelseIndeksOutput " + NS + "/>"), CALL, "ImporterYdelseIndeksOutput"));
        assertThrows(ReplyShapeException.class, () -> BenefitIndexReplies.readMultiple(parse(
                "<yi:OpdaterYdelseIndeksOutput " + NS + ">" + unik("20", null, "Bevilling", GRANT)
                        + "</yi:OpdaterYdelseIndeksOutput>"), CALL, "ImporterYdelseIndeksOutput"));
    }

    @Test
    void fjernReadsItsPortsOutput() {
        BenefitIndexReplies.readFjern(parse("<bi:FjernOutput " + NS + ">" + retur("20", "OK") + "</bi:FjernOutput>"),
                CALL, true);
        ServiceFaultException e = assertThrows(ServiceFaultException.class, () -> BenefitIndexReplies.readFjern(
                parse("<oef:FjernOutput " + NS + ">" + retur("44", "ukendt") + "</oef:FjernOutput>"), CALL, false));
        assertEquals("44", e.faultCode());
        assertThrows(ReplyShapeException.class, () -> BenefitIndexReplies.readFjern(parse("<oef:FjernOutput " + NS
                + ">" + retur("20", "OK") + "</oef:FjernOutput>"), CALL, true), "the grant port answers in bi:");
    }

    @Test
    void fremsoegGivesGrantsAndPaymentsFromTheirLatestRegistration() {
        String virkning = "<sd:FraTidspunkt><sd:TidsstempelDatoTid>2024-04-20T10:00:00.000Z</sd:TidsstempelDatoTid>"
                + "</sd:FraTidspunkt><sd:TilTidspunkt><sd:GraenseIndikator>true</sd:GraenseIndikator>"
                + "</sd:TilTidspunkt><sd:AktoerRef><sd:URNIdentifikator>urn:x</sd:URNIdentifikator></sd:AktoerRef>"
                + "<sd:AktoerTypeKode>ItSystem</sd:AktoerTypeKode>";
        String relation = "<gd:Virkning>" + virkning + "</gd:Virkning><gd:Rolle><sd:UUIDIdentifikator>" + ROLE
                + "</sd:UUIDIdentifikator></gd:Rolle><gd:Type><sd:UUIDIdentifikator>" + TYPE
                + "</sd:UUIDIdentifikator></gd:Type><gd:ReferenceID><sd:URNIdentifikator>urn:oio:cpr-nr:0101801234"
                + "</sd:URNIdentifikator></gd:ReferenceID>";
        String xml = "<yi:FremsoegYdelseIndeksOutput " + NS + ">" + retur("20", "OK")
                + "<yi:Antal><yi:Element>bevillinger</yi:Element><yi:Antal>1</yi:Antal></yi:Antal>"
                + "<yi:BevillingFiltreretOejebliksbillede><bi:ObjektType><sd:UUIDIdentifikator>" + GRANT
                + "</sd:UUIDIdentifikator></bi:ObjektType>"
                + "<bi:Registrering><sd:Tidspunkt>2024-01-01T00:00:00Z</sd:Tidspunkt><bi:AttributListe/>"
                + "<bi:TilstandListe/><bi:RelationListe/></bi:Registrering>"
                + "<bi:Registrering><sd:Tidspunkt>2024-04-20T10:00:00.000Z</sd:Tidspunkt><bi:AttributListe>"
                + "<bi:Egenskaber><bi:Virkning>" + virkning + "</bi:Virkning><bi:BrugervendtNoegle>BEV-1"
                + "</bi:BrugervendtNoegle><bi:Bevillingstartdato>2024-05-01</bi:Bevillingstartdato>"
                + "<bi:Bevillingslutdato>2024-10-31</bi:Bevillingslutdato><bi:Foelsomhed>FORTROLIGE_PERSONOPLYSNINGER"
                + "</bi:Foelsomhed></bi:Egenskaber><bi:BevilgetYdelse><bi:Virkning>" + virkning + "</bi:Virkning>"
                + "<bi:Id>1</bi:Id><bi:Navn>Sygedagpenge</bi:Navn><bi:OekonomiskEffektueringsplan><bi:Id>1</bi:Id>"
                + "<bi:Ydelsesbeloeb>1234.50</bi:Ydelsesbeloeb></bi:OekonomiskEffektueringsplan></bi:BevilgetYdelse>"
                + "</bi:AttributListe><bi:TilstandListe/><bi:RelationListe><bi:Bevillingspart>" + relation
                + "<bi:FuldtNavn>Anna Jensen</bi:FuldtNavn></bi:Bevillingspart><bi:Bevillingsaktoer><gd:Rolle/>"
                + "</bi:Bevillingsaktoer></bi:RelationListe></bi:Registrering></yi:BevillingFiltreretOejebliksbillede>"
                + "<yi:OekonomiskEffektueringFiltreretOejebliksbillede><oef:ObjektType><sd:UUIDIdentifikator>"
                + PAYMENT + "</sd:UUIDIdentifikator></oef:ObjektType><oef:Registrering><sd:Tidspunkt>"
                + "2024-06-05T10:00:00.000Z</sd:Tidspunkt><oef:AttributListe><oef:Egenskaber><oef:Virkning>"
                + virkning + "</oef:Virkning><oef:Startdato>2024-05-01T00:00:00.000+02:00</oef:Startdato>"
                + "<oef:Slutdato>2024-05-30T22:00:00.000Z</oef:Slutdato><oef:SamletBruttobeloeb>-100.00"
                + "</oef:SamletBruttobeloeb><oef:Dispositionsdato>2024-06-03T00:00:00+02:00</oef:Dispositionsdato>"
                + "<oef:BeloebSendtTilUdbetaling>750</oef:BeloebSendtTilUdbetaling></oef:Egenskaber>"
                + "</oef:AttributListe><oef:TilstandListe/><oef:RelationListe><oef:OekonomiskYdelseEffektueringRelation>"
                + relation.replace("urn:oio:cpr-nr:0101801234</sd:URNIdentifikator>", "x</sd:URNIdentifikator>")
                + "<oef:BevilgetYdelseRef><sd:UUIDIdentifikator>" + GRANT + "</sd:UUIDIdentifikator>"
                + "<oef:BevilgetYdelseId>1</oef:BevilgetYdelseId></oef:BevilgetYdelseRef>"
                + "</oef:OekonomiskYdelseEffektueringRelation></oef:RelationListe></oef:Registrering>"
                + "</yi:OekonomiskEffektueringFiltreretOejebliksbillede></yi:FremsoegYdelseIndeksOutput>";
        BenefitIndexReplies.Found found = BenefitIndexReplies.readFremsoeg(parse(xml), CALL,
                u -> u.toString().equals(ROLE) ? "Ydelsesmodtager" : null);
        Instant from = Instant.parse("2024-04-20T10:00:00Z");
        IndexRelation part = new IndexRelation("Bevillingspart", UUID.fromString(ROLE), "Ydelsesmodtager",
                UUID.fromString(TYPE), null, "urn:oio:cpr-nr:0101801234", Validity.from(from));
        assertEquals(List.of(new IndexedGrant(BenefitId.of(UUID.fromString(GRANT)), "BEV-1", "Sygedagpenge",
                LocalDate.of(2024, 5, 1), LocalDate.of(2024, 10, 31), new BigDecimal("1234.50"),
                "FORTROLIGE_PERSONOPLYSNINGER", from, List.of(part))), found.grants(),
                "the latest registration; an unreadable relation left out");
        IndexedPayment p = found.payments().get(0);
        assertEquals(new IndexedPayment(PaymentId.of(UUID.fromString(PAYMENT)), BenefitId.of(UUID.fromString(GRANT)),
                LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), LocalDate.of(2024, 6, 3),
                new BigDecimal("-100.00"), new BigDecimal("750"), Instant.parse("2024-06-05T10:00:00Z"),
                List.of(new IndexRelation("OekonomiskYdelseEffektueringRelation", UUID.fromString(ROLE),
                        "Ydelsesmodtager", UUID.fromString(TYPE), null, "x", Validity.from(from)))), p);
    }

    @Test
    void aFremsoegRefusalIsAFault() {
        ServiceFaultException e = assertThrows(ServiceFaultException.class, () -> BenefitIndexReplies.readFremsoeg(
                parse("<yi:FremsoegYdelseIndeksOutput " + NS + ">" + retur("40", "SoegUdtryk mangler")
                        + "</yi:FremsoegYdelseIndeksOutput>"), CALL, u -> null));
        assertEquals("40", e.faultCode());
        BenefitIndexReplies.Found none = BenefitIndexReplies.readFremsoeg(parse("<yi:FremsoegYdelseIndeksOutput "
                + NS + ">" + retur("20", "OK") + "<yi:BevillingFiltreretOejebliksbillede><bi:ObjektType>"
                + "<sd:UUIDIdentifikator>" + GRANT + "</sd:UUIDIdentifikator></bi:ObjektType>"
                + "</yi:BevillingFiltreretOejebliksbillede></yi:FremsoegYdelseIndeksOutput>"), CALL, u -> null);
        assertEquals("", none.grants().get(0).key(), "a grant without registration");
        assertNull(none.grants().get(0).registeredAt());
    }

    private static String unik(String code, String text, String type, String uuid) {
        return "<sd:UnikRetur><sd:StatusKode>" + code + "</sd:StatusKode>"
                + (text == null ? "" : "<sd:FejlbeskedTekst>" + text + "</sd:FejlbeskedTekst>")
                + "<sd:Type>" + type + "</sd:Type><sd:UUIDIdentifikator>" + uuid + "</sd:UUIDIdentifikator>"
                + "</sd:UnikRetur>";
    }

    private static String retur(String code, String text) {
        return "<sd:StandardRetur><sd:StatusKode>" + code + "</sd:StatusKode><sd:FejlbeskedTekst>" + text
                + "</sd:FejlbeskedTekst></sd:StandardRetur>";
    }

    private static Element parse(String xml) {
        return Dom.parse(xml.getBytes(StandardCharsets.UTF_8)).getDocumentElement();
    }
}

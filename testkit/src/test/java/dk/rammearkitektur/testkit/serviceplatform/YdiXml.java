package dk.rammearkitektur.testkit.serviceplatform;

import static dk.rammearkitektur.testkit.serviceplatform.KlassifikationData.objectTypeUuid;
import static dk.rammearkitektur.testkit.serviceplatform.KlassifikationData.roleUuid;
import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.urnRef;
import static dk.rammearkitektur.testkit.serviceplatform.SdiXml.uuidRef;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Hand-written Ydelsesindeks (SF1490) request bodies in the published XSDs' shapes (the test's own text, no client
 * code): a valid grant or payment of the seeded organisation that tests then break one rule at a time.
 */
final class YdiXml {
    static final String YI = "urn:oio:sts:ydelse:ydelseindeks:6";
    static final String BI = "urn:oio:sts:ydelse:bevillingindeks:6";
    static final String OEF = "urn:oio:sts:ydelse:oekonomiskeffektueringindeks:6";
    /** The namespace declarations every body uses. */
    static final String NS = "xmlns:yi='" + YI + "' xmlns:bi='" + BI + "' xmlns:oef='" + OEF + "'"
            + " xmlns:gd='urn:oio:sts:generelledefinitioner:6' xmlns:sd='urn:oio:sagdok:3.0.0'";
    static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");
    static final Instant T1 = Instant.parse("2024-04-02T08:00:00Z");
    static final String KLE = "32.18.02";
    private static final List<String> GRANT_ORDER = List.of("Bevillingssag", "Bevillingspart", "Bevillingsaktoer",
            "Sikkerhedsprofil");
    private static final List<String> PAYMENT_ORDER = List.of("OekonomiskYdelseEffektueringRelation", "Aktoer",
            "ItSystem", "OekonomiskEffektueringPart");

    /** One relation: its element and role (to remove or replace it) and its XML. */
    record Rel(String element, String role, String xml) {
    }

    final UUID uuid;
    final boolean grant;
    final String p;
    final List<Rel> relations = new ArrayList<>();
    /** The Egenskaber fields in XSD order (a null value leaves the field out). */
    final Map<String, String> egenskaber = new LinkedHashMap<>();
    /** The Registrering's time (every Virkning starts there). */
    Instant time = T0;
    /** The Registrering head (null: the default for {@link #time}; empty: left out, to break YDI-REGISTRERING). */
    String head;
    /** A grant's BevilgetYdelse elements. */
    String benefits = "";

    private YdiXml(UUID uuid, boolean grant) {
        this.uuid = uuid;
        this.grant = grant;
        this.p = grant ? "bi" : "oef";
    }

    /** The Master IT system's BrugerRef/AktoerRef URN. */
    static String actor() {
        return "urn:oio:it-system-uuid:" + SagDokumentIndeksData.SEEDED_MASTER_SYSTEM;
    }

    /** A valid grant of {@code sim}'s municipality for the person {@code cpr} (one BevilgetYdelse Id 1, KLE 32.18.02). */
    static YdiXml grant(ServiceplatformSimulator sim, UUID uuid, String cpr) {
        SimulatorData.Organisation org = sim.data().organisation(sim.municipalityCvr()).orElseThrow();
        YdiXml x = new YdiXml(uuid, true);
        x.egenskaber.put("BrugervendtNoegle", uuid.toString());
        x.egenskaber.put("Bevillingstartdato", "2024-03-01");
        x.egenskaber.put("Begrundelse", "Sygedagpengeloven § 7");
        x.egenskaber.put("Foelsomhed", "FORTROLIGE_PERSONOPLYSNINGER");
        x.benefits = benefit("1", KLE);
        x.add("Bevillingssag", "Tilknyttet", "Sag", null, uuidRef(UUID.randomUUID()),
                "<bi:BrugervendtNoegle>S-2024-1</bi:BrugervendtNoegle><bi:FuldtNavn>Sygedagpenge</bi:FuldtNavn>");
        x.add("Bevillingspart", "Ydelsesmodtager", "Person", null, urnRef("urn:oio:cpr-nr:" + cpr),
                "<bi:FuldtNavn>Borger</bi:FuldtNavn>");
        x.add("Bevillingsaktoer", "Ejer", "Organisation", null, uuidRef(org.uuid()),
                "<bi:FuldtNavn>" + org.name() + "</bi:FuldtNavn><bi:CVR-nr>" + sim.municipalityCvr() + "</bi:CVR-nr>");
        x.add("Bevillingsaktoer", "Ansvarlig", "OrgEnhed", null, uuidRef(org.units().get(2).uuid()),
                "<bi:FuldtNavn>" + org.units().get(2).name() + "</bi:FuldtNavn>");
        return x;
    }

    /** A BevilgetYdelse with {@code id}, Master and Afsender, Ydelse and Klassifikation of the KLE subject {@code kle}. */
    static String benefit(String id, String kle) {
        UUID k = KlassifikationData.subjectUuid(kle);
        return "<bi:BevilgetYdelse><bi:Id>" + id + "</bi:Id><bi:Navn>Sygedagpenge</bi:Navn>"
                + "<bi:BevilgetYdelseStartdato>2024-03-01T00:00:00+01:00</bi:BevilgetYdelseStartdato>"
                + "<bi:Begrundelse>Sygedagpengeloven § 7</bi:Begrundelse>"
                + noVirkning("ItSystem", "Master", "IT-system", uuidRef(SagDokumentIndeksData.SEEDED_MASTER_SYSTEM),
                        "<bi:SystemNavn>Simuleret fagsystem</bi:SystemNavn>")
                + noVirkning("ItSystem", "Afsender", "IT-system", uuidRef(SagDokumentIndeksData.SEEDED_SENDER_SYSTEM),
                        "<bi:SystemNavn>Simuleret afsendersystem</bi:SystemNavn>")
                + noVirkning("Ydelse", "Ydelsesklasse", "Klasse", uuidRef(k), "<bi:Ydelsesnavn>Sygedagpenge</bi:Ydelsesnavn>"
                        + noVirkning("Klassifikation", "Primær klasse", "Klasse", uuidRef(k), "<bi:BrugervendtNoegle>"
                        + kle + "</bi:BrugervendtNoegle><bi:Klassetitel>Sygedagpenge</bi:Klassetitel>"))
                + "<bi:OekonomiskEffektueringsplan><bi:Id>1</bi:Id><bi:Beregningsfrekvens>Månedlig"
                + "</bi:Beregningsfrekvens><bi:ForudBagud>Bagud</bi:ForudBagud><bi:Ydelsesbeloeb>1234.50"
                + "</bi:Ydelsesbeloeb></bi:OekonomiskEffektueringsplan></bi:BevilgetYdelse>";
    }

    /** A relation without Virkning of a BevilgetYdelse (bi: fields). */
    static String noVirkning(String element, String role, String type, String ref, String extra) {
        return "<bi:" + element + "><bi:Rolle>" + uuidRef(roleUuid(role)) + "</bi:Rolle><bi:Type>"
                + uuidRef(objectTypeUuid(type)) + "</bi:Type><bi:ReferenceID>" + ref + "</bi:ReferenceID>" + extra
                + "</bi:" + element + ">";
    }

    /**
     * A valid payment of {@code sim}'s municipality for {@code cpr}: one DelAf line of 1000.00 for March 2024 on the
     * grant {@code grant}'s BevilgetYdelse 1, after tax and sent 620.00.
     */
    static YdiXml payment(ServiceplatformSimulator sim, UUID uuid, UUID grant, String cpr) {
        SimulatorData.Organisation org = sim.data().organisation(sim.municipalityCvr()).orElseThrow();
        YdiXml x = new YdiXml(uuid, false);
        String unit = org.units().get(2).name();
        x.egenskaber.put("BrugervendtNoegle", "U-" + uuid.toString().substring(0, 8));
        x.egenskaber.put("Startdato", "2024-03-01T00:00:00+01:00");
        x.egenskaber.put("Slutdato", "2024-03-31T00:00:00+02:00");
        x.egenskaber.put("SamletBruttobeloeb", "1000.00");
        x.egenskaber.put("Dispositionsdato", "2024-04-05T00:00:00+02:00");
        x.egenskaber.put("BeloebEfterSkatATP", "620.00");
        x.egenskaber.put("BeloebSendtTilUdbetaling", "620.00");
        x.egenskaber.put("BeloebUdbetalt", null);
        x.egenskaber.put("Udbetalingsafdeling", unit);
        x.egenskaber.put("SendtTilUdbetalingTekst", null);
        x.egenskaber.put("UdbetaltTekst", null);
        x.add("OekonomiskYdelseEffektueringRelation", "DelAf", "Økonomisk Ydelseseffektuering", "1", uuidRef(uuid),
                line("1000.00", KLE, grant, "1"));
        x.add("Aktoer", "Ejer", "Organisation", null, uuidRef(org.uuid()),
                "<oef:FuldtNavn>" + org.name() + "</oef:FuldtNavn><oef:CVR-nr>" + sim.municipalityCvr() + "</oef:CVR-nr>");
        x.add("Aktoer", "Udbetalende enhed", "OrgEnhed", null, uuidRef(org.units().get(2).uuid()),
                "<oef:FuldtNavn>" + unit + "</oef:FuldtNavn>");
        x.add("ItSystem", "Master", "IT-system", null, uuidRef(SagDokumentIndeksData.SEEDED_MASTER_SYSTEM),
                "<oef:SystemNavn>Simuleret fagsystem</oef:SystemNavn>");
        x.add("ItSystem", "Afsender", "IT-system", null, uuidRef(SagDokumentIndeksData.SEEDED_SENDER_SYSTEM),
                "<oef:SystemNavn>Simuleret afsendersystem</oef:SystemNavn>");
        x.add("OekonomiskEffektueringPart", "Effektueringsmodtager", "Person", null, urnRef("urn:oio:cpr-nr:" + cpr),
                "<oef:FuldtNavn>Borger</oef:FuldtNavn>");
        return x;
    }

    /** The extras of a DelAf line: March 2024, {@code amount}, {@code kle}, the grant's BevilgetYdelse {@code id}. */
    static String line(String amount, String kle, UUID grant, String id) {
        return "<oef:YdelsesperiodeStartdato>2024-03-01T00:00:00+01:00</oef:YdelsesperiodeStartdato>"
                + "<oef:YdelsesperiodeSlutdato>2024-03-31T00:00:00+02:00</oef:YdelsesperiodeSlutdato>"
                + "<oef:Ydelsesbeloeb>" + amount + "</oef:Ydelsesbeloeb><oef:Klassifikationsbeskrivelse>" + kle
                + "</oef:Klassifikationsbeskrivelse><oef:BevilgetYdelseRef>" + uuidRef(grant)
                + "<oef:BevilgetYdelseId>" + id + "</oef:BevilgetYdelseId></oef:BevilgetYdelseRef>";
    }

    /** Adds a relation with Virkning from {@link #time} to infinity; Rolle and Type by the seeded names. */
    YdiXml add(String element, String role, String type, String indeks, String ref, String extra) {
        relations.add(new Rel(element, role, relation(element, role, type, indeks, ref, virkning("gd", time, null),
                extra)));
        return this;
    }

    /** Adds a relation as XML. */
    YdiXml add(String element, String role, String xml) {
        relations.add(new Rel(element, role, xml));
        return this;
    }

    /** Moves the registration to {@code t}: its Tidspunkt and every relation's Virkning start. */
    YdiXml at(Instant t) {
        relations.replaceAll(r -> new Rel(r.element(), r.role(), r.xml().replace(">" + time + "<", ">" + t + "<")));
        time = t;
        return this;
    }

    /** Removes the relations with {@code role}. */
    YdiXml without(String role) {
        relations.removeIf(r -> r.role().equals(role));
        return this;
    }

    /** The relation element (gd: RelationType fields, then {@code extra}); a null role or type leaves it out. */
    String relation(String element, String role, String type, String indeks, String ref, String virkning,
            String extra) {
        return "<" + p + ":" + element + ">" + virkning
                + (role == null ? "" : "<gd:Rolle>" + uuidRef(roleUuid(role)) + "</gd:Rolle>")
                + (type == null ? "" : "<gd:Type>" + uuidRef(objectTypeUuid(type)) + "</gd:Type>")
                + (indeks == null ? "" : "<gd:Indeks>" + indeks + "</gd:Indeks>")
                + "<gd:ReferenceID>" + ref + "</gd:ReferenceID>" + extra + "</" + p + ":" + element + ">";
    }

    /** A Virkning from {@code from} to {@code to} (null: infinity) in prefix {@code prefix}, by the Master system. */
    static String virkning(String prefix, Instant from, Instant to) {
        return "<" + prefix + ":Virkning><sd:FraTidspunkt><sd:TidsstempelDatoTid>" + from
                + "</sd:TidsstempelDatoTid></sd:FraTidspunkt><sd:TilTidspunkt>"
                + (to == null ? "<sd:GraenseIndikator>true</sd:GraenseIndikator>"
                        : "<sd:TidsstempelDatoTid>" + to + "</sd:TidsstempelDatoTid>")
                + "</sd:TilTidspunkt><sd:AktoerRef>" + urnRef(actor()) + "</sd:AktoerRef>"
                + "<sd:AktoerTypeKode>ItSystem</sd:AktoerTypeKode></" + prefix + ":Virkning>";
    }

    /** AttributListe, TilstandListe and RelationListe. */
    String lists() {
        StringBuilder b = new StringBuilder("<" + p + ":AttributListe><" + p + ":Egenskaber>"
                + virkning(p, time, null));
        egenskaber.forEach((k, v) -> {
            if (v != null) {
                b.append("<").append(p).append(':').append(k).append('>').append(v).append("</").append(p)
                        .append(':').append(k).append('>');
            }
        });
        b.append("</").append(p).append(":Egenskaber>").append(grant ? benefits : "").append("</").append(p)
                .append(":AttributListe><").append(p).append(":TilstandListe/><").append(p).append(":RelationListe>");
        for (String element : grant ? GRANT_ORDER : PAYMENT_ORDER) {
            relations.stream().filter(r -> r.element().equals(element)).forEach(r -> b.append(r.xml()));
        }
        return b.append("</").append(p).append(":RelationListe>").toString();
    }

    /** The object as an importer element (one Registrering at {@link #time}). */
    String object() {
        String h = head != null ? head : "<sd:Tidspunkt>" + time + "</sd:Tidspunkt><sd:LivscyklusKode>Importeret"
                + "</sd:LivscyklusKode><sd:BrugerRef>" + urnRef(actor()) + "</sd:BrugerRef>";
        String name = grant ? "BevillingIndeks" : "OekonomiskEffektueringIndeks";
        return "<yi:" + name + "><" + p + ":" + name + "><sd:UUIDIdentifikator>" + uuid + "</sd:UUIDIdentifikator><"
                + p + ":Registrering>" + h + lists() + "</" + p + ":Registrering></" + p + ":" + name + "></yi:"
                + name + ">";
    }

    /** An importer body with {@code objects}. */
    static String importer(YdiXml... objects) {
        StringBuilder b = new StringBuilder("<yi:ImporterYdelseIndeksInput " + NS + ">");
        for (YdiXml o : objects) {
            b.append(o.object());
        }
        return b.append("</yi:ImporterYdelseIndeksInput>").toString();
    }

    /** An opdater body with the whole lists of {@code objects}, each at its {@link #time}. */
    static String opdater(YdiXml... objects) {
        StringBuilder b = new StringBuilder("<yi:OpdaterYdelseIndeksInput " + NS + ">");
        for (YdiXml o : objects) {
            String e = o.grant ? "yi:OpdaterBevillingIndeks" : "yi:OpdaterOekonomiskEffektueringIndeks";
            b.append('<').append(e).append("><sd:UUIDIdentifikator>").append(o.uuid).append("</sd:UUIDIdentifikator>")
                    .append(o.lists()).append("<yi:Tidspunkt>").append(o.time).append("</yi:Tidspunkt></").append(e)
                    .append('>');
        }
        return b.append("</yi:OpdaterYdelseIndeksInput>").toString();
    }

    /** A fremsoeg body by ids (with the mandatory empty SoegBevillingIndeks of the agreement). */
    static String fremsoegIds(List<UUID> grants, List<UUID> payments) {
        StringBuilder b = new StringBuilder("<yi:FremsoegYdelseIndeksInput " + NS + ">");
        grants.forEach(u -> b.append("<yi:BevillingUuid>").append(u).append("</yi:BevillingUuid>"));
        payments.forEach(u -> b.append("<yi:OekonomiskEffektueringUuid>").append(u)
                .append("</yi:OekonomiskEffektueringUuid>"));
        return b.append("<yi:SoegUdtryk><yi:SoegBevillingIndeks><sd:MaksimalAntalKvantitet>100</sd:MaksimalAntalKvantitet>"
                + "<bi:AttributListe/><bi:TilstandListe/><bi:RelationListe/></yi:SoegBevillingIndeks></yi:SoegUdtryk>"
                + "</yi:FremsoegYdelseIndeksInput>").toString();
    }

    /** A fremsoeg body finding grants with a Bevillingspart and payments with a part whose ReferenceID is the CPR. */
    static String fremsoegCpr(String cpr) {
        String ref = "<gd:ReferenceID>" + urnRef("urn:oio:cpr-nr:" + cpr) + "</gd:ReferenceID>";
        return "<yi:FremsoegYdelseIndeksInput " + NS + "><yi:SoegUdtryk><yi:operation>OR</yi:operation>"
                + "<yi:SoegBevillingIndeks><bi:AttributListe/><bi:TilstandListe/><bi:RelationListe><bi:Bevillingspart>"
                + ref + "</bi:Bevillingspart></bi:RelationListe></yi:SoegBevillingIndeks>"
                + "<yi:SoegOekonomiskEffektueringIndeks><oef:AttributListe/><oef:TilstandListe/><oef:RelationListe>"
                + "<oef:OekonomiskEffektueringPart>" + ref + "</oef:OekonomiskEffektueringPart></oef:RelationListe>"
                + "</yi:SoegOekonomiskEffektueringIndeks></yi:SoegUdtryk></yi:FremsoegYdelseIndeksInput>";
    }

    /** A fjern body for a grant ({@code bi}) or payment ({@code oef}). */
    static String fjern(String prefix, UUID uuid) {
        return "<" + prefix + ":FjernInput " + NS + "><sd:UUIDIdentifikator>" + uuid + "</sd:UUIDIdentifikator></"
                + prefix + ":FjernInput>";
    }
}

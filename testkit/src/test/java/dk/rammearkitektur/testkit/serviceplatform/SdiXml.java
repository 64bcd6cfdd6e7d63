package dk.rammearkitektur.testkit.serviceplatform;

import static dk.rammearkitektur.testkit.serviceplatform.KlassifikationData.objectTypeUuid;
import static dk.rammearkitektur.testkit.serviceplatform.KlassifikationData.roleUuid;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Hand-written Sags- og Dokumentindeks request bodies in the published XSDs' shapes (the test's own text, no client
 * code): a valid case or document of the seeded organisation that tests then break one rule at a time.
 */
final class SdiXml {
    static final Instant T0 = Instant.parse("2024-03-01T08:00:00Z");
    static final Instant T1 = Instant.parse("2024-04-01T08:00:00Z");
    static final Instant T2 = Instant.parse("2024-05-01T08:00:00Z");
    private static final List<String> SAG_ORDER = List.of("Sagsaktoer", "Sagsklasse", "Sagspart", "Sagsrelation",
            "Sagsgenstande", "Journalpost", "Sikkerhedsprofil", "SagsitsystemRelation");
    private static final List<String> DOK_ORDER = List.of("Dokumentrelation", "Dokumentaktoer", "Dokumentpart",
            "Dokumentklasse", "Sikkerhedsprofil", "DokumentitsystemRelation");

    /** The AktoerRef and AktoerTypeKode of every Virkning (the seeded Master IT system). */
    static final String ACTOR = "<sd:AktoerRef>" + urnRef("urn:oio:it-system-uuid:"
            + SagDokumentIndeksData.SEEDED_MASTER_SYSTEM) + "</sd:AktoerRef><sd:AktoerTypeKode>ItSystem</sd:AktoerTypeKode>";

    /** One relation of the object: its element and role (for tests to remove or replace it) and its XML. */
    record Rel(String element, String role, String xml) {
    }

    final UUID uuid;
    final boolean sag;
    final List<Rel> relations = new ArrayList<>();
    final List<String> states = new ArrayList<>();
    /** The Registrering's BrugerRef, LivscyklusKode and Tidspunkt (null: left out, to break SDI-REGISTRERING). */
    String registration = "<sd:Tidspunkt>" + T0 + "</sd:Tidspunkt><sd:LivscyklusKode>Importeret</sd:LivscyklusKode>"
            + "<sd:BrugerRef>" + urnRef("urn:oio:it-system-uuid:" + SagDokumentIndeksData.SEEDED_MASTER_SYSTEM)
            + "</sd:BrugerRef>";
    /** The Titel (null: left out, to break SDI-OB1-EGENSKABER). */
    String titel = "Sygedagpenge";
    /** The Foelsomhed (null: left out, to break SDI-OB1-FOELSOMHED). */
    String foelsomhed = "FORTROLIGE_PERSONOPLYSNINGER";

    private SdiXml(UUID uuid, boolean sag) {
        this.uuid = uuid;
        this.sag = sag;
    }

    /**
     * A valid case of {@code sim}'s municipality: Ejer (the organisation), Ansvarlig and Primær behandler (seeded
     * units/users), Primær part (the CPR), Primær klasse 32.18.02 and Handlingsklasse G01, Master and Afsender (the
     * seeded IT systems), Opstaaet then Oplyst.
     */
    static SdiXml sag(ServiceplatformSimulator sim, UUID uuid, String cpr) {
        SimulatorData.Organisation org = sim.data().organisation(sim.municipalityCvr()).orElseThrow();
        SdiXml x = new SdiXml(uuid, true);
        x.add("Sagsaktoer", "Ejer", "Organisation", null, uuidRef(org.uuid()), T0, null, "");
        x.add("Sagsaktoer", "Ansvarlig", "OrgEnhed", null, uuidRef(org.units().get(2).uuid()), T0, null, "");
        x.add("Sagsaktoer", "Primær behandler", "Bruger", null, uuidRef(org.users().get(1).uuid()), T0, null, "");
        x.add("Sagsklasse", "Primær klasse", "Klasse", null, uuidRef(KlassifikationData.subjectUuid("32.18.02")),
                T0, null, kle("32.18.02"));
        x.add("Sagsklasse", "Handlingsklasse", "Klasse", null, uuidRef(KlassifikationData.actionFacetUuid("G01")),
                T0, null, "");
        x.add("Sagspart", "Primær part", "Person", null, urnRef("urn:oio:cpr-nr:" + cpr), T0, null, "");
        x.add("SagsitsystemRelation", "Master", "IT-system", null, uuidRef(SagDokumentIndeksData.SEEDED_MASTER_SYSTEM),
                T0, null, "<si:SystemNavn>Simuleret fagsystem</si:SystemNavn>");
        x.add("SagsitsystemRelation", "Afsender", "IT-system", null,
                uuidRef(SagDokumentIndeksData.SEEDED_SENDER_SYSTEM), T0, null,
                "<si:SystemNavn>Simuleret afsendersystem</si:SystemNavn>");
        x.state("Opstaaet", T0, T1);
        x.state("Oplyst", T1, null);
        return x;
    }

    /** A valid document of {@code sim}'s municipality (Ejer, Ansvarlig, Primær klasse, Master, Afsender, Modtaget). */
    static SdiXml dokument(ServiceplatformSimulator sim, UUID uuid) {
        SimulatorData.Organisation org = sim.data().organisation(sim.municipalityCvr()).orElseThrow();
        SdiXml x = new SdiXml(uuid, false);
        x.add("Dokumentaktoer", "Ejer", "Organisation", null, uuidRef(org.uuid()), T0, null, "");
        x.add("Dokumentaktoer", "Ansvarlig", "OrgEnhed", null, uuidRef(org.units().get(2).uuid()), T0, null, "");
        x.add("Dokumentklasse", "Primær klasse", "Klasse", null, uuidRef(KlassifikationData.subjectUuid("32.18.02")),
                T0, null, "");
        x.add("DokumentitsystemRelation", "Master", "IT-system", null,
                uuidRef(SagDokumentIndeksData.SEEDED_MASTER_SYSTEM), T0, null, "<di:SystemNavn>Fag</di:SystemNavn>");
        x.add("DokumentitsystemRelation", "Afsender", "IT-system", null,
                uuidRef(SagDokumentIndeksData.SEEDED_SENDER_SYSTEM), T0, null, "<di:SystemNavn>Afs</di:SystemNavn>");
        x.state("Modtaget", T0, null);
        return x;
    }

    static String uuidRef(UUID u) {
        return "<sd:UUIDIdentifikator>" + u + "</sd:UUIDIdentifikator>";
    }

    static String urnRef(String urn) {
        return "<sd:URNIdentifikator>" + urn + "</sd:URNIdentifikator>";
    }

    static String kle(String key) {
        return "<gd:LokalUdvidelseListe><si:SagsklasseLokalUdvidelse><si:BrugervendtNoegle>" + key
                + "</si:BrugervendtNoegle></si:SagsklasseLokalUdvidelse></gd:LokalUdvidelseListe>";
    }

    /** A Virkning from {@code from} to {@code to} (null: infinity), in the namespace prefix {@code p}. */
    static String virkning(String p, Instant from, Instant to) {
        return "<" + p + ":Virkning><sd:FraTidspunkt><sd:TidsstempelDatoTid>" + from
                + "</sd:TidsstempelDatoTid></sd:FraTidspunkt><sd:TilTidspunkt>"
                + (to == null ? "<sd:GraenseIndikator>true</sd:GraenseIndikator>"
                        : "<sd:TidsstempelDatoTid>" + to + "</sd:TidsstempelDatoTid>")
                + "</sd:TilTidspunkt>" + ACTOR + "</" + p + ":Virkning>";
    }

    /** One relation element: Rolle and Type by the seeded vocabulary's names (a null name leaves the element out). */
    static String relation(String element, String role, String type, String indeks, String ref, Instant from,
            Instant to, String extra) {
        return relation(element, role == null ? null : roleUuid(role), type == null ? null : objectTypeUuid(type),
                indeks, ref, from, to, extra);
    }

    /** One relation element with Rolle and Type as UUIDs. */
    static String relation(String element, UUID role, UUID type, String indeks, String ref, Instant from, Instant to,
            String extra) {
        String p = element.endsWith("itsystemRelation") ? (element.startsWith("Sag") ? "si" : "di")
                : element.equals("Sikkerhedsprofil") ? "si"
                : element.startsWith("Sag") || element.equals("Journalpost") ? "sag" : "di";
        return "<" + p + ":" + element + ">" + (from == null ? "" : virkning("gd", from, to))
                + (role == null ? "" : "<gd:Rolle>" + uuidRef(role) + "</gd:Rolle>")
                + (type == null ? "" : "<gd:Type>" + uuidRef(type) + "</gd:Type>")
                + (indeks == null ? "" : "<gd:Indeks>" + indeks + "</gd:Indeks>")
                + (ref == null ? "" : "<gd:ReferenceID>" + ref + "</gd:ReferenceID>") + extra
                + "</" + p + ":" + element + ">";
    }

    /** Adds a relation; returns this. */
    SdiXml add(String element, String role, String type, String indeks, String ref, Instant from, Instant to,
            String extra) {
        relations.add(new Rel(element, role, relation(element, role, type, indeks, ref, from, to, extra)));
        return this;
    }

    /** Adds a relation given as XML; returns this. */
    SdiXml add(String element, String role, String xml) {
        relations.add(new Rel(element, role, xml));
        return this;
    }

    /** Removes the relations with {@code role}; returns this. */
    SdiXml without(String role) {
        relations.removeIf(r -> r.role().equals(role));
        return this;
    }

    /** Adds a state; returns this. */
    SdiXml state(String code, Instant from, Instant to) {
        String p = sag ? "sag" : "di";
        states.add("<" + p + ":Fremdrift>" + virkning(p, from, to) + "<" + p + ":FremdriftStatusKode>" + code + "</"
                + p + ":FremdriftStatusKode></" + p + ":Fremdrift>");
        return this;
    }

    /** Removes every state; returns this. */
    SdiXml noStates() {
        states.clear();
        return this;
    }

    /** The TilstandListe and RelationListe (what an opdater element and a Registrering share). */
    String lists() {
        String p = sag ? "sag" : "di";
        List<String> order = sag ? SAG_ORDER : DOK_ORDER;
        StringBuilder rel = new StringBuilder();
        StringBuilder ext = new StringBuilder();
        for (String element : order) {
            for (Rel r : relations) {
                if (r.element().equals(element)) {
                    (element.endsWith("itsystemRelation") || element.equals("Sikkerhedsprofil") ? ext : rel)
                            .append(r.xml());
                }
            }
        }
        return "<" + p + ":TilstandListe>" + String.join("", states) + "</" + p + ":TilstandListe><" + p
                + ":RelationListe>" + rel + (ext.length() == 0 ? "" : "<gd:LokalUdvidelseListe>" + ext
                + "</gd:LokalUdvidelseListe>") + "</" + p + ":RelationListe>";
    }

    /** The SagIndeks or DokumentIndeks element. */
    String object() {
        String p = sag ? "sag" : "di";
        String key = uuid.toString().substring(0, 8);
        String attributes = sag ? "<sag:AttributListe><sag:Egenskaber>" + virkning("sag", T0, null)
                + "<sag:BrugervendtNoegle>S-" + key + "</sag:BrugervendtNoegle><sag:Sagsnummer>S-" + key
                + "</sag:Sagsnummer>" + (titel == null ? "" : "<sag:Titel>" + titel + "</sag:Titel>")
                + "</sag:Egenskaber>" + (foelsomhed == null ? "" : "<gd:LokalUdvidelseListe><si:SagIndeksEgenskaber>"
                + virkning("gd", T0, null) + "<si:Foelsomhed>" + foelsomhed + "</si:Foelsomhed>"
                + "</si:SagIndeksEgenskaber></gd:LokalUdvidelseListe>") + "</sag:AttributListe>"
                : "<di:AttributListe><di:Egenskaber>" + virkning("di", T0, null) + "<di:BrugervendtNoegle>D-" + key
                + "</di:BrugervendtNoegle>" + (titel == null ? "" : "<di:Titel>Lægeerklæring</di:Titel>")
                + "<di:Dokumentnummer>D-" + key + "</di:Dokumentnummer>"
                + (foelsomhed == null ? "" : "<di:Foelsomhed>" + foelsomhed + "</di:Foelsomhed>")
                + "<di:Type>Internt Notat</di:Type></di:Egenskaber></di:AttributListe>";
        String name = sag ? "SagIndeks" : "DokumentIndeks";
        return "<sdi:" + name + "><sd:UUIDIdentifikator>" + uuid + "</sd:UUIDIdentifikator><" + p + ":Registrering>"
                + (registration == null ? "" : registration) + attributes + lists() + "</" + p + ":Registrering></sdi:" + name + ">";
    }

    /** An importer body with {@code objects}. */
    static String importer(SdiXml... objects) {
        StringBuilder b = new StringBuilder("<sdi:ImporterSagDokumentIndeksInput " + SdiCalls.NS + ">");
        for (SdiXml o : objects) {
            b.append(o.object());
        }
        return b.append("</sdi:ImporterSagDokumentIndeksInput>").toString();
    }

    /** An opdater body changing the case or document {@code uuid} with the states and relations of {@code changes}. */
    static String opdaterSag(UUID uuid, SdiXml changes) {
        String element = changes.sag ? "sdi:OpdaterSagIndeks" : "sdi:OpdaterDokumentIndeks";
        return "<sdi:OpdaterSagDokumentIndeksInput " + SdiCalls.NS + "><" + element + "><sd:UUIDIdentifikator>"
                + uuid + "</sd:UUIDIdentifikator>" + changes.lists() + "<sdi:Tidspunkt>" + Instant.now()
                + "</sdi:Tidspunkt></" + element + "></sdi:OpdaterSagDokumentIndeksInput>";
    }

    /** An empty change set for a case (add relations and states to it). */
    static SdiXml changes() {
        return new SdiXml(new UUID(0, 0), true);
    }

    /** An empty change set for a document. */
    static SdiXml documentChanges() {
        return new SdiXml(new UUID(0, 0), false);
    }

    /** A fremsoeg body finding the documents with a Dokumentpart whose ReferenceID is {@code urn}. */
    static String fremsoegDocumentPart(String urn) {
        return "<sdi:FremsoegSagDokumentIndeksInput " + SdiCalls.NS + "><sdi:SoegUdtryk><sdi:SoegDokument>"
                + "<di:AttributListe/><di:TilstandListe/><di:RelationListe><di:Dokumentpart><gd:ReferenceID>"
                + urnRef(urn) + "</gd:ReferenceID></di:Dokumentpart></di:RelationListe></sdi:SoegDokument>"
                + "</sdi:SoegUdtryk></sdi:FremsoegSagDokumentIndeksInput>";
    }

    /** A fremsoeg body finding the cases with a Sagspart whose ReferenceID is {@code urn}. */
    static String fremsoegPart(String urn) {
        return "<sdi:FremsoegSagDokumentIndeksInput " + SdiCalls.NS + "><sdi:SoegUdtryk><sdi:SoegSag>"
                + "<sag:AttributListe/><sag:TilstandListe/><sag:RelationListe><sag:Sagspart><gd:ReferenceID>"
                + urnRef(urn) + "</gd:ReferenceID></sag:Sagspart></sag:RelationListe></sdi:SoegSag></sdi:SoegUdtryk>"
                + "</sdi:FremsoegSagDokumentIndeksInput>";
    }

    /** A fremsoeg body for case and document UUIDs. */
    static String fremsoegUuids(List<UUID> sager, List<UUID> dokumenter) {
        StringBuilder b = new StringBuilder("<sdi:FremsoegSagDokumentIndeksInput " + SdiCalls.NS + ">");
        sager.forEach(u -> b.append("<sdi:SagUuid>").append(u).append("</sdi:SagUuid>"));
        dokumenter.forEach(u -> b.append("<sdi:DokumentUuid>").append(u).append("</sdi:DokumentUuid>"));
        return b.append("</sdi:FremsoegSagDokumentIndeksInput>").toString();
    }

    /** A fjern body for case {@code uuid}; {@code leaveDocuments} null leaves EfterladSagsloeseDokumenter out. */
    static String fjern(UUID uuid, Boolean leaveDocuments) {
        return "<sdi:FjernSagDokumentIndeksInput " + SdiCalls.NS + "><sdi:SagUuid>" + uuidRef(uuid) + "</sdi:SagUuid>"
                + (leaveDocuments == null ? "" : "<sdi:EfterladSagsloeseDokumenter>" + leaveDocuments
                        + "</sdi:EfterladSagsloeseDokumenter>")
                + "</sdi:FjernSagDokumentIndeksInput>";
    }
}

package dk.rammearkitektur.clients.stoettesystemer.internal;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.CaseProperties;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Dokument;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.IndexProperties;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Meta;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Period;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Relation;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.State;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * Writes the SF1470 SagDokumentIndeksService 6 requests ({@code importer}, {@code opdater}, {@code fremsoeg},
 * {@code fjern}) as DOM. Element names, nesting, order and namespaces are those of the published contract
 * ({@code SagDokumentIndeksOperationer.xsd}, {@code Sag.xsd}, {@code SagIndeks.xsd}, {@code DokumentIndeks.xsd},
 * {@code GenerelleDefinitioner.xsd}, {@code SagDokObjekt.xsd}); the tests validate every request against them.
 */
public final class IndexMessages {
    /** The operations' namespace. */
    public static final String SDI = "urn:oio:sts:sagdok:sagdokumentindeks:6";
    /** Sag. */
    public static final String SAG = "urn:oio:sts:sagdok:sag:6";
    /** The Sag's index extensions. */
    public static final String SI = "urn:oio:sts:sagdok:sagindeks:6";
    /** Dokument (index). */
    public static final String DI = "urn:oio:sts:sagdok:dokumentindeks:6";
    /** The general definitions (relations, local extensions). */
    public static final String GD = "urn:oio:sts:generelledefinitioner:6";
    /** The general operations (search). */
    public static final String GO = "urn:oio:sts:generelleoperationer:6";
    /** The common LoRa namespace. */
    public static final String SD = "urn:oio:sagdok:3.0.0";
    /** The binding's SOAP actions (SagDokumentIndeksService_6.wsdl, SOAP 1.1). */
    public static final String ACTION_IMPORTER = "http://kombit.dk/sts/sagdokumentindeks/importer";
    /** {@code opdater}. */
    public static final String ACTION_OPDATER = "http://kombit.dk/sts/sagdokumentindeks/opdater";
    /** {@code fremsoeg}. */
    public static final String ACTION_FREMSOEG = "http://kombit.dk/sts/sagdokumentindeks/fremsoeg";
    /** {@code fjern}. */
    public static final String ACTION_FJERN = "http://kombit.dk/sts/sagdokumentindeks/fjern";

    private IndexMessages() {
    }

    /** Writes {@code ImporterSagDokumentIndeksInput}: the Dokumenter first, then the Sag (when the request has one). */
    public static void importer(Element body, IndexPlan.Request request, Function<String, UUID> classes) {
        Element in = root(body, "ImporterSagDokumentIndeksInput");
        for (Dokument d : request.documents()) {
            Element e = Dom.add(in, SDI, "sdi:DokumentIndeks", null);
            Dom.add(e, SD, "sd:UUIDIdentifikator", d.id().toString());
            Element reg = Dom.add(e, DI, "di:Registrering", null);
            registration(reg, d.meta());
            dokumentLists(reg, d, classes);
        }
        IndexPlan.Sag sag = request.sag();
        if (sag == null) {
            return;
        }
        Element e = Dom.add(in, SDI, "sdi:SagIndeks", null);
        Dom.add(e, SD, "sd:UUIDIdentifikator", sag.id().toString());
        Element reg = Dom.add(e, SAG, "sag:Registrering", null);
        registration(reg, sag.meta());
        sagLists(reg, sag, classes);
    }

    /**
     * Writes {@code OpdaterSagDokumentIndeksInput} with the whole current picture of each object (every property,
     * state and relation with its virkning), so that sending it again changes nothing more.
     */
    public static void opdater(Element body, IndexPlan.Request request, Function<String, UUID> classes) {
        Element in = root(body, "OpdaterSagDokumentIndeksInput");
        for (Dokument d : request.documents()) {
            Element e = Dom.add(in, SDI, "sdi:OpdaterDokumentIndeks", null);
            Dom.add(e, SD, "sd:UUIDIdentifikator", d.id().toString());
            note(e, d.meta());
            dokumentLists(e, d, classes);
            Dom.add(e, SDI, "sdi:Tidspunkt", timestamp(d.meta().at()));
        }
        IndexPlan.Sag sag = request.sag();
        Element e = Dom.add(in, SDI, "sdi:OpdaterSagIndeks", null);
        Dom.add(e, SD, "sd:UUIDIdentifikator", sag.id().toString());
        note(e, sag.meta());
        sagLists(e, sag, classes);
        Dom.add(e, SDI, "sdi:Tidspunkt", timestamp(sag.meta().at()));
    }

    /** Writes {@code FremsoegSagDokumentIndeksInput} for the cases with these UUIDs. */
    public static void fremsoegById(Element body, Collection<UUID> cases) {
        Element in = root(body, "FremsoegSagDokumentIndeksInput");
        for (UUID id : cases) {
            Dom.add(in, SDI, "sdi:SagUuid", id.toString());
        }
    }

    /**
     * Writes {@code FremsoegSagDokumentIndeksInput} with a {@code SoegSag} for the cases that have {@code partyUrn}
     * as a party (Sagspart ReferenceID), at most {@code max} from result {@code first}.
     */
    public static void fremsoegByParty(Element body, String partyUrn, int first, int max) {
        Element in = root(body, "FremsoegSagDokumentIndeksInput");
        Element expr = Dom.add(in, SDI, "sdi:SoegUdtryk", null);
        Element soeg = Dom.add(expr, SDI, "sdi:SoegSag", null);
        Dom.add(soeg, SD, "sd:FoersteResultatReference", Integer.toString(first));
        Dom.add(soeg, SD, "sd:MaksimalAntalKvantitet", Integer.toString(max));
        Dom.add(soeg, SAG, "sag:AttributListe", null);
        Dom.add(soeg, SAG, "sag:TilstandListe", null);
        Element relations = Dom.add(soeg, SAG, "sag:RelationListe", null);
        Element part = Dom.add(relations, SAG, "sag:Sagspart", null);
        Element ref = Dom.add(part, GD, "gd:ReferenceID", null);
        Dom.add(ref, SD, "sd:URNIdentifikator", partyUrn);
    }

    /** Writes {@code FjernSagDokumentIndeksInput} for these cases; their documents go too unless another case has them. */
    public static void fjern(Element body, Collection<UUID> cases) {
        Element in = root(body, "FjernSagDokumentIndeksInput");
        for (UUID id : cases) {
            Element e = Dom.add(in, SDI, "sdi:SagUuid", null);
            Dom.add(e, SD, "sd:UUIDIdentifikator", id.toString());
        }
    }

    private static Element root(Element body, String local) {
        return LoraWriter.root(body, SDI, "sdi:" + local, new String[][] {{"sdi", SDI}, {"sag", SAG}, {"si", SI},
                {"di", DI}, {"gd", GD}, {"sd", SD}});
    }

    private static void registration(Element reg, Meta meta) {
        LoraWriter.registration(reg, meta);
    }

    private static void note(Element parent, Meta meta) {
        LoraWriter.note(parent, meta);
    }

    private static void sagLists(Element parent, IndexPlan.Sag sag, Function<String, UUID> classes) {
        String actor = sag.meta().actorUrn();
        Element attributes = Dom.add(parent, SAG, "sag:AttributListe", null);
        for (CaseProperties p : sag.properties()) {
            Element e = Dom.add(attributes, SAG, "sag:Egenskaber", null);
            virkning(e, SAG, "sag:Virkning", p.period(), actor);
            Dom.add(e, SAG, "sag:BrugervendtNoegle", p.key());
            Dom.add(e, SAG, "sag:Sagsnummer", p.number());
            Dom.add(e, SAG, "sag:Titel", p.title());
        }
        Element local = Dom.add(attributes, GD, "gd:LokalUdvidelseListe", null);
        for (IndexProperties p : sag.indexProperties()) {
            Element e = Dom.add(local, SI, "si:SagIndeksEgenskaber", null);
            virkning(e, GD, "gd:Virkning", p.period(), actor);
            Dom.add(e, SI, "si:Sagsstatus", p.status());
            Dom.add(e, SI, "si:Foelsomhed", p.sensitivity());
        }
        Element states = Dom.add(parent, SAG, "sag:TilstandListe", null);
        for (State s : sag.states()) {
            Element e = Dom.add(states, SAG, "sag:Fremdrift", null);
            virkning(e, SAG, "sag:Virkning", s.period(), actor);
            Dom.add(e, SAG, "sag:FremdriftStatusKode", s.code());
        }
        Element relations = Dom.add(parent, SAG, "sag:RelationListe", null);
        for (String element : List.of("Sagsaktoer", "Sagsklasse", "Sagspart", "Journalpost")) {
            for (Relation r : sag.relations()) {
                if (r.element().equals(element)) {
                    Element e = relation(relations, SAG, "sag:" + element, r, classes, actor);
                    extension(e, r, "Sagsaktoer".equals(element) ? "CVR-Nummer" : null);
                    if ("Journalpost".equals(element) && r.classTitle() != null) {
                        Element props = Dom.add(e, SAG, "sag:JournalpostEgenskaber", null);
                        Dom.add(props, SAG, "sag:Dokumenttitel", r.classTitle());
                    }
                }
            }
        }
        Element systems = Dom.add(relations, GD, "gd:LokalUdvidelseListe", null);
        for (Relation r : sag.relations()) {
            if ("SagsitsystemRelation".equals(r.element())) {
                Element e = relation(systems, SI, "si:SagsitsystemRelation", r, classes, actor);
                Dom.add(e, SI, "si:SystemNavn", r.systemName());
            }
        }
    }

    private static void dokumentLists(Element parent, Dokument d, Function<String, UUID> classes) {
        String actor = d.meta().actorUrn();
        Element attributes = Dom.add(parent, DI, "di:AttributListe", null);
        Element e = Dom.add(attributes, DI, "di:Egenskaber", null);
        virkning(e, DI, "di:Virkning", d.period(), actor);
        Dom.add(e, DI, "di:BrugervendtNoegle", d.key());
        Dom.add(e, DI, "di:Titel", d.title());
        if (d.letterDate() != null) {
            Dom.add(e, DI, "di:BrevDato", d.letterDate().toString());
        }
        Dom.add(e, DI, "di:Dokumentnummer", d.key());
        Dom.add(e, DI, "di:Foelsomhed", d.sensitivity());
        Dom.add(e, DI, "di:Type", d.type());
        Element states = Dom.add(parent, DI, "di:TilstandListe", null);
        Element state = Dom.add(states, DI, "di:Fremdrift", null);
        virkning(state, DI, "di:Virkning", d.state().period(), actor);
        Dom.add(state, DI, "di:FremdriftStatusKode", d.state().code());
        Element relations = Dom.add(parent, DI, "di:RelationListe", null);
        for (String element : List.of("Dokumentaktoer", "Dokumentklasse")) {
            for (Relation r : d.relations()) {
                if (r.element().equals(element)) {
                    Element rel = relation(relations, DI, "di:" + element, r, classes, actor);
                    extension(rel, r, "Dokumentaktoer".equals(element) ? "CVR-Nr" : null);
                }
            }
        }
        Element systems = Dom.add(relations, GD, "gd:LokalUdvidelseListe", null);
        for (Relation r : d.relations()) {
            if ("DokumentitsystemRelation".equals(r.element())) {
                Element rel = relation(systems, DI, "di:DokumentitsystemRelation", r, classes, actor);
                Dom.add(rel, DI, "di:SystemNavn", r.systemName());
            }
        }
    }

    /** A {@code gd:RelationType}: virkning, role and type (Klasse UUIDs), index, reference. */
    private static Element relation(Element parent, String ns, String qname, Relation r,
            Function<String, UUID> classes, String actor) {
        return LoraWriter.relation(parent, ns, qname, r, r.period(), classes, actor);
    }

    /** The relation's local extension: the actor's, party's or class's descriptive fields the rules ask for. */
    private static void extension(Element relation, Relation r, String cvrElement) {
        String local = relation.getLocalName();
        boolean document = DI.equals(relation.getNamespaceURI());
        String ns = document ? DI : SI;
        String prefix = document ? "di:" : "si:";
        Element list;
        switch (local) {
            case "Sagsaktoer", "Dokumentaktoer", "Sagspart" -> {
                if (r.fullName() == null && r.cvr() == null) {
                    return;
                }
                list = Dom.add(relation, GD, "gd:LokalUdvidelseListe", null);
                Element ext = Dom.add(list, ns, prefix + local + "LokalUdvidelse", null);
                if (r.fullName() != null) {
                    Dom.add(ext, ns, prefix + "FuldtNavn", r.fullName());
                }
                if (r.cvr() != null && cvrElement != null) {
                    Dom.add(ext, ns, prefix + cvrElement, r.cvr());
                }
            }
            case "Sagsklasse", "Dokumentklasse" -> {
                list = Dom.add(relation, GD, "gd:LokalUdvidelseListe", null);
                Element ext = Dom.add(list, ns, prefix + local + "LokalUdvidelse", null);
                if (r.classTitle() != null && !r.classTitle().isBlank()) {
                    Dom.add(ext, ns, prefix + "Klassetitel", r.classTitle());
                }
                Dom.add(ext, ns, prefix + "BrugervendtNoegle", r.key());
            }
            default -> {
                // journal entries and IT systems carry their fields outside the local extension
            }
        }
    }

    private static void virkning(Element parent, String ns, String qname, Period period, String actor) {
        LoraWriter.virkning(parent, ns, qname, period, actor);
    }

    /** An xs:dateTime in UTC with milliseconds, the form the rules show ({@code YYYY-MM-DDThh:mm:ss.sssTZD}). */
    static String timestamp(Instant at) {
        return LoraWriter.timestamp(at);
    }
}

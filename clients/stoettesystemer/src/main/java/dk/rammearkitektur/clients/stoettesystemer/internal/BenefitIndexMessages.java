package dk.rammearkitektur.clients.stoettesystemer.internal;

import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraWriter.GD;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraWriter.SD;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraWriter.optional;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexPlan.GrantState;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexPlan.PaymentState;
import dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexPlan.Version;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Meta;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Period;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Relation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * Writes the SF1490 Ydelsesindeks 6 requests as DOM: {@code importer}, {@code opdater} and {@code fremsoeg} of
 * YdelseIndeks, {@code fjern} of BevillingIndeks and OekonomiskEffektueringIndeks. Element names, nesting, order and
 * namespaces are those of the published contract ({@code YdelseIndeksOperationer.xsd} and the files it imports; all
 * {@code elementFormDefault=qualified}, so a local element is in the namespace of the file declaring it); the tests
 * validate every request against it.
 */
public final class BenefitIndexMessages {
    /** YdelseIndeks (the operations). */
    public static final String YI = "urn:oio:sts:ydelse:ydelseindeks:6";
    /** BevillingIndeks (grant). */
    public static final String BI = "urn:oio:sts:ydelse:bevillingindeks:6";
    /** OekonomiskEffektueringIndeks (payment). */
    public static final String OEF = "urn:oio:sts:ydelse:oekonomiskeffektueringindeks:6";
    /** The binding's actions (SOAP 1.2, {@code YdelseIndeks.wsdl}). */
    public static final String ACTION_IMPORTER = "http://kombit.dk/sts/ydelseindeks/importer";
    /** {@code opdater}. */
    public static final String ACTION_OPDATER = "http://kombit.dk/sts/ydelseindeks/opdater";
    /** {@code fremsoeg}. */
    public static final String ACTION_FREMSOEG = "http://kombit.dk/sts/ydelseindeks/fremsoeg";
    /** {@code fjern} of a grant ({@code BevillingIndeks.wsdl}). */
    public static final String ACTION_FJERN_BEVILLING = "http://kombit.dk/sts/ydelseindeks/bevillingindeks/fjern";
    /** {@code fjern} of a payment ({@code OekonomiskEffektueringIndeks.wsdl}; capital E as published). */
    public static final String ACTION_FJERN_OEF = "http://kombit.dk/sts/ydelseindeks/oekonomiskEffektuering/fjern";
    private static final String[][] PREFIXES = {{"yi", YI}, {"bi", BI}, {"oef", OEF}, {"gd", GD}, {"sd", SD}};

    private BenefitIndexMessages() {
    }

    /**
     * Writes {@code ImporterYdelseIndeksInput}: the grant (when {@code withGrant}) with every version as a
     * Registrering, then each of {@code payments} likewise.
     */
    public static void importer(Element body, BenefitIndexPlan.Request request, boolean withGrant,
            Collection<BenefitIndexPlan.Payment> payments, Function<String, UUID> classes) {
        Element in = LoraWriter.root(body, YI, "yi:ImporterYdelseIndeksInput", PREFIXES);
        if (withGrant) {
            Element outer = Dom.add(in, YI, "yi:BevillingIndeks", null);
            Element e = Dom.add(outer, BI, "bi:BevillingIndeks", null);
            Dom.add(e, SD, "sd:UUIDIdentifikator", request.grant().id().toString());
            for (Version<GrantState> v : request.grant().versions()) {
                Element reg = Dom.add(e, BI, "bi:Registrering", null);
                LoraWriter.registration(reg, v.meta());
                grantLists(reg, v.state(), v.meta(), classes);
            }
        }
        for (BenefitIndexPlan.Payment p : payments) {
            Element outer = Dom.add(in, YI, "yi:OekonomiskEffektueringIndeks", null);
            Element e = Dom.add(outer, OEF, "oef:OekonomiskEffektueringIndeks", null);
            Dom.add(e, SD, "sd:UUIDIdentifikator", p.id().toString());
            for (Version<PaymentState> v : p.versions()) {
                Element reg = Dom.add(e, OEF, "oef:Registrering", null);
                LoraWriter.registration(reg, v.meta());
                paymentLists(reg, v.state(), v.meta(), request.grant().id(), classes);
            }
        }
    }

    /**
     * Writes {@code OpdaterYdelseIndeksInput}: the grant (when {@code withGrant}) and each of {@code payments} with
     * its whole current picture and {@code yi:Tidspunkt} = the latest registration's time, so that sending it again
     * changes nothing more.
     */
    public static void opdater(Element body, BenefitIndexPlan.Request request, boolean withGrant,
            Collection<BenefitIndexPlan.Payment> payments, Function<String, UUID> classes) {
        Element in = LoraWriter.root(body, YI, "yi:OpdaterYdelseIndeksInput", PREFIXES);
        Meta meta = request.latest();
        if (withGrant) {
            Element e = Dom.add(in, YI, "yi:OpdaterBevillingIndeks", null);
            Dom.add(e, SD, "sd:UUIDIdentifikator", request.grant().id().toString());
            LoraWriter.note(e, meta);
            grantLists(e, request.grant().latest().state(), meta, classes);
            Dom.add(e, YI, "yi:Tidspunkt", LoraWriter.timestamp(meta.at()));
        }
        for (BenefitIndexPlan.Payment p : payments) {
            Element e = Dom.add(in, YI, "yi:OpdaterOekonomiskEffektueringIndeks", null);
            Dom.add(e, SD, "sd:UUIDIdentifikator", p.id().toString());
            LoraWriter.note(e, meta);
            paymentLists(e, p.latest().state(), meta, request.grant().id(), classes);
            Dom.add(e, YI, "yi:Tidspunkt", LoraWriter.timestamp(meta.at()));
        }
    }

    /**
     * Writes {@code FremsoegYdelseIndeksInput} for the grants and payments with these UUIDs, with the search
     * expression the contract requires (one empty {@code SoegBevillingIndeks} of at most {@code max} results).
     */
    public static void fremsoegById(Element body, Collection<UUID> grants, Collection<UUID> payments, int max) {
        Element in = LoraWriter.root(body, YI, "yi:FremsoegYdelseIndeksInput", PREFIXES);
        for (UUID id : grants) {
            Dom.add(in, YI, "yi:BevillingUuid", id.toString());
        }
        for (UUID id : payments) {
            Dom.add(in, YI, "yi:OekonomiskEffektueringUuid", id.toString());
        }
        Element expr = Dom.add(in, YI, "yi:SoegUdtryk", null);
        search(expr, "yi:SoegBevillingIndeks", BI, "bi:", max, null, null);
    }

    /**
     * Writes {@code FremsoegYdelseIndeksInput} for the grants with {@code partyUrn} as a Bevillingspart OR the
     * payments with it as OekonomiskEffektueringPart, at most {@code max} of each. No Filter: the contract says an
     * empty one returns nothing.
     */
    public static void fremsoegByParty(Element body, String partyUrn, int max) {
        Element in = LoraWriter.root(body, YI, "yi:FremsoegYdelseIndeksInput", PREFIXES);
        Element expr = Dom.add(in, YI, "yi:SoegUdtryk", null);
        Dom.add(expr, YI, "yi:operation", "OR");
        search(expr, "yi:SoegBevillingIndeks", BI, "bi:", max, "Bevillingspart", partyUrn);
        search(expr, "yi:SoegOekonomiskEffektueringIndeks", OEF, "oef:", max, "OekonomiskEffektueringPart",
                partyUrn);
    }

    /** Writes {@code bi:FjernInput} (grant) or {@code oef:FjernInput} (payment) for one UUID. */
    public static void fjern(Element body, boolean grant, UUID id) {
        String ns = grant ? BI : OEF;
        Element in = LoraWriter.root(body, ns, (grant ? "bi" : "oef") + ":FjernInput", PREFIXES);
        Dom.add(in, SD, "sd:UUIDIdentifikator", id.toString());
    }

    /**
     * A {@code SoegInputType} of at most {@code max} results with empty lists, or with one relation {@code part}
     * whose ReferenceID is {@code urn}.
     */
    private static void search(Element expr, String qname, String ns, String prefix, int max, String part,
            String urn) {
        Element soeg = Dom.add(expr, YI, qname, null);
        Dom.add(soeg, SD, "sd:MaksimalAntalKvantitet", Integer.toString(max));
        Dom.add(soeg, ns, prefix + "AttributListe", null);
        Dom.add(soeg, ns, prefix + "TilstandListe", null);
        Element relations = Dom.add(soeg, ns, prefix + "RelationListe", null);
        if (part != null) {
            Element ref = Dom.add(Dom.add(relations, ns, prefix + part, null), GD, "gd:ReferenceID", null);
            Dom.add(ref, SD, "sd:URNIdentifikator", urn);
        }
    }

    private static void grantLists(Element parent, GrantState g, Meta meta, Function<String, UUID> classes) {
        Element props = properties(parent, BI, "bi:", meta, g.key());
        Element attributes = (Element) props.getParentNode();
        Dom.add(props, BI, "bi:Bevillingstartdato", g.startDay().toString());
        optional(props, BI, "bi:Bevillingslutdato", g.lastDay());
        optional(props, BI, "bi:Begrundelse", g.reason());
        Dom.add(props, BI, "bi:Foelsomhed", g.sensitivity());
        Element line = Dom.add(attributes, BI, "bi:BevilgetYdelse", null);
        LoraWriter.virkning(line, BI, "bi:Virkning", new Period(meta.at(), null), meta.actorUrn());
        Dom.add(line, BI, "bi:Id", BenefitIndexMapping.BENEFIT_LINE);
        Dom.add(line, BI, "bi:Navn", g.benefitName());
        Dom.add(line, BI, "bi:BevilgetYdelseStartdato", day(g.benefitStart()));
        optional(line, BI, "bi:BevilgetYdelseSlutdato", g.benefitEnd() == null ? null : day(g.benefitEnd()));
        optional(line, BI, "bi:Begrundelse", g.reason());
        Element ydelse = null;
        for (Relation r : g.benefitRelations()) {
            switch (r.element()) {
                case "ItSystem" -> {
                    Element e = withoutVirkning(line, "bi:ItSystem", r, classes);
                    Dom.add(e, BI, "bi:SystemNavn", r.systemName());
                }
                case "Ydelse" -> {
                    ydelse = withoutVirkning(line, "bi:Ydelse", r, classes);
                    Dom.add(ydelse, BI, "bi:Ydelsesnavn", r.fullName());
                }
                default -> {
                    Element e = withoutVirkning(ydelse, "bi:Klassifikation", r, classes);
                    Dom.add(e, BI, "bi:BrugervendtNoegle", r.key());
                    optional(e, BI, "bi:Klassetitel", r.classTitle() == null || r.classTitle().isBlank() ? null
                            : r.classTitle());
                }
            }
        }
        Element plan = Dom.add(line, BI, "bi:OekonomiskEffektueringsplan", null);
        Dom.add(plan, BI, "bi:Id", BenefitIndexMapping.BENEFIT_LINE);
        Dom.add(plan, BI, "bi:EffektueringsplanStartdato", day(g.benefitStart()));
        optional(plan, BI, "bi:EffektueringsplanSlutdato", g.benefitEnd() == null ? null : day(g.benefitEnd()));
        Dom.add(plan, BI, "bi:Beregningsfrekvens", g.frequency());
        optional(plan, BI, "bi:ForudBagud", g.timing());
        optional(plan, BI, "bi:Dispositionsdag", g.dispositionDay());
        optional(plan, BI, "bi:Ydelsesbeloeb", g.amount());
        relationList(parent, BI, "bi:", g.relations(), meta, classes, (e, r) -> extras(e, BI, "bi:", r));
    }

    /**
     * The empty {@code TilstandListe} (the index has no states) and the {@code RelationListe} in {@code ns}: each
     * relation a {@code gd:RelationType} from the registration's time on, then its own fields by {@code extras}.
     */
    private static void relationList(Element parent, String ns, String prefix, List<Relation> relations, Meta meta,
            Function<String, UUID> classes, BiConsumer<Element, Relation> extras) {
        Dom.add(parent, ns, prefix + "TilstandListe", null);
        Element list = Dom.add(parent, ns, prefix + "RelationListe", null);
        Period period = new Period(meta.at(), null);
        for (Relation r : relations) {
            extras.accept(LoraWriter.relation(list, ns, prefix + r.element(), r, period, classes, meta.actorUrn()), r);
        }
    }

    /**
     * {@code AttributListe} with its {@code Egenskaber} in {@code ns}: a Virkning from the registration's time on,
     * and the key (BrugervendtNoegle); the caller adds the rest.
     */
    private static Element properties(Element parent, String ns, String prefix, Meta meta, String key) {
        Element attributes = Dom.add(parent, ns, prefix + "AttributListe", null);
        Element props = Dom.add(attributes, ns, prefix + "Egenskaber", null);
        LoraWriter.virkning(props, ns, prefix + "Virkning", new Period(meta.at(), null), meta.actorUrn());
        Dom.add(props, ns, prefix + "BrugervendtNoegle", key);
        return props;
    }

    private static Element withoutVirkning(Element parent, String qname, Relation r, Function<String, UUID> classes) {
        return LoraWriter.relation(parent, BI, qname, r, null, classes, null, BI, "bi:");
    }

    private static void paymentLists(Element parent, PaymentState p, Meta meta, UUID grant,
            Function<String, UUID> classes) {
        Element props = properties(parent, OEF, "oef:", meta, p.key());
        Dom.add(props, OEF, "oef:Startdato", day(p.start()));
        Dom.add(props, OEF, "oef:Slutdato", day(p.lastDay()));
        optional(props, OEF, "oef:SamletBruttobeloeb", p.gross());
        Dom.add(props, OEF, "oef:Dispositionsdato", day(p.disposition()));
        optional(props, OEF, "oef:BeloebEfterSkatATP", p.afterTax());
        optional(props, OEF, "oef:BeloebSendtTilUdbetaling", p.sentForPayment());
        optional(props, OEF, "oef:BeloebUdbetalt", p.paid());
        Dom.add(props, OEF, "oef:Udbetalingsafdeling", p.unit());
        optional(props, OEF, "oef:SendtTilUdbetalingTekst", p.offsetText());
        optional(props, OEF, "oef:UdbetaltTekst", p.paidText());
        relationList(parent, OEF, "oef:", p.relations(), meta, classes, (e, r) -> {
            if ("OekonomiskYdelseEffektueringRelation".equals(r.element())) {
                Dom.add(e, OEF, "oef:YdelsesperiodeStartdato", day(p.start()));
                Dom.add(e, OEF, "oef:YdelsesperiodeSlutdato", day(p.lastDay()));
                optional(e, OEF, "oef:Ydelsesbeloeb", p.gross());
                Dom.add(e, OEF, "oef:Klassifikationsbeskrivelse", r.key());
                Element ref = Dom.add(e, OEF, "oef:BevilgetYdelseRef", null);
                Dom.add(ref, SD, "sd:UUIDIdentifikator", grant.toString());
                Dom.add(ref, OEF, "oef:BevilgetYdelseId", BenefitIndexMapping.BENEFIT_LINE);
            } else {
                extras(e, OEF, "oef:", r);
            }
        });
    }

    /** The fields after a relation's {@code gd:RelationType} part: key, full name, CVR, system name. */
    private static void extras(Element e, String ns, String prefix, Relation r) {
        if ("ItSystem".equals(r.element())) {
            Dom.add(e, ns, prefix + "SystemNavn", r.systemName());
            return;
        }
        optional(e, ns, prefix + "BrugervendtNoegle", r.key());
        optional(e, ns, prefix + "FuldtNavn", r.fullName());
        optional(e, ns, prefix + "CVR-nr", r.cvr());
    }

    /** A day's midnight as an xs:dateTime with the Danish offset, e.g. {@code 2024-05-01T00:00:00.000+02:00}. */
    private static String day(Instant midnight) {
        return LoraWriter.timestamp(midnight, BenefitIndexMapping.ZONE);
    }
}

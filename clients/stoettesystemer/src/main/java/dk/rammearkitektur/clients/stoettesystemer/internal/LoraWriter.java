package dk.rammearkitektur.clients.stoettesystemer.internal;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Meta;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Period;
import dk.rammearkitektur.clients.stoettesystemer.internal.IndexPlan.Relation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * Writing the parts both indexes (SF1470 and SF1490) share, from the common LoRa and general-definitions schemas
 * ({@code SagDokObjekt.xsd}, {@code GenerelleDefinitioner.xsd}): the request root with its prefixes, a Registrering's
 * own data, Virkning, {@code gd:RelationType} and timestamps. The element that holds a Virkning or a relation is
 * named by the caller, in the namespace of the schema that declares it.
 */
final class LoraWriter {
    /** The common LoRa namespace. */
    static final String SD = "urn:oio:sagdok:3.0.0";
    /** The general definitions (relations, local extensions). */
    static final String GD = "urn:oio:sts:generelledefinitioner:6";
    private static final String XMLNS = "http://www.w3.org/2000/xmlns/";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private LoraWriter() {
    }

    /** Adds the request element {@code qname} in {@code ns} to {@code body}, declaring each {prefix, namespace}. */
    static Element root(Element body, String ns, String qname, String[][] prefixes) {
        Element in = Dom.add(body, ns, qname, null);
        for (String[] p : prefixes) {
            in.setAttributeNS(XMLNS, "xmlns:" + p[0], p[1]);
        }
        return in;
    }

    /** {@code Registrering}'s own data: note, time, life-cycle code Importeret (the rules' only value), BrugerRef. */
    static void registration(Element reg, Meta meta) {
        note(reg, meta);
        Dom.add(reg, SD, "sd:Tidspunkt", timestamp(meta.at()));
        Dom.add(reg, SD, "sd:LivscyklusKode", "Importeret");
        Element user = Dom.add(reg, SD, "sd:BrugerRef", null);
        Dom.add(user, SD, "sd:URNIdentifikator", meta.actorUrn());
    }

    /** {@code sd:NoteTekst} when the registration has a note (at most 1024 characters, cut). */
    static void note(Element parent, Meta meta) {
        if (meta.note() != null && !meta.note().isBlank()) {
            Dom.add(parent, SD, "sd:NoteTekst", meta.note().length() > 1024 ? meta.note().substring(0, 1024)
                    : meta.note());
        }
    }

    /** A {@code sd:VirkningType} named {@code qname}: from, to (or GraenseIndikator true), the IT system as actor. */
    static void virkning(Element parent, String ns, String qname, Period period, String actor) {
        Element v = Dom.add(parent, ns, qname, null);
        Element from = Dom.add(v, SD, "sd:FraTidspunkt", null);
        Dom.add(from, SD, "sd:TidsstempelDatoTid", timestamp(period.from()));
        Element to = Dom.add(v, SD, "sd:TilTidspunkt", null);
        if (period.to() == null) {
            Dom.add(to, SD, "sd:GraenseIndikator", "true");
        } else {
            Dom.add(to, SD, "sd:TidsstempelDatoTid", timestamp(period.to()));
        }
        Element ref = Dom.add(v, SD, "sd:AktoerRef", null);
        Dom.add(ref, SD, "sd:URNIdentifikator", actor);
        Dom.add(v, SD, "sd:AktoerTypeKode", "ItSystem");
    }

    /**
     * A relation named {@code qname}: a {@code gd:RelationType} (virkning, role and type as Klasse UUIDs, index,
     * reference) when {@code period} is set, else a relation without virkning whose fields are in {@code fieldNs}
     * with {@code fieldPrefix} (SF1490's {@code bi:RelationUdenVirkningType}).
     */
    static Element relation(Element parent, String ns, String qname, Relation r, Period period,
            Function<String, UUID> classes, String actor, String fieldNs, String fieldPrefix) {
        Element e = Dom.add(parent, ns, qname, null);
        if (period != null) {
            virkning(e, fieldNs, fieldPrefix + "Virkning", period, actor);
        }
        Element role = Dom.add(e, fieldNs, fieldPrefix + "Rolle", null);
        Dom.add(role, SD, "sd:UUIDIdentifikator", classes.apply(r.role()).toString());
        Element type = Dom.add(e, fieldNs, fieldPrefix + "Type", null);
        Dom.add(type, SD, "sd:UUIDIdentifikator", classes.apply(r.type()).toString());
        if (r.index() != null) {
            Dom.add(e, fieldNs, fieldPrefix + "Indeks", r.index());
        }
        Element ref = Dom.add(e, fieldNs, fieldPrefix + "ReferenceID", null);
        boolean urn = r.reference().startsWith("urn:") || r.reference().startsWith("URN:");
        Dom.add(ref, SD, urn ? "sd:URNIdentifikator" : "sd:UUIDIdentifikator", r.reference());
        return e;
    }

    /** A {@code gd:RelationType} with its virkning. */
    static Element relation(Element parent, String ns, String qname, Relation r, Period period,
            Function<String, UUID> classes, String actor) {
        return relation(parent, ns, qname, r, period, classes, actor, GD, "gd:");
    }

    /** An xs:dateTime in UTC with milliseconds, the form the rules show ({@code YYYY-MM-DDThh:mm:ss.sssTZD}). */
    static String timestamp(Instant at) {
        return STAMP.withZone(ZoneOffset.UTC).format(at);
    }

    /** An xs:dateTime with milliseconds in the offset {@code zone} has at that instant. */
    static String timestamp(Instant at, java.time.ZoneId zone) {
        return STAMP.withZone(zone).format(at);
    }

    /** {@code text} as an element when it is set. */
    static void optional(Element parent, String ns, String qname, Object text) {
        if (text != null) {
            Dom.add(parent, ns, qname, text instanceof java.math.BigDecimal d ? d.toPlainString() : text.toString());
        }
    }
}

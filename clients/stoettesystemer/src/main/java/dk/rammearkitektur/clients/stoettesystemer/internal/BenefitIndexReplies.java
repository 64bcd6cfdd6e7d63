package dk.rammearkitektur.clients.stoettesystemer.internal;

import static dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexMessages.BI;
import static dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexMessages.OEF;
import static dk.rammearkitektur.clients.stoettesystemer.internal.BenefitIndexMessages.YI;
import static dk.rammearkitektur.clients.stoettesystemer.internal.LoraReplies.SD;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.clients.stoettesystemer.IndexedGrant;
import dk.rammearkitektur.clients.stoettesystemer.IndexedPayment;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.PaymentId;
import dk.rammearkitektur.model.Validity;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * Reads SF1490 replies: the {@code MultipleOutputType} of {@code importer} and {@code opdater}, the
 * {@code StandardRetur} of {@code fjern}, and {@code fremsoeg}'s grants and payments. Another system's object may
 * carry a property or relation the SDK cannot read; it is left out rather than hiding the whole object.
 */
public final class BenefitIndexReplies {
    private BenefitIndexReplies() {
    }

    /** What {@code fremsoeg} found: grants and payments in reply order. */
    public record Found(List<IndexedGrant> grants, List<IndexedPayment> payments) {
    }

    /**
     * Reads {@code ImporterYdelseIndeksOutput} or {@code OpdaterYdelseIndeksOutput} ({@code local}): every
     * {@code UnikRetur} must say 20, else a {@code ServiceFaultException} with the code, text, type and UUID.
     *
     * @return how many objects the reply reported on
     */
    public static int readMultiple(Element out, ServiceCall call, String local) {
        return IndexReplies.readMultiple(out, call, YI, local);
    }

    /** Reads {@code bi:FjernOutput} ({@code grant}) or {@code oef:FjernOutput}: StandardRetur must say 20. */
    public static void readFjern(Element out, ServiceCall call, boolean grant) {
        LoraReplies.expect(out, grant ? BI : OEF, "FjernOutput");
        LoraReplies.checkStatus(out, call);
    }

    /** Reads {@code FremsoegYdelseIndeksOutput}; StandardRetur must say 20. */
    public static Found readFremsoeg(Element out, ServiceCall call, Function<UUID, String> roleNames) {
        LoraReplies.expect(out, YI, "FremsoegYdelseIndeksOutput");
        LoraReplies.checkStatus(out, call);
        List<IndexedGrant> grants = new ArrayList<>();
        List<IndexedPayment> payments = new ArrayList<>();
        for (Element e : Dom.children(out)) {
            if (!YI.equals(e.getNamespaceURI())) {
                continue;
            }
            if ("BevillingFiltreretOejebliksbillede".equals(e.getLocalName())) {
                grants.add(grant(e, roleNames));
            } else if ("OekonomiskEffektueringFiltreretOejebliksbillede".equals(e.getLocalName())) {
                payments.add(payment(e, roleNames));
            }
        }
        return new Found(grants, payments);
    }

    private static IndexedGrant grant(Element snapshot, Function<UUID, String> roleNames) {
        BenefitId id = BenefitId.of(LoraReplies.objectId(snapshot, BI, "BevillingFiltreretOejebliksbillede"));
        Element reg = LoraReplies.last(snapshot, BI, "Registrering");
        if (reg == null) {
            return new IndexedGrant(id, "", "", null, null, null, null, null, List.of());
        }
        Element attributes = Dom.child(reg, BI, "AttributListe");
        Element props = latest(attributes, BI, "Egenskaber");
        Element line = latest(attributes, BI, "BevilgetYdelse");
        LocalDate start = props == null ? null : date(Dom.childText(props, BI, "Bevillingstartdato"));
        LocalDate end = props == null ? null : date(Dom.childText(props, BI, "Bevillingslutdato"));
        Element plan = line == null ? null : Dom.child(line, BI, "OekonomiskEffektueringsplan");
        return new IndexedGrant(id, props == null ? "" : orEmpty(Dom.childText(props, BI, "BrugervendtNoegle")),
                line == null ? "" : orEmpty(Dom.childText(line, BI, "Navn")), start, end,
                plan == null ? null : decimal(Dom.childText(plan, BI, "Ydelsesbeloeb")),
                props == null ? null : trimmed(Dom.childText(props, BI, "Foelsomhed")),
                LoraReplies.registeredAt(reg), relations(reg, BI, roleNames));
    }

    private static IndexedPayment payment(Element snapshot, Function<UUID, String> roleNames) {
        PaymentId id = PaymentId.of(LoraReplies.objectId(snapshot, OEF,
                "OekonomiskEffektueringFiltreretOejebliksbillede"));
        Element reg = LoraReplies.last(snapshot, OEF, "Registrering");
        if (reg == null) {
            return new IndexedPayment(id, null, null, null, null, null, null, null, List.of());
        }
        Element props = latest(Dom.child(reg, OEF, "AttributListe"), OEF, "Egenskaber");
        BenefitId grant = null;
        Element list = Dom.child(reg, OEF, "RelationListe");
        for (Element r : list == null ? List.<Element>of() : Dom.children(list)) {
            Element ref = OEF.equals(r.getNamespaceURI())
                    && "OekonomiskYdelseEffektueringRelation".equals(r.getLocalName())
                    ? Dom.child(r, OEF, "BevilgetYdelseRef") : null;
            if (ref != null && grant == null) {
                UUID u = LoraReplies.readable(() -> LoraReplies.uuid(Dom.childText(ref, SD, "UUIDIdentifikator"),
                        "BevilgetYdelseRef.UUIDIdentifikator"));
                grant = u == null ? null : BenefitId.of(u);
            }
        }
        return new IndexedPayment(id, grant, day(props, "Startdato"), day(props, "Slutdato"),
                day(props, "Dispositionsdato"),
                props == null ? null : decimal(Dom.childText(props, OEF, "SamletBruttobeloeb")),
                props == null ? null : decimal(Dom.childText(props, OEF, "BeloebSendtTilUdbetaling")),
                LoraReplies.registeredAt(reg), relations(reg, OEF, roleNames));
    }

    /** The relation list's relations ({@code gd:RelationType}s in {@code ns}) the SDK can read. */
    private static List<IndexRelation> relations(Element reg, String ns, Function<UUID, String> roleNames) {
        List<IndexRelation> relations = new ArrayList<>();
        Element list = Dom.child(reg, ns, "RelationListe");
        if (list != null) {
            for (Element r : Dom.children(list)) {
                if (ns.equals(r.getNamespaceURI())) {
                    IndexRelation read = LoraReplies.readable(() -> LoraReplies.relation(r, roleNames));
                    if (read != null) {
                        relations.add(read);
                    }
                }
            }
        }
        return relations;
    }

    /** Of the {@code {ns}local} children, the one whose virkning starts last (unreadable virkning: never chosen). */
    private static Element latest(Element parent, String ns, String local) {
        if (parent == null) {
            return null;
        }
        Element found = null;
        Instant latest = null;
        for (Element e : Dom.children(parent)) {
            if (ns.equals(e.getNamespaceURI()) && local.equals(e.getLocalName())) {
                Validity v = LoraReplies.readable(() -> LoraReplies.validity(Dom.child(e, ns, "Virkning"),
                        local + ".Virkning"));
                if (v != null && (latest == null || !v.start().isBefore(latest))) {
                    latest = v.start();
                    found = e;
                }
            }
        }
        return found;
    }

    /** An OEF date (xs:dateTime of midnight) as the day it is in Europe/Copenhagen, or null. */
    private static LocalDate day(Element props, String local) {
        String t = props == null ? null : Dom.childText(props, OEF, local);
        Instant at = t == null ? null : LoraReplies.readable(() -> LoraReplies.instant(t, local));
        return at == null ? null : at.atZone(BenefitIndexMapping.ZONE).toLocalDate();
    }

    /** Bevillingstartdato/-slutdato are plain strings in the contract: a {@code yyyy-MM-dd} prefix is read. */
    private static LocalDate date(String text) {
        String t = trimmed(text);
        if (t == null || t.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(t.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal decimal(String text) {
        String t = trimmed(text);
        if (t == null || !t.matches("-?[0-9]+(\\.[0-9]+)?")) {
            return null;
        }
        return new BigDecimal(t);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}

package dk.rammearkitektur.clients.stoettesystemer.internal;

import static dk.rammearkitektur.clients.stoettesystemer.internal.IndexMessages.GD;
import static dk.rammearkitektur.clients.stoettesystemer.internal.IndexMessages.SAG;
import static dk.rammearkitektur.clients.stoettesystemer.internal.IndexMessages.SD;
import static dk.rammearkitektur.clients.stoettesystemer.internal.IndexMessages.SDI;
import static dk.rammearkitektur.clients.stoettesystemer.internal.IndexMessages.SI;

import dk.rammearkitektur.clients.common.internal.Dom;
import dk.rammearkitektur.clients.common.internal.ReplyShapeException;
import dk.rammearkitektur.clients.stoettesystemer.IndexRelation;
import dk.rammearkitektur.clients.stoettesystemer.IndexedCase;
import dk.rammearkitektur.core.ServiceCall;
import dk.rammearkitektur.core.ServiceFaultException;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.CaseStatus;
import dk.rammearkitektur.model.Effect;
import dk.rammearkitektur.model.Validity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.w3c.dom.Element;

/**
 * Reads SF1470 replies: the status of {@code importer}, {@code opdater} and {@code fjern}, and {@code fremsoeg}'s
 * cases.
 */
public final class IndexReplies {
    /** {@code StatusKode} of success. */
    public static final String OK = "20";

    private IndexReplies() {
    }

    /**
     * Reads a {@code MultipleOutputType} reply ({@code <local>}): every {@code UnikRetur} or {@code StandardRetur}
     * must say 20; the first that does not becomes a {@link ServiceFaultException} with its code and text (and the
     * object's type and UUID when the reply names them).
     *
     * @return how many objects the reply reported on
     */
    public static int readMultiple(Element out, ServiceCall call, String local) {
        return readMultiple(out, call, SDI, local);
    }

    /** As {@link #readMultiple(Element, ServiceCall, String)} for a reply element {@code {ns}local}. */
    public static int readMultiple(Element out, ServiceCall call, String ns, String local) {
        LoraReplies.expect(out, ns, local);
        int n = 0;
        for (Element r : Dom.children(out)) {
            if (!SD.equals(r.getNamespaceURI())) {
                continue;
            }
            if ("UnikRetur".equals(r.getLocalName()) || "StandardRetur".equals(r.getLocalName())) {
                n++;
                String status = text(r, "StatusKode");
                if (status == null) {
                    throw new ReplyShapeException(r.getLocalName() + " has no StatusKode", null);
                }
                if (!OK.equals(status)) {
                    String fault = text(r, "FejlbeskedTekst");
                    String type = Dom.childText(r, SD, "Type");
                    String uuid = text(r, "UUIDIdentifikator");
                    String about = uuid == null ? "" : " [" + (type == null ? "" : type.trim() + " ") + uuid + "]";
                    throw new ServiceFaultException(call, checkedCode(status),
                            (fault == null ? "" : fault) + about);
                }
            }
        }
        if (n == 0) {
            throw new ReplyShapeException(local + " holds no UnikRetur or StandardRetur", null);
        }
        return n;
    }

    /** Reads {@code FremsoegSagDokumentIndeksOutput}: its cases, in reply order. */
    public static List<IndexedCase> readFremsoeg(Element out, ServiceCall call, Function<UUID, String> roleNames) {
        LoraReplies.expect(out, SDI, "FremsoegSagDokumentIndeksOutput");
        LoraReplies.checkStatus(out, call);
        List<IndexedCase> cases = new ArrayList<>();
        for (Element e : Dom.children(out)) {
            if (SDI.equals(e.getNamespaceURI()) && "SagFiltreretOejebliksbillede".equals(e.getLocalName())) {
                cases.add(sag(e, roleNames));
            }
        }
        return cases;
    }

    private static IndexedCase sag(Element snapshot, Function<UUID, String> roleNames) {
        UUID id = LoraReplies.objectId(snapshot, SAG, "SagFiltreretOejebliksbillede");
        Element registration = LoraReplies.last(snapshot, SAG, "Registrering");
        if (registration == null) {
            return new IndexedCase(CaseId.of(id), "", "", null, List.of(), List.of());
        }
        Instant registeredAt = LoraReplies.registeredAt(registration);
        String number = "";
        String title = "";
        Element attributes = Dom.child(registration, SAG, "AttributListe");
        if (attributes != null) {
            Instant latest = null;
            for (Element p : Dom.children(attributes)) {
                if (!SAG.equals(p.getNamespaceURI()) || !"Egenskaber".equals(p.getLocalName())) {
                    continue;
                }
                Validity v = LoraReplies.readable(() -> LoraReplies.validity(Dom.child(p, SAG, "Virkning"), "Egenskaber.Virkning"));
                if (v != null && (latest == null || !v.start().isBefore(latest))) {
                    latest = v.start();
                    number = orEmpty(Dom.childText(p, SAG, "Sagsnummer"));
                    title = orEmpty(Dom.childText(p, SAG, "Titel"));
                }
            }
        }
        List<Effect<CaseStatus>> progress = new ArrayList<>();
        Element states = Dom.child(registration, SAG, "TilstandListe");
        if (states != null) {
            for (Element s : Dom.children(states)) {
                if (SAG.equals(s.getNamespaceURI()) && "Fremdrift".equals(s.getLocalName())) {
                    String code = orEmpty(Dom.childText(s, SAG, "FremdriftStatusKode")).trim();
                    CaseStatus st = CaseIndexMapping.status(code);
                    Validity v = LoraReplies.readable(() -> LoraReplies.validity(Dom.child(s, SAG, "Virkning"), "Fremdrift.Virkning"));
                    if (st != null && v != null) {
                        progress.add(Effect.of(v, st));
                    }
                }
            }
        }
        progress.sort(Comparator.comparing(e -> e.validity().start()));
        List<IndexRelation> relations = new ArrayList<>();
        Element list = Dom.child(registration, SAG, "RelationListe");
        if (list != null) {
            for (Element r : Dom.children(list)) {
                if (SAG.equals(r.getNamespaceURI())) {
                    add(relations, LoraReplies.readable(() -> LoraReplies.relation(r, roleNames)));
                } else if (GD.equals(r.getNamespaceURI()) && "LokalUdvidelseListe".equals(r.getLocalName())) {
                    for (Element x : Dom.children(r)) {
                        if (SI.equals(x.getNamespaceURI()) && "SagsitsystemRelation".equals(x.getLocalName())) {
                            add(relations, LoraReplies.readable(() -> LoraReplies.relation(x, roleNames)));
                        }
                    }
                }
            }
        }
        return new IndexedCase(CaseId.of(id), number, title, registeredAt, progress, relations);
    }

    private static <T> void add(List<T> list, T value) {
        if (value != null) {
            list.add(value);
        }
    }

    private static String checkedCode(String status) {
        if (!status.matches("-?[0-9]{1,9}")) {
            throw new ReplyShapeException("StatusKode is not an integer", null);
        }
        return status;
    }


    private static String text(Element parent, String local) {
        String t = Dom.childText(parent, SD, local);
        return t == null ? null : t.trim();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s.trim();
    }


}

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
        LoraReplies.expect(out, SDI, local);
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
        Element objekt = LoraReplies.require(Dom.child(snapshot, SAG, "ObjektType"),
                "SagFiltreretOejebliksbillede.ObjektType");
        String path = "ObjektType.UUIDIdentifikator";
        UUID id = LoraReplies.uuid(LoraReplies.require(Dom.child(objekt, SD, "UUIDIdentifikator"), path)
                .getTextContent(), path);
        Element registration = null;
        for (Element e : Dom.children(snapshot)) {
            if (SAG.equals(e.getNamespaceURI()) && "Registrering".equals(e.getLocalName())) {
                registration = e;
            }
        }
        if (registration == null) {
            return new IndexedCase(CaseId.of(id), "", "", null, List.of(), List.of());
        }
        String tidspunkt = text(registration, "Tidspunkt");
        Instant registeredAt = tidspunkt == null ? null : LoraReplies.instant(tidspunkt, "Registrering.Tidspunkt");
        String number = "";
        String title = "";
        Element attributes = Dom.child(registration, SAG, "AttributListe");
        if (attributes != null) {
            Instant latest = null;
            for (Element p : Dom.children(attributes)) {
                if (!SAG.equals(p.getNamespaceURI()) || !"Egenskaber".equals(p.getLocalName())) {
                    continue;
                }
                Validity v = readable(() -> validity(Dom.child(p, SAG, "Virkning"), "Egenskaber.Virkning"));
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
                    Validity v = readable(() -> validity(Dom.child(s, SAG, "Virkning"), "Fremdrift.Virkning"));
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
                    add(relations, readable(() -> relation(r, roleNames)));
                } else if (GD.equals(r.getNamespaceURI()) && "LokalUdvidelseListe".equals(r.getLocalName())) {
                    for (Element x : Dom.children(r)) {
                        if (SI.equals(x.getNamespaceURI()) && "SagsitsystemRelation".equals(x.getLocalName())) {
                            add(relations, readable(() -> relation(x, roleNames)));
                        }
                    }
                }
            }
        }
        return new IndexedCase(CaseId.of(id), number, title, registeredAt, progress, relations);
    }

    /**
     * The value {@code read} gives, or null when the element cannot be read: another system's case may carry a
     * relation, state or property the SDK cannot read (the index enforces few of the rules, Vejledning section 8; a
     * virkning ending where it starts cancels the relation), and one such element must not hide the whole case.
     */
    private static <T> T readable(java.util.function.Supplier<T> read) {
        try {
            return read.get();
        } catch (ReplyShapeException | dk.rammearkitektur.core.ValidationException e) {
            return null;
        }
    }

    private static <T> void add(List<T> list, T value) {
        if (value != null) {
            list.add(value);
        }
    }

    private static IndexRelation relation(Element r, Function<UUID, String> roleNames) {
        String kind = r.getLocalName();
        UUID role = unikUuid(Dom.child(r, GD, "Rolle"), kind + ".Rolle");
        UUID type = unikUuid(Dom.child(r, GD, "Type"), kind + ".Type");
        Element ref = LoraReplies.require(Dom.child(r, GD, "ReferenceID"), kind + ".ReferenceID");
        String reference = Dom.childText(ref, SD, "UUIDIdentifikator");
        if (reference == null) {
            reference = Dom.childText(ref, SD, "URNIdentifikator");
        }
        if (reference == null || reference.isBlank()) {
            throw new ReplyShapeException(kind + ".ReferenceID holds neither a UUID nor a URN", null);
        }
        String index = Dom.childText(r, GD, "Indeks");
        Validity validity = validity(Dom.child(r, GD, "Virkning"), kind + ".Virkning");
        return new IndexRelation(kind, role, role == null ? null : roleNames.apply(role), type,
                index == null ? null : index.trim(), reference.trim(), validity);
    }

    private static UUID unikUuid(Element unik, String path) {
        if (unik == null) {
            return null;
        }
        String u = Dom.childText(unik, SD, "UUIDIdentifikator");
        return u == null ? null : LoraReplies.uuid(u, path + ".UUIDIdentifikator");
    }

    /** A virkning; a missing one or a missing start is a reply the SDK cannot read. */
    private static Validity validity(Element virkning, String path) {
        LoraReplies.require(virkning, path);
        String fromPath = path + ".FraTidspunkt";
        Instant s = LoraReplies.instant(LoraReplies.require(Dom.child(virkning, SD, "FraTidspunkt"), fromPath), fromPath);
        if (s == null) {
            throw new ReplyShapeException(path + ".FraTidspunkt has no TidsstempelDatoTid", null);
        }
        Instant e = LoraReplies.instant(Dom.child(virkning, SD, "TilTidspunkt"), path + ".TilTidspunkt");
        if (e != null && !e.isAfter(s)) {
            throw new ReplyShapeException(path + " ends before it starts", null);
        }
        return e == null ? Validity.from(s) : Validity.of(s, e);
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

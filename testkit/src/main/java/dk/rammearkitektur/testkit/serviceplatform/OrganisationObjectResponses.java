package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.w3c.dom.Element;

/**
 * The simulated Organisation 6 object services, Bruger (users), OrganisationEnhed (units) and OrganisationFunktion
 * (functions): replies to {@code soeg}, {@code laes} and {@code list} over the organisation of the token's CVR, built
 * as DOM in the shapes of the published {@code BrugerOperationer.xsd}, {@code OrganisationEnhedOperationer.xsd} and
 * {@code OrganisationFunktionOperationer.xsd} (its own code; nothing is shared with the client).
 *
 * <p>{@code soeg} matches every criterion sent: {@code BrugervendtNoegleTekst} and the name exactly (case and spaces
 * as sent), each relation by its {@code ReferenceID} UUID; the matches keep the register's order and are cut to
 * {@code FoersteResultatReference} (from 0) and {@code MaksimalAntalKvantitet}. A negative paging field is answered
 * with StatusKode 40 (the simulator's choice, as for the hierarchy read).
 */
final class OrganisationObjectResponses {
    private static final String SD = OrganisationResponses.SD;

    /** One object service: its namespace, prefix, name element and how to read and write its objects. */
    private record Kind(String service, String ns, String prefix, String nameElement) {
        Map<String, String> actions() {
            String base = "http://kombit.dk/sts/organisation/" + service + "/";
            return Map.of("SoegInput", base + "soeg", "LaesInput", base + "laes", "ListInput", base + "list");
        }
    }

    static final Kind BRUGER = new Kind("bruger", OrganisationResponses.BRUGER, "bruger", "BrugerNavn");
    static final Kind ENHED = new Kind("organisationenhed", OrganisationResponses.ENHED, "orgenhed", "EnhedNavn");
    static final Kind FUNKTION = new Kind("organisationfunktion", OrganisationResponses.FUNK, "orgfunk",
            "FunktionNavn");

    /** One object as the services see it: UUID, key, name, relations by element name, and its writer. */
    private record Obj(UUID uuid, String key, String name, Map<String, List<UUID>> relations,
            Consumer<Element> writer) {
        boolean has(String relation, UUID target) {
            return relations.getOrDefault(relation, List.of()).contains(target);
        }
    }

    private OrganisationObjectResponses() {
    }

    /** The SOAP actions of {@code service}'s binding by request element (its WSDL, SOAP 1.2). */
    static Map<String, String> actions(String service) {
        return kind(service).actions();
    }

    private static Kind kind(String service) {
        return switch (service) {
            case "bruger" -> BRUGER;
            case "organisationenhed" -> ENHED;
            default -> FUNKTION;
        };
    }

    /**
     * Answers {@code input} of {@code service} into {@code body} for the organisation {@code org}; {@code status}
     * (not null) replaces the answer with that StatusKode.
     */
    static void answer(String service, Element body, Element input, Optional<SimulatorData.Organisation> org,
            Fault status) {
        Kind kind = kind(service);
        String op = input.getLocalName();
        String out = SagDokReplies.outputName(op);
        if (status != null) {
            output(kind, body, out, Integer.parseInt(status.code()), "simulated status " + status.code());
            return;
        }
        List<Obj> all = objects(kind, org);
        switch (op) {
            case "SoegInput" -> soeg(kind, body, input, all);
            case "LaesInput" -> {
                Element o = output(kind, body, out, 20, null);
                find(all, UUID.fromString(Xml.text(input, SD, "UUIDIdentifikator")))
                        .ifPresent(x -> x.writer().accept(snapshot(kind, o)));
            }
            default -> {
                Element o = output(kind, body, out, 20, null);
                for (Element e : Xml.kids(input)) {
                    if (SD.equals(e.getNamespaceURI()) && "UUIDIdentifikator".equals(e.getLocalName())) {
                        find(all, UUID.fromString(e.getTextContent().trim()))
                                .ifPresent(x -> x.writer().accept(snapshot(kind, o)));
                    }
                }
            }
        }
    }

    private static void soeg(Kind kind, Element body, Element input, List<Obj> all) {
        long first = SagDokReplies.number(Xml.text(input, SD, "FoersteResultatReference"), 0);
        long max = SagDokReplies.number(Xml.text(input, SD, "MaksimalAntalKvantitet"), Long.MAX_VALUE);
        if (max < 0 || first < 0) {
            output(kind, body, "SoegOutput", 40,
                    "FoersteResultatReference and MaksimalAntalKvantitet must not be negative");
            return;
        }
        Element attributes = Xml.kid(input, kind.ns(), "AttributListe");
        Element egenskab = attributes == null ? null : Xml.kid(attributes, kind.ns(), "Egenskab");
        String key = raw(egenskab, "BrugervendtNoegleTekst");
        String name = raw(egenskab, kind.nameElement());
        List<String[]> relations = new ArrayList<>();
        Element relationList = Xml.kid(input, kind.ns(), "RelationListe");
        for (Element r : relationList == null ? List.<Element>of() : Xml.kids(relationList)) {
            Element ref = Xml.kid(r, SD, "ReferenceID");
            String id = ref == null ? null : Xml.text(ref, SD, "UUIDIdentifikator");
            if (id != null) {
                relations.add(new String[] {r.getLocalName(), id});
            }
        }
        List<Obj> found = new ArrayList<>();
        for (Obj o : all) {
            boolean match = (key == null || key.equals(o.key())) && (name == null || name.equals(o.name()));
            for (String[] r : relations) {
                match &= o.has(r[0], UUID.fromString(r[1]));
            }
            if (match) {
                found.add(o);
            }
        }
        Element list = Xml.el(output(kind, body, "SoegOutput", 20, null), SD, "sd:IdListe", null);
        for (long i = first; i < found.size() && i - first < max; i++) {
            Xml.el(list, SD, "sd:UUIDIdentifikator", found.get((int) i).uuid());
        }
    }

    /** The untrimmed text of {@code egenskab}'s sagdok child {@code local}, or null. */
    private static String raw(Element egenskab, String local) {
        Element e = egenskab == null ? null : Xml.kid(egenskab, SD, local);
        return e == null ? null : e.getTextContent();
    }

    /** The organisation's objects of {@code kind}, in register order. */
    private static List<Obj> objects(Kind kind, Optional<SimulatorData.Organisation> found) {
        List<Obj> out = new ArrayList<>();
        if (found.isEmpty()) {
            return out;
        }
        SimulatorData.Organisation org = found.get();
        UUID orgUuid = org.uuid();
        if (kind == BRUGER) {
            for (SimulatorData.User u : org.users()) {
                out.add(new Obj(u.uuid(), u.userName(), u.name(), Map.of("Tilhoerer", List.of(orgUuid),
                        "TilknyttedeEnheder", u.units()), snap -> OrganisationResponses.user(snap, u, orgUuid)));
            }
        } else if (kind == ENHED) {
            for (SimulatorData.OrgUnit u : org.units()) {
                out.add(new Obj(u.uuid(), u.key(), u.name(), Map.of("Tilhoerer", List.of(orgUuid), "Overordnet",
                        u.parent() == null ? List.of() : List.of(u.parent())),
                        snap -> OrganisationResponses.unit(snap, u, orgUuid)));
            }
        } else {
            for (SimulatorData.OrgFunction f : org.functions()) {
                out.add(new Obj(f.uuid(), f.key(), f.name(), Map.of("Funktionstype",
                        f.type() == null ? List.of() : List.of(f.type()), "TilknyttedeBrugere", f.users(),
                        "TilknyttedeEnheder", f.units()), snap -> OrganisationResponses.function(snap, f)));
            }
        }
        return out;
    }

    private static Optional<Obj> find(List<Obj> all, UUID uuid) {
        return all.stream().filter(o -> o.uuid().equals(uuid)).findFirst();
    }

    private static Element snapshot(Kind kind, Element output) {
        return Xml.el(output, kind.ns(), kind.prefix() + ":FiltreretOejebliksbillede", null);
    }

    private static Element output(Kind kind, Element body, String name, int code, String text) {
        return SagDokReplies.output(body, kind.ns(), kind.prefix(), name, code, text);
    }
}

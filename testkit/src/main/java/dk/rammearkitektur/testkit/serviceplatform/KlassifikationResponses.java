package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * The simulated Klassifikation's replies to {@code soeg}, {@code laes} and {@code list}, built as DOM in the shapes of
 * the published KlasseService 7 contract (its own code; nothing is shared with the client).
 */
final class KlassifikationResponses {
    static final String KLASSE = "http://stoettesystemerne.dk/klassifikation/klasse/7/";
    static final String SD = "urn:oio:sagdok:3.0.0";
    /** The binding's SOAP actions by request element (Klasse.wsdl, SOAP 1.2). */
    static final java.util.Map<String, String> ACTIONS = java.util.Map.of(
            "SoegInput", "http://kombit.dk/sts/klassifikation/klasse/soeg",
            "LaesInput", "http://kombit.dk/sts/klassifikation/klasse/laes",
            "ListInput", "http://kombit.dk/sts/klassifikation/klasse/list");

    private KlassifikationResponses() {
    }

    /** Answers {@code input} into {@code body}; {@code status} (not null) replaces the answer with that StatusKode. */
    static void answer(Element body, Element input, KlassifikationData data, Fault status) {
        String op = input.getLocalName();
        String out = SagDokReplies.outputName(op);
        if (status != null) {
            output(body, out, Integer.parseInt(status.code()), "simulated status " + status.code());
            return;
        }
        switch (op) {
            case "SoegInput": {
                Element attributes = Xml.kid(input, KLASSE, "AttributListe");
                Element egenskab = attributes == null ? null : Xml.kid(attributes, KLASSE, "Egenskab");
                String key = egenskab == null ? null : Xml.text(egenskab, SD, "BrugervendtNoegleTekst");
                UUID facet = null;
                Element relations = Xml.kid(input, KLASSE, "RelationListe");
                Element f = relations == null ? null : Xml.kid(relations, SD, "Facet");
                Element ref = f == null ? null : Xml.kid(f, SD, "ReferenceID");
                String id = ref == null ? null : Xml.text(ref, SD, "UUIDIdentifikator");
                if (id != null) {
                    facet = UUID.fromString(id);
                }
                long max = SagDokReplies.number(Xml.text(input, SD, "MaksimalAntalKvantitet"), Long.MAX_VALUE);
                long first = SagDokReplies.number(Xml.text(input, SD, "FoersteResultatReference"), 0);
                if (max < 0 || first < 0) {
                    output(body, out, 40, "FoersteResultatReference and MaksimalAntalKvantitet must not be negative");
                    return;
                }
                List<KlassifikationData.Klasse> found = key == null ? List.of() : data.find(key, facet);
                Element o = output(body, out, 20, null);
                Element list = Xml.el(o, SD, "sd:IdListe", null);
                for (int i = (int) Math.min(first, found.size()); i < found.size() && i - first < max; i++) {
                    Xml.el(list, SD, "sd:UUIDIdentifikator", found.get(i).uuid());
                }
                return;
            }
            case "LaesInput": {
                Element o = output(body, out, 20, null);
                data.get(UUID.fromString(Xml.text(input, SD, "UUIDIdentifikator")))
                        .ifPresent(k -> snapshot(o, k));
                return;
            }
            default: {
                List<KlassifikationData.Klasse> found = new ArrayList<>();
                for (Element e : Xml.kids(input)) {
                    if (SD.equals(e.getNamespaceURI()) && "UUIDIdentifikator".equals(e.getLocalName())) {
                        data.get(UUID.fromString(e.getTextContent().trim())).ifPresent(found::add);
                    }
                }
                Element o = output(body, out, 20, null);
                found.forEach(k -> snapshot(o, k));
            }
        }
    }

    private static Element output(Element body, String name, int code, String text) {
        return SagDokReplies.output(body, KLASSE, "klasse", name, code, text);
    }

    /** One FiltreretOejebliksbillede: ObjektID, one Registrering with Egenskab, PubliceretStatus and Facet. */
    private static void snapshot(Element out, KlassifikationData.Klasse k) {
        Element snap = Xml.el(out, KLASSE, "klasse:FiltreretOejebliksbillede", null);
        Xml.el(Xml.el(snap, KLASSE, "klasse:ObjektID", null), SD, "sd:UUIDIdentifikator", k.uuid());
        Element reg = Xml.el(snap, KLASSE, "klasse:Registrering", null);
        Xml.el(reg, SD, "sd:Tidspunkt", k.validFrom());
        Xml.el(reg, SD, "sd:LivscyklusKode", "Importeret");
        Element egenskab = Xml.el(Xml.el(reg, KLASSE, "klasse:AttributListe", null), KLASSE, "klasse:Egenskab", null);
        virkning(egenskab, k);
        Xml.el(egenskab, SD, "sd:BrugervendtNoegleTekst", k.key());
        Xml.el(egenskab, SD, "sd:TitelTekst", k.title());
        Element published = Xml.el(Xml.el(reg, KLASSE, "klasse:TilstandListe", null), KLASSE,
                "klasse:PubliceretStatus", null);
        virkning(published, k);
        Xml.el(published, SD, "sd:ErPubliceretIndikator", "true");
        Element facet = Xml.el(Xml.el(reg, KLASSE, "klasse:RelationListe", null), SD, "sd:Facet", null);
        virkning(facet, k);
        Xml.el(Xml.el(facet, SD, "sd:ReferenceID", null), SD, "sd:UUIDIdentifikator", k.facet());
    }

    private static void virkning(Element parent, KlassifikationData.Klasse k) {
        Xml.virkning(parent, SD, "sd:Virkning", k.validFrom(), k.validTo());
    }
}

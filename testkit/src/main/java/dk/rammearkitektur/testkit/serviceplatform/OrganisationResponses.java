package dk.rammearkitektur.testkit.serviceplatform;

import dk.rammearkitektur.testkit.serviceplatform.internal.Xml;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.w3c.dom.Element;

/**
 * Writes SF1500 Organisation 6 {@code FremsoegObjekthierarkiOutput} replies in the published shape (OrganisationSystem
 * 6 operations, LoRa {@code FiltreretOejebliksbillede} registrations with Virkning and Gyldighed), one page at a time.
 * The organisation's units, users and functions ({@link SimulatorData.Organisation#functions()}) are written, by the
 * same writers the object services (Bruger, OrganisationEnhed, OrganisationFunktion) use; each list is cut
 * to the page ({@code FoersteResultatReference}, {@code MaksimalAntalKvantitet}) on its own, which is the simulator's
 * reading of the paging fields.
 */
final class OrganisationResponses {
    static final String STS = "http://stoettesystemerne.dk/organisation/organisationsystem/6/";
    static final String SD = "urn:oio:sagdok:3.0.0";
    static final String ORG = "http://stoettesystemerne.dk/organisation/organisation/6/";
    static final String ENHED = "http://stoettesystemerne.dk/organisation/organisationenhed/6/";
    static final String FUNK = "http://stoettesystemerne.dk/organisation/organisationfunktion/6/";
    static final String BRUGER = "http://stoettesystemerne.dk/organisation/bruger/6/";
    static final String FAELLES = "http://stoettesystemerne.dk/organisation/6/";
    static final String REQUEST_HEADER = "http://kombit.dk/xml/schemas/RequestHeader/1/";
    /** The registration time and start of validity of the seeded objects. */
    static final Instant SINCE = Instant.parse("2015-01-01T00:00:00Z");

    private OrganisationResponses() {
    }

    /** A page with StandardRetur 20 and the objects of {@code found} from {@code first}, at most {@code max} per list. */
    static void page(Element body, Optional<SimulatorData.Organisation> found, int first, int max) {
        Element out = output(body, 20, null);
        List<SimulatorData.OrgUnit> units = found.map(SimulatorData.Organisation::units).orElse(List.of());
        List<SimulatorData.User> users = found.map(SimulatorData.Organisation::users).orElse(List.of());
        List<SimulatorData.OrgFunction> functions = found.map(SimulatorData.Organisation::functions).orElse(List.of());
        UUID orgUuid = found.map(SimulatorData.Organisation::uuid).orElse(null);
        Element orgs = Xml.el(out, STS, "sts:Organisationer", null);
        if (found.isPresent() && first == 0 && max > 0) {
            Element snap = Xml.el(orgs, STS, "sts:FiltreretOejebliksbillede", null);
            Element reg = registration(objekt(snap, ORG, "org", orgUuid), ORG, "org");
            Element egenskab = Xml.el(Xml.el(reg, ORG, "org:AttributListe", null), ORG, "org:Egenskab", null);
            virkning(egenskab);
            Xml.el(egenskab, SD, "sd:BrugervendtNoegleTekst", found.get().municipalityCvr());
            Xml.el(egenskab, SD, "sd:OrganisationNavn", found.get().name());
            gyldighed(reg, ORG, "org");
            Xml.el(reg, ORG, "org:RelationListe", null);
        }
        Element enheder = Xml.el(out, STS, "sts:OrganisationEnheder", null);
        for (SimulatorData.OrgUnit u : slice(units, first, max)) {
            unit(Xml.el(enheder, STS, "sts:FiltreretOejebliksbillede", null), u, orgUuid);
        }
        Element funktioner = Xml.el(out, STS, "sts:OrganisationFunktioner", null);
        for (SimulatorData.OrgFunction f : slice(functions, first, max)) {
            function(Xml.el(funktioner, STS, "sts:FiltreretOejebliksbillede", null), f);
        }
        Element brugere = Xml.el(out, STS, "sts:Brugere", null);
        for (SimulatorData.User u : slice(users, first, max)) {
            user(Xml.el(brugere, STS, "sts:FiltreretOejebliksbillede", null), u, orgUuid);
        }
        Xml.el(out, STS, "sts:Interessefaellesskaber", null);
        Xml.el(out, STS, "sts:ItSystemer", null);
    }

    /** Writes a unit's ObjektType and Registrering (key, EnhedNavn, Aktiv, Overordnet, Tilhoerer) into {@code snap}. */
    static void unit(Element snap, SimulatorData.OrgUnit u, UUID orgUuid) {
        Element reg = registration(objekt(snap, ENHED, "orgenhed", u.uuid()), ENHED, "orgenhed");
        Element egenskab = Xml.el(Xml.el(reg, ENHED, "orgenhed:AttributListe", null), ENHED, "orgenhed:Egenskab", null);
        virkning(egenskab);
        if (u.key() != null) {
            Xml.el(egenskab, SD, "sd:BrugervendtNoegleTekst", u.key());
        }
        Xml.el(egenskab, SD, "sd:EnhedNavn", u.name());
        gyldighed(reg, ENHED, "orgenhed");
        Element rel = Xml.el(reg, ENHED, "orgenhed:RelationListe", null);
        relation(rel, "sd:Overordnet", u.parent());
        relation(rel, "sd:Tilhoerer", orgUuid);
    }

    /**
     * Writes a function's ObjektType and Registrering (key, FunktionNavn, Aktiv, Funktionstype, TilknyttedeBrugere,
     * TilknyttedeEnheder) into {@code snap}.
     */
    static void function(Element snap, SimulatorData.OrgFunction f) {
        Element reg = registration(objekt(snap, FUNK, "orgfunk", f.uuid()), FUNK, "orgfunk");
        Element egenskab = Xml.el(Xml.el(reg, FUNK, "orgfunk:AttributListe", null), FUNK, "orgfunk:Egenskab", null);
        virkning(egenskab);
        if (f.key() != null) {
            Xml.el(egenskab, SD, "sd:BrugervendtNoegleTekst", f.key());
        }
        Xml.el(egenskab, SD, "sd:FunktionNavn", f.name());
        gyldighed(reg, FUNK, "orgfunk");
        Element rel = Xml.el(reg, FUNK, "orgfunk:RelationListe", null);
        relation(rel, "sd:Funktionstype", f.type());
        f.users().forEach(user -> relation(rel, "sd:TilknyttedeBrugere", user));
        f.units().forEach(unit -> relation(rel, "sd:TilknyttedeEnheder", unit));
    }

    /**
     * Writes a user's ObjektType and Registrering (user name as key, BrugerNavn, Aktiv, Tilhoerer, and its units as
     * TilknyttedeEnheder; the functions tie user and unit as well) into {@code snap}.
     */
    static void user(Element snap, SimulatorData.User u, UUID orgUuid) {
        Element reg = registration(objekt(snap, BRUGER, "bruger", u.uuid()), BRUGER, "bruger");
        Element egenskab = Xml.el(Xml.el(reg, BRUGER, "bruger:AttributListe", null), BRUGER, "bruger:Egenskab", null);
        virkning(egenskab);
        Xml.el(egenskab, SD, "sd:BrugervendtNoegleTekst", u.userName());
        if (u.name() != null) {
            Xml.el(egenskab, SD, "sd:BrugerNavn", u.name());
        }
        gyldighed(reg, BRUGER, "bruger");
        Element rel = Xml.el(reg, BRUGER, "bruger:RelationListe", null);
        relation(rel, "sd:Tilhoerer", orgUuid);
        u.units().forEach(unit -> relation(rel, "sd:TilknyttedeEnheder", unit));
    }

    /** A reply with only {@code StandardRetur}: the status code and its text. */
    static void status(Element body, int code, String text) {
        Element out = output(body, code, text);
        for (String list : new String[] {"Organisationer", "OrganisationEnheder", "OrganisationFunktioner", "Brugere",
            "Interessefaellesskaber", "ItSystemer"}) {
            Xml.el(out, STS, "sts:" + list, null);
        }
    }

    /** Echoes the request's TransactionUUID in the reply's RequestHeader (the binding's output header part). */
    static void requestHeader(Element replyHeader, String transactionUuid) {
        Element rh = Xml.el(replyHeader, REQUEST_HEADER, "rh:RequestHeader", null);
        rh.setAttributeNS(Xml.XMLNS, "xmlns:rh", REQUEST_HEADER);
        Xml.el(rh, REQUEST_HEADER, "rh:TransactionUUID", transactionUuid);
    }

    private static Element output(Element body, int code, String text) {
        Element out = Xml.el(body, STS, "sts:FremsoegObjekthierarkiOutput", null);
        for (String[] ns : new String[][] {{"sts", STS}, {"sd", SD}, {"org", ORG}, {"orgenhed", ENHED},
            {"orgfunk", FUNK}, {"bruger", BRUGER}, {"orgfaelles", FAELLES}}) {
            out.setAttributeNS(Xml.XMLNS, "xmlns:" + ns[0], ns[1]);
        }
        Element retur = Xml.el(out, SD, "sd:StandardRetur", null);
        Xml.el(retur, SD, "sd:StatusKode", code);
        if (text != null) {
            Xml.el(retur, SD, "sd:FejlbeskedTekst", text);
        }
        return out;
    }

    private static <T> List<T> slice(List<T> all, int first, int max) {
        if (first >= all.size() || max <= 0) {
            return List.of();
        }
        return all.subList(first, (int) Math.min(all.size(), (long) first + max));
    }

    /** Writes {@code <prefix>:ObjektType} with {@code uuid} into {@code snap}; returns {@code snap}. */
    private static Element objekt(Element snap, String ns, String prefix, UUID uuid) {
        Xml.el(Xml.el(snap, ns, prefix + ":ObjektType", null), SD, "sd:UUIDIdentifikator", uuid);
        return snap;
    }

    private static Element registration(Element snapshot, String ns, String prefix) {
        Element reg = Xml.el(snapshot, ns, prefix + ":Registrering", null);
        Xml.el(reg, SD, "sd:Tidspunkt", SINCE);
        Xml.el(reg, SD, "sd:LivscyklusKode", "Importeret");
        return reg;
    }

    private static void gyldighed(Element reg, String ns, String prefix) {
        Element g = Xml.el(Xml.el(reg, ns, prefix + ":TilstandListe", null), FAELLES, "orgfaelles:Gyldighed", null);
        virkning(g);
        Xml.el(g, FAELLES, "orgfaelles:GyldighedStatusKode", "Aktiv");
    }

    private static void relation(Element relationList, String qname, UUID target) {
        if (target == null) {
            return;
        }
        Element r = Xml.el(relationList, SD, qname, null);
        virkning(r);
        Xml.el(Xml.el(r, SD, "sd:ReferenceID", null), SD, "sd:UUIDIdentifikator", target);
    }

    /** Virkning from {@link #SINCE}, open-ended. */
    private static void virkning(Element parent) {
        Element v = Xml.el(parent, SD, "sd:Virkning", null);
        Xml.el(Xml.el(v, SD, "sd:FraTidspunkt", null), SD, "sd:TidsstempelDatoTid", SINCE);
        Xml.el(Xml.el(v, SD, "sd:TilTidspunkt", null), SD, "sd:GraenseIndikator", "true");
    }
}

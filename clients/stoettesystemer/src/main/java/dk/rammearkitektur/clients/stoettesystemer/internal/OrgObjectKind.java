package dk.rammearkitektur.clients.stoettesystemer.internal;

import java.util.List;

/**
 * The three Organisation 6 (SF1500) object services the SDK reads: Bruger (user), OrganisationEnhed (organisation
 * unit) and OrganisationFunktion (function). Each has its own namespace, service path, SOAP actions (the published
 * {@code Bruger.wsdl}, {@code OrganisationEnhed.wsdl}, {@code OrganisationFunktion.wsdl}, SOAP 1.2 bindings), name
 * attribute and relations (those the SDK sends or reads, in the order of the published {@code RelationListeType}).
 */
public enum OrgObjectKind {
    /** Bruger: key and BrugerNavn; Tilhoerer, TilknyttedeEnheder, TilknyttedeFunktioner. */
    BRUGER("bruger", "bruger", "BrugerNavn", List.of("Tilhoerer", "TilknyttedeEnheder", "TilknyttedeFunktioner")),
    /** OrganisationEnhed: key and EnhedNavn; Enhedstype, Overordnet, Tilhoerer. */
    ORGANISATION_ENHED("organisationenhed", "orgenhed", "EnhedNavn", List.of("Enhedstype", "Overordnet",
            "Tilhoerer")),
    /** OrganisationFunktion: key and FunktionNavn; Funktionstype, TilknyttedeBrugere, TilknyttedeEnheder. */
    ORGANISATION_FUNKTION("organisationfunktion", "orgfunk", "FunktionNavn", List.of("Funktionstype",
            "TilknyttedeBrugere", "TilknyttedeEnheder"));

    private final String service;
    private final String prefix;
    private final String nameElement;
    private final List<String> relations;

    OrgObjectKind(String service, String prefix, String nameElement, List<String> relations) {
        this.service = service;
        this.prefix = prefix;
        this.nameElement = nameElement;
        this.relations = relations;
    }

    /** The service's path segment, e.g. {@code bruger} (its endpoint is {@code <base>organisation/bruger/6/}). */
    public String service() {
        return service;
    }

    /** The object's namespace, e.g. {@code http://stoettesystemerne.dk/organisation/bruger/6/}. */
    public String namespace() {
        return "http://stoettesystemerne.dk/organisation/" + service + "/6/";
    }

    /** The prefix the SDK writes the namespace with (the published schemas' own). */
    public String prefix() {
        return prefix;
    }

    /** The sagdok element of the object's name in its {@code Egenskab}, e.g. {@code BrugerNavn}. */
    public String nameElement() {
        return nameElement;
    }

    /** The relations the SDK sends or reads, in the published {@code RelationListeType}'s order. */
    public List<String> relations() {
        return relations;
    }

    /** The binding's SOAP action of {@code operation} ({@code soeg}, {@code laes}, {@code list}). */
    public String action(String operation) {
        return "http://kombit.dk/sts/organisation/" + service + "/" + operation;
    }
}

/**
 * The shared domain model (sag, dokument, part, ydelse) with its JSON and XML forms. Exports the API packages; the
 * binding classes in {@code internal.bind} are opened to Jackson and JAXB only, which read them reflectively.
 */
module dk.rammearkitektur.model {
    requires transitive dk.rammearkitektur.core;
    requires transitive com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.annotation;
    requires com.fasterxml.jackson.core;
    requires com.fasterxml.jackson.datatype.jsr310;
    requires jakarta.xml.bind;

    exports dk.rammearkitektur.model;
    exports dk.rammearkitektur.model.json;
    exports dk.rammearkitektur.model.xml;

    opens dk.rammearkitektur.model.internal.bind to com.fasterxml.jackson.databind, jakarta.xml.bind;
}

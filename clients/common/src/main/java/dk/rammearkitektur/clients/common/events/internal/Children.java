package dk.rammearkitektur.clients.common.events.internal;

import dk.rammearkitektur.core.ValidationException;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * Reads an element's children in schema order: each call takes the next child if it has the expected name, and
 * {@link #end()} refuses whatever is left. Paths are dotted element names with an index for repeated elements.
 */
final class Children {
    private final String path;
    private final List<Element> elements;
    private int next;

    Children(Element parent, String path) {
        this.path = path;
        this.elements = Payloads.elements(parent, path);
    }

    /** The path of the child {@code name}. */
    String path(String name) {
        return path + "." + name;
    }

    /** The next child if it is {@code ns:name}, else null; a child of that name in another namespace is refused. */
    Element optional(String ns, String name) {
        if (next >= elements.size()) {
            return null;
        }
        Element e = elements.get(next);
        if (!name.equals(e.getLocalName())) {
            return null;
        }
        if (!ns.equals(e.getNamespaceURI())) {
            throw new ValidationException(path(name), "must be in the namespace " + ns);
        }
        next++;
        return e;
    }

    /** The next child, which must be {@code ns:name}. */
    Element one(String ns, String name) {
        Element e = optional(ns, name);
        if (e == null) {
            throw new ValidationException(path(name), "is required");
        }
        return e;
    }

    /** Every next child named {@code ns:name}. */
    List<Element> many(String ns, String name) {
        List<Element> out = new ArrayList<>();
        for (Element e = optional(ns, name); e != null; e = optional(ns, name)) {
            out.add(e);
        }
        return out;
    }

    /** Refuses a child that was not read. */
    void end() {
        if (next < elements.size()) {
            throw new ValidationException(path(elements.get(next).getLocalName()), "is not allowed here");
        }
    }
}

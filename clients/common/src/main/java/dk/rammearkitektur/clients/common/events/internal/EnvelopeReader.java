package dk.rammearkitektur.clients.common.events.internal;

import static dk.rammearkitektur.clients.common.events.internal.Namespaces.BESKEDFORDELER;
import static dk.rammearkitektur.clients.common.events.internal.Namespaces.KUVERT;
import static dk.rammearkitektur.clients.common.events.internal.Namespaces.SAGDOK;
import static dk.rammearkitektur.clients.common.events.internal.Namespaces.STS;

import dk.rammearkitektur.clients.common.events.DeliveryInfo;
import dk.rammearkitektur.clients.common.events.DeliveryRoute;
import dk.rammearkitektur.clients.common.events.EventFilter;
import dk.rammearkitektur.clients.common.events.EventMessage;
import dk.rammearkitektur.clients.common.events.EventPayload;
import dk.rammearkitektur.clients.common.events.EventTime;
import dk.rammearkitektur.clients.common.events.ObjectRegistration;
import dk.rammearkitektur.clients.common.events.RecipientAction;
import dk.rammearkitektur.clients.common.events.RelatedObject;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a {@code Haendelsesbesked} (bare, or in {@code ModtagBeskedInput} or {@code AfsendBeskedInput}) into an
 * {@link EventMessage}, element by element in schema order. Local extensions and {@code KildesystemAkkreditiver} are
 * checked for place only and not kept.
 */
public final class EnvelopeReader {
    /** The largest document read: 10 MiB. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    private static final String ROOT = "Haendelsesbesked";

    /**
     * A hardened builder ({@link SecureXml#documentBuilderFactory()}) per thread, reused for the thread's consecutive parses:
     * making one (factory, features, parser configuration) cost several times more than parsing a small envelope,
     * about 70% of a subscription's CPU per message. A builder is not thread-safe, but it may parse one document after
     * another, and its features and limits stay as SecureXml set them; after a failed parse the thread gets a new one.
     */
    private static final ThreadLocal<DocumentBuilder> BUILDER = ThreadLocal.withInitial(EnvelopeReader::newBuilder);
    /** Xerces' deferred DOM allocates node tables sized for big documents: a fifth of the parse of an envelope. */
    private static final String DEFER_NODE_EXPANSION = "http://apache.org/xml/features/dom/defer-node-expansion";

    /** SecureXml's hardened builder, with the DOM built at once (envelopes are small). */
    private static DocumentBuilder newBuilder() {
        try {
            DocumentBuilderFactory f = SecureXml.documentBuilderFactory();
            f.setFeature(DEFER_NODE_EXPANSION, false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            b.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused");
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("cannot create a hardened DocumentBuilder", e);
        }
    }

    private EnvelopeReader() {
    }

    /** Reads at most {@link #MAX_BYTES} from {@code in} and parses them. */
    public static EventMessage read(InputStream in) {
        Objects.requireNonNull(in, "in == null");
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            throw new ValidationException(ROOT, "could not be read", e);
        }
        return read(bytes);
    }

    /** Parses a document. */
    public static EventMessage read(byte[] xml) {
        Objects.requireNonNull(xml, "xml == null");
        if (xml.length > MAX_BYTES) {
            throw new ValidationException(ROOT, "must not exceed " + MAX_BYTES + " bytes");
        }
        Element root;
        try {
            root = BUILDER.get().parse(new ByteArrayInputStream(xml)).getDocumentElement();
        } catch (SAXException | IOException e) {
            BUILDER.remove(); // the next parse on this thread starts with a fresh builder
            throw new ValidationException(ROOT, "must be well-formed XML without a DOCTYPE", SecureXml.translate(e));
        }
        return message(unwrap(root));
    }

    private static Element unwrap(Element root) {
        String ns = root.getNamespaceURI();
        String name = root.getLocalName();
        if (KUVERT.equals(ns) && ROOT.equals(name)) {
            return root;
        }
        if ((STS.equals(ns) && "ModtagBeskedInput".equals(name)) || (BESKEDFORDELER.equals(ns) && "AfsendBeskedInput".equals(name))) {
            Children c = new Children(root, name);
            Element message = c.one(KUVERT, ROOT);
            c.end();
            return message;
        }
        throw new ValidationException(ROOT, "must be the document element, or inside ModtagBeskedInput (" + STS
                + ") or AfsendBeskedInput (" + BESKEDFORDELER + ")");
    }

    private static EventMessage message(Element e) {
        Children c = new Children(e, ROOT);
        String id = Leaves.unikId(c.one(KUVERT, "BeskedId"), c.path("BeskedId"));
        String version = Values.text(Leaves.text(c.one(KUVERT, "BeskedVersion"), c.path("BeskedVersion")), c.path("BeskedVersion"), true);
        Element envelope = c.one(KUVERT, "Beskedkuvert");
        List<Element> data = c.many(KUVERT, "Beskeddata");
        c.end();
        Children k = new Children(envelope, c.path("Beskedkuvert"));
        EventFilter filter = filter(k.one(KUVERT, "Filtreringsdata"), k.path("Filtreringsdata"));
        DeliveryInfo delivery = delivery(k.one(KUVERT, "Leveranceinformation"), k.path("Leveranceinformation"));
        RecipientAction action = optional(k, "Modtagerhandling", EnvelopeReader::recipientAction);
        EventTime from = optional(k, "GyldighedFra", Leaves::time);
        EventTime to = optional(k, "GyldighedTil", Leaves::time);
        k.end();
        return new EventMessage(id, version, filter, delivery, action, from, to, indexed(data, c.path("Beskeddata"),
                (d, path) -> new EventPayload(Payloads.write(d, path))));
    }

    private static EventFilter filter(Element e, String path) {
        Children c = new Children(e, path);
        String type = Leaves.unikId(c.one(KUVERT, "Beskedtype"), c.path("Beskedtype"));
        var responsible = optional(c, "BeskedAnsvarligAktoer", Leaves::actor);
        List<String> recipients = indexed(c.many(KUVERT, "TilladtModtager"), c.path("TilladtModtager"), Leaves::unikId);
        List<RelatedObject> objects = indexed(c.many(KUVERT, "RelateretObjekt"), c.path("RelateretObjekt"),
                EnvelopeReader::relatedObject);
        List<ObjectRegistration> registrations = indexed(c.many(KUVERT, "ObjektRegistrering"), c.path("ObjektRegistrering"),
                EnvelopeReader::objectRegistration);
        List<String> processes = indexed(c.many(KUVERT, "TvaergaaendeProces"), c.path("TvaergaaendeProces"), Leaves::unikId);
        c.end();
        return new EventFilter(type, responsible, recipients, objects, registrations, processes);
    }

    private static RelatedObject relatedObject(Element e, String path) {
        Children c = new Children(e, path);
        String id = Leaves.unikId(c.one(KUVERT, "ObjektId"), c.path("ObjektId"));
        String type = Leaves.unikId(c.one(KUVERT, "ObjektType"), c.path("ObjektType"));
        String role = optional(c, "ObjektRolle", Leaves::unikId);
        c.end();
        return new RelatedObject(id, type, role);
    }

    private static ObjectRegistration objectRegistration(Element e, String path) {
        Children c = new Children(e, path);
        String id = optional(c, "ObjektRegistreringId", Leaves::unikId);
        var actor = optional(c, "RegistreringsAktoer", Leaves::actor);
        EventTime at = optional(c, "Registreringstidspunkt", Leaves::time);
        String authority = optional(c, "ObjektAnsvarligMyndighed", Leaves::unikId);
        String objectId = optional(c, "ObjektId", Leaves::unikId);
        String objectType = optional(c, "ObjektType", Leaves::unikId);
        String action = optional(c, "ObjektHandling", Leaves::unikId);
        String subject = optional(c, "OpgaveEmne", Leaves::unikId);
        c.optional(KUVERT, "ObjektRegistreringLokalUdvidelse");
        c.end();
        return new ObjectRegistration(id, actor, at, authority, objectId, objectType, action, subject);
    }

    private static DeliveryInfo delivery(Element e, String path) {
        Children c = new Children(e, path);
        EventTime created = optional(c, "Dannelsestidspunkt", Leaves::time);
        String transaction = optional(c, "TransaktionsId", Leaves::unikId);
        var source = optional(c, "Kildesystem", Leaves::actor);
        String ip = optional(c, "KildesystemIPAdresse", Leaves::text);
        optional(c, "KildesystemAkkreditiver", Leaves::text);
        String classification = optional(c, "Sikkerhedsklassificering", Leaves::unikId);
        List<DeliveryRoute> routes = optional(c, "Leveranceruter", EnvelopeReader::routes);
        c.optional(KUVERT, "LeveranceinformationLokalUdvidelse");
        c.end();
        return new DeliveryInfo(created, transaction, source, ip, classification, routes);
    }

    private static List<DeliveryRoute> routes(Element e, String path) {
        Children c = new Children(e, path);
        List<DeliveryRoute> routes = indexed(c.many(KUVERT, "Leverancerute"), c.path("Leverancerute"), EnvelopeReader::route);
        c.end();
        return routes;
    }

    private static DeliveryRoute route(Element e, String path) {
        Children c = new Children(e, path);
        String system = optional(c, "Fordelingssystem", Leaves::unikId);
        EventTime received = optional(c, "ModtagelsesTidspunkt", Leaves::time);
        EventTime delivered = optional(c, "LeveranceTidspunkt", Leaves::time);
        var from = optional(c, "ModtagetFraSystem", Leaves::actor);
        String pursuantTo = optional(c, "ErLeveretIHenholdTil", Leaves::unikId);
        Integer attempts = optional(c, "LeveranceruteLokalUdvidelse", EnvelopeReader::attempts);
        c.end();
        return new DeliveryRoute(system, received, delivered, from, pursuantTo, attempts);
    }

    private static Integer attempts(Element e, String path) {
        return optional(new Children(e, path), "AntalLeveranceforsoeg", Leaves::count);
    }

    private static RecipientAction recipientAction(Element e, String path) {
        Children c = new Children(e, path);
        String action = optional(c, "Handling", Leaves::unikId);
        var recipient = optional(c, "Responsmodtager", Leaves::actor);
        c.end();
        return new RecipientAction(action, recipient);
    }

    private static <T> T optional(Children c, String name, BiFunction<Element, String, T> read) {
        Element e = c.optional(KUVERT, name);
        return e == null ? null : read.apply(e, c.path(name));
    }

    private static <T> List<T> indexed(List<Element> elements, String path, BiFunction<Element, String, T> read) {
        List<T> out = new ArrayList<>();
        for (int i = 0; i < elements.size(); i++) {
            out.add(read.apply(elements.get(i), path + "[" + i + "]"));
        }
        return out;
    }
}

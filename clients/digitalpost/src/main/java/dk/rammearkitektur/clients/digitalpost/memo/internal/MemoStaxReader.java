package dk.rammearkitektur.clients.digitalpost.memo.internal;

import static dk.rammearkitektur.clients.digitalpost.memo.internal.MemoNames.DMV;
import static dk.rammearkitektur.clients.digitalpost.memo.internal.MemoNames.FORM;
import static dk.rammearkitektur.clients.digitalpost.memo.internal.MemoNames.GLN;
import static dk.rammearkitektur.clients.digitalpost.memo.internal.MemoNames.GRD;
import static dk.rammearkitektur.clients.digitalpost.memo.internal.MemoNames.KLE;
import static dk.rammearkitektur.clients.digitalpost.memo.internal.MemoNames.MEMO;
import static dk.rammearkitektur.clients.digitalpost.memo.internal.MemoNames.SOR;
import static dk.rammearkitektur.clients.digitalpost.memo.internal.MemoNames.UDD;

import dk.rammearkitektur.clients.digitalpost.memo.Action;
import dk.rammearkitektur.clients.digitalpost.memo.ActionCode;
import dk.rammearkitektur.clients.digitalpost.memo.AdditionalContentData;
import dk.rammearkitektur.clients.digitalpost.memo.AdditionalDocument;
import dk.rammearkitektur.clients.digitalpost.memo.AdditionalReplyData;
import dk.rammearkitektur.clients.digitalpost.memo.AddressPoint;
import dk.rammearkitektur.clients.digitalpost.memo.AttentionData;
import dk.rammearkitektur.clients.digitalpost.memo.AttentionPerson;
import dk.rammearkitektur.clients.digitalpost.memo.ContactInfo;
import dk.rammearkitektur.clients.digitalpost.memo.ContactPoint;
import dk.rammearkitektur.clients.digitalpost.memo.ContentData;
import dk.rammearkitektur.clients.digitalpost.memo.ContentResponsible;
import dk.rammearkitektur.clients.digitalpost.memo.CprData;
import dk.rammearkitektur.clients.digitalpost.memo.CvrData;
import dk.rammearkitektur.clients.digitalpost.memo.Education;
import dk.rammearkitektur.clients.digitalpost.memo.Eid;
import dk.rammearkitektur.clients.digitalpost.memo.Email;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.FileContentSink;
import dk.rammearkitektur.clients.digitalpost.memo.FormData;
import dk.rammearkitektur.clients.digitalpost.memo.ForwardData;
import dk.rammearkitektur.clients.digitalpost.memo.GeneratingSystem;
import dk.rammearkitektur.clients.digitalpost.memo.GlobalLocationNumber;
import dk.rammearkitektur.clients.digitalpost.memo.KleData;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.MessageType;
import dk.rammearkitektur.clients.digitalpost.memo.MotorVehicle;
import dk.rammearkitektur.clients.digitalpost.memo.ProductionUnit;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.ReplyData;
import dk.rammearkitektur.clients.digitalpost.memo.Representative;
import dk.rammearkitektur.clients.digitalpost.memo.Reservation;
import dk.rammearkitektur.clients.digitalpost.memo.SeNumber;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.clients.digitalpost.memo.SorData;
import dk.rammearkitektur.clients.digitalpost.memo.TechnicalDocument;
import dk.rammearkitektur.clients.digitalpost.memo.Telephone;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import dk.rammearkitektur.clients.digitalpost.memo.CaseReference;
import dk.rammearkitektur.clients.digitalpost.memo.MemoAddress;

/**
 * Reads a MeMo message with a hardened streaming parser ({@link SecureXml#createStreamReader(InputStream)}).
 * Elements must come in the schema's order; values that do not parse are reported with their field path together
 * with the model's own rules; file content is Base64-decoded on the fly into a {@link FileContentSink}.
 */
public final class MemoStaxReader {
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String PRESENT = "must be present";

    private final XMLStreamReader r;
    private final FileContentSink sink;
    private final Violations pv = Violations.at("");
    private final List<FileContentSink.Target> received = new ArrayList<>();

    private MemoStaxReader(XMLStreamReader r, FileContentSink sink) {
        this.r = r;
        this.sink = sink;
    }

    /** Reads one message document from {@code in}; does not close it. */
    public static MemoMessage read(InputStream in, FileContentSink sink) throws IOException {
        XMLStreamReader r = SecureXml.createStreamReader(in);
        try {
            r.nextTag();
            MemoMessage m = readElement(r, sink);
            while (r.hasNext()) {
                r.next();
            }
            return m;
        } catch (XMLStreamException e) {
            throw new XmlParseException("MeMo message could not be read: " + e.getMessage(), e);
        } finally {
            try {
                r.close();
            } catch (XMLStreamException e) {
                // nothing held beyond the caller's stream
            }
        }
    }

    /**
     * Reads a {@code memo:Message} element; {@code r} is positioned on its start tag and is left on its end tag.
     */
    public static MemoMessage readElement(XMLStreamReader r, FileContentSink sink) throws IOException {
        MemoStaxReader reader = new MemoStaxReader(r, sink);
        try {
            return reader.message();
        } catch (XMLStreamException e) {
            reader.discardAll();
            throw new XmlParseException("MeMo message could not be read: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            reader.discardAll();
            throw e;
        }
    }

    private void discardAll() {
        for (FileContentSink.Target t : received) {
            t.discard();
        }
    }

    // ---- structure ----

    private record El(String ns, String name, boolean many) {
    }

    private static El one(String ns, String name) {
        return new El(ns, name, false);
    }

    private static El many(String ns, String name) {
        return new El(ns, name, true);
    }

    @FunctionalInterface
    private interface Child {
        void read(String name) throws XMLStreamException, IOException;
    }

    /** Reads the children of the current element in schema order, leaving the reader on its end tag. */
    private void sequence(String path, List<El> order, Child child) throws XMLStreamException, IOException {
        int last = -1;
        boolean lastMany = false;
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String ns = r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
            String name = r.getLocalName();
            int index = -1;
            for (int i = 0; i < order.size(); i++) {
                if (order.get(i).name().equals(name) && order.get(i).ns().equals(ns)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                throw new ValidationException(path, "must not contain element " + describe(ns, name));
            }
            if (index < last || (index == last && !lastMany)) {
                throw new ValidationException(path, "element " + describe(ns, name) + " is repeated or out of schema order");
            }
            last = index;
            lastMany = order.get(index).many();
            child.read(name);
        }
    }

    private static String describe(String ns, String name) {
        for (String[] d : MemoNames.DECLARED) {
            if (d[1].equals(ns)) {
                return d[0] + ":" + name;
            }
        }
        return ns.isEmpty() ? name : "{" + ns + "}" + name;
    }

    private String text() throws XMLStreamException {
        return r.getElementText();
    }

    // ---- values ----

    private UUID uuid(String path) throws XMLStreamException {
        String s = text().strip();
        if (!UUID_TEXT.matcher(s).matches()) {
            pv.add(path, "must be a UUID such as 8c2b0c8e-2f8e-4c5a-9d3b-3f1f8a7e2b10");
            return null;
        }
        return UUID.fromString(s);
    }

    private Instant instant(String path) throws XMLStreamException {
        String s = text().strip();
        if (!s.endsWith("Z")) {
            pv.add(path, "must be a UTC date-time ending in Z");
            return null;
        }
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            pv.add(path, "must be a date-time such as 2025-03-03T12:00:00Z");
            return null;
        }
    }

    private LocalDate date(String path) throws XMLStreamException {
        String s = text().strip();
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            pv.add(path, "must be a date such as 2025-03-03");
            return null;
        }
    }

    private Boolean bool(String path) throws XMLStreamException {
        String s = text().strip();
        switch (s) {
            case "true", "1":
                return Boolean.TRUE;
            case "false", "0":
                return Boolean.FALSE;
            default:
                pv.add(path, "must be true or false");
                return null;
        }
    }

    private long number(String path) throws XMLStreamException {
        String s = text().strip();
        try {
            return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
        } catch (NumberFormatException e) {
            pv.add(path, "must be a whole number");
            return 0;
        }
    }

    private URI uri(String path) throws XMLStreamException {
        String s = text().strip();
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            pv.add(path, "must be an absolute https:// link");
            return null;
        }
    }

    // ---- message ----

    private MemoMessage message() throws XMLStreamException, IOException {
        if (!MEMO.equals(r.getNamespaceURI()) || !"Message".equals(r.getLocalName())) {
            throw new ValidationException("message", "must be a memo:Message element in namespace " + MEMO);
        }
        String versionText = null;
        String sch = null;
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            String name = r.getAttributeLocalName(i);
            if (XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI.equals(ns)) {
                continue;
            }
            if ((ns == null || ns.isEmpty()) && "memoVersion".equals(name)) {
                versionText = r.getAttributeValue(i);
            } else if ((ns == null || ns.isEmpty()) && "memoSchVersion".equals(name)) {
                sch = r.getAttributeValue(i);
            } else {
                pv.add("message", "must not have attribute " + name);
            }
        }
        MemoVersion version = null;
        if (versionText == null) {
            pv.add("message.version", "must be present (attribute memoVersion)");
        } else {
            version = MemoVersion.fromAttribute(versionText).orElse(null);
            if (version == null) {
                pv.add("message.version", "must be 1.1 or 1.2");
            }
        }
        MessageHeader[] header = {null};
        MessageBody[] body = {null};
        sequence("message", List.of(one(MEMO, "MessageHeader"), one(MEMO, "MessageBody")), name -> {
            if (name.equals("MessageHeader")) {
                header[0] = header("message.header");
            } else {
                body[0] = body("message.body");
            }
        });
        return build(version, sch, header[0], body[0]);
    }

    private MemoMessage build(MemoVersion version, String sch, MessageHeader header, MessageBody body) {
        List<Violation> found = new ArrayList<>(pv.list());
        MemoMessage m = null;
        try {
            if (version != null) {
                m = new MemoMessage(version, sch, header, body);
            }
        } catch (ValidationException e) {
            Set<String> seen = new HashSet<>();
            for (Violation v : found) {
                seen.add(v.path());
            }
            for (Violation v : e.violations()) {
                if (!seen.contains(v.path())) {
                    found.add(v);
                }
            }
        }
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
        return m;
    }

    private static final List<El> HEADER = List.of(one(MEMO, "messageType"), one(MEMO, "messageUUID"),
            one(MEMO, "messageID"), one(MEMO, "messageCode"), one(MEMO, "label"), one(MEMO, "notification"),
            one(MEMO, "additionalNotification"), one(MEMO, "reply"), one(MEMO, "replyByDateTime"),
            one(MEMO, "doNotDeliverUntilDate"), one(MEMO, "mandatory"), one(MEMO, "legalNotification"),
            one(MEMO, "postType"), one(MEMO, "Sender"), one(MEMO, "Recipient"), one(MEMO, "ContentData"),
            one(MEMO, "ForwardData"), many(MEMO, "ReplyData"));

    private MessageHeader header(String p) throws XMLStreamException, IOException {
        MessageHeader.Builder b = MessageHeader.builder(null).messageUuid(null);
        int[] replies = {0};
        sequence(p, HEADER, name -> {
            switch (name) {
                case "messageType" -> {
                    String s = text().strip();
                    try {
                        b.messageType(MessageType.valueOf(s));
                    } catch (IllegalArgumentException e) {
                        pv.add(p + ".messageType", "must be DIGITALPOST or NEMSMS");
                    }
                }
                case "messageUUID" -> b.messageUuid(uuid(p + ".messageUuid"));
                case "messageID" -> b.messageId(text());
                case "messageCode" -> b.messageCode(text());
                case "label" -> b.label(text());
                case "notification" -> b.notification(text());
                case "additionalNotification" -> b.additionalNotification(text());
                case "reply" -> b.reply(bool(p + ".reply"));
                case "replyByDateTime" -> b.replyByDateTime(instant(p + ".replyByDateTime"));
                case "doNotDeliverUntilDate" -> b.doNotDeliverUntilDate(date(p + ".doNotDeliverUntilDate"));
                case "mandatory" -> b.mandatory(bool(p + ".mandatory"));
                case "legalNotification" -> b.legalNotification(bool(p + ".legalNotification"));
                case "postType" -> b.postType(text());
                case "Sender" -> b.sender(sender(p + ".sender"));
                case "Recipient" -> b.recipient(recipient(p + ".recipient"));
                case "ContentData" -> b.contentData(contentData(p + ".contentData"));
                case "ForwardData" -> b.forwardData(forwardData(p + ".forwardData"));
                default -> b.addReplyData(replyData(p + ".replyData[" + replies[0]++ + "]"));
            }
        });
        return b.build();
    }

    private static final List<El> SENDER = List.of(one(MEMO, "senderID"), one(MEMO, "idType"), one(MEMO, "idTypeLabel"),
            one(MEMO, "label"), one(MEMO, "AttentionData"), one(MEMO, "ContactPoint"), one(MEMO, "Representative"));

    private Sender sender(String p) throws XMLStreamException, IOException {
        Sender.Builder b = Sender.builder();
        sequence(p, SENDER, name -> {
            switch (name) {
                case "senderID" -> b.senderId(text());
                case "idType" -> b.idType(text());
                case "idTypeLabel" -> b.idTypeLabel(text());
                case "label" -> b.label(text());
                case "AttentionData" -> b.attentionData(attentionData(p + ".attentionData"));
                case "ContactPoint" -> b.contactPoint(contactPoint(p + ".contactPoint"));
                default -> {
                    String[] v = new String[4];
                    sequence(p + ".representative", List.of(one(MEMO, "representativeID"), one(MEMO, "idType"),
                            one(MEMO, "idTypeLabel"), one(MEMO, "label")), n -> v[index(n, "representativeID", "idType", "idTypeLabel", "label")] = text());
                    b.representative(new Representative(v[0], v[1], v[2], v[3]));
                }
            }
        });
        return b.build();
    }

    private static int index(String name, String... names) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        throw new IllegalStateException("unexpected element " + name);
    }

    /** Reads an element whose children are all optional or required text, in the given order. */
    private String[] texts(String p, String ns, String... names) throws XMLStreamException, IOException {
        List<El> order = new ArrayList<>();
        for (String n : names) {
            order.add(one(ns, n));
        }
        String[] v = new String[names.length];
        sequence(p, order, n -> v[index(n, names)] = text());
        return v;
    }

    private static final List<El> RECIPIENT = List.of(one(MEMO, "recipientID"), one(MEMO, "idType"),
            one(MEMO, "idTypeLabel"), one(MEMO, "label"), one(MEMO, "AttentionData"), one(MEMO, "ContactPoint"));

    private Recipient recipient(String p) throws XMLStreamException, IOException {
        Recipient.Builder b = Recipient.builder();
        sequence(p, RECIPIENT, name -> {
            switch (name) {
                case "recipientID" -> b.recipientId(text());
                case "idType" -> b.idType(text());
                case "idTypeLabel" -> b.idTypeLabel(text());
                case "label" -> b.label(text());
                case "AttentionData" -> b.attentionData(attentionData(p + ".attentionData"));
                default -> b.contactPoint(contactPoint(p + ".contactPoint"));
            }
        });
        return b.build();
    }

    private static final List<El> ATTENTION = List.of(one(MEMO, "AttentionPerson"), one(GRD, "ProductionUnit"),
            one(GLN, "GlobalLocationNumber"), one(MEMO, "EMail"), one(GRD, "SEnumber"), one(MEMO, "Telephone"),
            one(GRD, "EID"), one(MEMO, "ContentResponsible"), one(MEMO, "GeneratingSystem"), one(SOR, "SORdata"),
            one(GRD, "Address"), one(GRD, "UnstructuredAddress"));

    private AttentionData attentionData(String p) throws XMLStreamException, IOException {
        AttentionData.Builder b = AttentionData.builder();
        sequence(p, ATTENTION, name -> {
            switch (name) {
                case "AttentionPerson" -> {
                    String[] v = texts(p + ".attentionPerson", MEMO, "personID", "label");
                    b.attentionPerson(new AttentionPerson(v[0], v[1]));
                }
                case "ProductionUnit" -> b.productionUnit(productionUnit(p + ".productionUnit"));
                case "GlobalLocationNumber" -> {
                    String gp = p + ".globalLocationNumber";
                    long[] n = {0};
                    boolean[] seen = {false};
                    String[] loc = {null};
                    sequence(gp, List.of(one(GLN, "globalLocationNumber"), one(GLN, "location")), n2 -> {
                        if (n2.equals("location")) {
                            loc[0] = text();
                        } else {
                            seen[0] = true;
                            n[0] = number(gp + ".globalLocationNumber");
                        }
                    });
                    pv.require(seen[0], gp + ".globalLocationNumber", PRESENT);
                    b.globalLocationNumber(new GlobalLocationNumber(n[0], loc[0]));
                }
                case "EMail" -> {
                    String[] v = texts(p + ".email", MEMO, "emailAddress", "relatedAgent");
                    b.email(new Email(v[0], v[1]));
                }
                case "SEnumber" -> {
                    String[] v = texts(p + ".seNumber", GRD, "seNumber", "companyName");
                    b.seNumber(new SeNumber(v[0], v[1]));
                }
                case "Telephone" -> {
                    String[] v = texts(p + ".telephone", MEMO, "telephoneNumber", "relatedAgent");
                    b.telephone(new Telephone(v[0], v[1]));
                }
                case "EID" -> {
                    String[] v = texts(p + ".eid", GRD, "eID", "label");
                    b.eid(new Eid(v[0], v[1]));
                }
                case "ContentResponsible" -> {
                    String[] v = texts(p + ".contentResponsible", MEMO, "contentResponsibleID", "label");
                    b.contentResponsible(new ContentResponsible(v[0], v[1]));
                }
                case "GeneratingSystem" -> {
                    String[] v = texts(p + ".generatingSystem", MEMO, "generatingSystemID", "label");
                    b.generatingSystem(new GeneratingSystem(v[0], v[1]));
                }
                case "SORdata" -> {
                    String[] v = texts(p + ".sorData", SOR, "sorIdentifier", "entryName");
                    b.sorData(new SorData(v[0], v[1]));
                }
                case "Address" -> b.address(address(p + ".address"));
                default -> b.unstructuredAddress(unstructured(p + ".unstructuredAddress"));
            }
        });
        return b.build();
    }

    private ProductionUnit productionUnit(String p) throws XMLStreamException, IOException {
        long[] n = {0};
        boolean[] seen = {false};
        String[] name = {null};
        sequence(p, List.of(one(GRD, "productionUnitNumber"), one(GRD, "productionUnitName")), e -> {
            if (e.equals("productionUnitName")) {
                name[0] = text();
            } else {
                seen[0] = true;
                n[0] = number(p + ".productionUnitNumber");
            }
        });
        pv.require(seen[0], p + ".productionUnitNumber", PRESENT);
        return new ProductionUnit(n[0], name[0]);
    }

    private String unstructured(String p) throws XMLStreamException, IOException {
        String[] v = texts(p, GRD, "unstructured");
        if (v[0] == null) {
            pv.add(p, PRESENT + " (element unstructured)");
            return null;
        }
        return v[0];
    }

    private static final List<El> ADDRESS = List.of(one(GRD, "id"), one(GRD, "addressLabel"), one(GRD, "houseNumber"),
            one(GRD, "door"), one(GRD, "floor"), one(GRD, "co"), one(GRD, "zipCode"), one(GRD, "city"),
            one(GRD, "country"), one(GRD, "AddressPoint"));

    private MemoAddress address(String p) throws XMLStreamException, IOException {
        MemoAddress.Builder b = MemoAddress.builder();
        sequence(p, ADDRESS, name -> {
            switch (name) {
                case "id" -> b.id(text());
                case "addressLabel" -> b.addressLabel(text());
                case "houseNumber" -> b.houseNumber(text());
                case "door" -> b.door(text());
                case "floor" -> b.floor(text());
                case "co" -> b.co(text());
                case "zipCode" -> b.zipCode(text());
                case "city" -> b.city(text());
                case "country" -> b.country(text());
                default -> {
                    String[] v = texts(p + ".addressPoint", GRD, "geographicEastingMeasure", "geographicNorthingMeasure",
                            "geographicHeightMeasure");
                    b.addressPoint(new AddressPoint(v[0], v[1], v[2]));
                }
            }
        });
        return b.build();
    }

    private ContactPoint contactPoint(String p) throws XMLStreamException, IOException {
        String[] v = new String[3];
        List<ContactInfo> infos = new ArrayList<>();
        sequence(p, List.of(one(MEMO, "contactGroup"), one(MEMO, "contactPointID"), one(MEMO, "label"),
                many(MEMO, "ContactInfo")), name -> {
                    if (name.equals("ContactInfo")) {
                        String[] i = texts(p + ".contactInfo[" + infos.size() + "]", MEMO, "label", "value");
                        infos.add(new ContactInfo(i[0], i[1]));
                    } else {
                        v[index(name, "contactGroup", "contactPointID", "label")] = text();
                    }
                });
        return new ContactPoint(v[0], v[1], v[2], infos);
    }

    private static final List<El> CONTENT = List.of(one(GRD, "CPRdata"), one(GRD, "CVRdata"), one(DMV, "MotorVehicle"),
            one(GRD, "PropertyNumber"), one(MEMO, "CaseID"), one(KLE, "KLEdata"), one(FORM, "FORMdata"),
            one(GRD, "ProductionUnit"), one(UDD, "Education"), one(GRD, "Address"), one(GRD, "UnstructuredAddress"),
            many(MEMO, "AdditionalContentData"));

    private ContentData contentData(String p) throws XMLStreamException, IOException {
        ContentData.Builder b = ContentData.builder();
        int[] extra = {0};
        sequence(p, CONTENT, name -> {
            switch (name) {
                case "CPRdata" -> {
                    String[] v = texts(p + ".cprData", GRD, "cprNumber", "name");
                    b.cprData(new CprData(v[0], v[1]));
                }
                case "CVRdata" -> {
                    String[] v = texts(p + ".cvrData", GRD, "cvrNumber", "companyName");
                    b.cvrData(new CvrData(v[0], v[1]));
                }
                case "MotorVehicle" -> {
                    String[] v = texts(p + ".motorVehicle", DMV, "licenseNumber", "chassisNumber");
                    b.motorVehicle(new MotorVehicle(v[0], v[1]));
                }
                case "PropertyNumber" -> {
                    String[] v = texts(p + ".propertyNumber", GRD, "propertyNumber");
                    if (v[0] == null) {
                        pv.add(p + ".propertyNumber", PRESENT + " (element propertyNumber)");
                    }
                    b.propertyNumber(v[0]);
                }
                case "CaseID" -> {
                    String[] v = texts(p + ".caseId", MEMO, "caseID", "caseSystem");
                    b.caseId(new CaseReference(v[0], v[1]));
                }
                case "KLEdata" -> {
                    String[] v = texts(p + ".kleData", KLE, "subjectKey", "version", "activityFacet", "label");
                    b.kleData(new KleData(v[0], v[1], v[2], v[3]));
                }
                case "FORMdata" -> {
                    String[] v = texts(p + ".formData", FORM, "taskKey", "version", "activityFacet", "label");
                    b.formData(new FormData(v[0], v[1], v[2], v[3]));
                }
                case "ProductionUnit" -> b.productionUnit(productionUnit(p + ".productionUnit"));
                case "Education" -> {
                    String[] v = texts(p + ".education", UDD, "educationCode", "educationName");
                    b.education(new Education(v[0], v[1]));
                }
                case "Address" -> b.address(address(p + ".address"));
                case "UnstructuredAddress" -> b.unstructuredAddress(unstructured(p + ".unstructuredAddress"));
                default -> {
                    String[] v = texts(p + ".additionalContentData[" + extra[0]++ + "]", MEMO,
                            "contentDataType", "contentDataName", "contentDataValue");
                    b.addAdditionalContentData(new AdditionalContentData(v[0], v[1], v[2]));
                }
            }
        });
        return b.build();
    }

    private static final List<El> FORWARD = List.of(one(MEMO, "messageUUID"), one(MEMO, "originalMessageDateTime"),
            one(MEMO, "originalSender"), one(MEMO, "originalContentResponsible"), one(MEMO, "originalRepresentative"),
            one(MEMO, "contactPointID"), one(MEMO, "comment"));

    private ForwardData forwardData(String p) throws XMLStreamException, IOException {
        ForwardData.Builder b = ForwardData.builder(null, null, null);
        sequence(p, FORWARD, name -> {
            switch (name) {
                case "messageUUID" -> b.messageUuid(uuid(p + ".messageUuid"));
                case "originalMessageDateTime" -> b.originalMessageDateTime(instant(p + ".originalMessageDateTime"));
                case "originalSender" -> b.originalSender(text());
                case "originalContentResponsible" -> b.originalContentResponsible(text());
                case "originalRepresentative" -> b.originalRepresentative(text());
                case "contactPointID" -> b.contactPointId(text());
                default -> b.comment(text());
            }
        });
        return b.build();
    }

    private static final List<El> REPLY = List.of(one(MEMO, "messageID"), one(MEMO, "messageUUID"), one(MEMO, "replyUUID"),
            one(MEMO, "senderID"), one(MEMO, "recipientID"), one(MEMO, "caseID"), one(MEMO, "contactPointID"),
            one(MEMO, "generatingSystemID"), one(MEMO, "comment"), many(MEMO, "AdditionalReplyData"));

    private ReplyData replyData(String p) throws XMLStreamException, IOException {
        ReplyData.Builder b = ReplyData.builder(null);
        int[] extra = {0};
        sequence(p, REPLY, name -> {
            switch (name) {
                case "messageID" -> b.messageId(text());
                case "messageUUID" -> b.messageUuid(uuid(p + ".messageUuid"));
                case "replyUUID" -> b.replyUuid(uuid(p + ".replyUuid"));
                case "senderID" -> b.senderId(text());
                case "recipientID" -> b.recipientId(text());
                case "caseID" -> b.caseId(text());
                case "contactPointID" -> b.contactPointId(text());
                case "generatingSystemID" -> b.generatingSystemId(text());
                case "comment" -> b.comment(text());
                default -> {
                    String[] v = texts(p + ".additionalReplyData[" + extra[0]++ + "]", MEMO, "label", "value");
                    b.addAdditionalReplyData(new AdditionalReplyData(v[0], v[1]));
                }
            }
        });
        return b.build();
    }

    // ---- body ----

    private static final List<El> BODY = List.of(one(MEMO, "createdDateTime"), one(MEMO, "MainDocument"),
            many(MEMO, "AdditionalDocument"), many(MEMO, "TechnicalDocument"));

    private MessageBody body(String p) throws XMLStreamException, IOException {
        Instant[] created = {null};
        MainDocument[] main = {null};
        List<AdditionalDocument> additional = new ArrayList<>();
        List<TechnicalDocument> technical = new ArrayList<>();
        sequence(p, BODY, name -> {
            switch (name) {
                case "createdDateTime" -> created[0] = instant(p + ".createdDateTime");
                case "MainDocument" -> {
                    Doc d = document(p + ".mainDocument", "mainDocumentID", true);
                    main[0] = new MainDocument(d.id, d.label, d.files, d.actions);
                }
                case "AdditionalDocument" -> {
                    Doc d = document(p + ".additionalDocuments[" + additional.size() + "]", "additionalDocumentID", true);
                    additional.add(new AdditionalDocument(d.id, d.label, d.files, d.actions));
                }
                default -> {
                    Doc d = document(p + ".technicalDocuments[" + technical.size() + "]", "technicalDocumentID", false);
                    technical.add(new TechnicalDocument(d.id, d.label, d.files));
                }
            }
        });
        return new MessageBody(created[0], main[0], additional, technical);
    }

    /** The parts the three kinds of document share. */
    private static final class Doc {
        String id;
        String label;
        final List<MemoFile> files = new ArrayList<>();
        final List<Action> actions = new ArrayList<>();
    }

    private Doc document(String p, String idElement, boolean withActions) throws XMLStreamException, IOException {
        Doc d = new Doc();
        List<El> order = withActions
                ? List.of(one(MEMO, idElement), one(MEMO, "label"), many(MEMO, "File"), many(MEMO, "Action"))
                : List.of(one(MEMO, idElement), one(MEMO, "label"), many(MEMO, "File"));
        sequence(p, order, name -> {
            switch (name) {
                case "label" -> d.label = text();
                case "File" -> d.files.add(file(p + ".files[" + d.files.size() + "]"));
                case "Action" -> d.actions.add(action(p + ".actions[" + d.actions.size() + "]"));
                default -> d.id = text();
            }
        });
        return d;
    }

    private static final List<El> FILE = List.of(one(MEMO, "encodingFormat"), one(MEMO, "filename"),
            one(MEMO, "language"), one(MEMO, "content"));

    private MemoFile file(String p) throws XMLStreamException, IOException {
        String[] v = new String[3];
        FileContent[] content = {null};
        sequence(p, FILE, name -> {
            switch (name) {
                case "encodingFormat" -> v[0] = text();
                case "filename" -> v[1] = text();
                case "language" -> v[2] = text().strip();
                default -> content[0] = content(p, v[1]);
            }
        });
        return new MemoFile(v[0], v[1], v[2], content[0]);
    }

    private FileContent content(String p, String filename) throws XMLStreamException, IOException {
        FileContentSink.Target target = sink.open(p, filename);
        if (target == null) {
            throw new IOException("the file content sink returned no target for " + p);
        }
        try {
            Base64Decoding decoding = new Base64Decoding(target.output(), p + ".content");
            while (true) {
                int event = r.next();
                switch (event) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        decoding.feed(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        char[] t = r.getText().toCharArray();
                        decoding.feed(t, 0, t.length);
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        decoding.finish();
                        FileContent c = target.complete();
                        received.add(target);
                        return c;
                    }
                    case XMLStreamConstants.START_ELEMENT ->
                        throw new ValidationException(p + ".content", "must not contain elements");
                    default -> {
                        // comments and processing instructions carry no content
                    }
                }
            }
        } catch (IOException | RuntimeException | XMLStreamException e) {
            target.discard();
            throw e;
        }
    }

    private static final List<El> ACTION = List.of(one(MEMO, "label"), one(MEMO, "actionCode"),
            one(MEMO, "startDateTime"), one(MEMO, "endDateTime"), one(MEMO, "Reservation"), one(MEMO, "EntryPoint"));

    private Action action(String p) throws XMLStreamException, IOException {
        Action.Builder b = Action.builder();
        boolean[] choice = {false};
        sequence(p, ACTION, name -> {
            switch (name) {
                case "label" -> b.label(text());
                case "actionCode" -> {
                    String s = text().strip();
                    try {
                        b.actionCode(ActionCode.valueOf(s));
                    } catch (IllegalArgumentException e) {
                        pv.add(p + ".actionCode", "must be one of AFTALE, BEKRAEFT, BETALING, FORBEREDELSE, INFORMATION, "
                                + "SELVBETJENING, TILMELDING, UNDERSKRIV");
                    }
                }
                case "startDateTime" -> b.startDateTime(instant(p + ".startDateTime"));
                case "endDateTime" -> b.endDateTime(instant(p + ".endDateTime"));
                case "Reservation" -> {
                    choice[0] = true;
                    b.reservation(reservation(p + ".reservation"));
                }
                default -> {
                    if (choice[0]) {
                        throw new ValidationException(p, "must have either a reservation or an entryPoint, not both");
                    }
                    URI[] url = {null};
                    boolean[] seen = {false};
                    sequence(p + ".entryPoint", List.of(one(MEMO, "url")), n -> {
                        seen[0] = true;
                        url[0] = uri(p + ".entryPoint");
                    });
                    pv.require(seen[0], p + ".entryPoint", PRESENT + " (element url)");
                    b.entryPoint(url[0]);
                }
            }
        });
        return b.build();
    }

    private static final List<El> RESERVATION = List.of(one(MEMO, "description"), one(MEMO, "reservationUUID"),
            one(MEMO, "abstract"), one(MEMO, "location"), one(MEMO, "startDateTime"), one(MEMO, "endDateTime"),
            one(MEMO, "organizerMail"), one(MEMO, "organizerName"));

    private Reservation reservation(String p) throws XMLStreamException, IOException {
        Reservation.Builder b = Reservation.builder();
        sequence(p, RESERVATION, name -> {
            switch (name) {
                case "description" -> b.description(text());
                case "reservationUUID" -> b.reservationUuid(uuid(p + ".reservationUuid"));
                case "abstract" -> b.abstractText(text());
                case "location" -> b.location(text());
                case "startDateTime" -> b.startDateTime(instant(p + ".startDateTime"));
                case "endDateTime" -> b.endDateTime(instant(p + ".endDateTime"));
                case "organizerMail" -> b.organizerMail(text());
                default -> b.organizerName(text());
            }
        });
        return b.build();
    }
}

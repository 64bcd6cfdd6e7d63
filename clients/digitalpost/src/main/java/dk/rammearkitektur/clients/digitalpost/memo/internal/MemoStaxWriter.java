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
import dk.rammearkitektur.clients.digitalpost.memo.AdditionalContentData;
import dk.rammearkitektur.clients.digitalpost.memo.AdditionalDocument;
import dk.rammearkitektur.clients.digitalpost.memo.AdditionalReplyData;
import dk.rammearkitektur.clients.digitalpost.memo.AttentionData;
import dk.rammearkitektur.clients.digitalpost.memo.ContactInfo;
import dk.rammearkitektur.clients.digitalpost.memo.ContactPoint;
import dk.rammearkitektur.clients.digitalpost.memo.ContentData;
import dk.rammearkitektur.clients.digitalpost.memo.ForwardData;
import dk.rammearkitektur.clients.digitalpost.memo.MainDocument;
import dk.rammearkitektur.clients.digitalpost.memo.MemoFile;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.memo.MemoVersion;
import dk.rammearkitektur.clients.digitalpost.memo.MessageBody;
import dk.rammearkitektur.clients.digitalpost.memo.MessageHeader;
import dk.rammearkitektur.clients.digitalpost.memo.ProductionUnit;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.clients.digitalpost.memo.ReplyData;
import dk.rammearkitektur.clients.digitalpost.memo.Representative;
import dk.rammearkitektur.clients.digitalpost.memo.Reservation;
import dk.rammearkitektur.clients.digitalpost.memo.Sender;
import dk.rammearkitektur.clients.digitalpost.memo.TechnicalDocument;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import dk.rammearkitektur.clients.digitalpost.memo.MemoAddress;

/**
 * Writes a {@link MemoMessage} with the JDK's StAX writer, {@code memo:} prefixed, dates in UTC with a literal
 * {@code Z}. File content is Base64-encoded on the fly in large chunks written straight to the byte stream (after
 * flushing the StAX writer), so neither the file nor its encoding is held in memory as a whole.
 */
public final class MemoStaxWriter {
    public static final int OUT_BUFFER = 64 * 1024;
    private static final BufferPool OUT_BUFFERS = new BufferPool(OUT_BUFFER, 4);
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newDefaultFactory();

    private final XMLStreamWriter w;
    private final OutputStream raw;
    private Base64Out base64;

    private MemoStaxWriter(XMLStreamWriter w, OutputStream raw) {
        this.w = w;
        this.raw = raw;
    }

    /** Writes {@code message} as a UTF-8 document with an XML declaration; flushes but does not close {@code out}. */
    public static void write(MemoMessage message, OutputStream out) throws IOException {
        Objects.requireNonNull(message, "message == null");
        Objects.requireNonNull(out, "out == null");
        Buffered raw = new Buffered(out, OUT_BUFFERS.take());
        try {
            XMLStreamWriter w = OUTPUT.createXMLStreamWriter(raw, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            new MemoStaxWriter(w, raw).message(message);
            w.writeEndDocument();
            w.flush();
            w.close();
            raw.flush();
        } catch (XMLStreamException e) {
            throw ioFailure(e);
        } finally {
            OUT_BUFFERS.give(raw.release());
        }
    }

    /**
     * Writes {@code message} as an element inside a document another writer is producing. {@code raw} must be the
     * stream {@code w} writes to, so that file content can bypass the StAX writer after a flush.
     */
    public static void writeElement(MemoMessage message, XMLStreamWriter w, OutputStream raw) throws IOException {
        try {
            new MemoStaxWriter(w, raw).message(message);
        } catch (XMLStreamException e) {
            throw ioFailure(e);
        }
    }

    /** Creates a StAX writer for UTF-8 output on {@code raw}, for callers of {@link #writeElement}. */
    public static XMLStreamWriter createWriter(OutputStream raw) throws IOException {
        try {
            return OUTPUT.createXMLStreamWriter(raw, "UTF-8");
        } catch (XMLStreamException e) {
            throw ioFailure(e);
        }
    }

    public static IOException ioFailure(XMLStreamException e) {
        Throwable c = e.getCause() != null ? e.getCause() : e.getNestedException();
        if (c instanceof IOException io) {
            return io;
        }
        return new IOException("MeMo message could not be written: " + e.getMessage(), e);
    }

    private void message(MemoMessage m) throws XMLStreamException, IOException {
        w.writeStartElement("memo", "Message", MEMO);
        for (String[] d : MemoNames.DECLARED) {
            w.writeNamespace(d[0], d[1]);
        }
        w.writeAttribute("memoVersion", m.version().attribute());
        if (m.version() == MemoVersion.V1_1) {
            w.writeAttribute("memoSchVersion", m.memoSchVersion());
        }
        header(m.header());
        if (m.body() != null) {
            body(m.body());
        }
        w.writeEndElement();
    }

    private void header(MessageHeader h) throws XMLStreamException {
        start(MEMO, "MessageHeader");
        leaf(MEMO, "messageType", h.messageType().name());
        leaf(MEMO, "messageUUID", h.messageUuid());
        leaf(MEMO, "messageID", h.messageId());
        leaf(MEMO, "messageCode", h.messageCode());
        leaf(MEMO, "label", h.label());
        leaf(MEMO, "notification", h.notification());
        leaf(MEMO, "additionalNotification", h.additionalNotification());
        leaf(MEMO, "reply", h.reply());
        leaf(MEMO, "replyByDateTime", h.replyByDateTime());
        leaf(MEMO, "doNotDeliverUntilDate", h.doNotDeliverUntilDate() == null ? null : h.doNotDeliverUntilDate().toString());
        leaf(MEMO, "mandatory", h.mandatory());
        leaf(MEMO, "legalNotification", h.legalNotification());
        leaf(MEMO, "postType", h.postType());
        sender(h.sender());
        recipient(h.recipient());
        if (h.contentData() != null) {
            contentData(h.contentData());
        }
        if (h.forwardData() != null) {
            forwardData(h.forwardData());
        }
        for (ReplyData r : h.replyData()) {
            replyData(r);
        }
        w.writeEndElement();
    }

    private void sender(Sender s) throws XMLStreamException {
        start(MEMO, "Sender");
        leaf(MEMO, "senderID", s.senderId());
        leaf(MEMO, "idType", s.idType());
        leaf(MEMO, "idTypeLabel", s.idTypeLabel());
        leaf(MEMO, "label", s.label());
        if (s.attentionData() != null) {
            attentionData(s.attentionData());
        }
        if (s.contactPoint() != null) {
            contactPoint(s.contactPoint());
        }
        Representative r = s.representative();
        if (r != null) {
            start(MEMO, "Representative");
            leaf(MEMO, "representativeID", r.representativeId());
            leaf(MEMO, "idType", r.idType());
            leaf(MEMO, "idTypeLabel", r.idTypeLabel());
            leaf(MEMO, "label", r.label());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void recipient(Recipient r) throws XMLStreamException {
        start(MEMO, "Recipient");
        leaf(MEMO, "recipientID", r.recipientId());
        leaf(MEMO, "idType", r.idType());
        leaf(MEMO, "idTypeLabel", r.idTypeLabel());
        leaf(MEMO, "label", r.label());
        if (r.attentionData() != null) {
            attentionData(r.attentionData());
        }
        if (r.contactPoint() != null) {
            contactPoint(r.contactPoint());
        }
        w.writeEndElement();
    }

    private void attentionData(AttentionData a) throws XMLStreamException {
        start(MEMO, "AttentionData");
        if (a.attentionPerson() != null) {
            start(MEMO, "AttentionPerson");
            leaf(MEMO, "personID", a.attentionPerson().personId());
            leaf(MEMO, "label", a.attentionPerson().label());
            w.writeEndElement();
        }
        if (a.productionUnit() != null) {
            productionUnit(a.productionUnit());
        }
        if (a.globalLocationNumber() != null) {
            start(GLN, "GlobalLocationNumber");
            leaf(GLN, "globalLocationNumber", Long.toString(a.globalLocationNumber().globalLocationNumber()));
            leaf(GLN, "location", a.globalLocationNumber().location());
            w.writeEndElement();
        }
        if (a.email() != null) {
            start(MEMO, "EMail");
            leaf(MEMO, "emailAddress", a.email().emailAddress());
            leaf(MEMO, "relatedAgent", a.email().relatedAgent());
            w.writeEndElement();
        }
        if (a.seNumber() != null) {
            start(GRD, "SEnumber");
            leaf(GRD, "seNumber", a.seNumber().seNumber());
            leaf(GRD, "companyName", a.seNumber().companyName());
            w.writeEndElement();
        }
        if (a.telephone() != null) {
            start(MEMO, "Telephone");
            leaf(MEMO, "telephoneNumber", a.telephone().telephoneNumber());
            leaf(MEMO, "relatedAgent", a.telephone().relatedAgent());
            w.writeEndElement();
        }
        if (a.eid() != null) {
            start(GRD, "EID");
            leaf(GRD, "eID", a.eid().eid());
            leaf(GRD, "label", a.eid().label());
            w.writeEndElement();
        }
        if (a.contentResponsible() != null) {
            start(MEMO, "ContentResponsible");
            leaf(MEMO, "contentResponsibleID", a.contentResponsible().contentResponsibleId());
            leaf(MEMO, "label", a.contentResponsible().label());
            w.writeEndElement();
        }
        if (a.generatingSystem() != null) {
            start(MEMO, "GeneratingSystem");
            leaf(MEMO, "generatingSystemID", a.generatingSystem().generatingSystemId());
            leaf(MEMO, "label", a.generatingSystem().label());
            w.writeEndElement();
        }
        if (a.sorData() != null) {
            start(SOR, "SORdata");
            leaf(SOR, "sorIdentifier", a.sorData().sorIdentifier());
            leaf(SOR, "entryName", a.sorData().entryName());
            w.writeEndElement();
        }
        if (a.address() != null) {
            address(a.address());
        }
        unstructuredAddress(a.unstructuredAddress());
        w.writeEndElement();
    }

    private void productionUnit(ProductionUnit p) throws XMLStreamException {
        start(GRD, "ProductionUnit");
        leaf(GRD, "productionUnitNumber", Long.toString(p.productionUnitNumber()));
        leaf(GRD, "productionUnitName", p.productionUnitName());
        w.writeEndElement();
    }

    private void address(MemoAddress a) throws XMLStreamException {
        start(GRD, "Address");
        leaf(GRD, "id", a.id());
        leaf(GRD, "addressLabel", a.addressLabel());
        leaf(GRD, "houseNumber", a.houseNumber());
        leaf(GRD, "door", a.door());
        leaf(GRD, "floor", a.floor());
        leaf(GRD, "co", a.co());
        leaf(GRD, "zipCode", a.zipCode());
        leaf(GRD, "city", a.city());
        leaf(GRD, "country", a.country());
        if (a.addressPoint() != null) {
            start(GRD, "AddressPoint");
            leaf(GRD, "geographicEastingMeasure", a.addressPoint().geographicEastingMeasure());
            leaf(GRD, "geographicNorthingMeasure", a.addressPoint().geographicNorthingMeasure());
            leaf(GRD, "geographicHeightMeasure", a.addressPoint().geographicHeightMeasure());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void unstructuredAddress(String value) throws XMLStreamException {
        if (value != null) {
            start(GRD, "UnstructuredAddress");
            leaf(GRD, "unstructured", value);
            w.writeEndElement();
        }
    }

    private void contactPoint(ContactPoint c) throws XMLStreamException {
        start(MEMO, "ContactPoint");
        leaf(MEMO, "contactGroup", c.contactGroup());
        leaf(MEMO, "contactPointID", c.contactPointId());
        leaf(MEMO, "label", c.label());
        for (ContactInfo i : c.contactInfo()) {
            start(MEMO, "ContactInfo");
            leaf(MEMO, "label", i.label());
            leaf(MEMO, "value", i.value());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void contentData(ContentData c) throws XMLStreamException {
        start(MEMO, "ContentData");
        if (c.cprData() != null) {
            start(GRD, "CPRdata");
            leaf(GRD, "cprNumber", c.cprData().cprNumber());
            leaf(GRD, "name", c.cprData().name());
            w.writeEndElement();
        }
        if (c.cvrData() != null) {
            start(GRD, "CVRdata");
            leaf(GRD, "cvrNumber", c.cvrData().cvrNumber());
            leaf(GRD, "companyName", c.cvrData().companyName());
            w.writeEndElement();
        }
        if (c.motorVehicle() != null) {
            start(DMV, "MotorVehicle");
            leaf(DMV, "licenseNumber", c.motorVehicle().licenseNumber());
            leaf(DMV, "chassisNumber", c.motorVehicle().chassisNumber());
            w.writeEndElement();
        }
        if (c.propertyNumber() != null) {
            start(GRD, "PropertyNumber");
            leaf(GRD, "propertyNumber", c.propertyNumber());
            w.writeEndElement();
        }
        if (c.caseId() != null) {
            start(MEMO, "CaseID");
            leaf(MEMO, "caseID", c.caseId().caseId());
            leaf(MEMO, "caseSystem", c.caseId().caseSystem());
            w.writeEndElement();
        }
        if (c.kleData() != null) {
            start(KLE, "KLEdata");
            leaf(KLE, "subjectKey", c.kleData().subjectKey());
            leaf(KLE, "version", c.kleData().version());
            leaf(KLE, "activityFacet", c.kleData().activityFacet());
            leaf(KLE, "label", c.kleData().label());
            w.writeEndElement();
        }
        if (c.formData() != null) {
            start(FORM, "FORMdata");
            leaf(FORM, "taskKey", c.formData().taskKey());
            leaf(FORM, "version", c.formData().version());
            leaf(FORM, "activityFacet", c.formData().activityFacet());
            leaf(FORM, "label", c.formData().label());
            w.writeEndElement();
        }
        if (c.productionUnit() != null) {
            productionUnit(c.productionUnit());
        }
        if (c.education() != null) {
            start(UDD, "Education");
            leaf(UDD, "educationCode", c.education().educationCode());
            leaf(UDD, "educationName", c.education().educationName());
            w.writeEndElement();
        }
        if (c.address() != null) {
            address(c.address());
        }
        unstructuredAddress(c.unstructuredAddress());
        for (AdditionalContentData a : c.additionalContentData()) {
            start(MEMO, "AdditionalContentData");
            leaf(MEMO, "contentDataType", a.contentDataType());
            leaf(MEMO, "contentDataName", a.contentDataName());
            leaf(MEMO, "contentDataValue", a.contentDataValue());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void forwardData(ForwardData f) throws XMLStreamException {
        start(MEMO, "ForwardData");
        leaf(MEMO, "messageUUID", f.messageUuid());
        leaf(MEMO, "originalMessageDateTime", f.originalMessageDateTime());
        leaf(MEMO, "originalSender", f.originalSender());
        leaf(MEMO, "originalContentResponsible", f.originalContentResponsible());
        leaf(MEMO, "originalRepresentative", f.originalRepresentative());
        leaf(MEMO, "contactPointID", f.contactPointId());
        leaf(MEMO, "comment", f.comment());
        w.writeEndElement();
    }

    private void replyData(ReplyData r) throws XMLStreamException {
        start(MEMO, "ReplyData");
        leaf(MEMO, "messageID", r.messageId());
        leaf(MEMO, "messageUUID", r.messageUuid());
        leaf(MEMO, "replyUUID", r.replyUuid());
        leaf(MEMO, "senderID", r.senderId());
        leaf(MEMO, "recipientID", r.recipientId());
        leaf(MEMO, "caseID", r.caseId());
        leaf(MEMO, "contactPointID", r.contactPointId());
        leaf(MEMO, "generatingSystemID", r.generatingSystemId());
        leaf(MEMO, "comment", r.comment());
        for (AdditionalReplyData a : r.additionalReplyData()) {
            start(MEMO, "AdditionalReplyData");
            leaf(MEMO, "label", a.label());
            leaf(MEMO, "value", a.value());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void body(MessageBody b) throws XMLStreamException, IOException {
        start(MEMO, "MessageBody");
        leaf(MEMO, "createdDateTime", b.createdDateTime());
        MainDocument main = b.mainDocument();
        document("MainDocument", "mainDocumentID", main.mainDocumentId(), main.label(), main.files(), main.actions());
        for (AdditionalDocument d : b.additionalDocuments()) {
            document("AdditionalDocument", "additionalDocumentID", d.additionalDocumentId(), d.label(), d.files(), d.actions());
        }
        for (TechnicalDocument d : b.technicalDocuments()) {
            document("TechnicalDocument", "technicalDocumentID", d.technicalDocumentId(), d.label(), d.files(), List.of());
        }
        w.writeEndElement();
    }

    private void document(String element, String idElement, String id, String label, List<MemoFile> files,
            List<Action> actions) throws XMLStreamException, IOException {
        start(MEMO, element);
        leaf(MEMO, idElement, id);
        leaf(MEMO, "label", label);
        for (MemoFile f : files) {
            file(f);
        }
        for (Action a : actions) {
            action(a);
        }
        w.writeEndElement();
    }

    private void file(MemoFile f) throws XMLStreamException, IOException {
        start(MEMO, "File");
        leaf(MEMO, "encodingFormat", f.encodingFormat());
        leaf(MEMO, "filename", f.filename());
        leaf(MEMO, "language", f.language());
        start(MEMO, "content");
        if (base64 == null) {
            base64 = new Base64Out();
        }
        base64.write(w, raw, f.content());
        w.writeEndElement();
        w.writeEndElement();
    }

    private void action(Action a) throws XMLStreamException {
        start(MEMO, "Action");
        leaf(MEMO, "label", a.label());
        leaf(MEMO, "actionCode", a.actionCode().name());
        leaf(MEMO, "startDateTime", a.startDateTime());
        leaf(MEMO, "endDateTime", a.endDateTime());
        Reservation r = a.reservation();
        if (r != null) {
            start(MEMO, "Reservation");
            leaf(MEMO, "description", r.description());
            leaf(MEMO, "reservationUUID", r.reservationUuid());
            leaf(MEMO, "abstract", r.abstractText());
            leaf(MEMO, "location", r.location());
            leaf(MEMO, "startDateTime", r.startDateTime());
            leaf(MEMO, "endDateTime", r.endDateTime());
            leaf(MEMO, "organizerMail", r.organizerMail());
            leaf(MEMO, "organizerName", r.organizerName());
            w.writeEndElement();
        }
        if (a.entryPoint() != null) {
            start(MEMO, "EntryPoint");
            leaf(MEMO, "url", a.entryPoint().toString());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private void start(String ns, String name) throws XMLStreamException {
        w.writeStartElement(MemoNames.prefix(ns), name, ns);
    }

    private void leaf(String ns, String name, Boolean value) throws XMLStreamException {
        if (value != null) {
            leaf(ns, name, value.toString());
        }
    }

    private void leaf(String ns, String name, UUID value) throws XMLStreamException {
        if (value != null) {
            leaf(ns, name, value.toString());
        }
    }

    private void leaf(String ns, String name, Instant value) throws XMLStreamException {
        if (value != null) {
            leaf(ns, name, DateTimeFormatter.ISO_INSTANT.format(value));
        }
    }

    private void leaf(String ns, String name, String value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        start(ns, name);
        text(value);
        w.writeEndElement();
    }

    /** Writes text; carriage returns go out as character references so that parsers do not turn them into line feeds. */
    private void text(String value) throws XMLStreamException {
        int from = 0;
        int cr;
        while ((cr = value.indexOf('\r', from)) >= 0) {
            if (cr > from) {
                w.writeCharacters(value.substring(from, cr));
            }
            w.writeEntityRef("#13");
            from = cr + 1;
        }
        if (from < value.length() || from == 0) {
            w.writeCharacters(from == 0 ? value : value.substring(from));
        }
    }

    /**
     * Buffers writes to the caller's stream in a pooled array, as a {@code BufferedOutputStream} of
     * {@link #OUT_BUFFER} bytes would (the same writes reach the caller's stream), and keeps that stream open when
     * closed. Unusable after {@link #release()}.
     */
    private static final class Buffered extends OutputStream {
        private final OutputStream out;
        private byte[] buf;
        private int count;

        Buffered(OutputStream out, byte[] buf) {
            this.out = out;
            this.buf = buf;
        }

        private void flushBuffer() throws IOException {
            if (count > 0) {
                out.write(buf, 0, count);
                count = 0;
            }
        }

        @Override
        public void write(int b) throws IOException {
            if (count >= buf.length) {
                flushBuffer();
            }
            buf[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len >= buf.length) {
                flushBuffer();
                out.write(b, off, len);
                return;
            }
            if (len > buf.length - count) {
                flushBuffer();
            }
            System.arraycopy(b, off, buf, count, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            flushBuffer();
            out.flush();
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        /** Hands the array back for the pool; the stream must not be used afterwards. */
        byte[] release() {
            byte[] b = buf;
            buf = null;
            count = 0;
            return b;
        }
    }
}

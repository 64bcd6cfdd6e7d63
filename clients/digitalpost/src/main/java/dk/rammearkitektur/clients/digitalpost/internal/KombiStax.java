package dk.rammearkitektur.clients.digitalpost.internal;

import dk.rammearkitektur.clients.digitalpost.ChannelChoice;
import dk.rammearkitektur.clients.digitalpost.memo.FileContent;
import dk.rammearkitektur.clients.digitalpost.memo.FileContentSink;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.memo.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.memo.Recipient;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Base64Decoding;
import dk.rammearkitektur.clients.digitalpost.memo.internal.Base64Out;
import dk.rammearkitektur.clients.digitalpost.memo.internal.ByteCounter;
import dk.rammearkitektur.clients.digitalpost.memo.internal.MemoNames;
import dk.rammearkitektur.clients.digitalpost.memo.internal.MemoStaxReader;
import dk.rammearkitektur.clients.digitalpost.memo.internal.MemoStaxWriter;
import dk.rammearkitektur.clients.digitalpost.PrintAddress;

/**
 * Writes and reads the SF1601 {@code kombi_request}: {@code KombiValgKode}, {@code memo:Message} and
 * {@code fjernprint:ForsendelseISamling/ForsendelseI}, streaming file content both ways.
 */
public final class KombiStax {
    /** Fjernprint (remote print). */
    public static final String FJERNPRINT = "urn:oio:fjernprint:1.0.0";
    static final String DKAL = "urn:oio:dkal:1.0.0";
    static final String ADIR = "urn:oio:adir:dagpenge:2009.07.01";
    static final String SD = "urn:oio:sagdok:3.0.0";
    static final String ITST = "http://rep.oio.dk/itst.dk/xml/schemas/2006/01/17/";
    static final String DKCC = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2003/02/13/";
    static final String DKCC2005 = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/03/15/";
    static final String DKCC2005_2 = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/05/13/";
    static final String DKCC2005_3 = "http://rep.oio.dk/ebxml/xml/schemas/dkcc/2005/05/19/";
    private static final String[][] PRINT_NAMESPACES = {
        {"fjernprint", FJERNPRINT}, {"dkal", DKAL}, {"adir", ADIR}, {"sd", SD}, {"itst", ITST}, {"dkcc", DKCC}, {"dkcc2005", DKCC2005},
        {"dkcc2005-2", DKCC2005_2}, {"dkcc2005-3", DKCC2005_3},
    };
    /** The address line elements, first to sixth. */
    static final List<String> LINE_ELEMENTS = List.of("PostalAddressFirstLineText", "PostalAddressSecondLineText",
            "PostalAddressThirdLineText", "PostalAddressFourthLineText", "PostalAddressFifthLineText",
            "PostalAddressSixthLineText");

    private KombiStax() {
    }

    // ---- writing ----

    /** Writes {@code request} as a UTF-8 document; flushes but does not close {@code out}. */
    public static void write(KombiRequest request, OutputStream out) throws IOException {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(out, "out == null");
        OutputStream raw = out instanceof ByteCounter ? out : new BufferedOutputStream(new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }
        }, MemoStaxWriter.OUT_BUFFER);
        XMLStreamWriter w = MemoStaxWriter.createWriter(raw);
        try {
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("kombi_request");
            w.writeStartElement("KombiValgKode");
            w.writeCharacters(request.channel().code());
            w.writeEndElement();
            if (request.memo() != null) {
                MemoStaxWriter.writeElement(request.memo(), w, raw);
            }
            if (request.print() != null) {
                print(w, raw, request.print());
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
            w.close();
        } catch (XMLStreamException e) {
            throw MemoStaxWriter.ioFailure(e);
        }
        raw.flush();
    }

    private static void print(XMLStreamWriter w, OutputStream raw, PrintShipment p) throws XMLStreamException, IOException {
        w.writeStartElement("fjernprint", "ForsendelseISamling", FJERNPRINT);
        for (String[] ns : PRINT_NAMESPACES) {
            w.writeNamespace(ns[0], ns[1]);
        }
        start(w, FJERNPRINT, "ForsendelseI");
        leaf(w, FJERNPRINT, "AfsendelseIdentifikator", p.shipmentId());
        leaf(w, FJERNPRINT, "ForsendelseTypeIdentifikator", p.shipmentTypeId() == null ? null : p.shipmentTypeId().toString());
        if (p.recipientId() != null || p.address() != null) {
            start(w, FJERNPRINT, "ForsendelseModtager");
            if (p.recipientId() != null) {
                start(w, DKAL, "AfsendelseModtager");
                leaf(w, ADIR, Recipient.ID_TYPE_CPR.equals(p.recipientIdType()) ? "CPRnummerIdentifikator" : "CVRnummerIdentifikator",
                        p.recipientId());
                w.writeEndElement();
            }
            if (p.address() != null) {
                address(w, "ModtagerAdresse", p.address());
            }
            w.writeEndElement();
        }
        Base64Out base64 = new Base64Out();
        leaf(w, DKAL, "FilformatNavn", p.fileFormat());
        start(w, DKAL, "MeddelelseIndholdData");
        base64.write(w, raw, p.content());
        w.writeEndElement();
        PrintShipment.TransactionParameters tp = p.transaction();
        if (tp != null) {
            start(w, FJERNPRINT, "TransaktionsParametreI");
            leaf(w, FJERNPRINT, "TransaktionsDatoTid", tp.time() == null ? null : tp.time().toString());
            leaf(w, FJERNPRINT, "MasseForsendelseIdentifikator", tp.massShipmentId());
            leaf(w, FJERNPRINT, "KvitteringsTypeKode", tp.receiptType());
            leaf(w, FJERNPRINT, "KvitteringsEmail", tp.receiptEmail());
            w.writeEndElement();
        }
        start(w, FJERNPRINT, "DokumentParametre");
        leaf(w, SD, "TitelTekst", p.title());
        leaf(w, SD, "UUIDIdentifikator", p.documentUuid());
        leaf(w, SD, "BrevDato", p.letterDate() == null ? null : p.letterDate().toString());
        w.writeEndElement();
        PrintShipment.SenderDetails sd = p.senderDetails();
        if (sd != null) {
            start(w, FJERNPRINT, "KanalUafhaengigeParametreI");
            leaf(w, FJERNPRINT, "EnhedTekst", sd.unit());
            leaf(w, FJERNPRINT, "BrugerNavn", sd.userName());
            leaf(w, FJERNPRINT, "KonteringsGruppeTekst", sd.accountingGroup());
            if (sd.senderAddress() != null) {
                start(w, FJERNPRINT, "ForsendelseAfsender");
                address(w, "AfsenderAdresse", sd.senderAddress());
                w.writeEndElement();
            }
            leaf(w, FJERNPRINT, "PaatrykAfsenderAdresseIndikator", flag(sd.printSenderAddress()));
            leaf(w, FJERNPRINT, "PaatrykModtagerAdresseIndikator", flag(sd.printRecipientAddress()));
            leaf(w, FJERNPRINT, "PaatrykBrevdatoIndikator", flag(sd.printLetterDate()));
            leaf(w, FJERNPRINT, "KanalKode", sd.channel());
            leaf(w, FJERNPRINT, "HasteBrevIndikator", flag(sd.urgent()));
            w.writeEndElement();
        }
        PrintShipment.PrintOptions o = p.printOptions();
        if (o != null) {
            start(w, FJERNPRINT, "PrintParametre");
            leaf(w, FJERNPRINT, "SimplexDuplexKode", o.sides());
            leaf(w, FJERNPRINT, "FarveSHKode", o.colour());
            leaf(w, FJERNPRINT, "KuvertTypeKode", o.envelope());
            w.writeEndElement();
        }
        PrintShipment.DigitalPostParameters dp = p.digitalPostParameters();
        if (dp != null) {
            start(w, FJERNPRINT, "DigitalPostParametre");
            leaf(w, DKAL, "AfsendelseDatoTid", dp.sendTime() == null ? null : dp.sendTime().toString());
            leaf(w, DKAL, "MeddelelseIndholdstypeIdentifikator", number(dp.contentTypeId()));
            leaf(w, DKAL, "MeddelelseSvarTypeNavn", dp.replyType());
            leaf(w, DKAL, "MeddelelseSvarPostkasseIdentifikator", number(dp.replyMailboxId()));
            leaf(w, DKAL, "MeddelelseSvarEmneIdentifikator", number(dp.replySubjectId()));
            PrintShipment.Fesd fesd = dp.fesd();
            if (fesd != null) {
                start(w, DKAL, "MeddelelseFESDmetadata");
                leaf(w, DKAL, "FESDdokumentIdentifikator", fesd.documentId());
                leaf(w, DKAL, "FESDaktoerIdentifikator", fesd.actorId());
                leaf(w, DKAL, "FESDsagIdentifikator", fesd.caseId());
                leaf(w, DKAL, "FESDsagsklassifikationIdentifikator", fesd.caseClassificationId());
                w.writeEndElement();
            }
            leaf(w, FJERNPRINT, "MedsendDokumentRegistreringIndikator", Boolean.toString(dp.attachDocumentRegistration()));
            w.writeEndElement();
        }
        if (p.postCategory() != null) {
            start(w, FJERNPRINT, "PostParametre");
            leaf(w, FJERNPRINT, "PostKategoriKode", p.postCategory().code());
            w.writeEndElement();
        }
        if (!p.attachments().isEmpty()) {
            start(w, FJERNPRINT, "BilagSamling");
            for (PrintShipment.Attachment a : p.attachments()) {
                start(w, FJERNPRINT, "Bilag");
                leaf(w, FJERNPRINT, "BilagNavn", a.name());
                leaf(w, DKAL, "FilformatNavn", a.fileFormat());
                leaf(w, FJERNPRINT, "BilagSorteringsIndeksIdentifikator", Long.toString(a.sortIndex()));
                start(w, DKAL, "VedhaeftningIndholdData");
                base64.write(w, raw, a.content());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
    }

    /** Writes a KontaktOplysningType element ({@code ModtagerAdresse} or {@code AfsenderAdresse}). */
    private static void address(XMLStreamWriter w, String element, PrintAddress a) throws XMLStreamException {
        start(w, FJERNPRINT, element);
        leaf(w, ITST, "PersonName", a.personName());
        if (a.isLines()) {
            for (int i = 0; i < a.lines().size(); i++) {
                leaf(w, DKCC2005_3, LINE_ELEMENTS.get(i), a.lines().get(i));
            }
            leaf(w, DKCC2005, "PostCodeIdentifier", a.postCode());
        } else {
            leaf(w, FJERNPRINT, "CoNavn", a.coName());
            leaf(w, DKCC2005, "StreetName", a.streetName());
            leaf(w, DKCC, "StreetBuildingIdentifier", a.streetBuildingIdentifier());
            leaf(w, DKCC, "FloorIdentifier", a.floor());
            leaf(w, DKCC, "SuiteIdentifier", a.suite());
            leaf(w, DKCC, "MailDeliverySublocationIdentifier", a.mailDeliverySublocation());
            leaf(w, DKCC2005, "PostCodeIdentifier", a.postCode());
            leaf(w, DKCC2005, "DistrictSubdivisionIdentifier", a.district());
            leaf(w, DKCC2005_2, "PostOfficeBoxIdentifier", a.postOfficeBox() == null ? null : a.postOfficeBox().toString());
        }
        start(w, DKCC, "CountryIdentificationCode");
        w.writeAttribute("scheme", "iso3166-alpha2");
        w.writeCharacters(a.countryCode());
        w.writeEndElement();
        w.writeEndElement();
    }

    private static String number(Long n) {
        return n == null ? null : n.toString();
    }

    private static String flag(Boolean b) {
        return b == null ? null : b.toString();
    }

    private static void start(XMLStreamWriter w, String ns, String name) throws XMLStreamException {
        for (String[] d : PRINT_NAMESPACES) {
            if (d[1].equals(ns)) {
                w.writeStartElement(d[0], name, ns);
                return;
            }
        }
        throw new IllegalArgumentException(ns);
    }

    private static void leaf(XMLStreamWriter w, String ns, String name, String value) throws XMLStreamException {
        if (value != null) {
            start(w, ns, name);
            w.writeCharacters(value);
            w.writeEndElement();
        }
    }

    // ---- reading ----

    /** Reads a {@code kombi_request} document; file content goes to {@code sink}. Does not close {@code in}. */
    public static KombiRequest read(InputStream in, FileContentSink sink) throws IOException {
        XMLStreamReader r = SecureXml.createStreamReader(in);
        Reading reading = new Reading(r, sink);
        try {
            r.nextTag();
            KombiRequest k = reading.request();
            while (r.hasNext()) {
                r.next();
            }
            return k;
        } catch (XMLStreamException e) {
            reading.discard();
            throw new XmlParseException("kombi_request could not be read: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            reading.discard();
            throw e;
        }
    }

    /** State of one read. */
    private static final class Reading {
        private final XMLStreamReader r;
        private final FileContentSink sink;
        private final Violations pv = Violations.at("");
        private final List<FileContentSink.Target> received = new ArrayList<>();
        private MemoMessage memo;

        Reading(XMLStreamReader r, FileContentSink sink) {
            this.r = r;
            this.sink = (path, filename) -> {
                FileContentSink.Target t = sink.open(path, filename);
                if (t != null) {
                    received.add(t);
                }
                return t;
            };
        }

        /** Releases every file received so far, those of the MeMo part included. */
        void discard() {
            received.forEach(FileContentSink.Target::discard);
        }

        KombiRequest request() throws XMLStreamException, IOException {
            if (!"kombi_request".equals(r.getLocalName()) || !ns().isEmpty()) {
                throw new ValidationException("kombiRequest", "must be a kombi_request element without a namespace");
            }
            ChannelChoice channel = null;
            PrintShipment print = null;
            boolean sawChannel = false;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (ns().isEmpty() && name.equals("KombiValgKode") && !sawChannel) {
                    sawChannel = true;
                    String code = r.getElementText().strip();
                    channel = ChannelChoice.fromCode(code).orElse(null);
                    pv.require(channel != null, "kombiRequest.channel",
                            "must be one of Automatisk Valg, Digital Post, Fysisk Post, NemSMS");
                } else if (MemoNames.MEMO.equals(ns()) && name.equals("Message") && memo == null) {
                    try {
                        memo = MemoStaxReader.readElement(r, sink);
                    } catch (ValidationException e) {
                        throw e.under("kombiRequest.memo");
                    }
                } else if (FJERNPRINT.equals(ns()) && name.equals("ForsendelseISamling") && print == null) {
                    print = samling();
                } else {
                    throw new ValidationException("kombiRequest", "must not contain element " + name + " here");
                }
            }
            pv.require(sawChannel, "kombiRequest.channel", "must be present (element KombiValgKode)");
            List<Violation> found = new ArrayList<>(pv.list());
            if (!found.isEmpty()) {
                throw new ValidationException(found);
            }
            return new KombiRequest(channel, memo, print);
        }

        private String ns() {
            return r.getNamespaceURI() == null ? "" : r.getNamespaceURI();
        }

        private ValidationException unexpected(String path) {
            return new ValidationException(path, "must not contain element " + r.getLocalName() + " (unknown or not supported)");
        }

        private PrintShipment samling() throws XMLStreamException, IOException {
            PrintShipment p = null;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (p != null || !FJERNPRINT.equals(ns()) || !"ForsendelseI".equals(r.getLocalName())) {
                    throw unexpected("kombiRequest.print");
                }
                p = forsendelse("kombiRequest.print");
            }
            if (p == null) {
                throw new ValidationException("kombiRequest.print", "must contain one ForsendelseI");
            }
            return p;
        }

        private PrintShipment forsendelse(String p) throws XMLStreamException, IOException {
            String id = null;
            Integer type = null;
            String[] recipient = {null, null};
            PrintAddress address = null;
            String format = null;
            FileContent content = null;
            String[] document = new String[3];
            PrintShipment.TransactionParameters transaction = null;
            PrintShipment.SenderDetails details = null;
            PrintShipment.PrintOptions options = null;
            PrintShipment.PostCategory category = null;
            PrintShipment.DigitalPostParameters digitalPost = null;
            List<PrintShipment.Attachment> attachments = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                String ns = ns();
                if (ns.equals(FJERNPRINT) && name.equals("AfsendelseIdentifikator")) {
                    id = r.getElementText();
                } else if (ns.equals(FJERNPRINT) && name.equals("ForsendelseTypeIdentifikator")) {
                    String s = r.getElementText().strip();
                    try {
                        type = Integer.valueOf(s);
                    } catch (NumberFormatException e) {
                        pv.add(p + ".shipmentTypeId", "must be a positive whole number");
                    }
                } else if (ns.equals(FJERNPRINT) && name.equals("ForsendelseModtager")) {
                    address = modtager(p, recipient);
                } else if (ns.equals(DKAL) && name.equals("FilformatNavn")) {
                    format = r.getElementText();
                } else if (ns.equals(DKAL) && name.equals("MeddelelseIndholdData")) {
                    content = content(p + ".content", null);
                } else if (ns.equals(FJERNPRINT) && name.equals("TransaktionsParametreI")) {
                    transaction = transaction(p + ".transaction");
                } else if (ns.equals(FJERNPRINT) && name.equals("DokumentParametre")) {
                    leaves(p + ".document", SD, List.of("TitelTekst", "UUIDIdentifikator", "BrevDato"), document);
                } else if (ns.equals(FJERNPRINT) && name.equals("KanalUafhaengigeParametreI")) {
                    details = details(p + ".senderDetails");
                } else if (ns.equals(FJERNPRINT) && name.equals("PrintParametre")) {
                    String[] o = new String[3];
                    leaves(p + ".printOptions", FJERNPRINT, List.of("SimplexDuplexKode", "FarveSHKode", "KuvertTypeKode"), o);
                    options = new PrintShipment.PrintOptions(strip(o[0]), strip(o[1]), strip(o[2]));
                } else if (ns.equals(FJERNPRINT) && name.equals("DigitalPostParametre")) {
                    digitalPost = digitalPost(p + ".digitalPostParameters");
                } else if (ns.equals(FJERNPRINT) && name.equals("PostParametre")) {
                    String[] c = new String[1];
                    leaves(p + ".postCategory", FJERNPRINT, List.of("PostKategoriKode"), c);
                    for (PrintShipment.PostCategory k : PrintShipment.PostCategory.values()) {
                        if (k.code().equals(strip(c[0]))) {
                            category = k;
                        }
                    }
                    pv.require(c[0] == null || category != null, p + ".postCategory", "must be a known PostKategoriKode");
                } else if (ns.equals(FJERNPRINT) && name.equals("BilagSamling")) {
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if (!FJERNPRINT.equals(ns()) || !"Bilag".equals(r.getLocalName())) {
                            throw unexpected(p + ".attachments");
                        }
                        attachments.add(bilag(p + ".attachments[" + attachments.size() + "]"));
                    }
                    pv.require(!attachments.isEmpty(), p + ".attachments", "must hold at least one Bilag when BilagSamling is given");
                } else {
                    throw unexpected(p);
                }
            }
            LocalDate letterDate = null;
            if (document[2] != null) {
                try {
                    letterDate = LocalDate.parse(document[2].strip());
                } catch (java.time.format.DateTimeParseException e) {
                    pv.add(p + ".letterDate", "must be a date such as 2025-03-03 (BrevDato)");
                }
            }
            return new PrintShipment(id, type, recipient[0], recipient[1], address, format, content, document[0], options,
                    category, transaction, document[1], letterDate, details, attachments, digitalPost);
        }

        private PrintShipment.DigitalPostParameters digitalPost(String p) throws XMLStreamException {
            String[] d = new String[5];
            PrintShipment.Fesd fesd = null;
            Boolean attach = null;
            List<String> names = List.of("AfsendelseDatoTid", "MeddelelseIndholdstypeIdentifikator", "MeddelelseSvarTypeNavn",
                    "MeddelelseSvarPostkasseIdentifikator", "MeddelelseSvarEmneIdentifikator");
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                if (DKAL.equals(ns()) && names.contains(name)) {
                    d[names.indexOf(name)] = r.getElementText();
                } else if (DKAL.equals(ns()) && name.equals("MeddelelseFESDmetadata")) {
                    String[] f = new String[4];
                    leaves(p + ".fesd", DKAL, List.of("FESDdokumentIdentifikator", "FESDaktoerIdentifikator",
                            "FESDsagIdentifikator", "FESDsagsklassifikationIdentifikator"), f);
                    fesd = new PrintShipment.Fesd(strip(f[0]), strip(f[1]), strip(f[2]), strip(f[3]));
                } else if (FJERNPRINT.equals(ns()) && name.equals("MedsendDokumentRegistreringIndikator")) {
                    attach = bool(p + ".attachDocumentRegistration", r.getElementText().strip());
                } else {
                    throw unexpected(p);
                }
            }
            pv.require(attach != null, p + ".attachDocumentRegistration",
                    "must be present (element MedsendDokumentRegistreringIndikator)");
            java.time.Instant time = null;
            if (d[0] != null) {
                time = Replies.instant(d[0].strip());
                pv.require(time != null, p + ".sendTime", "must be a date-time such as 2025-03-03T12:00:00Z");
            }
            return new PrintShipment.DigitalPostParameters(time, count(p + ".contentTypeId", d[1]), strip(d[2]),
                    count(p + ".replyMailboxId", d[3]), count(p + ".replySubjectId", d[4]), fesd, Boolean.TRUE.equals(attach));
        }

        /** A nonNegativeInteger, as far as a long holds it. */
        private Long count(String p, String text) {
            if (text == null) {
                return null;
            }
            try {
                long n = Long.parseLong(text.strip());
                pv.require(n >= 0, p, "must be 0 or more");
                return n;
            } catch (NumberFormatException e) {
                pv.add(p, "must be a whole number from 0 to " + Long.MAX_VALUE);
                return null;
            }
        }

        /** Reads the simple children of the open element into {@code out} by their index in {@code names}. */
        private void leaves(String p, String namespace, List<String> names, String[] out) throws XMLStreamException {
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                int i = names.indexOf(r.getLocalName());
                if (i < 0 || !namespace.equals(ns())) {
                    throw unexpected(p);
                }
                out[i] = r.getElementText();
            }
        }

        private static String strip(String s) {
            return s == null ? null : s.strip();
        }

        private PrintShipment.TransactionParameters transaction(String p) throws XMLStreamException {
            String[] t = new String[4];
            leaves(p, FJERNPRINT, List.of("TransaktionsDatoTid", "MasseForsendelseIdentifikator", "KvitteringsTypeKode",
                    "KvitteringsEmail"), t);
            java.time.Instant time = null;
            if (t[0] != null) {
                time = Replies.instant(t[0].strip());
                pv.require(time != null, p + ".time", "must be a date-time such as 2025-03-03T12:00:00Z");
            }
            return new PrintShipment.TransactionParameters(time, t[1], strip(t[2]), strip(t[3]));
        }

        private PrintShipment.SenderDetails details(String p) throws XMLStreamException {
            String[] d = new String[9];
            List<String> names = List.of("EnhedTekst", "BrugerNavn", "KonteringsGruppeTekst", "ForsendelseAfsender",
                    "PaatrykAfsenderAdresseIndikator", "PaatrykModtagerAdresseIndikator", "PaatrykBrevdatoIndikator",
                    "KanalKode", "HasteBrevIndikator");
            PrintAddress sender = null;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                int i = names.indexOf(r.getLocalName());
                if (i < 0 || !FJERNPRINT.equals(ns())) {
                    throw unexpected(p);
                }
                if (i == 3) {
                    sender = afsender(p + ".senderAddress");
                } else {
                    d[i] = r.getElementText();
                }
            }
            return new PrintShipment.SenderDetails(d[0], d[1], d[2], sender, bool(p + ".printSenderAddress", strip(d[4])),
                    bool(p + ".printRecipientAddress", strip(d[5])), bool(p + ".printLetterDate", strip(d[6])), strip(d[7]),
                    bool(p + ".urgent", strip(d[8])));
        }

        private Boolean bool(String p, String text) {
            if (text == null) {
                return null;
            }
            if (text.equals("true") || text.equals("1")) {
                return Boolean.TRUE;
            }
            pv.require(text.equals("false") || text.equals("0"), p, "must be true or false");
            return Boolean.FALSE;
        }

        /** Reads ForsendelseAfsender: at most one AfsenderAdresse; empty is null. */
        private PrintAddress afsender(String p) throws XMLStreamException {
            PrintAddress address = null;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (address != null || !FJERNPRINT.equals(ns()) || !"AfsenderAdresse".equals(r.getLocalName())) {
                    throw unexpected(p);
                }
                address = address(p);
            }
            return address;
        }

        private PrintShipment.Attachment bilag(String p) throws XMLStreamException, IOException {
            String name = null;
            String format = null;
            long index = -1;
            FileContent content = null;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String local = r.getLocalName();
                if (FJERNPRINT.equals(ns()) && local.equals("BilagNavn")) {
                    name = r.getElementText();
                } else if (DKAL.equals(ns()) && local.equals("FilformatNavn")) {
                    format = r.getElementText();
                } else if (FJERNPRINT.equals(ns()) && local.equals("BilagSorteringsIndeksIdentifikator")) {
                    String s = r.getElementText().strip();
                    try {
                        index = Long.parseLong(s);
                    } catch (NumberFormatException e) {
                        pv.add(p + ".sortIndex", "must be a whole number, 0 or more");
                    }
                } else if (DKAL.equals(ns()) && local.equals("VedhaeftningIndholdData")) {
                    content = content(p + ".content", name);
                } else {
                    throw new ValidationException(p, "must not contain element " + local
                            + " (only attachments with their content are supported, not BilagIdentifikator or URL references)");
                }
            }
            return new PrintShipment.Attachment(name, format, index, content);
        }

        private PrintAddress modtager(String p, String[] recipient) throws XMLStreamException {
            PrintAddress address = null;
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                if (DKAL.equals(ns()) && "AfsendelseModtager".equals(r.getLocalName())) {
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        String name = r.getLocalName();
                        if (!ADIR.equals(ns()) || !(name.equals("CPRnummerIdentifikator") || name.equals("CVRnummerIdentifikator"))) {
                            throw unexpected(p + ".recipientId");
                        }
                        recipient[0] = name.startsWith("CPR") ? Recipient.ID_TYPE_CPR : Recipient.ID_TYPE_CVR;
                        recipient[1] = r.getElementText().strip();
                    }
                } else if (FJERNPRINT.equals(ns()) && "ModtagerAdresse".equals(r.getLocalName())) {
                    address = address(p + ".address");
                } else {
                    throw unexpected(p);
                }
            }
            return address;
        }

        private PrintAddress address(String p) throws XMLStreamException {
            PrintAddress.Builder b = PrintAddress.builder().countryCode(null);
            List<String> lines = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String local = r.getLocalName();
                int line = LINE_ELEMENTS.indexOf(local);
                if (line >= 0) {
                    pv.require(line == lines.size(), p + ".lines", "must be given in order, first line first");
                    lines.add(r.getElementText());
                    continue;
                }
                switch (local) {
                    case "PersonName" -> b.personName(r.getElementText());
                    case "CoNavn" -> b.coName(r.getElementText());
                    case "StreetName" -> b.streetName(r.getElementText());
                    case "StreetBuildingIdentifier" -> b.streetBuildingIdentifier(r.getElementText());
                    case "FloorIdentifier" -> b.floor(r.getElementText());
                    case "SuiteIdentifier" -> b.suite(r.getElementText());
                    case "MailDeliverySublocationIdentifier" -> b.mailDeliverySublocation(r.getElementText());
                    case "PostCodeIdentifier" -> b.postCode(r.getElementText());
                    case "DistrictSubdivisionIdentifier" -> b.district(r.getElementText());
                    case "PostOfficeBoxIdentifier" -> {
                        String s = r.getElementText().strip();
                        try {
                            b.postOfficeBox(Integer.valueOf(s));
                        } catch (NumberFormatException e) {
                            pv.add(p + ".postOfficeBox", "must be a whole number from 1 to 9999");
                        }
                    }
                    case "CountryIdentificationCode" -> {
                        String scheme = r.getAttributeValue(null, "scheme");
                        pv.require("iso3166-alpha2".equals(scheme), p + ".countryCode", "must use the scheme iso3166-alpha2");
                        b.countryCode(r.getElementText().strip());
                    }
                    default -> throw unexpected(p);
                }
            }
            return b.lines(lines).build();
        }

        private FileContent content(String p, String filename) throws XMLStreamException, IOException {
            FileContentSink.Target target = sink.open(p, filename);
            if (target == null) {
                throw new IOException("the file content sink returned no target for " + p);
            }
            try {
                Base64Decoding decoding = new Base64Decoding(target.output(), p);
                while (true) {
                    int event = r.next();
                    if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                        decoding.feed(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        decoding.finish();
                        return target.complete();
                    } else if (event == XMLStreamConstants.START_ELEMENT) {
                        throw new ValidationException(p, "must not contain elements");
                    }
                }
            } catch (IOException | RuntimeException | XMLStreamException e) {
                target.discard();
                throw e;
            }
        }
    }
}

package dk.rammearkitektur.clients.digitalpost.internal;

import dk.rammearkitektur.clients.digitalpost.ChannelChoice;
import dk.rammearkitektur.clients.digitalpost.FileContent;
import dk.rammearkitektur.clients.digitalpost.FileContentSink;
import dk.rammearkitektur.clients.digitalpost.KombiRequest;
import dk.rammearkitektur.clients.digitalpost.MemoMessage;
import dk.rammearkitektur.clients.digitalpost.PostalAddress;
import dk.rammearkitektur.clients.digitalpost.PrintShipment;
import dk.rammearkitektur.clients.digitalpost.Recipient;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.Violation;
import dk.rammearkitektur.core.Violations;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.xml.SecureXml;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

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
    private static final String[][] PRINT_NAMESPACES = {
        {"fjernprint", FJERNPRINT}, {"dkal", DKAL}, {"adir", ADIR}, {"sd", SD}, {"itst", ITST}, {"dkcc", DKCC}, {"dkcc2005", DKCC2005},
    };

    private KombiStax() {
    }

    // ---- writing ----

    /** Writes {@code request} as a UTF-8 document; flushes but does not close {@code out}. */
    public static void write(KombiRequest request, OutputStream out) throws IOException {
        Objects.requireNonNull(request, "request == null");
        Objects.requireNonNull(out, "out == null");
        OutputStream raw = out instanceof BodyLength.Counter ? out : new BufferedOutputStream(new OutputStream() {
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
            PostalAddress a = p.address();
            if (a != null) {
                start(w, FJERNPRINT, "ModtagerAdresse");
                leaf(w, ITST, "PersonName", a.personName());
                leaf(w, FJERNPRINT, "CoNavn", a.coName());
                leaf(w, DKCC2005, "StreetName", a.streetName());
                leaf(w, DKCC, "StreetBuildingIdentifier", a.streetBuildingIdentifier());
                leaf(w, DKCC, "FloorIdentifier", a.floor());
                leaf(w, DKCC, "SuiteIdentifier", a.suite());
                leaf(w, DKCC2005, "PostCodeIdentifier", a.postCode());
                leaf(w, DKCC2005, "DistrictSubdivisionIdentifier", a.district());
                start(w, DKCC, "CountryIdentificationCode");
                w.writeAttribute("scheme", "iso3166-alpha2");
                w.writeCharacters(a.countryCode());
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
        }
        leaf(w, DKAL, "FilformatNavn", p.fileFormat());
        start(w, DKAL, "MeddelelseIndholdData");
        new Base64Out().write(w, raw, p.content());
        w.writeEndElement();
        start(w, FJERNPRINT, "DokumentParametre");
        leaf(w, SD, "TitelTekst", p.title());
        w.writeEndElement();
        PrintShipment.PrintOptions o = p.printOptions();
        if (o != null) {
            start(w, FJERNPRINT, "PrintParametre");
            leaf(w, FJERNPRINT, "SimplexDuplexKode", o.sides());
            leaf(w, FJERNPRINT, "FarveSHKode", o.colour());
            leaf(w, FJERNPRINT, "KuvertTypeKode", o.envelope());
            w.writeEndElement();
        }
        if (p.postCategory() != null) {
            start(w, FJERNPRINT, "PostParametre");
            leaf(w, FJERNPRINT, "PostKategoriKode", p.postCategory().code());
            w.writeEndElement();
        }
        w.writeEndElement();
        w.writeEndElement();
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
            PostalAddress address = null;
            String format = null;
            FileContent content = null;
            String title = null;
            PrintShipment.PrintOptions options = null;
            PrintShipment.PostCategory category = null;
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
                    content = content(p);
                } else if (ns.equals(FJERNPRINT) && name.equals("DokumentParametre")) {
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if (SD.equals(ns()) && "TitelTekst".equals(r.getLocalName())) {
                            title = r.getElementText();
                        } else {
                            throw unexpected(p + ".title");
                        }
                    }
                } else if (ns.equals(FJERNPRINT) && name.equals("PrintParametre")) {
                    String[] o = new String[3];
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        int i = List.of("SimplexDuplexKode", "FarveSHKode", "KuvertTypeKode").indexOf(r.getLocalName());
                        if (i < 0 || !FJERNPRINT.equals(ns())) {
                            throw unexpected(p + ".printOptions");
                        }
                        o[i] = r.getElementText().strip();
                    }
                    options = new PrintShipment.PrintOptions(o[0], o[1], o[2]);
                } else if (ns.equals(FJERNPRINT) && name.equals("PostParametre")) {
                    while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                        if (!FJERNPRINT.equals(ns()) || !"PostKategoriKode".equals(r.getLocalName())) {
                            throw unexpected(p + ".postCategory");
                        }
                        String code = r.getElementText().strip();
                        for (PrintShipment.PostCategory c : PrintShipment.PostCategory.values()) {
                            if (c.code().equals(code)) {
                                category = c;
                            }
                        }
                        pv.require(category != null, p + ".postCategory", "must be a known PostKategoriKode");
                    }
                } else {
                    throw unexpected(p);
                }
            }
            return new PrintShipment(id, type, recipient[0], recipient[1], address, format, content, title, options, category);
        }

        private PostalAddress modtager(String p, String[] recipient) throws XMLStreamException {
            PostalAddress address = null;
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

        private PostalAddress address(String p) throws XMLStreamException {
            PostalAddress.Builder b = PostalAddress.builder().countryCode(null);
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "PersonName" -> b.personName(r.getElementText());
                    case "CoNavn" -> b.coName(r.getElementText());
                    case "StreetName" -> b.streetName(r.getElementText());
                    case "StreetBuildingIdentifier" -> b.streetBuildingIdentifier(r.getElementText());
                    case "FloorIdentifier" -> b.floor(r.getElementText());
                    case "SuiteIdentifier" -> b.suite(r.getElementText());
                    case "PostCodeIdentifier" -> b.postCode(r.getElementText());
                    case "DistrictSubdivisionIdentifier" -> b.district(r.getElementText());
                    case "CountryIdentificationCode" -> {
                        String scheme = r.getAttributeValue(null, "scheme");
                        pv.require("iso3166-alpha2".equals(scheme), p + ".countryCode", "must use the scheme iso3166-alpha2");
                        b.countryCode(r.getElementText().strip());
                    }
                    default -> throw unexpected(p);
                }
            }
            return b.build();
        }

        private FileContent content(String p) throws XMLStreamException, IOException {
            FileContentSink.Target target = sink.open(p, null);
            if (target == null) {
                throw new IOException("the file content sink returned no target for " + p);
            }
            try {
                Base64Decoding decoding = new Base64Decoding(target.output(), p + ".content");
                while (true) {
                    int event = r.next();
                    if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA || event == XMLStreamConstants.SPACE) {
                        decoding.feed(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    } else if (event == XMLStreamConstants.END_ELEMENT) {
                        decoding.finish();
                        return target.complete();
                    } else if (event == XMLStreamConstants.START_ELEMENT) {
                        throw new ValidationException(p + ".content", "must not contain elements");
                    }
                }
            } catch (IOException | RuntimeException | XMLStreamException e) {
                target.discard();
                throw e;
            }
        }
    }
}

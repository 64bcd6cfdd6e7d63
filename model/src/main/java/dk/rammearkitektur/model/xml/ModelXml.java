package dk.rammearkitektur.model.xml;

import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.core.XmlParseException;
import dk.rammearkitektur.core.xml.SecureXml;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.internal.bind.Dto;
import dk.rammearkitektur.model.internal.bind.Mapping;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import org.xml.sax.SAXException;

/**
 * XML for the model through Jakarta XML Binding, against the schema published in this artifact at
 * {@value #SCHEMA_RESOURCE} (namespace {@value #NAMESPACE}).
 *
 * <p>Reading parses with {@link SecureXml} (no DOCTYPE, no external entities), validates against the schema and then
 * checks the model's rules: a document that is not well-formed or not schema-valid yields
 * {@link XmlParseException} (or {@code XmlSecurityException}); one that breaks a model rule yields
 * {@link ValidationException} with paths such as {@code case.parties[2].party.cpr}.
 *
 * <pre>{@code
 * byte[] xml = ModelXml.write(aCase);
 * Case back = ModelXml.read(xml, Case.class);
 * }</pre>
 */
public final class ModelXml {
    /** The namespace of every element. */
    public static final String NAMESPACE = "urn:dk:rammearkitektur:model:1";
    /** Class-path location of the schema. */
    public static final String SCHEMA_RESOURCE = "/dk/rammearkitektur/model/xml/rammearkitektur-model-1.xsd";

    private ModelXml() {
    }

    /** The parsed schema, e.g. for validating documents produced elsewhere. */
    public static Schema schema() {
        return Holder.SCHEMA;
    }

    /** The schema resource's URL. */
    public static URL schemaUrl() {
        return Objects.requireNonNull(ModelXml.class.getResource(SCHEMA_RESOURCE), "schema resource missing");
    }

    /**
     * Writes a case, document, benefit, party or history as UTF-8 XML.
     *
     * @param value the value
     * @return the XML bytes
     */
    public static byte[] write(Object value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        write(value, out);
        return out.toByteArray();
    }

    /** Like {@link #write(Object)}, as a string. */
    public static String writeString(Object value) {
        return new String(write(value), StandardCharsets.UTF_8);
    }

    /**
     * Writes a case, document, benefit, party or history as UTF-8 XML to {@code out}.
     *
     * @param value the value
     * @param out where to write; not closed
     */
    public static void write(Object value, OutputStream out) {
        Objects.requireNonNull(value, "value == null");
        Objects.requireNonNull(out, "out == null");
        Object dto = value instanceof History<?> h ? Mapping.toDto(h) : Mapping.valueToDto(value);
        try {
            Marshaller m = Holder.CONTEXT.createMarshaller();
            m.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
            m.marshal(dto, out);
        } catch (JAXBException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as XML", e);
        }
    }

    /**
     * Reads a model value.
     *
     * @param xml UTF-8 (or declared encoding) XML bytes
     * @param type {@code Case}, {@code Document}, {@code Benefit}, {@code Party} or one of its subtypes
     * @param <T> the type
     * @return the value
     * @throws XmlParseException when the XML is not well-formed, not schema-valid or has another root element
     * @throws ValidationException when a model rule is broken
     */
    public static <T> T read(byte[] xml, Class<T> type) {
        return read(new ByteArrayInputStream(xml), type);
    }

    /** Like {@link #read(byte[], Class)}, from a string. */
    public static <T> T read(String xml, Class<T> type) {
        return read(xml.getBytes(StandardCharsets.UTF_8), type);
    }

    /** Like {@link #read(byte[], Class)}, from a stream (not closed). */
    public static <T> T read(InputStream xml, Class<T> type) {
        Objects.requireNonNull(xml, "xml == null");
        Objects.requireNonNull(type, "type == null");
        Object dto = unmarshal(xml);
        Object value;
        if (dto instanceof Dto.CaseDto c) {
            value = Mapping.toCase(c, "case");
        } else if (dto instanceof Dto.DocumentDto d) {
            value = Mapping.toDocument(d, "document");
        } else if (dto instanceof Dto.BenefitDto b) {
            value = Mapping.toBenefit(b, "benefit");
        } else if (dto instanceof Dto.HistoryDto) {
            throw new XmlParseException("expected a " + type.getSimpleName() + " but found a history: use readHistory", null);
        } else {
            value = Mapping.toParty(dto, rootName(dto));
        }
        if (!type.isInstance(value)) {
            throw new XmlParseException("expected a " + type.getSimpleName() + " but found a "
                    + value.getClass().getSimpleName(), null);
        }
        return type.cast(value);
    }

    /**
     * Reads a history whose values must all be of {@code valueType}.
     *
     * @param xml the XML bytes
     * @param valueType e.g. {@code Case.class}
     * @param <T> the value type
     * @return the history
     * @throws XmlParseException when the XML is not well-formed, not schema-valid or not a history
     * @throws ValidationException when a model rule is broken
     */
    public static <T> History<T> readHistory(byte[] xml, Class<T> valueType) {
        Objects.requireNonNull(xml, "xml == null");
        Objects.requireNonNull(valueType, "valueType == null");
        Object dto = unmarshal(new ByteArrayInputStream(xml));
        if (!(dto instanceof Dto.HistoryDto h)) {
            throw new XmlParseException("expected a history", null);
        }
        return Mapping.toHistory(h, valueType, "history");
    }

    private static String rootName(Object dto) {
        if (dto instanceof Dto.PersonDto) {
            return "person";
        }
        if (dto instanceof Dto.CompanyDto) {
            return "company";
        }
        return "organisationUnit";
    }

    /**
     * Parses with the hardened stream reader and validates against the schema while binding, in one pass. The first
     * schema error stops the read.
     */
    private static Object unmarshal(InputStream in) {
        XMLStreamReader reader = SecureXml.createStreamReader(in);
        ValidationEvent[] first = new ValidationEvent[1];
        try {
            Unmarshaller u = Holder.CONTEXT.createUnmarshaller();
            u.setSchema(Holder.SCHEMA);
            u.setEventHandler(event -> {
                if (event.getSeverity() == ValidationEvent.WARNING) {
                    return true;
                }
                if (first[0] == null) {
                    first[0] = event;
                }
                return false;
            });
            Object dto = u.unmarshal(reader);
            while (reader.hasNext()) {
                reader.next();
            }
            return dto;
        } catch (XMLStreamException e) {
            throw new XmlParseException("XML is not well-formed after the root element", null);
        } catch (JAXBException e) {
            if (first[0] != null) {
                throw invalid(first[0]);
            }
            throw new XmlParseException("XML could not be bound to the model", null);
        } finally {
            try {
                reader.close();
            } catch (XMLStreamException e) {
                // nothing left to release
            }
        }
    }

    /**
     * A schema error without the offending value (which may be personal data) and without the parser's exception as
     * cause, whose message repeats the value.
     */
    private static XmlParseException invalid(ValidationEvent event) {
        ValidationEventLocator at = event.getLocator();
        String where = at == null || at.getLineNumber() <= 0 ? ""
                : " (line " + at.getLineNumber() + ", column " + at.getColumnNumber() + ")";
        String message = String.valueOf(event.getMessage()).replaceAll("(?i)(value) '[^']*'", "$1 '…'");
        return new XmlParseException("XML is not valid against " + SCHEMA_RESOURCE.substring(SCHEMA_RESOURCE.lastIndexOf('/') + 1)
                + where + ": " + message, null);
    }

    /** Loaded on first use: the JAXB context and the schema, each built once. */
    private static final class Holder {
        static final JAXBContext CONTEXT;
        static final Schema SCHEMA;

        static {
            try {
                CONTEXT = JAXBContext.newInstance(Dto.CaseDto.class, Dto.DocumentDto.class, Dto.BenefitDto.class,
                        Dto.PersonDto.class, Dto.CompanyDto.class, Dto.OrganisationUnitDto.class, Dto.HistoryDto.class);
            } catch (JAXBException e) {
                throw new IllegalStateException("cannot create the JAXB context for the model", e);
            }
            URL url = schemaUrl();
            try (InputStream in = url.openStream()) {
                SCHEMA = SecureXml.schemaFactory("").newSchema(new StreamSource(in, url.toExternalForm()));
            } catch (IOException | SAXException e) {
                throw new IllegalStateException("cannot load the model schema " + SCHEMA_RESOURCE, e);
            }
        }

        private Holder() {
        }
    }
}

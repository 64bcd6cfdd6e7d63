package dk.rammearkitektur.model.internal.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.Benefit;
import dk.rammearkitektur.model.BenefitId;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.CaseId;
import dk.rammearkitektur.model.Company;
import dk.rammearkitektur.model.Cpr;
import dk.rammearkitektur.model.Cvr;
import dk.rammearkitektur.model.Document;
import dk.rammearkitektur.model.DocumentId;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.KleNumber;
import dk.rammearkitektur.model.OrganisationUnit;
import dk.rammearkitektur.model.PNumber;
import dk.rammearkitektur.model.Party;
import dk.rammearkitektur.model.PartyId;
import dk.rammearkitektur.model.Person;
import dk.rammearkitektur.model.internal.bind.Dto;
import dk.rammearkitektur.model.internal.bind.Mapping;
import java.io.IOException;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Jackson module for the model. Graph types are written straight to the generator by {@link ModelWriter} and read
 * through the binding classes of {@code internal.bind} (whose bean deserializers Jackson builds once and caches),
 * then mapped and validated; identifiers are strings.
 */
public final class ModelModule extends SimpleModule {
    private static final long serialVersionUID = 1L;

    /** Creates the module. */
    public ModelModule() {
        super("rammearkitektur-model", Version.unknownVersion());
        addSerializer(Case.class, new Writer<>(Case.class, (g, v) -> ModelWriter.writeCase(g, v, false)));
        addSerializer(Document.class, new Writer<>(Document.class, (g, v) -> ModelWriter.writeDocument(g, v, false)));
        addSerializer(Benefit.class, new Writer<>(Benefit.class, (g, v) -> ModelWriter.writeBenefit(g, v, false)));
        addSerializer(Person.class, new Writer<>(Person.class, (g, v) -> ModelWriter.writePerson(g, v, false)));
        addSerializer(Company.class, new Writer<>(Company.class, (g, v) -> ModelWriter.writeCompany(g, v, false)));
        addSerializer(OrganisationUnit.class, new Writer<>(OrganisationUnit.class,
                (g, v) -> ModelWriter.writeOrganisationUnit(g, v, false)));
        @SuppressWarnings({"rawtypes", "unchecked"})
        Class<History<?>> historyClass = (Class) History.class;
        addSerializer(historyClass, new Writer<>(historyClass, ModelWriter::writeHistory));

        addDeserializer(Case.class, new DtoDeserializer<>(Case.class, Dto.CaseDto.class, "case", Mapping::toCase));
        addDeserializer(Document.class, new DtoDeserializer<>(Document.class, Dto.DocumentDto.class, "document",
                Mapping::toDocument));
        addDeserializer(Benefit.class, new DtoDeserializer<>(Benefit.class, Dto.BenefitDto.class, "benefit",
                Mapping::toBenefit));
        addDeserializer(Person.class, new DtoDeserializer<>(Person.class, Dto.PersonDto.class, "person",
                (d, root) -> (Person) Mapping.toParty(d, root)));
        addDeserializer(Company.class, new DtoDeserializer<>(Company.class, Dto.CompanyDto.class, "company",
                (d, root) -> (Company) Mapping.toParty(d, root)));
        addDeserializer(OrganisationUnit.class, new DtoDeserializer<>(OrganisationUnit.class, Dto.OrganisationUnitDto.class,
                "organisationUnit", (d, root) -> (OrganisationUnit) Mapping.toParty(d, root)));
        addDeserializer(historyClass, new HistoryDeserializer(Object.class));
        addDeserializer(Party.class, new PartyDeserializer());

        addSerializer(Cpr.class, new CprSerializer());
        addDeserializer(Cpr.class, new StringDeserializer<>(Cpr.class, "cpr", Cpr::parse));
        addSerializer(Cvr.class, ToStringSerializer.instance);
        addDeserializer(Cvr.class, new StringDeserializer<>(Cvr.class, "cvr", Cvr::parse));
        addSerializer(PNumber.class, ToStringSerializer.instance);
        addDeserializer(PNumber.class, new StringDeserializer<>(PNumber.class, "pNumber", PNumber::parse));
        addSerializer(KleNumber.class, ToStringSerializer.instance);
        addDeserializer(KleNumber.class, new StringDeserializer<>(KleNumber.class, "kle", KleNumber::parse));
        addSerializer(CaseId.class, ToStringSerializer.instance);
        addDeserializer(CaseId.class, new StringDeserializer<>(CaseId.class, "id", CaseId::parse));
        addSerializer(DocumentId.class, ToStringSerializer.instance);
        addDeserializer(DocumentId.class, new StringDeserializer<>(DocumentId.class, "id", DocumentId::parse));
        addSerializer(PartyId.class, ToStringSerializer.instance);
        addDeserializer(PartyId.class, new StringDeserializer<>(PartyId.class, "id", PartyId::parse));
        addSerializer(BenefitId.class, ToStringSerializer.instance);
        addDeserializer(BenefitId.class, new StringDeserializer<>(BenefitId.class, "id", BenefitId::parse));
    }

    /** Reads the binding class with Jackson, turning Jackson's errors into ours. */
    static <D> D readDto(JsonParser p, DeserializationContext ctxt, JsonDeserializer<?> delegate, Class<D> dtoClass,
            String root) {
        try {
            D dto = dtoClass.cast(delegate.deserialize(p, ctxt));
            if (dto == null) {
                throw new ValidationException(root, "is required");
            }
            return dto;
        } catch (JsonProcessingException e) {
            throw JsonErrors.toValidation(e, root);
        } catch (IOException e) {
            throw new ValidationException(root, "cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** Reads a binding class and maps it to the model. */
    static final class DtoDeserializer<M, D> extends StdDeserializer<M> implements ResolvableDeserializer {
        private static final long serialVersionUID = 1L;
        private final Class<D> dtoClass;
        private final String root;
        private final transient BiFunction<D, String, M> map;
        private transient JsonDeserializer<?> delegate;

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            delegate = ctxt.findRootValueDeserializer(ctxt.constructType(dtoClass));
        }

        DtoDeserializer(Class<M> modelClass, Class<D> dtoClass, String root, BiFunction<D, String, M> map) {
            super(modelClass);
            this.dtoClass = dtoClass;
            this.root = root;
            this.map = map;
        }

        @Override
        public M deserialize(JsonParser p, DeserializationContext ctxt) {
            return map.apply(readDto(p, ctxt, delegate, dtoClass, root), root);
        }
    }

    /**
     * Reads any party. The JSON of a person or company carries no kind, so it is told by its identifier: {@code cpr}
     * for a person, {@code cvr} for a company, neither for an organisation unit.
     */
    static final class PartyDeserializer extends StdDeserializer<Party> {
        private static final long serialVersionUID = 1L;

        PartyDeserializer() {
            super(Party.class);
        }

        @Override
        public Party deserialize(JsonParser p, DeserializationContext ctxt) {
            JsonNode node;
            try {
                node = ctxt.readTree(p);
            } catch (JsonProcessingException e) {
                throw JsonErrors.toValidation(e, "party");
            } catch (IOException e) {
                throw new ValidationException("party", "cannot be read: " + e.getClass().getSimpleName());
            }
            if (!node.isObject()) {
                throw new ValidationException("party", "must be a JSON object");
            }
            Class<?> dtoClass = node.has("cpr") ? Dto.PersonDto.class
                    : node.has("cvr") ? Dto.CompanyDto.class : Dto.OrganisationUnitDto.class;
            String root = node.has("cpr") ? "person" : node.has("cvr") ? "company" : "organisationUnit";
            try {
                return Mapping.toParty(ctxt.readTreeAsValue(node, dtoClass), root);
            } catch (JsonProcessingException e) {
                throw JsonErrors.toValidation(e, root);
            } catch (IOException e) {
                throw new ValidationException(root, "cannot be read: " + e.getClass().getSimpleName());
            }
        }
    }

    /** Reads {@code History<T>}, checking every value is a {@code T}. */
    static final class HistoryDeserializer extends StdDeserializer<History<?>>
            implements ContextualDeserializer, ResolvableDeserializer {
        private static final long serialVersionUID = 1L;
        private final Class<?> valueType;
        private transient JsonDeserializer<?> delegate;

        @Override
        public void resolve(DeserializationContext ctxt) throws JsonMappingException {
            delegate = ctxt.findRootValueDeserializer(ctxt.constructType(Dto.HistoryDto.class));
        }

        HistoryDeserializer(Class<?> valueType) {
            super(History.class);
            this.valueType = valueType;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            JavaType type = property != null ? property.getType() : ctxt.getContextualType();
            if (type != null && type.containedTypeCount() == 1) {
                HistoryDeserializer typed = new HistoryDeserializer(type.containedType(0).getRawClass());
                typed.resolve(ctxt);
                return typed;
            }
            return this;
        }

        @Override
        public History<?> deserialize(JsonParser p, DeserializationContext ctxt) {
            return Mapping.toHistory(readDto(p, ctxt, delegate, Dto.HistoryDto.class, "history"), valueType, "history");
        }
    }

    /** Reads an identifier from a JSON string. */
    static final class StringDeserializer<T> extends StdDeserializer<T> {
        private static final long serialVersionUID = 1L;
        private final String path;
        private final transient Function<String, T> parse;

        StringDeserializer(Class<T> type, String path, Function<String, T> parse) {
            super(type);
            this.path = path;
            this.parse = parse;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken() != JsonToken.VALUE_STRING) {
                throw new ValidationException(path, "must be a JSON string");
            }
            return parse.apply(p.getText());
        }
    }

    /** Writes one model type with {@link ModelWriter}. */
    static final class Writer<T> extends StdSerializer<T> {
        private static final long serialVersionUID = 1L;
        private final transient WriteFunction<T> write;

        Writer(Class<T> type, WriteFunction<T> write) {
            super(type);
            this.write = write;
        }

        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            write.write(gen, value);
        }
    }

    /** A write step that may fail with an I/O error. */
    @FunctionalInterface
    interface WriteFunction<T> {
        void write(JsonGenerator gen, T value) throws IOException;
    }

    /** Writes the full CPR number: JSON is data, not a log line. */
    static final class CprSerializer extends StdSerializer<Cpr> {
        private static final long serialVersionUID = 1L;

        CprSerializer() {
            super(Cpr.class);
        }

        @Override
        public void serialize(Cpr value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(value.value());
        }
    }
}

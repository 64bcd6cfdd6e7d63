package dk.rammearkitektur.model.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.rammearkitektur.core.ValidationException;
import dk.rammearkitektur.model.History;
import dk.rammearkitektur.model.internal.json.JsonErrors;
import dk.rammearkitektur.model.internal.json.ModelModule;
import java.util.Objects;

/**
 * JSON for the model through Jackson.
 *
 * <p>{@link #mapper()} is a shared, fully configured {@link ObjectMapper}: unknown properties, duplicate keys,
 * trailing tokens and fractional numbers for integers are refused; dates are ISO-8601 strings; amounts decimal
 * strings ({@code "1234.50"}). Use {@link #builder()} for a variant, e.g. one that ignores unknown properties, or
 * {@link #module()} to add the model to a mapper of your own. Invalid input yields
 * {@link ValidationException} with the JSON path of each problem, e.g. {@code case.parties[2].party.cpr}.
 *
 * <pre>{@code
 * String json = RammearkitekturJson.write(aCase);
 * Case back = RammearkitekturJson.read(json, Case.class);
 * History<Case> history = RammearkitekturJson.readHistory(json, Case.class);
 * }</pre>
 *
 * <p>Readable and writable types: {@code Case}, {@code Document}, {@code Benefit}, {@code Person}, {@code Company},
 * {@code OrganisationUnit} (and {@code Party}, told apart by {@code cpr} or {@code cvr}), {@code History}, and the identifiers ({@code Cpr}, {@code Cvr}, {@code PNumber},
 * {@code KleNumber}, the typed ids) as strings. The CPR number is written in full: JSON is data, not a log line.
 */
public final class RammearkitekturJson {
    private static final ObjectMapper SHARED = builder().build();

    private RammearkitekturJson() {
    }

    /** The shared configured mapper. Do not reconfigure it; build your own with {@link #builder()}. */
    public static ObjectMapper mapper() {
        return SHARED;
    }

    /** A builder for a differently configured mapper. */
    public static Builder builder() {
        return new Builder();
    }

    /** The Jackson module with the model's serializers and deserializers, for registering in your own mapper. */
    public static SimpleModule module() {
        return new ModelModule();
    }

    /**
     * Writes a model object as JSON with the shared mapper.
     *
     * @param value a case, document, benefit, party, history or identifier
     * @return the JSON text
     */
    public static String write(Object value) {
        Objects.requireNonNull(value, "value == null");
        try {
            return SHARED.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /**
     * Reads a model object with the shared mapper.
     *
     * @param json the JSON text
     * @param type the model type, e.g. {@code Case.class}
     * @param <T> the model type
     * @return the value, never {@code null}
     * @throws ValidationException listing what is wrong, with paths
     */
    public static <T> T read(String json, Class<T> type) {
        return read(SHARED, json, type);
    }

    /**
     * Reads a model object with {@code mapper}.
     *
     * @param mapper a mapper from {@link #builder()} or one with {@link #module()} registered
     * @param json the JSON text
     * @param type the model type
     * @param <T> the model type
     * @return the value, never {@code null}
     * @throws ValidationException listing what is wrong, with paths
     */
    public static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        Objects.requireNonNull(json, "json == null");
        String root = rootName(type);
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new ValidationException(root, "is required");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw JsonErrors.toValidation(e, root);
        }
    }

    /**
     * Reads a history whose values must all be of {@code valueType}.
     *
     * @param json the JSON text
     * @param valueType e.g. {@code Case.class}, {@code Party.class}
     * @param <T> the value type
     * @return the history
     * @throws ValidationException listing what is wrong, with paths under {@code history}
     */
    public static <T> History<T> readHistory(String json, Class<T> valueType) {
        Objects.requireNonNull(json, "json == null");
        Objects.requireNonNull(valueType, "valueType == null");
        try {
            History<T> h = SHARED.readValue(json, SHARED.getTypeFactory().constructParametricType(History.class, valueType));
            if (h == null) {
                throw new ValidationException("history", "is required");
            }
            return h;
        } catch (JsonProcessingException e) {
            throw JsonErrors.toValidation(e, "history");
        }
    }

    private static String rootName(Class<?> type) {
        String simple = type.getSimpleName();
        return simple.isEmpty() ? "$" : Character.toLowerCase(simple.charAt(0)) + simple.substring(1);
    }

    /** Configures a mapper. */
    public static final class Builder {
        private boolean failOnUnknownProperties = true;
        private boolean indent;

        private Builder() {
        }

        /** Whether unknown JSON properties are refused (default {@code true}). */
        public Builder failOnUnknownProperties(boolean value) {
            this.failOnUnknownProperties = value;
            return this;
        }

        /** Whether output is indented (default {@code false}). */
        public Builder indent(boolean value) {
            this.indent = value;
            return this;
        }

        /** Builds a new mapper. */
        public ObjectMapper build() {
            return JsonMapper.builder()
                    .addModule(new JavaTimeModule())
                    .addModule(new ModelModule())
                    .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, failOnUnknownProperties)
                    .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                    .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .configure(SerializationFeature.INDENT_OUTPUT, indent)
                    .build();
        }
    }
}

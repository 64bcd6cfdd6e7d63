package dk.rammearkitektur.benchmarks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dk.rammearkitektur.model.Case;
import dk.rammearkitektur.model.json.RammearkitekturJson;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Benchmark 4: model JSON round trip (write then read, with all the model's validation) of a case graph with 3
 * parties, 8 documents of 2 variants and 3 benefits, against plain Jackson writing and reading an equivalent graph of
 * mutable POJOs ({@link CasePojos}). Setup checks that both produce the same JSON tree. Goal: ratio at least 0.9.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
public class JsonRoundTripBenchmark {
    private Case model;
    private CasePojos.CaseDto pojo;
    private ObjectMapper plain;

    /** Builds the case from the generated JSON, both ways, and checks they are equivalent. */
    @Setup
    public void setup() throws JsonProcessingException {
        String json = RammearkitekturJson.write(RammearkitekturJson.read(CaseJson.generate(8, 3), Case.class));
        model = RammearkitekturJson.read(json, Case.class);
        plain = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        pojo = plain.readValue(json, CasePojos.CaseDto.class);
        String pojoJson = plain.writeValueAsString(pojo);
        if (!plain.readTree(pojoJson).equals(plain.readTree(json))) {
            throw new IllegalStateException("POJO graph is not equivalent:\n" + json + "\n" + pojoJson);
        }
    }

    /** Model case to JSON and back. */
    @Benchmark
    public Case sdk() {
        return RammearkitekturJson.read(RammearkitekturJson.write(model), Case.class);
    }

    /** POJO graph to JSON and back with a plain ObjectMapper. */
    @Benchmark
    public CasePojos.CaseDto baseline() throws JsonProcessingException {
        return plain.readValue(plain.writeValueAsString(pojo), CasePojos.CaseDto.class);
    }
}

package io.github.camelaerona.model;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON mapping of Aerona's records: java.time as ISO text, decimals as BigDecimal, offsets kept. */
public final class AeronaJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // keep 12.30 as 12.30 when a record passes through a JSON tree
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .build();

    private AeronaJson() {
    }

    /**
     * A mapper configured as the component maps Aerona's records. Each call returns a new one (a copy, so callers
     * may configure theirs without changing how the component reads replies); keep it rather than call this per use.
     */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }
}

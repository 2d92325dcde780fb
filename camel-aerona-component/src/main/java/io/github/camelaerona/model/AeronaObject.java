package io.github.camelaerona.model;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The base of Aerona's records. Fields the API sends that the class does not know yet are kept in
 * {@link #getAdditionalProperties()} and written back out, so nothing is lost when Aerona adds fields.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class AeronaObject {

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }
}

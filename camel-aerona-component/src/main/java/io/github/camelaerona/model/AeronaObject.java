package io.github.camelaerona.model;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The base of Aerona's records. Fields the API sends that the class does not know yet are kept in
 * {@link #getAdditionalProperties()} and written back out, so nothing is lost when Aerona adds fields.
 * {@link #toString()} shows the record's ids (its own and those of the records it refers to) and the fields marked
 * {@link SafeToLog}, never personal data.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class AeronaObject {

    private static final ClassValue<List<Field>> SHOWN = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> shown = new ArrayList<>();
            for (Field field : type.getDeclaredFields()) {
                // a Long id refers to a record; Integer codes such as genderId describe the person
                boolean id = field.getType() == Long.class
                        && (field.getName().equals("id") || field.getName().endsWith("Id"));
                if (!Modifier.isStatic(field.getModifiers()) && (id || field.isAnnotationPresent(SafeToLog.class))) {
                    field.setAccessible(true);
                    shown.add(field);
                }
            }
            return List.copyOf(shown);
        }
    };

    private final Map<String, Object> additionalProperties = new LinkedHashMap<>();

    @JsonAnyGetter
    public Map<String, Object> getAdditionalProperties() {
        return additionalProperties;
    }

    @JsonAnySetter
    public void setAdditionalProperty(String name, Object value) {
        additionalProperties.put(name, value);
    }

    /** Such as {@code Invoice{id=118, patientId=426709, date=2026-06-16, price=60.00, status=Paid}}. */
    @Override
    public String toString() {
        StringJoiner text = new StringJoiner(", ", getClass().getSimpleName() + "{", "}");
        for (Field field : SHOWN.get(getClass())) {
            try {
                Object value = field.get(this);
                if (value != null) {
                    text.add(field.getName() + "=" + value);
                }
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        return text.toString();
    }
}

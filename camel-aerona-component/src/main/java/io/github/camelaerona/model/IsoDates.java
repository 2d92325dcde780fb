package io.github.camelaerona.model;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;

/**
 * Aerona's dates and date-times as ISO-8601 text, written into the models themselves, so that any ObjectMapper
 * (Camel's Jackson data format with its default settings, one without the java.time module) reads and writes a
 * record's dates as Aerona sent them: a date-time keeps its offset and instant, a date stays yyyy-MM-dd.
 */
public final class IsoDates {

    private IsoDates() {
    }

    /** A date-time field, such as {@code "2022-01-19T13:34:21Z"}. */
    @Target({ ElementType.FIELD, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @JacksonAnnotationsInside
    @JsonSerialize(using = DateTimeWriter.class)
    @JsonDeserialize(using = DateTimeReader.class)
    public @interface DateTime {
    }

    /** A date field, such as {@code "2022-01-19"}. */
    @Target({ ElementType.FIELD, ElementType.METHOD })
    @Retention(RetentionPolicy.RUNTIME)
    @JacksonAnnotationsInside
    @JsonSerialize(using = DateWriter.class)
    @JsonDeserialize(using = DateReader.class)
    public @interface Date {
    }

    static final class DateTimeWriter extends StdScalarSerializer<OffsetDateTime> {
        DateTimeWriter() {
            super(OffsetDateTime.class);
        }

        @Override
        public void serialize(OffsetDateTime value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    static final class DateTimeReader extends StdScalarDeserializer<OffsetDateTime> {
        DateTimeReader() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser in, DeserializationContext context) throws IOException {
            String text = in.getValueAsString();
            try {
                return text == null || text.isBlank() ? null : OffsetDateTime.parse(text.trim());
            } catch (java.time.DateTimeException e) {
                return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
                        "not an ISO-8601 date-time with offset");
            }
        }
    }

    static final class DateWriter extends StdScalarSerializer<LocalDate> {
        DateWriter() {
            super(LocalDate.class);
        }

        @Override
        public void serialize(LocalDate value, JsonGenerator out, SerializerProvider provider) throws IOException {
            out.writeString(value.toString());
        }
    }

    static final class DateReader extends StdScalarDeserializer<LocalDate> {
        DateReader() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser in, DeserializationContext context) throws IOException {
            String text = in.getValueAsString();
            try {
                return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
            } catch (java.time.DateTimeException e) {
                return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not an ISO-8601 date");
            }
        }
    }
}

package io.github.camelaerona.model;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
final class IsoDates {

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

    /**
     * An ISO-8601 date-time with offset, as {@link OffsetDateTime#parse} reads it. The common forms
     * ({@code 2030-01-19T13:30[:00[.5]]Z} or {@code +01:00}) are read by hand: java.time's formatter was most of a
     * webhook's cost. Anything else, valid or not, goes to {@link OffsetDateTime#parse}.
     */
    static OffsetDateTime parseDateTime(String text) {
        OffsetDateTime common = parseCommonForm(text);
        return common != null ? common : OffsetDateTime.parse(text);
    }

    private static OffsetDateTime parseCommonForm(String s) {
        int n = s.length();
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int i = 16;
        int second = 0;
        int nano = 0;
        if (i < n && s.charAt(i) == ':') {
            second = digits(s, i + 1, 2);
            i += 3;
            if (i < n && s.charAt(i) == '.') {
                int start = ++i;
                while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                    i++;
                }
                if (i - start == 0 || i - start > 9) {
                    return null;
                }
                nano = digits(s, start, i - start);
                for (int k = i - start; k < 9; k++) {
                    nano *= 10;
                }
            }
        }
        ZoneOffset offset;
        if (i == n - 1 && s.charAt(i) == 'Z') {
            offset = ZoneOffset.UTC;
        } else if (n - i == 6 && (s.charAt(i) == '+' || s.charAt(i) == '-') && s.charAt(i + 3) == ':') {
            int sign = s.charAt(i) == '-' ? -1 : 1;
            int hours = digits(s, i + 1, 2);
            int minutes = digits(s, i + 4, 2);
            if (hours < 0 || minutes < 0) {
                return null;
            }
            try {
                offset = ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
            } catch (java.time.DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nano < 0) {
            return null;
        }
        try {
            return OffsetDateTime.of(year, month, day, hour, minute, second, nano, offset);
        } catch (java.time.DateTimeException e) {
            return null; // let java.time say what is wrong
        }
    }

    /** The non-negative number written by {@code length} digits at {@code from}; -1 when they are not all digits. */
    private static int digits(String s, int from, int length) {
        if (from + length > s.length()) {
            return -1;
        }
        int value = 0;
        for (int i = from; i < from + length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    static final class DateTimeReader extends StdScalarDeserializer<OffsetDateTime> {
        DateTimeReader() {
            super(OffsetDateTime.class);
        }

        @Override
        public OffsetDateTime deserialize(JsonParser in, DeserializationContext context) throws IOException {
            String text = in.getValueAsString();
            try {
                return text == null || text.isBlank() ? null : parseDateTime(text.trim());
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

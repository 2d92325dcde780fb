package io.github.camelaerona.internal.operation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.camelaerona.internal.SafeText;

/**
 * The API's rule for one kind of value, and its canonical form: numbers become {@code Long}/{@code Integer},
 * dates {@code LocalDate}, date-times an ISO-8601 string with offset. A value that breaks the rule throws
 * {@link IllegalArgumentException} with what is wrong; the caller adds the operation and the field.
 */
public enum ValueRule {

    /** A positive whole number of at most 11 digits. */
    ID("a positive whole number of at most 11 digits") {
        @Override
        Object check(Object value) {
            long id = wholeNumber(value);
            if (id < 1 || id > 99_999_999_999L) {
                throw invalid(value);
            }
            return id;
        }
    },
    /** Aerona's clinician types, 1-16. */
    CLINICIAN_TYPE("a clinician type id from 1 to 16") {
        @Override
        Object check(Object value) {
            return smallInt(value, 1, 16, this);
        }
    },
    /** Aerona's appointment statuses: 1-14 and 16. */
    APPOINTMENT_STATUS("an appointment status id: 1-14 or 16") {
        @Override
        Object check(Object value) {
            int status = smallInt(value, 1, 16, this);
            if (!STATUSES.contains(status)) {
                throw invalid(value);
            }
            return status;
        }
    },
    /** 0 any, 1 before 12pm, 2 between 12pm and 5pm, 3 after 5pm. */
    TIME_OF_DAY("0 (any), 1 (before 12pm), 2 (12pm to 5pm) or 3 (after 5pm)") {
        @Override
        Object check(Object value) {
            return smallInt(value, 0, 3, this);
        }
    },
    /** An appointment length in minutes, 1-999999. */
    DURATION("a number of minutes from 1 to 999999") {
        @Override
        Object check(Object value) {
            return smallInt(value, 1, 999_999, this);
        }
    },
    /** An ISO date, yyyy-MM-dd. */
    DATE("an ISO date (yyyy-MM-dd)") {
        @Override
        Object check(Object value) {
            if (value instanceof LocalDate date) {
                return date;
            }
            if (value instanceof LocalDateTime time) {
                return time.toLocalDate();
            }
            if (value instanceof OffsetDateTime time) {
                return time.toLocalDate();
            }
            if (value instanceof ZonedDateTime time) {
                return time.toLocalDate();
            }
            if (value instanceof Instant instant) {
                return instant.atOffset(ZoneOffset.UTC).toLocalDate();
            }
            if (value instanceof CharSequence text && ISO_DATE.matcher(text).matches()) {
                try {
                    return LocalDate.parse(text, STRICT_DATE);
                } catch (DateTimeParseException e) {
                    throw invalid(value);
                }
            }
            throw invalid(value);
        }
    },
    /** An ISO-8601 date-time with an offset, such as 2023-01-19T13:30:00Z. */
    DATE_TIME("an ISO-8601 date-time with offset (such as 2023-01-19T13:30:00Z)") {
        @Override
        Object check(Object value) {
            if (value instanceof OffsetDateTime time) {
                return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            if (value instanceof ZonedDateTime time) {
                return time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            if (value instanceof Instant instant) {
                return instant.atOffset(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            }
            if (value instanceof CharSequence text) {
                try {
                    TemporalAccessor parsed = DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text);
                    return OffsetDateTime.from(parsed).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
                } catch (DateTimeParseException e) {
                    throw invalid(value);
                }
            }
            throw invalid(value);
        }
    },
    /** true or false. */
    BOOLEAN("true or false") {
        @Override
        Object check(Object value) {
            if (value instanceof Boolean b) {
                return b;
            }
            if (value instanceof CharSequence text && ("true".equals(text.toString()) || "false".equals(text.toString()))) {
                return Boolean.valueOf(text.toString());
            }
            throw invalid(value);
        }
    },
    /** Free text. */
    TEXT("text") {
        @Override
        Object check(Object value) {
            if (value instanceof CharSequence) {
                return value.toString();
            }
            throw invalid(value);
        }
    };

    private static final Set<Integer> STATUSES = Set.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16);
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,11}");
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final DateTimeFormatter STRICT_DATE
            = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final String expected;

    ValueRule(String expected) {
        this.expected = expected;
    }

    /** What a valid value looks like, for messages and docs. */
    public String expected() {
        return expected;
    }

    /** The canonical form of a valid value; throws IllegalArgumentException saying what is wrong otherwise. */
    abstract Object check(Object value);

    IllegalArgumentException invalid(Object value) {
        String shown = value instanceof CharSequence ? SafeText.quote(value) : SafeText.excerpt(value, SafeText.VALUE_LENGTH);
        return new IllegalArgumentException("must be " + expected + ", but was " + shown);
    }

    long wholeNumber(Object value) {
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof BigInteger big && big.bitLength() < 63) {
            return big.longValue();
        }
        if (value instanceof BigDecimal big) {
            try {
                return big.longValueExact();
            } catch (ArithmeticException e) {
                throw invalid(value);
            }
        }
        if (value instanceof CharSequence text && DIGITS.matcher(text).matches()) {
            return Long.parseLong(text.toString());
        }
        throw invalid(value);
    }

    static int smallInt(Object value, int min, int max, ValueRule rule) {
        long n = rule.wholeNumber(value);
        if (n < min || n > max) {
            throw rule.invalid(value);
        }
        return (int) n;
    }
}
